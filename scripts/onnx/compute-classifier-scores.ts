/**
 * Reference scoring of the classifiers `write-onnx.ts` writes, in float32 arithmetic like ONNX
 * Runtime, so a model's ONNX output can be checked row by row against its parameters.
 */

import type { TreeNode } from './tree-nodes.js';
import type { BinaryClassifierSpec, LogisticRegressionSpec, TreeEnsembleSpec } from './write-onnx.js';

const f32 = Math.fround;

export interface ClassifierScores {
  /** P(class 1) per row. */
  probability: Float32Array;
  /** Predicted class per row (0 | 1), as the ONNX `label` output. */
  label: Uint8Array;
}

function sigmoid32(z: number): number {
  return f32(1 / (1 + Math.exp(-z)));
}

function scoreLogistic(
  spec: LogisticRegressionSpec,
  x: Float32Array,
  f: number,
  out: ClassifierScores,
): void {
  const n = out.label.length;
  for (let i = 0; i < n; i++) {
    let linear = 0;
    for (let j = 0; j < f; j++) {
      const z = f32(f32(x[i * f + j]! - f32(spec.mean[j]!)) / f32(spec.scale[j]!));
      linear = f32(linear + f32(z * f32(spec.weights[j]!)));
    }
    const p = sigmoid32(f32(linear + f32(spec.intercept)));
    out.probability[i] = p;
    out.label[i] = p > 0.5 ? 1 : 0;
  }
}

function leafValue(node: TreeNode, x: Float32Array, offset: number): number {
  let at = node;
  while (!('value' in at)) at = x[offset + at.feature]! <= f32(at.threshold) ? at.left : at.right;
  return f32(at.value);
}

function scoreTrees(spec: TreeEnsembleSpec, x: Float32Array, f: number, out: ClassifierScores): void {
  const n = out.label.length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const tree of spec.trees) sum = f32(sum + leafValue(tree, x, i * f));
    const score = f32(sum + f32(spec.baseScore));
    out.probability[i] = sigmoid32(score);
    out.label[i] = score > 0 ? 1 : 0;
  }
}

/**
 * Scores rows of a row-major float32 matrix `x` (`x.length / featureCount` rows).
 * @throws RangeError when `x.length` is not a multiple of `featureCount`.
 */
export function computeClassifierScores(
  spec: BinaryClassifierSpec,
  x: Float32Array,
  featureCount: number,
): ClassifierScores {
  if (featureCount <= 0 || x.length % featureCount !== 0) {
    throw new RangeError(
      `input of length ${x.length} is not a whole number of rows of ${featureCount} features`,
    );
  }
  const n = x.length / featureCount;
  const out: ClassifierScores = { probability: new Float32Array(n), label: new Uint8Array(n) };
  if (spec.kind === 'logistic_regression') scoreLogistic(spec, x, featureCount, out);
  else scoreTrees(spec, x, featureCount, out);
  return out;
}
