/** One metric of one model's predictions on a subset of rows (permutation importance uses it). */
import { computeBinaryMetrics, decideBinary } from '../metrics/binary.js';
import { computeMulticlassMetrics, decideMulticlass } from '../metrics/multiclass.js';
import { computeRegressionMetrics } from '../metrics/regression.js';
import type { Predictions, Target } from './types.js';

/**
 * The metric's value for the prediction rows, whose ground truth is `target` at `rows` (ascending
 * indices; one per prediction row). Null when undefined or not a metric of the task.
 */
export function computeMetricValue(input: {
  target: Target;
  predictions: Predictions;
  rows: Int32Array;
  metric: string;
  threshold: number | undefined;
}): number | null {
  const { target, predictions, rows, metric } = input;
  if (target.task === 'binary' && predictions.task === 'binary') {
    const y = pick(target.y, rows, Uint8Array);
    const pred = decideBinary(predictions.score, predictions.label, input.threshold);
    const values = computeBinaryMetrics({ y, score: predictions.score, pred }) as Record<
      string,
      { value: number | null }
    >;
    return values[metric]?.value ?? null;
  }
  if (target.task === 'multiclass' && predictions.task === 'multiclass') {
    const k = target.classes.length;
    const y = pick(target.y, rows, Int32Array);
    const pred = decideMulticlass(predictions.proba, k, predictions.label);
    const values = computeMulticlassMetrics({ y, k, proba: predictions.proba, pred }) as Record<
      string,
      { value: number | null }
    >;
    return values[metric]?.value ?? null;
  }
  if (target.task === 'regression' && predictions.task === 'regression') {
    const y = pick(target.y, rows, Float64Array);
    const values = computeRegressionMetrics({ y, prediction: predictions.prediction }) as Record<
      string,
      { value: number | null }
    >;
    return values[metric]?.value ?? null;
  }
  return null;
}

function pick<T extends Uint8Array | Int32Array | Float64Array>(
  source: T,
  rows: Int32Array,
  Ctor: { new (n: number): T },
): T {
  if (rows.length === source.length) return source;
  const out = new Ctor(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = source[rows[i]!]!;
  return out;
}
