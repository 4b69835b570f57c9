/**
 * Probabilistic losses of a binary score: log loss and Brier score, scikit-learn 1.2 definitions.
 */
import type { MetricValue } from '../evaluate/types.js';
import { assertSameLength, type RowWeights } from './check-input.js';

/**
 * Clipping bound of log loss: float64 machine epsilon, `np.finfo(np.float64).eps`. scikit-learn 1.2
 * changed `log_loss`'s default `eps` from 1e-15 to `"auto"` = the epsilon of the probabilities'
 * dtype; ModelGate's probabilities are float64.
 */
export const FLOAT64_EPS = 2.220446049250313e-16;

/** `np.clip(p, eps, 1 - eps)` with eps = {@link FLOAT64_EPS}, as log loss does before the log. */
export function clipProbability(p: number): number {
  return Math.min(Math.max(p, FLOAT64_EPS), 1 - FLOAT64_EPS);
}

/**
 * Binary log loss, as scikit-learn 1.2 `log_loss(y, score, labels=[0, 1])`: p is clipped to
 * [eps, 1 − eps], the pair (1 − p, p) is renormalised by its sum (scikit-learn's step, a no-op
 * up to rounding), and the loss is the (weighted) mean of −log of the true class's probability.
 * Defined with a single class present (scikit-learn needs `labels` then, or it raises).
 *
 * @param weights per-row multiplicities; equal to the metric on the expanded rows.
 * @returns `null` when there are no rows (or all weights are 0).
 */
export function computeLogLoss(y: Uint8Array, score: Float64Array, weights?: RowWeights): MetricValue {
  assertSameLength({ y, score, weights });
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < y.length; i++) {
    const w = weights === undefined ? 1 : weights[i]!;
    if (w === 0) continue;
    const p = clipProbability(score[i]!);
    const q = 1 - p;
    const sum = q + p;
    total -= w * Math.log((y[i] === 1 ? p : q) / sum);
    weightSum += w;
  }
  if (weightSum === 0) return { value: null, reason: 'no rows' };
  return { value: total / weightSum };
}

/**
 * Brier score, as scikit-learn 1.2 `brier_score_loss(y, score)`: the (weighted) mean of
 * (y − p)². Defined with a single class present.
 *
 * @param weights per-row multiplicities; equal to the metric on the expanded rows.
 * @returns `null` when there are no rows (or all weights are 0).
 */
export function computeBrier(y: Uint8Array, score: Float64Array, weights?: RowWeights): MetricValue {
  assertSameLength({ y, score, weights });
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < y.length; i++) {
    const w = weights === undefined ? 1 : weights[i]!;
    const d = y[i]! - score[i]!;
    total += w * (d * d);
    weightSum += w;
  }
  if (weightSum === 0) return { value: null, reason: 'no rows' };
  return { value: total / weightSum };
}
