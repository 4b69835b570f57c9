/**
 * Percentile bootstrap intervals. Quantiles use numpy's default definition (`np.quantile(x, q)`,
 * method "linear", Hyndman & Fan type 7): with the m values sorted ascending, h = (m − 1)·q and the
 * quantile is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
 */

/** Smallest share of defined (non-NaN) replicates for which an interval is still reported. */
export const MIN_DEFINED_SHARE = 0.5;

/**
 * The q-quantile (q in [0, 1]) of values already sorted ascending, numpy "linear" method.
 * @returns NaN for an empty array.
 */
export function computeSortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const m = sorted.length;
  if (m === 0) return Number.NaN;
  const h = (m - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo >= m - 1) return sorted[m - 1]!;
  const frac = h - lo;
  return frac === 0 ? a : a + frac * (sorted[lo + 1]! - a);
}

/**
 * The equal-tailed percentile interval [q(α/2), q(1 − α/2)] with α = 1 − confidence, over the
 * replicates that are defined. NaN marks a replicate where the statistic is undefined (e.g. a
 * resample without positives for ROC AUC); those are left out. `replicates` is not modified.
 *
 * @param confidence in (0, 1), e.g. 0.95.
 * @returns `null` when there are no replicates, or fewer than {@link MIN_DEFINED_SHARE} of them
 *   (and fewer than 2) are defined: an interval over a minority of resamples would mislead.
 * @throws RangeError for a confidence outside (0, 1).
 */
export function computePercentileInterval(
  replicates: Float64Array,
  confidence: number,
): [number, number] | null {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const defined = new Float64Array(replicates.length);
  let m = 0;
  for (let i = 0; i < replicates.length; i++) {
    const v = replicates[i]!;
    if (!Number.isNaN(v)) defined[m++] = v;
  }
  if (m < 2 || m < MIN_DEFINED_SHARE * replicates.length) return null;
  const sorted = defined.subarray(0, m).sort();
  const alpha = 1 - confidence;
  return [computeSortedQuantile(sorted, alpha / 2), computeSortedQuantile(sorted, 1 - alpha / 2)];
}
