/**
 * Gradient-boosted trees for binary log-loss, the way scikit-learn's GradientBoostingClassifier
 * does it: start from the prior log-odds, fit each depth-limited regression tree to the residuals
 * y − p (Friedman's improvement criterion), set each leaf by one Newton step Σr / Σp(1−p), shrink.
 */
import type { TreeEnsembleSpec, TreeNode } from '../../scripts/onnx/write-onnx.js';

export interface BoostingInput {
  /** Row-major [n, featureCount]; thresholds are chosen between float32 values of x. */
  x: Float32Array;
  y: Uint8Array;
  featureCount: number;
  trees: number;
  depth: number;
  learningRate: number;
  minSamplesLeaf: number;
}

interface Split {
  feature: number;
  threshold: number;
  gain: number;
}

interface Context {
  input: BoostingInput;
  /** Per feature, row indices sorted by value (ties by index). */
  order: Uint32Array[];
  residual: Float64Array;
  hessian: Float64Array;
  inNode: Uint8Array;
}

/** A float32 threshold t with lo <= t < hi, as close to the midpoint as float32 allows. */
function threshold(lo: number, hi: number): number {
  const mid = Math.fround((lo + hi) / 2);
  return mid >= hi ? lo : mid;
}

function bestSplitOn(ctx: Context, feature: number, rows: Uint32Array, total: number): Split | null {
  const { x, featureCount: f, minSamplesLeaf } = ctx.input;
  const n = rows.length;
  let best: Split | null = null;
  let countLeft = 0;
  let sumLeft = 0;
  let previous = -1;
  for (const i of ctx.order[feature]!) {
    if (!ctx.inNode[i]) continue;
    if (
      previous >= 0 &&
      x[i * f + feature]! > x[previous * f + feature]! &&
      countLeft >= minSamplesLeaf &&
      n - countLeft >= minSamplesLeaf
    ) {
      const diff = sumLeft / countLeft - (total - sumLeft) / (n - countLeft);
      const gain = ((countLeft * (n - countLeft)) / n) * diff * diff;
      if (best === null || gain > best.gain) {
        best = { feature, threshold: threshold(x[previous * f + feature]!, x[i * f + feature]!), gain };
      }
    }
    countLeft++;
    sumLeft += ctx.residual[i]!;
    previous = i;
  }
  return best;
}

function leaf(ctx: Context, rows: Uint32Array): TreeNode {
  let r = 0;
  let h = 0;
  for (const i of rows) {
    r += ctx.residual[i]!;
    h += ctx.hessian[i]!;
  }
  return { value: Math.fround((ctx.input.learningRate * r) / Math.max(h, 1e-12)) };
}

function growNode(ctx: Context, rows: Uint32Array, depth: number): TreeNode {
  if (depth === ctx.input.depth || rows.length < 2 * ctx.input.minSamplesLeaf) return leaf(ctx, rows);
  let total = 0;
  for (const i of rows) total += ctx.residual[i]!;
  ctx.inNode.fill(0);
  for (const i of rows) ctx.inNode[i] = 1;
  let best: Split | null = null;
  for (let feature = 0; feature < ctx.input.featureCount; feature++) {
    const split = bestSplitOn(ctx, feature, rows, total);
    if (split && (best === null || split.gain > best.gain)) best = split;
  }
  if (best === null || best.gain <= 0) return leaf(ctx, rows);
  const { x, featureCount: f } = ctx.input;
  const goesLeft = (i: number) => x[i * f + best.feature]! <= best.threshold;
  const left = rows.filter(goesLeft);
  const right = rows.filter((i) => !goesLeft(i));
  return {
    feature: best.feature,
    threshold: best.threshold,
    left: growNode(ctx, left, depth + 1),
    right: growNode(ctx, right, depth + 1),
  };
}

function predictTree(node: TreeNode, x: Float32Array, offset: number): number {
  let at = node;
  while (!('value' in at)) at = x[offset + at.feature]! <= at.threshold ? at.left : at.right;
  return at.value;
}

function sortedOrders(input: BoostingInput): Uint32Array[] {
  const { x, featureCount: f } = input;
  const n = input.y.length;
  return Array.from({ length: f }, (_, j) =>
    Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a * f + j]! - x[b * f + j]! || a - b),
  );
}

export function fitBoostedTrees(input: BoostingInput): TreeEnsembleSpec {
  const { y, x, featureCount: f } = input;
  const n = y.length;
  const positives = y.reduce((a, b) => a + b, 0);
  const baseScore = Math.fround(Math.log(positives / (n - positives)));
  const raw = new Float64Array(n).fill(baseScore);
  const ctx: Context = {
    input,
    order: sortedOrders(input),
    residual: new Float64Array(n),
    hessian: new Float64Array(n),
    inNode: new Uint8Array(n),
  };
  const allRows = Uint32Array.from({ length: n }, (_, i) => i);
  const trees: TreeNode[] = [];
  for (let t = 0; t < input.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-raw[i]!));
      ctx.residual[i] = y[i]! - p;
      ctx.hessian[i] = p * (1 - p);
    }
    const tree = growNode(ctx, allRows, 0);
    trees.push(tree);
    for (let i = 0; i < n; i++) raw[i]! += predictTree(tree, x, i * f);
  }
  return { kind: 'tree_ensemble', baseScore, trees };
}
