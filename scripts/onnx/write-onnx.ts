/**
 * Writes binary classifiers as ONNX models that ONNX Runtime runs: a standardised logistic
 * regression (default domain, opset 17) or a boosted tree ensemble (`ai.onnx.ml`
 * TreeEnsembleClassifier, opset 3, post_transform LOGISTIC). Input: one float tensor `[N, F]`.
 * Outputs: `label` int64 `[N]` and `probabilities`, either float `[N, 2]` (column 1 = P(class 1))
 * or, with `output: 'zipmap'`, a sequence of maps {0: P(0), 1: P(1)} as older converters emit.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { OnnxFloatInitializer, OnnxModel, OnnxNode, OnnxValueInfo } from './onnx-proto.js';
import { encodeOnnxModel } from './onnx-proto.js';
import type { TreeNode } from './tree-nodes.js';
import { flattenTrees } from './tree-nodes.js';

export type { TreeNode } from './tree-nodes.js';

/** P(1) = sigmoid(intercept + Σ weights[j] · (x[j] − mean[j]) / scale[j]). */
export interface LogisticRegressionSpec {
  kind: 'logistic_regression';
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  intercept: number;
}

/** P(1) = sigmoid(baseScore + Σ over trees of the reached leaf value). */
export interface TreeEnsembleSpec {
  kind: 'tree_ensemble';
  baseScore: number;
  trees: readonly TreeNode[];
}

export type BinaryClassifierSpec = LogisticRegressionSpec | TreeEnsembleSpec;

export interface OnnxClassifierOptions {
  classifier: BinaryClassifierSpec;
  /** F, the width of the input tensor. */
  featureCount: number;
  /** `tensor` (default): probabilities float [N, 2]; `zipmap`: a sequence of maps int64 → float. */
  output?: 'tensor' | 'zipmap';
  inputName?: string;
  graphName?: string;
  producerVersion: string;
  modelVersion?: number;
  docString?: string;
  /** metadata_props, in insertion order. */
  metadata?: Readonly<Record<string, string>>;
}

export const PRODUCER_NAME = 'modelgate-demo';
export const IR_VERSION = 8;
export const OPSETS = [
  { domain: '', version: 17 },
  { domain: 'ai.onnx.ml', version: 3 },
] as const;

const PROBA_TENSOR = 'probabilities_tensor';

function logisticRegressionGraph(spec: LogisticRegressionSpec, input: string, proba: string, f: number) {
  for (const [name, values] of [
    ['mean', spec.mean],
    ['scale', spec.scale],
    ['weights', spec.weights],
  ] as const) {
    if (values.length !== f)
      throw new RangeError(`logistic regression ${name}: expected ${f} values, got ${values.length}`);
  }
  const initializers: OnnxFloatInitializer[] = [
    { name: 'mean', dims: [f], values: spec.mean },
    { name: 'scale', dims: [f], values: spec.scale },
    { name: 'coef', dims: [f, 1], values: spec.weights },
    { name: 'intercept', dims: [1], values: [spec.intercept] },
    { name: 'one', dims: [1], values: [1] },
  ];
  const node = (
    opType: string,
    inputs: string[],
    output: string,
    attributes?: OnnxNode['attributes'],
  ): OnnxNode => ({
    name: output,
    opType,
    inputs,
    outputs: [output],
    ...(attributes ? { attributes } : {}),
  });
  const nodes: OnnxNode[] = [
    node('Sub', [input, 'mean'], 'centered'),
    node('Div', ['centered', 'scale'], 'standardized'),
    node('MatMul', ['standardized', 'coef'], 'linear'),
    node('Add', ['linear', 'intercept'], 'logit'),
    node('Sigmoid', ['logit'], 'p1'),
    node('Sub', ['one', 'p1'], 'p0'),
    node('Concat', ['p0', 'p1'], proba, { axis: { type: 'int', value: 1 } }),
    // ArgMax keeps the first index on ties, so p1 = 0.5 gives label 0, as scikit-learn's predict.
    node('ArgMax', [proba], 'label', {
      axis: { type: 'int', value: 1 },
      keepdims: { type: 'int', value: 0 },
    }),
  ];
  return { nodes, initializers };
}

function treeEnsembleGraph(spec: TreeEnsembleSpec, input: string, proba: string, f: number) {
  const flat = flattenTrees(spec.trees, f);
  if (flat.classWeights.every((w) => w >= 0)) {
    // ONNX Runtime treats an all-non-negative binary ensemble as already holding probabilities.
    throw new RangeError(
      'tree ensemble: at least one leaf value must be negative for a LOGISTIC binary ensemble',
    );
  }
  const ints = (value: readonly number[]) => ({ type: 'ints', value }) as const;
  const node: OnnxNode = {
    name: 'TreeEnsembleClassifier',
    opType: 'TreeEnsembleClassifier',
    domain: 'ai.onnx.ml',
    inputs: [input],
    outputs: ['label', proba],
    attributes: {
      base_values: { type: 'floats', value: [spec.baseScore] },
      class_ids: ints(flat.classWeights.map(() => 0)),
      class_nodeids: ints(flat.classNodeIds),
      class_treeids: ints(flat.classTreeIds),
      class_weights: { type: 'floats', value: flat.classWeights },
      classlabels_int64s: ints([0, 1]),
      nodes_falsenodeids: ints(flat.falseNodeIds),
      nodes_featureids: ints(flat.featureIds),
      nodes_modes: { type: 'strings', value: flat.modes },
      nodes_nodeids: ints(flat.nodeIds),
      nodes_treeids: ints(flat.treeIds),
      nodes_truenodeids: ints(flat.trueNodeIds),
      nodes_values: { type: 'floats', value: flat.thresholds },
      post_transform: { type: 'string', value: 'LOGISTIC' },
    },
  };
  return { nodes: [node], initializers: [] };
}

function zipMapNode(proba: string): OnnxNode {
  return {
    name: 'ZipMap',
    opType: 'ZipMap',
    domain: 'ai.onnx.ml',
    inputs: [PROBA_TENSOR],
    outputs: [proba],
    attributes: { classlabels_int64s: { type: 'ints', value: [0, 1] } },
  };
}

function outputs(zipmap: boolean): OnnxValueInfo[] {
  const label: OnnxValueInfo = { name: 'label', type: { kind: 'tensor', elem: 'int64', shape: ['N'] } };
  const proba: OnnxValueInfo = zipmap
    ? {
        name: 'probabilities',
        type: {
          kind: 'sequence',
          elem: { kind: 'map', key: 'int64', value: { kind: 'tensor', elem: 'float', shape: [] } },
        },
      }
    : { name: 'probabilities', type: { kind: 'tensor', elem: 'float', shape: ['N', 2] } };
  return [label, proba];
}

/** The ModelProto of a binary classifier, as a plain value (see `buildOnnxClassifier`). */
export function buildOnnxClassifierModel(options: OnnxClassifierOptions): OnnxModel {
  const { classifier, featureCount: f } = options;
  const zipmap = options.output === 'zipmap';
  const input = options.inputName ?? 'input';
  const proba = zipmap ? PROBA_TENSOR : 'probabilities';
  const core =
    classifier.kind === 'logistic_regression'
      ? logisticRegressionGraph(classifier, input, proba, f)
      : treeEnsembleGraph(classifier, input, proba, f);
  return {
    irVersion: IR_VERSION,
    producerName: PRODUCER_NAME,
    producerVersion: options.producerVersion,
    ...(options.modelVersion !== undefined ? { modelVersion: options.modelVersion } : {}),
    ...(options.docString ? { docString: options.docString } : {}),
    opsets: OPSETS,
    metadata: Object.entries(options.metadata ?? {}),
    graph: {
      name: options.graphName ?? classifier.kind,
      nodes: zipmap ? [...core.nodes, zipMapNode('probabilities')] : core.nodes,
      initializers: core.initializers,
      inputs: [{ name: input, type: { kind: 'tensor', elem: 'float', shape: ['N', f] } }],
      outputs: outputs(zipmap),
    },
  };
}

/**
 * Serialises a binary classifier to ONNX bytes. Pure and deterministic.
 * @throws RangeError when the parameters do not fit `featureCount` or a tree is malformed.
 */
export function buildOnnxClassifier(options: OnnxClassifierOptions): Uint8Array {
  return encodeOnnxModel(buildOnnxClassifierModel(options));
}

/** Writes `buildOnnxClassifier(options)` to `path`, creating parent folders. Returns the bytes. */
export async function writeOnnx(path: string, options: OnnxClassifierOptions): Promise<Uint8Array> {
  const bytes = buildOnnxClassifier(options);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return bytes;
}
