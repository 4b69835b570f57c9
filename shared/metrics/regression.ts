/**
 * Regression metrics, scikit-learn 1.2 definitions, in one pass.
 */
import type { MetricValue } from '../evaluate/types.js';
import { assertSameLength, type RowWeights } from './check-input.js';
import { FLOAT64_EPS } from './loss.js';
import type { RegressionMetricName } from './metric-names.js';

export type { RegressionMetricName } from './metric-names.js';

/** Inputs of {@link computeRegressionMetrics}; NaN and ±Infinity are rejected upstream. */
export interface RegressionMetricsInput {
  y: Float64Array;
  prediction: Float64Array;
  /** Per-row multiplicities (bootstrap counts); equal to the metrics on the expanded rows. */
  weights?: RowWeights;
}

/**
 * mae, rmse, r2 and mape (scikit-learn 1.2):
 * - mae = mean |y − ŷ|; rmse = √(mean (y − ŷ)²) (`mean_squared_error(squared=False)`).
 * - mape = mean |y − ŷ| / max(|y|, eps), eps = float64 machine epsilon, as a fraction (not %).
 * - r2 = 1 − SS_res / SS_tot. `r2_score` (force_finite=True) returns 1.0 for a perfect
 *   prediction (SS_res = 0) even when y is constant, and 0.0 when y is constant and the prediction
 *   is not; ModelGate returns `null` for that undefined case. Fewer than two rows → `null`
 *   (scikit-learn: NaN). A constant y is detected exactly (min = max): scikit-learn's two-pass
 *   mean can leave a rounding-sized SS_tot there and return a meaningless huge negative R².
 * No rows → every metric `null`.
 * @throws ModelGateError when the arrays differ in length.
 */
export function computeRegressionMetrics(
  input: RegressionMetricsInput,
): Record<RegressionMetricName, MetricValue> {
  const { y, prediction, weights } = input;
  assertSameLength({ y, prediction, weights });
  const s = accumulate(y, prediction, weights);
  if (s.weight === 0) {
    const none = { value: null, reason: 'no rows' };
    return { mae: none, rmse: none, r2: none, mape: none };
  }
  return {
    mae: { value: s.absError / s.weight },
    rmse: { value: Math.sqrt(s.squaredError / s.weight) },
    r2: computeR2(s),
    mape: { value: s.relativeError / s.weight },
  };
}

interface Sums {
  weight: number;
  absError: number;
  squaredError: number;
  relativeError: number;
  /** Weighted sum of squared deviations of y from its mean (West's weighted Welford update). */
  squaredDeviation: number;
  min: number;
  max: number;
}

/** One pass: error sums plus a numerically stable running variance of y. */
function accumulate(y: Float64Array, prediction: Float64Array, weights: RowWeights | undefined): Sums {
  let weight = 0;
  let absError = 0;
  let squaredError = 0;
  let relativeError = 0;
  let mean = 0;
  let squaredDeviation = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < y.length; i++) {
    const w = weights === undefined ? 1 : weights[i]!;
    if (w === 0) continue;
    const t = y[i]!;
    const e = t - prediction[i]!;
    const a = Math.abs(e);
    weight += w;
    absError += w * a;
    squaredError += w * (e * e);
    relativeError += w * (a / Math.max(Math.abs(t), FLOAT64_EPS));
    const delta = t - mean;
    mean += (w / weight) * delta;
    squaredDeviation += w * delta * (t - mean);
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return { weight, absError, squaredError, relativeError, squaredDeviation, min, max };
}

function computeR2(s: Sums): MetricValue {
  if (s.weight < 2) return { value: null, reason: 'fewer than two rows' };
  if (s.squaredError === 0) return { value: 1 };
  if (s.min === s.max) return { value: null, reason: 'constant target (zero variance)' };
  return { value: 1 - s.squaredError / s.squaredDeviation };
}
