/**
 * One model, end to end: data → encoded target and groups → candidate and production predictions
 * → engine → operational risk, importance, flags → gate → the model's section of the report.
 */
import { performance } from 'node:perf_hooks';
import type { ModelConfig } from '../shared/config/types.js';
import { type Column, type Table, toCategoricalColumn } from '../shared/data/table.js';
import { DataError, toModelGateError } from '../shared/errors.js';
import { compareMetadata } from '../shared/evaluate/compare-metadata.js';
import { detectSensitiveInputs } from '../shared/evaluate/detect-sensitive-inputs.js';
import { encodeTarget } from '../shared/evaluate/encode-target.js';
import type { EngineSettings, Target } from '../shared/evaluate/types.js';
import { buildGroupings } from '../shared/fairness/build-groupings.js';
import { evaluateGate } from '../shared/gate/evaluate-gate.js';
import type { Artifact, Flag, ModelReport } from '../shared/report/schema.js';
import { readTable } from './data/read-table.js';
import { computeEvaluationDigest } from './digest.js';
import { evaluateModelPairParallel } from './parallel/evaluate-model-pair-parallel.js';
import { type LoadedModel, loadModel } from './runners/load-model.js';

/** Where one side's artifact comes from. `path` is a readable local file. */
export interface SideSource {
  path: string;
  displayPath: string;
  sha256: string;
  bytes: number;
  commit?: string | null;
  tag?: string | null;
  version?: string | null;
  source: Artifact['source'];
}

export interface EvaluateModelInput {
  model: ModelConfig;
  /** Thresholds that decide (the trusted ones; default: the model's own). */
  thresholds?: Pick<ModelConfig, 'gates' | 'fairness' | 'operational'>;
  settings: {
    seed: number;
    bootstrap: number;
    confidence: number;
    minGroupSize: number;
    importanceRepeats: number;
    latencyBatches: number;
    batchSize: number;
  };
  root: string;
  data: { path: string; displayPath: string; sha256: string; bytes: number };
  candidate: SideSource;
  production: SideSource | null;
  thresholdChanges?: string[];
  onProgress?: (message: string, fraction?: number) => void;
}

/** Evaluates one model; any failure becomes a model with verdict `error` and the message. */
export async function evaluateModel(input: EvaluateModelInput): Promise<ModelReport> {
  const started = performance.now();
  const seen = { rows: 0 };
  try {
    return await evaluateModelUnsafe(input, started, seen);
  } catch (error) {
    return buildErrorReport({
      model: input.model,
      error,
      candidate: input.candidate,
      production: input.production,
      data: { ...input.data, rows: seen.rows },
      thresholdChanges: input.thresholdChanges ?? [],
    });
  }
}

async function evaluateModelUnsafe(
  input: EvaluateModelInput,
  started: number,
  seen: { rows: number },
): Promise<ModelReport> {
  const { model, settings } = input;
  const progress = input.onProgress ?? (() => {});
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => {
    timings[name] = Math.round((performance.now() - since) * 10) / 10;
  };

  // 1. Data, target, groups, features.
  let t = performance.now();
  progress(`${model.name}: reading ${input.data.displayPath}`);
  const table = await readTable(input.data.path, { displayPath: input.data.displayPath });
  seen.rows = table.rowCount;
  const features = resolveFeatures(model, table);
  const target = encodeTarget({
    column: requireColumn(table, model.target, 'target'),
    task: model.task,
    positive: model.positive,
    file: table.source,
  });
  const sensitive = model.sensitive.map((name) => requireColumn(table, name, 'sensitive'));
  const groupings = buildGroupings({
    columns: sensitive.map(toCategoricalColumn),
    intersections: model.intersections,
  });
  lap('read_data_ms', t);

  // 2. Both models: load, predict (timed per batch).
  t = performance.now();
  const run = {
    table,
    features,
    model,
    target,
    batchSize: settings.batchSize,
    latencyBatches: settings.latencyBatches,
    root: input.root,
  };
  progress(`${model.name}: running the candidate ${input.candidate.displayPath}`);
  const candidate = await loadModel({ ...run, source: input.candidate });
  progress(`${model.name}: running production ${input.production?.displayPath ?? '(none)'}`);
  const production = input.production ? await loadModel({ ...run, source: input.production }) : null;
  lap('predict_ms', t);

  try {
    // 3. Engine: metrics, groups, fairness, paired bootstrap.
    t = performance.now();
    const engineSettings: EngineSettings = {
      task: model.task,
      seed: settings.seed,
      bootstrap: settings.bootstrap,
      confidence: settings.confidence,
      minGroupSize: settings.minGroupSize,
      threshold: model.threshold,
    };
    progress(`${model.name}: computing metrics and ${settings.bootstrap} paired bootstrap resamples`);
    const { engine, fallback } = await evaluateModelPairParallel({
      target,
      candidate: candidate.predictions,
      production: production?.predictions ?? null,
      groupings,
      settings: engineSettings,
      now: () => performance.now(),
      onProgress: (fraction: number) => progress(`${model.name}: bootstrap`, fraction),
    });
    if (fallback !== null) progress(`${model.name}: ${fallback}; the bootstrap ran in-process`);
    lap('engine_ms', t);

    // 4. Importance (ONNX models only: the others cannot be re-run on shuffled data).
    t = performance.now();
    const importance = await computeImportance({
      candidate,
      production,
      target,
      model,
      settings,
      features,
      table,
    });
    lap('importance_ms', t);

    // 5. Flags, gate, report section.
    const flags: Flag[] = [
      ...detectSensitiveInputs({ features: features.map((f) => table.columns.get(f)!), sensitive }),
      ...compareMetadata(candidate.metadata, production?.metadata ?? null),
      ...candidate.flags,
      ...(production?.flags ?? []),
    ];
    const partial = {
      name: model.name,
      firstPromotion: input.production === null,
      metrics: engine.metrics,
      groups: engine.groups,
      fairness: engine.fairness,
      operational: { candidate: candidate.operational, production: production?.operational ?? null },
    };
    const gate = evaluateGate({
      model: partial,
      thresholds: input.thresholds ?? model,
      confidence: settings.confidence,
    });
    lap('total_ms', started);
    return {
      ...partial,
      task: model.task,
      risk: model.risk,
      verdict: gate.verdict,
      primaryMetric: model.primaryMetric,
      candidate: toArtifact(input.candidate, candidate),
      production: input.production && production ? toArtifact(input.production, production) : null,
      data: {
        path: input.data.displayPath,
        sha256: input.data.sha256,
        bytes: input.data.bytes,
        rows: table.rowCount,
        ...positives(target),
      },
      evaluationDigest: computeEvaluationDigest({
        model,
        candidateSha256: input.candidate.sha256,
        dataSha256: input.data.sha256,
      }),
      checks: gate.checks,
      importance,
      flags,
      thresholdChanges: input.thresholdChanges ?? [],
      timings: { ...timings, ...engine.timings },
      error: null,
    };
  } finally {
    await candidate.dispose();
    await production?.dispose();
  }
}

/** Configured features, or every column that is not target, id or sensitive, in file order. */
export function resolveFeatures(model: ModelConfig, table: Table): string[] {
  if (model.features) {
    for (const name of model.features) requireColumn(table, name, 'feature');
    return model.features;
  }
  const excluded = new Set([model.target, ...(model.id ? [model.id] : []), ...model.sensitive]);
  return table.names.filter((name) => !excluded.has(name));
}

function requireColumn(table: Table, name: string, role: string): Column {
  const column = table.columns.get(name);
  if (!column) {
    const available = table.names
      .slice(0, 30)
      .map((n) => `"${n}"`)
      .join(', ');
    throw new DataError(
      `the ${role} column "${name}" is missing (columns: ${available}${table.names.length > 30 ? ', …' : ''})`,
      {
        file: table.source,
        column: name,
      },
    );
  }
  return column;
}

function positives(target: Target): { positives?: number } {
  if (target.task !== 'binary') return {};
  let count = 0;
  for (const v of target.y) count += v;
  return { positives: count };
}

function toArtifact(source: SideSource, loaded: LoadedModel): Artifact {
  return {
    path: source.displayPath,
    sha256: source.sha256,
    bytes: source.bytes,
    commit: source.commit ?? null,
    tag: source.tag ?? null,
    version: source.version ?? null,
    source: source.source,
    metadata: loaded.metadata,
  };
}

async function computeImportance(input: {
  candidate: LoadedModel;
  production: LoadedModel | null;
  target: Target;
  model: ModelConfig;
  settings: EvaluateModelInput['settings'];
  features: string[];
  table: Table;
}): Promise<ModelReport['importance']> {
  const { candidate, production, settings } = input;
  if (settings.importanceRepeats === 0 || !candidate.permutationImportance) return null;
  const args = {
    target: input.target,
    metric: input.model.primaryMetric,
    repeats: settings.importanceRepeats,
    seed: settings.seed,
    threshold: input.model.threshold,
  };
  const cand = await candidate.permutationImportance(args);
  const prod = production?.permutationImportance ? await production.permutationImportance(args) : null;
  return {
    metric: input.model.primaryMetric,
    repeats: settings.importanceRepeats,
    rows: cand.rows,
    candidate: cand.entries,
    production: prod?.entries ?? null,
  };
}

/** What is known of a model whose evaluation failed (sources may be missing: an unreadable file). */
export interface FailedModel {
  model: ModelConfig;
  error: unknown;
  candidate?: SideSource | null;
  production?: SideSource | null;
  data?: { displayPath: string; sha256: string; bytes: number; rows: number } | null;
  thresholdChanges?: string[];
  /** Known only once production was resolved; unknown counts as not a first promotion. */
  firstPromotion?: boolean;
}

/** A model section with verdict `error` and the message: the report is still written and shown. */
export function buildErrorReport(failed: FailedModel): ModelReport {
  const { model } = failed;
  const e = toModelGateError(failed.error);
  const artifact = (s: SideSource | null | undefined, fallbackPath: string): Artifact => ({
    path: s?.displayPath ?? fallbackPath,
    sha256: s?.sha256 ?? '',
    bytes: s?.bytes ?? 0,
    commit: s?.commit ?? null,
    tag: s?.tag ?? null,
    version: s?.version ?? null,
    source: s?.source ?? 'head',
    metadata: { format: model.runner },
  });
  const candidate = artifact(failed.candidate, model.artifact);
  const data = failed.data ?? { displayPath: model.data, sha256: '', bytes: 0, rows: 0 };
  return {
    name: model.name,
    task: model.task,
    risk: model.risk,
    verdict: 'error',
    firstPromotion: failed.firstPromotion ?? false,
    primaryMetric: model.primaryMetric,
    candidate,
    production: failed.production ? artifact(failed.production, failed.production.displayPath) : null,
    data: { path: data.displayPath, sha256: data.sha256, bytes: data.bytes, rows: data.rows },
    evaluationDigest: computeEvaluationDigest({
      model,
      candidateSha256: candidate.sha256,
      dataSha256: data.sha256,
    }),
    metrics: {},
    groups: {},
    fairness: {},
    checks: [],
    operational: {
      candidate: {
        size_mb: candidate.bytes / 1e6,
        load_ms: null,
        latency_p50_ms: null,
        latency_p95_ms: null,
        batches: 0,
        load_error: null,
      },
      production: null,
    },
    importance: null,
    flags: [],
    thresholdChanges: failed.thresholdChanges ?? [],
    timings: {},
    error: { code: e.code, message: e.userMessage },
  };
}
