/**
 * Runs an ONNX model with ONNX Runtime on a Table's feature columns, in batches, and records the
 * model's metadata and per-batch latency. The only place a model file is executed.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import type { Table } from '../../shared/data/table.js';
import { DataError, ModelError } from '../../shared/errors.js';
import type { Predictions } from '../../shared/evaluate/types.js';
import type { Task } from '../../shared/metrics/registry.js';
import type { ModelMetadata } from '../../shared/report/schema.js';
import { buildInputPlan, createFeeder } from './onnx-inputs.js';
import { buildOutputPlan, createOutputCollector } from './onnx-outputs.js';
import { type OnnxModelInfo, parseOnnxModel } from './parse-onnx-model.js';
import { buildModelWithoutZipMaps } from './strip-zip-maps.js';

export const DEFAULT_BATCH_SIZE = 4096;

/**
 * Session options of every model run. Intra-op threads sleep instead of spinning between runs: the
 * main thread packs the next batch meanwhile, and a spinning pool would take the CPU it needs.
 */
export const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  logSeverityLevel: 3,
  extra: { session: { intra_op: { allow_spinning: '0' } } },
};

export interface PredictOptions {
  /** Feature columns, in model-input order. */
  features: readonly string[];
  task: Task;
  /** Positive label as text (binary); default "1". */
  positiveLabel?: string;
  /** Rows per session.run; default 4096. */
  batchSize?: number;
}

export interface PredictResult {
  predictions: Predictions;
  /** Milliseconds per row of each batch's session.run (for latency p50/p95 over batches). */
  batchMsPerRow: number[];
}

export interface OnnxModel {
  /** Path as shown in messages. */
  path: string;
  bytes: number;
  metadata: ModelMetadata;
  /** Wall time to parse the file and create the session. */
  loadMs: number;
  predict(table: Table, options: PredictOptions): Promise<PredictResult>;
  dispose(): Promise<void>;
}

/** The ONNX Runtime version in use (for the report's environment). */
export function onnxRuntimeVersion(): string {
  return ort.env.versions.node ?? ort.env.versions.common;
}

/**
 * Loads a model file. Throws ModelError when the file cannot be read (`model_unreadable`) or is not
 * a model ONNX Runtime can load (`model_invalid`, "not a valid ONNX model", ORT's error as cause).
 */
export async function loadOnnxModel(
  path: string,
  options: { displayPath?: string } = {},
): Promise<OnnxModel> {
  const shown = options.displayPath ?? path;
  const started = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ModelError(`cannot read the model file: ${(error as Error).message}`, shown, {
      cause: error,
      code: 'model_unreadable',
    });
  }
  return createOnnxModel(bytes, shown, started);
}

/** Same as loadOnnxModel, from bytes already in memory. */
export async function createOnnxModel(
  bytes: Uint8Array,
  shown: string,
  started = performance.now(),
): Promise<OnnxModel> {
  let info: OnnxModelInfo;
  try {
    info = parseOnnxModel(bytes);
  } catch (error) {
    throw new ModelError(`not a valid ONNX model (${(error as Error).message})`, shown, { cause: error });
  }
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(buildModelWithoutZipMaps(bytes, info), SESSION_OPTIONS);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ModelError(
      `not a valid ONNX model, or one ONNX Runtime ${onnxRuntimeVersion()} cannot load: ${why}`,
      shown,
      { cause: error },
    );
  }
  const loadMs = performance.now() - started;
  return {
    path: shown,
    bytes: bytes.length,
    metadata: buildMetadata(info),
    loadMs,
    predict: (table, opts) => predictWithSession({ session, info, table, options: opts, artifact: shown }),
    dispose: () => session.release(),
  };
}

function buildMetadata(info: OnnxModelInfo): ModelMetadata {
  const metadata: ModelMetadata = {
    format: 'onnx',
    opsets: info.opsets,
    inputs: info.inputs,
    outputs: info.outputs,
    properties: info.properties,
  };
  if (info.producer !== undefined) metadata.producer = info.producer;
  if (info.producerVersion !== undefined) metadata.producerVersion = info.producerVersion;
  if (info.irVersion !== undefined) metadata.irVersion = info.irVersion;
  return metadata;
}

async function predictWithSession(args: {
  session: ort.InferenceSession;
  info: OnnxModelInfo;
  table: Table;
  options: PredictOptions;
  artifact: string;
}): Promise<PredictResult> {
  const { session, info, table, options, artifact } = args;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batch size must be a positive integer, got ${batchSize}`);
  if (table.rowCount === 0) throw new DataError('the data has no rows to predict', { file: table.source });
  const inputPlan = buildInputPlan({
    inputs: session.inputMetadata,
    table,
    features: options.features,
    artifact,
  });
  const zipMapClasses = new Map(info.zipMaps.map((z) => [z.input, z.classes]));
  const outputPlan = buildOutputPlan({
    outputs: session.outputMetadata,
    task: options.task,
    zipMapClasses,
    classLabels: info.classLabels,
    artifact,
  });
  const fetches = outputPlan.label === null ? [outputPlan.values] : [outputPlan.values, outputPlan.label];
  const feed = createFeeder(inputPlan, Math.min(batchSize, table.rowCount), table.source);
  const collector = createOutputCollector({
    plan: outputPlan,
    n: table.rowCount,
    positiveLabel: options.positiveLabel ?? '1',
    artifact,
  });
  const batchMsPerRow: number[] = [];
  for (let start = 0; start < table.rowCount; start += batchSize) {
    const end = Math.min(start + batchSize, table.rowCount);
    const feeds = feed(start, end);
    const t0 = performance.now();
    const results = await runBatch(session, feeds, fetches, { artifact, start, end });
    batchMsPerRow.push((performance.now() - t0) / (end - start));
    collector.add(start, end - start, results);
  }
  return { predictions: collector.finish(), batchMsPerRow };
}

async function runBatch(
  session: ort.InferenceSession,
  feeds: Record<string, ort.Tensor>,
  fetches: string[],
  where: { artifact: string; start: number; end: number },
): Promise<Record<string, ort.Tensor>> {
  try {
    return (await session.run(feeds, fetches)) as Record<string, ort.Tensor>;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ModelError(
      `ONNX Runtime failed on data rows ${where.start + 1}–${where.end}: ${why}`,
      where.artifact,
      { cause: error, code: 'model_run' },
    );
  }
}
