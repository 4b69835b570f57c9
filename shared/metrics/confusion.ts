/**
 * Binary confusion counts and every metric that is a function of them, with scikit-learn 1.2's
 * definitions except that an undefined value (zero denominator) is `null` with a reason, never 0.
 */
import type { MetricValue } from '../evaluate/types.js';
import { assertSameLength } from './check-input.js';

/** Cell counts of the binary confusion matrix (row counts, or summed weights). */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** The binary metrics that depend only on the confusion matrix. */
export type CountMetricName =
  | 'accuracy'
  | 'balanced_accuracy'
  | 'precision'
  | 'recall'
  | 'f1'
  | 'mcc'
  | 'selection_rate'
  | 'tpr'
  | 'fpr'
  | 'tnr'
  | 'fnr';

/** Every {@link CountMetricName}, in registry order. */
export const COUNT_METRICS: readonly CountMetricName[] = [
  'accuracy',
  'balanced_accuracy',
  'precision',
  'recall',
  'f1',
  'mcc',
  'selection_rate',
  'tpr',
  'fpr',
  'tnr',
  'fnr',
];

/**
 * Counts the confusion matrix of 0/1 labels `y` against 0/1 decisions `pred` in one branch-free
 * pass. Values other than 0/1 are a precondition violation (the engine encodes labels upstream).
 * @throws ModelGateError when the lengths differ.
 */
export function computeConfusion(y: Uint8Array, pred: Uint8Array): Confusion {
  assertSameLength({ y, pred });
  const n = y.length;
  let positives = 0;
  let predicted = 0;
  let tp = 0;
  for (let i = 0; i < n; i++) {
    const a = y[i]!;
    const b = pred[i]!;
    positives += a;
    predicted += b;
    tp += a & b;
  }
  const fp = predicted - tp;
  const fn = positives - tp;
  return { tp, fp, fn, tn: n - tp - fp - fn };
}

/**
 * One count metric as a plain number, or `null` when undefined. Allocation-free: the bootstrap
 * calls it once per metric and resample.
 *
 * Conventions (scikit-learn 1.2 unless noted):
 * - no rows (all cells 0) → every metric is `null`.
 * - precision: `null` when tp + fp = 0 (scikit-learn: 0 with a warning).
 * - recall = tpr, fnr: `null` when tp + fn = 0; fpr, tnr: `null` when fp + tn = 0.
 * - f1: `null` when tp + fp + fn = 0 (scikit-learn: 0). Otherwise scikit-learn's value, which is
 *   2tp / (2tp + fp + fn): when precision or recall is undefined tp = 0, so f1 = 0. Computed as
 *   scikit-learn does, 2·P·R / (P + R) with P or R taken as 0 when undefined, to match its rounding.
 * - mcc: scikit-learn's covariance formula; 0 when its denominator is 0 (scikit-learn's choice,
 *   e.g. a single class in `y` or in the decisions).
 * - balanced_accuracy: mean recall over the classes present in `y` (scikit-learn drops classes
 *   absent from y_true), so with one class present it is that class's recall.
 */
export function computeCountMetricValue(name: CountMetricName, c: Confusion): number | null {
  const { tp, fp, tn, fn } = c;
  const n = tp + fp + tn + fn;
  if (n === 0) return null;
  const pos = tp + fn;
  const neg = fp + tn;
  switch (name) {
    case 'accuracy':
      return (tp + tn) / n;
    case 'selection_rate':
      return (tp + fp) / n;
    case 'precision':
      return tp + fp === 0 ? null : tp / (tp + fp);
    case 'recall':
    case 'tpr':
      return pos === 0 ? null : tp / pos;
    case 'fnr':
      return pos === 0 ? null : fn / pos;
    case 'fpr':
      return neg === 0 ? null : fp / neg;
    case 'tnr':
      return neg === 0 ? null : tn / neg;
    case 'balanced_accuracy':
      if (pos === 0) return tn / neg;
      if (neg === 0) return tp / pos;
      return (tp / pos + tn / neg) / 2;
    case 'f1':
      return computeF1(tp, fp, fn);
    case 'mcc':
      return computeMcc(c, n);
  }
}

/** scikit-learn 1.2 `precision_recall_fscore_support` arithmetic for one class (beta = 1). */
export function computeF1(tp: number, fp: number, fn: number): number | null {
  if (tp + fp + fn === 0) return null;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const denom = precision + recall;
  return denom === 0 ? 0 : (2 * precision * recall) / denom;
}

/** scikit-learn 1.2 `matthews_corrcoef` on a 2×2 matrix, in its operation order. */
function computeMcc(c: Confusion, n: number): number {
  const tSum0 = c.tn + c.fp;
  const tSum1 = c.fn + c.tp;
  const pSum0 = c.tn + c.fn;
  const pSum1 = c.fp + c.tp;
  const covYtYp = (c.tp + c.tn) * n - (tSum0 * pSum0 + tSum1 * pSum1);
  const covYpYp = n * n - (pSum0 * pSum0 + pSum1 * pSum1);
  const covYtYt = n * n - (tSum0 * tSum0 + tSum1 * tSum1);
  const denom = covYtYt * covYpYp;
  return denom === 0 ? 0 : covYtYp / Math.sqrt(denom);
}

/** Why a count metric is `null` for this matrix (only meaningful when its value is `null`). */
function reasonFor(name: CountMetricName, c: Confusion): string {
  if (c.tp + c.fp + c.tn + c.fn === 0) return 'no rows';
  switch (name) {
    case 'precision':
      return 'no predicted positives (tp + fp = 0)';
    case 'recall':
    case 'tpr':
    case 'fnr':
      return 'no actual positives (tp + fn = 0)';
    case 'fpr':
    case 'tnr':
      return 'no actual negatives (fp + tn = 0)';
    case 'f1':
      return 'no actual or predicted positives (tp + fp + fn = 0)';
    default:
      return 'undefined';
  }
}

/** Every count metric as a {@link MetricValue}; see {@link computeCountMetricValue} for conventions. */
export function computeCountMetrics(c: Confusion): Record<CountMetricName, MetricValue> {
  const out = {} as Record<CountMetricName, MetricValue>;
  for (const name of COUNT_METRICS) {
    const value = computeCountMetricValue(name, c);
    out[name] = value === null ? { value, reason: reasonFor(name, c) } : { value };
  }
  return out;
}
