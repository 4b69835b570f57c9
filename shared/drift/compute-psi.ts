/**
 * Population stability index over shared bins: PSI = Σ (qᵢ − pᵢ) · ln(qᵢ / pᵢ), with pᵢ the
 * reference share and qᵢ the current share of bin i (shares of all rows, missing bin included).
 * An empty bin would make the logarithm infinite, so every share is floored at
 * {@link PSI_EPSILON} (not renormalised) — the usual convention; it caps one empty bin's
 * contribution at about 0.1 · ln(0.1 / 1e-4) ≈ 0.69 for a decile bin.
 */

/** Floor of every bin share before the logarithm. */
export const PSI_EPSILON = 1e-4;

/**
 * PSI of two count vectors over the same bins.
 * @returns null when either side has no rows; 0 for identical shares.
 * @throws RangeError when the vectors differ in length.
 */
export function computePsi(reference: ArrayLike<number>, current: ArrayLike<number>): number | null {
  if (reference.length !== current.length) throw new RangeError('PSI needs the same bins on both sides');
  const totalRef = sum(reference);
  const totalCur = sum(current);
  if (totalRef === 0 || totalCur === 0) return null;
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    const p = Math.max(reference[i]! / totalRef, PSI_EPSILON);
    const q = Math.max(current[i]! / totalCur, PSI_EPSILON);
    psi += (q - p) * Math.log(q / p);
  }
  return psi;
}

/** Sum of a count vector. */
export function sum(counts: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  return total;
}
