/**
 * Puts a multiclass model's outputs in the target's class order, so that column c of the
 * probabilities and label index c both mean `targetClasses[c]`.
 */
import { ModelError } from '../errors.js';
import type { Predictions } from './types.js';

/**
 * Binary and regression predictions are returned unchanged. Multiclass probabilities and labels are
 * reordered by class name onto `targetClasses`.
 * @throws ModelError naming `artifact` when the model's classes are not the target's classes.
 */
export function alignClasses(
  predictions: Predictions,
  targetClasses: readonly string[],
  artifact: string,
): Predictions {
  if (predictions.task !== 'multiclass') return predictions;
  const { classes } = predictions;
  const k = targetClasses.length;
  const index = new Map(targetClasses.map((c, i) => [c, i]));
  const map = Int32Array.from(classes, (c) => index.get(c) ?? -1);
  if (classes.length !== k || new Set(map).size !== k || map.includes(-1)) {
    const list = (xs: readonly string[]) => xs.map((c) => `"${c}"`).join(', ');
    throw new ModelError(
      `the model's classes (${list(classes)}) are not the target's classes (${list(targetClasses)})`,
      artifact,
    );
  }
  const n = predictions.proba.length / k;
  const proba = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) proba[i * k + map[c]!] = predictions.proba[i * k + c]!;
  }
  let label: Int32Array | null = null;
  if (predictions.label !== null) {
    label = new Int32Array(predictions.label.length);
    for (let i = 0; i < label.length; i++) label[i] = map[predictions.label[i]!]!;
  }
  return { task: 'multiclass', classes: [...targetClasses], proba, label };
}
