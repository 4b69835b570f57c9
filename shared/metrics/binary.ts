/**
 * All binary metrics of one model on one set of rows, and the rule that turns scores into 0/1
 * decisions.
 */
import type { MetricValue } from '../evaluate/types.js';
import { assertSameLength } from './check-input.js';
import { computeConfusion, computeCountMetrics } from './confusion.js';
import { computeBrier, computeLogLoss } from './loss.js';
import { BINARY_METRICS, type BinaryMetricName } from './metric-names.js';
import { computeRankMetrics, sortOrderDescending } from './rank.js';

export type { BinaryMetricName } from './metric-names.js';

/** Inputs of {@link computeBinaryMetrics}; all arrays have one entry per row. */
export interface BinaryMetricsInput {
  /** 0/1 ground truth (1 = the configured positive label). */
  y: Uint8Array;
  /** Probability of the positive class, in [0, 1]; NaN rejected upstream. */
  score: Float64Array;
  /** 0/1 decisions, from {@link decideBinary}. */
  pred: Uint8Array;
  /** `sortOrderDescending(score)`, when the caller already has it. */
  order?: Uint32Array;
}

/**
 * Every binary metric of the registry (scikit-learn 1.2 conventions; undefined values are `null`
 * with a reason, see `computeCountMetricValue`, `computeRocAuc`, `computeLogLoss`), in registry
 * order.
 * @throws ModelGateError when the arrays differ in length.
 */
export function computeBinaryMetrics(input: BinaryMetricsInput): Record<BinaryMetricName, MetricValue> {
  const { y, score, pred } = input;
  assertSameLength({ y, score, pred, order: input.order });
  const counts = computeCountMetrics(computeConfusion(y, pred));
  const order = input.order ?? sortOrderDescending(score);
  const scored: Record<Exclude<BinaryMetricName, keyof typeof counts>, MetricValue> = {
    ...computeRankMetrics(y, score, order),
    log_loss: computeLogLoss(y, score),
    brier: computeBrier(y, score),
  };
  const all: Record<BinaryMetricName, MetricValue> = { ...counts, ...scored };
  const out = {} as Record<BinaryMetricName, MetricValue>;
  for (const name of BINARY_METRICS) out[name] = all[name];
  return out;
}

/**
 * 0/1 decisions: with a threshold, positive iff `score >= threshold`; without one, the model's own
 * label output when it has one; otherwise `score >= 0.5`. Always returns a new array.
 * @throws ModelGateError when `label` and `score` differ in length.
 */
export function decideBinary(
  score: Float64Array,
  label: Uint8Array | null,
  threshold: number | undefined,
): Uint8Array {
  if (threshold === undefined && label !== null) {
    assertSameLength({ score, label });
    return label.slice();
  }
  const cut = threshold ?? 0.5;
  const out = new Uint8Array(score.length);
  for (let i = 0; i < score.length; i++) out[i] = score[i]! >= cut ? 1 : 0;
  return out;
}
