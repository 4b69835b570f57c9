/**
 * One side (candidate or production) of a model: load it with its runner, predict on the evaluation
 * data, and measure operational risk. ONNX models are loaded lazily so a run without models does not
 * load ONNX Runtime at all.
 */
import { performance } from 'node:perf_hooks';
import type { ModelConfig } from '../../shared/config/types.js';
import type { Column, Table } from '../../shared/data/table.js';
import { alignClasses } from '../../shared/evaluate/align-classes.js';
import { computeMetricValue } from '../../shared/evaluate/compute-metric-value.js';
import type { Predictions, Target } from '../../shared/evaluate/types.js';
import { isMetricName, METRICS } from '../../shared/metrics/registry.js';
import type { Flag, ImportanceEntry, ModelMetadata, ModelReport } from '../../shared/report/schema.js';
import type { SideSource } from '../evaluate-model.js';

/** Rows per timed latency batch: small, like an online request. */
export const LATENCY_BATCH_ROWS = 64;

export interface LoadedModel {
  predictions: Predictions;
  metadata: ModelMetadata;
  operational: ModelReport['operational']['candidate'];
  flags: Flag[];
  /** Present for models that can be re-run (ONNX). */
  permutationImportance?: (args: {
    target: Target;
    metric: string;
    repeats: number;
    seed: number;
    threshold: number | undefined;
  }) => Promise<{ rows: number; entries: ImportanceEntry[] }>;
  dispose(): Promise<void>;
}

export interface LoadModelInput {
  table: Table;
  features: string[];
  model: ModelConfig;
  target: Target;
  batchSize: number;
  latencyBatches: number;
  root: string;
  source: SideSource;
}

export async function loadModel(input: LoadModelInput): Promise<LoadedModel> {
  if (input.model.runner === 'onnx') return loadOnnx(input);
  const started = performance.now();
  const options = {
    task: input.model.task,
    data: input.table,
    positiveLabel: input.model.positive,
    ...(input.model.id ? { id: input.model.id } : {}),
  };
  let file: Awaited<ReturnType<typeof import('./predictions-runner.js').readPredictions>>;
  if (input.model.runner === 'command') {
    const { runCommandModel } = await import('./command-runner.js');
    file = await runCommandModel({
      ...options,
      command: input.model.command ?? '',
      modelPath: input.source.path,
      dataPath: input.table.source.startsWith('/')
        ? input.table.source
        : `${input.root}/${input.table.source}`,
      cwd: input.root,
      timeoutMs: input.model.timeoutSeconds * 1000,
      artifact: input.source.displayPath,
    });
  } else {
    const { readPredictions } = await import('./predictions-runner.js');
    file = await readPredictions(input.source.path, { ...options, displayPath: input.source.displayPath });
  }
  return {
    predictions: align(file.predictions, input),
    metadata: file.metadata,
    operational: {
      size_mb: input.source.bytes / 1e6,
      load_ms: round(performance.now() - started),
      latency_p50_ms: null,
      latency_p95_ms: null,
      batches: 0,
      load_error: null,
    },
    flags: [],
    dispose: async () => {},
  };
}

async function loadOnnx(input: LoadModelInput): Promise<LoadedModel> {
  const { loadOnnxModel } = await import('./onnx-runner.js');
  const { runPermutationImportance } = await import('./permutation-importance.js');
  const model = await loadOnnxModel(input.source.path, { displayPath: input.source.displayPath });
  const predictOptions = {
    features: input.features,
    task: input.model.task,
    positiveLabel: input.model.positive,
    batchSize: input.batchSize,
  };
  const { predictions } = await model.predict(input.table, predictOptions);
  const latency = await measureLatency(input, (t) =>
    model.predict(t, { ...predictOptions, batchSize: t.rowCount }),
  );
  return {
    predictions: align(predictions, input),
    metadata: model.metadata,
    operational: { size_mb: model.bytes / 1e6, load_ms: round(model.loadMs), ...latency, load_error: null },
    flags: [],
    permutationImportance: async (args) => {
      const direction = isMetricName(args.metric) ? METRICS[args.metric].direction : 'higher';
      const result = await runPermutationImportance({
        predict: async (t) => align((await model.predict(t, predictOptions)).predictions, input),
        table: input.table,
        features: input.features,
        metric: (p, rows) =>
          computeMetricValue({
            target: args.target,
            predictions: p,
            rows,
            metric: args.metric,
            threshold: args.threshold,
          }),
        direction,
        repeats: args.repeats,
        seed: args.seed,
      });
      return {
        rows: result.rows,
        entries: result.features.map((f) => ({ feature: f.feature, drop: f.drop, std: f.std, rank: f.rank })),
      };
    },
    dispose: () => model.dispose(),
  };
}

function align(predictions: Predictions, input: LoadModelInput): Predictions {
  return input.target.task === 'multiclass'
    ? alignClasses(predictions, input.target.classes, input.source.displayPath)
    : predictions;
}

/**
 * Per-row latency: `latencyBatches` timed runs of LATENCY_BATCH_ROWS rows (cycling through the
 * data), after one warm-up run; p50 and p95 of the per-row milliseconds over those runs.
 */
async function measureLatency(
  input: LoadModelInput,
  predict: (t: Table) => Promise<{ batchMsPerRow: number[] }>,
): Promise<{ latency_p50_ms: number; latency_p95_ms: number; batches: number }> {
  const rows = Math.min(LATENCY_BATCH_ROWS, input.table.rowCount);
  const perRow: number[] = [];
  for (let b = -1; b < input.latencyBatches; b++) {
    const start = ((Math.max(b, 0) * rows) % Math.max(1, input.table.rowCount - rows + 1)) | 0;
    const result = await predict(sliceRows(input.table, start, start + rows));
    if (b >= 0) perRow.push(...result.batchMsPerRow);
  }
  perRow.sort((a, b) => a - b);
  return {
    latency_p50_ms: round(quantile(perRow, 0.5), 4),
    latency_p95_ms: round(quantile(perRow, 0.95), 4),
    batches: perRow.length,
  };
}

function sliceRows(table: Table, start: number, end: number): Table {
  const columns = new Map<string, Column>();
  for (const [name, c] of table.columns) {
    columns.set(
      name,
      c.kind === 'numeric'
        ? { ...c, values: c.values.subarray(start, end) }
        : { ...c, codes: c.codes.subarray(start, end) },
    );
  }
  return { ...table, rowCount: end - start, columns };
}

/** Linear interpolation between order statistics (numpy's default). */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
