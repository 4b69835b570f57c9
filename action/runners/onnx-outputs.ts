/**
 * Picks the label and probability (or regression) outputs of an ONNX model and turns each batch's
 * tensors into the engine's Predictions. ZipMap outputs arrive here already rewritten to their
 * float tensor (see strip-zip-maps.ts), with the ZipMap's class labels.
 */
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { ModelError } from '../../shared/errors.js';
import type { Predictions } from '../../shared/evaluate/types.js';
import type { Task } from '../../shared/metrics/registry.js';
import { describeInput } from './onnx-inputs.js';
import { isSameLabel } from './same-label.js';
import { describeInvalid, validateFinite, validateProbabilities } from './validate-scores.js';

export interface OutputPlan {
  task: Task;
  /** Probabilities/scores (classification) or predictions (regression). */
  values: string;
  /** Class labels of the probability columns when the model declares them. */
  classes: string[] | null;
  label: string | null;
}

type TensorMeta = InferenceSession.TensorValueMetadata;

const FLOAT_TYPES = new Set(['float32', 'float64']);
const LABEL_TYPES = new Set(['int64', 'int32', 'string']);

/** Outputs that are tensors of one value per row: `[N]` or `[N, 1]`. */
function isColumn(m: TensorMeta): boolean {
  return (
    m.shape.length === 1 || (m.shape.length === 2 && (m.shape[1] === 1 || typeof m.shape[1] === 'string'))
  );
}

function prefer(candidates: TensorMeta[], pattern: RegExp): TensorMeta | undefined {
  return candidates.find((c) => pattern.test(c.name)) ?? candidates[0];
}

/**
 * Chooses outputs by type and name. Throws ModelError listing the outputs when none fits the task.
 * `zipMapClasses` maps a (rewritten) ZipMap tensor name to its class labels.
 */
export function buildOutputPlan(args: {
  outputs: readonly InferenceSession.ValueMetadata[];
  task: Task;
  zipMapClasses: ReadonlyMap<string, string[]>;
  classLabels: string[] | null;
  artifact: string;
}): OutputPlan {
  const { outputs, task, zipMapClasses, artifact } = args;
  const tensors = outputs.filter((o): o is TensorMeta => o.isTensor);
  const floats = tensors.filter((t) => FLOAT_TYPES.has(t.type) && t.shape.length <= 2);
  const listed = outputs.map(describeInput).join(', ');
  if (task === 'regression') {
    const values = prefer(floats.filter(isColumn), /predict|variable|output/i);
    if (!values)
      throw new ModelError(
        `no float output of one value per row for regression; the outputs are ${listed}`,
        artifact,
        { code: 'model_signature' },
      );
    return { task, values: values.name, classes: null, label: null };
  }
  const zip = floats.find((f) => zipMapClasses.has(f.name));
  const matrices = floats.filter((f) => f.shape.length === 2 && f.shape[1] !== 1);
  const values =
    zip ??
    prefer(matrices, /prob/i) ??
    (task === 'binary' ? prefer(floats.filter(isColumn), /prob|score/i) : undefined);
  if (!values) {
    throw new ModelError(
      `no probability output (a float tensor [N, k] or a ZipMap); the outputs are ${listed}`,
      artifact,
      { code: 'model_signature' },
    );
  }
  const label = prefer(
    tensors.filter((t) => LABEL_TYPES.has(t.type) && isColumn(t)),
    /label/i,
  );
  const classes = zipMapClasses.get(values.name) ?? args.classLabels;
  return { task, values: values.name, classes, label: label?.name ?? null };
}

/**
 * Column of the positive class in a [N, k] probability output: the class matching `positiveLabel`
 * when the model declares its classes, else the classes are taken to be 0..k−1, falling back to
 * column 1 (scikit-learn's order for 0/1 labels).
 */
export function computePositiveIndex(args: {
  width: number;
  classes: string[] | null;
  positiveLabel: string;
  artifact: string;
}): number {
  const { width, classes, positiveLabel, artifact } = args;
  if (width === 1) return 0;
  if (width !== 2) {
    throw new ModelError(`the task is binary, but the probability output has ${width} columns`, artifact, {
      code: 'model_signature',
    });
  }
  if (classes && classes.length === 2) {
    const index = classes.findIndex((c) => isSameLabel(c, positiveLabel));
    if (index < 0) {
      throw new ModelError(
        `positive label '${positiveLabel}' is not one of the model's classes [${classes.join(', ')}]`,
        artifact,
        { code: 'model_signature' },
      );
    }
    return index;
  }
  return isSameLabel(positiveLabel, '0') ? 0 : 1;
}

/** Width of a value output: its second dimension, or 1 for `[N]`. */
function widthOf(tensor: Tensor): number {
  return tensor.dims.length === 2 ? tensor.dims[1]! : 1;
}

type LabelData = ArrayLike<bigint | number | string>;

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * int64 labels as plain numbers, read through an Int32 view of the buffer: indexing a BigInt64Array
 * allocates a BigInt per row, which costs more than the model run for cheap models. Values beyond
 * ±2^31 keep the BigInt path.
 */
function readLabels(data: unknown, rows: number): LabelData {
  if (!(data instanceof BigInt64Array) || !LITTLE_ENDIAN) return data as LabelData;
  const words = new Int32Array(data.buffer, data.byteOffset, rows * 2);
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const lo = words[2 * i]!;
    // Little-endian: the high word is the sign extension of the low word iff the value fits in int32.
    if (words[2 * i + 1] !== lo >> 31) return data;
    out[i] = lo;
  }
  return out;
}

/** Looks up each distinct raw label once (a million rows hold few distinct labels). */
function createLabelIndexer(resolve: (text: string) => number): (raw: bigint | number | string) => number {
  const cache = new Map<bigint | number | string, number>();
  return (raw) => {
    let index = cache.get(raw);
    if (index === undefined) {
      index = resolve(String(raw));
      cache.set(raw, index);
    }
    return index;
  };
}

export interface OutputCollector {
  /** Adds the outputs of rows [start, start + rows). */
  add(start: number, rows: number, results: Record<string, Tensor>): void;
  finish(): Predictions;
}

/** Accumulates batch outputs into typed arrays of `n` rows, validating each value. */
export function createOutputCollector(args: {
  plan: OutputPlan;
  n: number;
  positiveLabel: string;
  artifact: string;
}): OutputCollector {
  if (args.plan.task === 'regression') return createRegressionCollector(args);
  if (args.plan.task === 'binary') return createBinaryCollector(args);
  return createMulticlassCollector(args);
}

type CollectorArgs = { plan: OutputPlan; n: number; positiveLabel: string; artifact: string };

function valueError(args: CollectorArgs, row: number, value: number, what: string): ModelError {
  return new ModelError(
    `output '${args.plan.values}' gives ${what} ${describeInvalid(value)} for data row ${row + 1}`,
    args.artifact,
    { code: 'model_output' },
  );
}

function createRegressionCollector(args: CollectorArgs): OutputCollector {
  const prediction = new Float64Array(args.n);
  return {
    add(start, rows, results) {
      const tensor = results[args.plan.values]!;
      if (widthOf(tensor) !== 1)
        throw new ModelError(
          `output '${args.plan.values}' has ${widthOf(tensor)} values per row; regression needs one`,
          args.artifact,
          { code: 'model_output' },
        );
      const data = tensor.data as Float32Array | Float64Array;
      prediction.set(data.subarray(0, rows), start);
      const bad = validateFinite(prediction, start, start + rows);
      if (bad)
        throw new ModelError(
          `output '${args.plan.values}' gives ${bad.value} for data row ${bad.index + 1}`,
          args.artifact,
          { code: 'model_output' },
        );
    },
    finish: () => ({ task: 'regression', prediction }),
  };
}

function createBinaryCollector(args: CollectorArgs): OutputCollector {
  const { plan, n, positiveLabel, artifact } = args;
  const score = new Float64Array(n);
  const label = plan.label === null ? null : new Uint8Array(n);
  let positive = -1;
  let isPositive: ((raw: bigint | number | string) => number) | null = null;
  return {
    add(start, rows, results) {
      const tensor = results[plan.values]!;
      const width = widthOf(tensor);
      if (positive < 0)
        positive = computePositiveIndex({ width, classes: plan.classes, positiveLabel, artifact });
      const data = tensor.data as Float32Array | Float64Array;
      for (let i = 0; i < rows; i++) score[start + i] = data[i * width + positive]!;
      const bad = validateProbabilities(score, start, start + rows);
      if (bad) throw valueError(args, bad.index, bad.value, 'a score of');
      if (label === null || plan.label === null) return;
      const positiveText = plan.classes?.length === 2 ? plan.classes[positive]! : positiveLabel;
      isPositive ??= createLabelIndexer((text) => (isSameLabel(text, positiveText) ? 1 : 0));
      const labels = readLabels(results[plan.label]!.data, rows);
      for (let i = 0; i < rows; i++) label[start + i] = isPositive(labels[i]!);
    },
    finish: () => ({ task: 'binary', score, label }),
  };
}

function createMulticlassCollector(args: CollectorArgs): OutputCollector {
  const { plan, n, artifact } = args;
  let proba: Float64Array | null = null;
  let classes: string[] = [];
  const label = plan.label === null ? null : new Int32Array(n);
  let toIndex: ((raw: bigint | number | string) => number) | null = null;
  return {
    add(start, rows, results) {
      const tensor = results[plan.values]!;
      const k = widthOf(tensor);
      if (proba === null) {
        if (k < 2)
          throw new ModelError(
            `the task is multiclass, but output '${plan.values}' has ${k} column`,
            artifact,
            { code: 'model_signature' },
          );
        classes = plan.classes?.length === k ? plan.classes : Array.from({ length: k }, (_, i) => String(i));
        proba = new Float64Array(n * k);
      }
      proba.set((tensor.data as Float32Array | Float64Array).subarray(0, rows * k), start * k);
      const bad = validateProbabilities(proba, start * k, (start + rows) * k);
      if (bad)
        throw valueError(
          args,
          Math.floor(bad.index / k),
          bad.value,
          `a probability for class '${classes[bad.index % k]}' of`,
        );
      if (label === null || plan.label === null) return;
      toIndex ??= createLabelIndexer((text) => classes.findIndex((c) => isSameLabel(c, text)));
      const labels = readLabels(results[plan.label]!.data, rows);
      for (let i = 0; i < rows; i++) {
        const index = toIndex(labels[i]!);
        if (index < 0) {
          throw new ModelError(
            `output '${plan.label}' gives label '${labels[i]}' for data row ${start + i + 1}, which is not one of the classes [${classes.join(', ')}]`,
            artifact,
            { code: 'model_output' },
          );
        }
        label[start + i] = index;
      }
    },
    finish: () => ({ task: 'multiclass', classes, proba: proba ?? new Float64Array(0), label }),
  };
}
