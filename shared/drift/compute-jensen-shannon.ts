/**
 * Jensen–Shannon distance between two categorical distributions, base 2 (so it lies in [0, 1]),
 * as `scipy.spatial.distance.jensenshannon(p, q, base=2)`: with m = (p + q) / 2,
 * JS = √((KL(p‖m) + KL(q‖m)) / 2), KL in bits, 0·log 0 = 0. No smoothing: empty categories
 * contribute nothing.
 */
import { sum } from './compute-psi.js';

/**
 * @param reference, current counts per category (same categories, same order).
 * @returns the distance in [0, 1], or null when either side has no rows.
 * @throws RangeError when the vectors differ in length.
 */
export function computeJensenShannon(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
): number | null {
  if (reference.length !== current.length)
    throw new RangeError('Jensen-Shannon needs the same categories on both sides');
  const totalRef = sum(reference);
  const totalCur = sum(current);
  if (totalRef === 0 || totalCur === 0) return null;
  let divergence = 0;
  for (let i = 0; i < reference.length; i++) {
    const p = reference[i]! / totalRef;
    const q = current[i]! / totalCur;
    const m = (p + q) / 2;
    if (p > 0) divergence += p * Math.log(p / m);
    if (q > 0) divergence += q * Math.log(q / m);
  }
  // Rounding can leave a tiny negative divergence for identical distributions.
  return Math.sqrt(Math.max(0, divergence / Math.LN2 / 2));
}
