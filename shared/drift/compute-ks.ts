/**
 * Two-sample Kolmogorov–Smirnov: the exact statistic D = sup_x |F_ref(x) − F_cur(x)| over the
 * empirical CDFs (ties handled as `scipy.stats.ks_2samp`, whose statistic it equals), and the
 * asymptotic two-sided p-value Q_KS(√(n·m/(n+m)) · D) from the Kolmogorov limiting distribution
 * (`scipy.stats.kstwobign.sf`, R's `ks.test(exact = FALSE)`). SciPy's `method="asymp"` uses the
 * finite-sample distribution at n = round(n·m/(n+m)) instead; the two agree to within a few
 * percent of the p-value at the sample sizes monitoring judges (≥ 100), and the decision rests
 * on D anyway.
 */
import { kolmogorovSurvival } from './special-functions.js';

/** The KS statistic D in [0, 1] and its asymptotic two-sided p-value. */
export interface KsResult {
  statistic: number;
  pValue: number;
}

/**
 * @param reference, current values sorted ascending, without missing values.
 * @returns null when either sample is empty.
 */
export function computeKs(reference: Float64Array, current: Float64Array): KsResult | null {
  const n = reference.length;
  const m = current.length;
  if (n === 0 || m === 0) return null;
  let i = 0;
  let j = 0;
  let statistic = 0;
  // Merge walk: at each distinct value, step past every copy of it on both sides, then compare.
  while (i < n && j < m) {
    const x = Math.min(reference[i]!, current[j]!);
    while (i < n && reference[i]! <= x) i++;
    while (j < m && current[j]! <= x) j++;
    const d = Math.abs(i / n - j / m);
    if (d > statistic) statistic = d;
  }
  // Once one side is exhausted its CDF is 1 and the other climbs to 1: the gap only shrinks.
  const effective = (n * m) / (n + m);
  return { statistic, pValue: kolmogorovSurvival(Math.sqrt(effective) * statistic) };
}
