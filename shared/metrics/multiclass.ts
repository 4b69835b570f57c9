/**
 * Multiclass metrics (scikit-learn 1.2 definitions) and the argmax decision rule. Classes are
 * indices 0..k−1 into the model's class list.
 */
import { ModelGateError } from '../errors.js';
import type { MetricValue } from '../evaluate/types.js';
import { assertSameLength, type RowWeights } from './check-input.js';
import { computeF1 } from './confusion.js';
import { clipProbability } from './loss.js';
import type { MulticlassMetricName } from './metric-names.js';

export type { MulticlassMetricName } from './metric-names.js';

/** Inputs of {@link computeMulticlassMetrics}. */
export interface MulticlassMetricsInput {
  /** True class index per row, in 0..k−1. */
  y: Int32Array;
  /** Number of classes. */
  k: number;
  /** Row-major n × k probabilities; NaN rejected upstream. */
  proba: Float64Array;
  /** Decided class index per row, from {@link decideMulticlass}. */
  pred: Int32Array;
}

/** Per-class totals: true positives, actual rows (support) and predicted rows of each class. */
export interface ClassCounts {
  tp: Float64Array;
  trueSum: Float64Array;
  predSum: Float64Array;
}

/** The multiclass metrics that depend only on {@link ClassCounts}. */
export type MulticlassCountMetricName = Exclude<MulticlassMetricName, 'log_loss'>;

/**
 * Per-class counts in one pass; `weights` (bootstrap multiplicities) count each row that often.
 * @throws ModelGateError on differing lengths or a class index outside 0..k−1.
 */
export function computeClassCounts(input: {
  y: Int32Array;
  pred: Int32Array;
  k: number;
  weights?: RowWeights;
}): ClassCounts {
  const { y, pred, k, weights } = input;
  assertSameLength({ y, pred, weights });
  const tp = new Float64Array(k);
  const trueSum = new Float64Array(k);
  const predSum = new Float64Array(k);
  for (let i = 0; i < y.length; i++) {
    const t = y[i]!;
    const p = pred[i]!;
    if (t >>> 0 >= k || p >>> 0 >= k) throw outOfRange(i, t >>> 0 >= k ? t : p, k);
    const w = weights === undefined ? 1 : weights[i]!;
    trueSum[t]! += w;
    predSum[p]! += w;
    if (t === p) tp[t]! += w;
  }
  return { tp, trueSum, predSum };
}

function outOfRange(row: number, value: number, k: number): ModelGateError {
  return new ModelGateError('metric_input', `row ${row + 1}: class index ${value} is outside 0..${k - 1}`);
}

/**
 * One count metric, or `null` when there are no rows. scikit-learn 1.2 with `labels=None`:
 * - balanced_accuracy: mean recall over the classes present in y (absent classes are dropped).
 * - f1_macro: unweighted mean of per-class F1 over the classes present in y or in the decisions;
 *   a class's F1 is 2·P·R/(P+R) with an undefined P or R taken as 0 (then tp = 0 and F1 = 0, the
 *   same as 2tp/(2tp+fp+fn)). Classes absent from both are not averaged, as in scikit-learn.
 * - f1_weighted: per-class F1 averaged with the class supports as weights.
 */
export function computeMulticlassCountMetricValue(
  name: MulticlassCountMetricName,
  counts: ClassCounts,
): number | null {
  const { tp, trueSum, predSum } = counts;
  let n = 0;
  let correct = 0;
  let recallSum = 0;
  let present = 0;
  let f1Sum = 0;
  let f1Classes = 0;
  let f1Weighted = 0;
  for (let c = 0; c < tp.length; c++) {
    const support = trueSum[c]!;
    n += support;
    correct += tp[c]!;
    if (support > 0) {
      recallSum += tp[c]! / support;
      present++;
    }
    const f1 = computeF1(tp[c]!, predSum[c]! - tp[c]!, support - tp[c]!);
    if (f1 === null) continue;
    f1Sum += f1;
    f1Classes++;
    f1Weighted += f1 * support;
  }
  if (n === 0) return null;
  if (name === 'accuracy') return correct / n;
  if (name === 'balanced_accuracy') return recallSum / present;
  if (name === 'f1_macro') return f1Sum / f1Classes;
  return f1Weighted / n;
}

/**
 * Multiclass log loss, as scikit-learn 1.2 `log_loss(y, proba, labels=range(k))`: every
 * probability is clipped to [eps, 1 − eps] (eps = float64 machine epsilon), each row is
 * renormalised by its clipped sum, and the loss is the (weighted) mean of −log of the true class's
 * renormalised probability.
 * @returns `null` when there are no rows (or all weights are 0).
 */
export function computeMulticlassLogLoss(input: {
  y: Int32Array;
  k: number;
  proba: Float64Array;
  weights?: RowWeights;
}): MetricValue {
  const { y, k, proba, weights } = input;
  assertProbaShape(y.length, k, proba);
  assertSameLength({ y, weights });
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < y.length; i++) {
    const w = weights === undefined ? 1 : weights[i]!;
    if (w === 0) continue;
    const t = y[i]!;
    if (t >>> 0 >= k) throw outOfRange(i, t, k);
    const base = i * k;
    let rowSum = 0;
    for (let c = 0; c < k; c++) rowSum += clipProbability(proba[base + c]!);
    total -= w * Math.log(clipProbability(proba[base + t]!) / rowSum);
    weightSum += w;
  }
  if (weightSum === 0) return { value: null, reason: 'no rows' };
  return { value: total / weightSum };
}

function assertProbaShape(n: number, k: number, proba: Float64Array): void {
  if (!Number.isInteger(k) || k < 1 || proba.length !== n * k) {
    throw new ModelGateError(
      'metric_input',
      `probabilities have ${proba.length} values, expected ${n} rows × ${k} classes`,
    );
  }
}

/**
 * accuracy, balanced_accuracy, f1_macro, f1_weighted (see
 * {@link computeMulticlassCountMetricValue}) and log_loss (see {@link computeMulticlassLogLoss}).
 * With no rows every metric is `null`.
 * @throws ModelGateError on inconsistent shapes or class indices outside 0..k−1.
 */
export function computeMulticlassMetrics(
  input: MulticlassMetricsInput,
): Record<MulticlassMetricName, MetricValue> {
  const counts = computeClassCounts(input);
  const value = (name: MulticlassCountMetricName): MetricValue => {
    const v = computeMulticlassCountMetricValue(name, counts);
    return v === null ? { value: null, reason: 'no rows' } : { value: v };
  };
  return {
    accuracy: value('accuracy'),
    balanced_accuracy: value('balanced_accuracy'),
    log_loss: computeMulticlassLogLoss(input),
    f1_macro: value('f1_macro'),
    f1_weighted: value('f1_weighted'),
  };
}

/**
 * Class decisions: the model's own label output when it has one, otherwise the argmax of each
 * row's probabilities (the first maximum on ties, like numpy's `argmax`). Returns a new array.
 * @throws ModelGateError on inconsistent shapes.
 */
export function decideMulticlass(proba: Float64Array, k: number, label: Int32Array | null): Int32Array {
  const n = Number.isInteger(k) && k > 0 ? Math.floor(proba.length / k) : 0;
  assertProbaShape(n, k, proba);
  if (label !== null) {
    if (label.length !== n) assertProbaShape(label.length, k, proba);
    return label.slice();
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * k;
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[base + c]! > proba[base + best]!) best = c;
    out[i] = best;
  }
  return out;
}
