/**
 * Pearson's chi-square test of homogeneity on the 2 × k table (reference, current) × categories:
 * `scipy.stats.chi2_contingency(table, correction=False)` — no Yates correction, also for 2 × 2,
 * so the statistic is the same for every k. Categories empty on both sides are dropped first
 * (their expected count would be 0). Effect size: Cramér's V = √(χ² / N) for two rows
 * (`scipy.stats.contingency.association(table, method="cramer")`).
 */
import { sum } from './compute-psi.js';
import { chiSquareSurvival } from './special-functions.js';

/** Pearson's statistic, its degrees of freedom and p-value, and Cramér's V. */
export interface ChiSquareResult {
  statistic: number;
  /** Degrees of freedom: non-empty categories − 1. */
  dof: number;
  pValue: number;
  cramersV: number;
}

/**
 * @param reference, current counts per category (same categories, same order).
 * @returns null when either side has no rows. A single non-empty category gives statistic 0,
 *   dof 0, p-value 1 (nothing can differ).
 * @throws RangeError when the vectors differ in length.
 */
export function computeChiSquare(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
): ChiSquareResult | null {
  if (reference.length !== current.length)
    throw new RangeError('chi-square needs the same categories on both sides');
  const totalRef = sum(reference);
  const totalCur = sum(current);
  if (totalRef === 0 || totalCur === 0) return null;
  const total = totalRef + totalCur;
  let statistic = 0;
  let categories = 0;
  for (let i = 0; i < reference.length; i++) {
    const column = reference[i]! + current[i]!;
    if (column === 0) continue;
    categories++;
    const expectedRef = (totalRef * column) / total;
    const expectedCur = (totalCur * column) / total;
    statistic +=
      (reference[i]! - expectedRef) ** 2 / expectedRef + (current[i]! - expectedCur) ** 2 / expectedCur;
  }
  const dof = Math.max(0, categories - 1);
  if (dof === 0) return { statistic: 0, dof: 0, pValue: 1, cramersV: 0 };
  return {
    statistic,
    dof,
    pValue: chiSquareSurvival(statistic, dof),
    cramersV: Math.sqrt(statistic / total),
  };
}
