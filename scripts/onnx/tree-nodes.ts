/** Flattening of binary decision trees into the parallel arrays of ONNX tree-ensemble operators. */

/** A split sends rows with x[feature] <= threshold to `left` (ONNX BRANCH_LEQ). */
export type TreeNode =
  | { feature: number; threshold: number; left: TreeNode; right: TreeNode }
  | { value: number };

export interface FlatTrees {
  treeIds: number[];
  nodeIds: number[];
  featureIds: number[];
  modes: string[];
  thresholds: number[];
  trueNodeIds: number[];
  falseNodeIds: number[];
  classTreeIds: number[];
  classNodeIds: number[];
  classWeights: number[];
}

function emptyFlat(): FlatTrees {
  return {
    treeIds: [],
    nodeIds: [],
    featureIds: [],
    modes: [],
    thresholds: [],
    trueNodeIds: [],
    falseNodeIds: [],
    classTreeIds: [],
    classNodeIds: [],
    classWeights: [],
  };
}

/** Appends one node and its subtree in pre-order; returns the next free node id. */
function appendNode(
  out: FlatTrees,
  ctx: { tree: number; featureCount: number },
  node: TreeNode,
  id: number,
): number {
  const at = out.nodeIds.length;
  out.treeIds.push(ctx.tree);
  out.nodeIds.push(id);
  if ('value' in node) {
    if (!Number.isFinite(node.value))
      throw new RangeError(`tree ${ctx.tree} node ${id}: leaf value ${node.value} is not finite`);
    out.featureIds.push(0);
    out.modes.push('LEAF');
    out.thresholds.push(0);
    out.trueNodeIds.push(0);
    out.falseNodeIds.push(0);
    out.classTreeIds.push(ctx.tree);
    out.classNodeIds.push(id);
    out.classWeights.push(node.value);
    return id + 1;
  }
  if (!Number.isInteger(node.feature) || node.feature < 0 || node.feature >= ctx.featureCount) {
    throw new RangeError(
      `tree ${ctx.tree} node ${id}: feature ${node.feature} is outside [0, ${ctx.featureCount})`,
    );
  }
  if (!Number.isFinite(node.threshold))
    throw new RangeError(`tree ${ctx.tree} node ${id}: threshold ${node.threshold} is not finite`);
  out.featureIds.push(node.feature);
  out.modes.push('BRANCH_LEQ');
  out.thresholds.push(node.threshold);
  out.trueNodeIds.push(0); // patched below, once the left subtree's size is known
  out.falseNodeIds.push(0);
  const leftId = id + 1;
  const rightId = appendNode(out, ctx, node.left, leftId);
  out.trueNodeIds[at] = leftId;
  out.falseNodeIds[at] = rightId;
  return appendNode(out, ctx, node.right, rightId);
}

/** Flattens trees (tree id = position, node ids pre-order from 0 within each tree). */
export function flattenTrees(trees: readonly TreeNode[], featureCount: number): FlatTrees {
  const out = emptyFlat();
  trees.forEach((tree, index) => {
    appendNode(out, { tree: index, featureCount }, tree, 0);
  });
  return out;
}
