/**
 * Monitors one production model (shared by the Action and the CLI): evaluate it on the fresh data
 * with the engine, compare with its promotion report, and measure drift of its features, scores
 * and labels against the reference data. Any failure becomes a model with status `error`.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelConfig, MonitorConfig } from '../../shared/config/types.js';
import type { Column, Table } from '../../shared/data/table.js';
import { computeColumnDrift } from '../../shared/drift/compute-column-drift.js';
import { computeFeatureDrift } from '../../shared/drift/compute-feature-drift.js';
import type { ColumnDrift, DriftThresholds } from '../../shared/drift/schema.js';
import { ModelGateError, toModelGateError } from '../../shared/errors.js';
import { encodeTarget } from '../../shared/evaluate/encode-target.js';
import type { Predictions, Target } from '../../shared/evaluate/types.js';
import { buildMonitorErrorModel, buildMonitorModel } from '../../shared/monitor/build-monitor-model.js';
import { buildDriftThresholds } from '../../shared/monitor/monitor-settings.js';
import type { MonitorModel } from '../../shared/monitor/schema.js';
import type { Flag, ModelReport } from '../../shared/report/schema.js';
import { hashFile } from '../data/hash-file.js';
import { readTable } from '../data/read-table.js';
import {
  type EvaluateModelInput,
  evaluateModel,
  resolveFeatures,
  type SideSource,
} from '../evaluate-model.js';
import type { Git } from '../git/git.js';
import { resolveInsideRepo } from '../repo-files.js';
import { loadModel } from '../runners/load-model.js';

export interface MonitorModelRun {
  root: string;
  model: ModelConfig;
  monitor: MonitorConfig;
  settings: EvaluateModelInput['settings'];
  /** The production artifact as a local file (tag, version and commit when it came from a tag). */
  production: SideSource;
  baseline: { model: ModelReport; meta: NonNullable<MonitorModel['baseline']> };
  /** Reads the promotion's evaluation data at `production.commit` (null: read the working tree). */
  git: Git | null;
  /** The fresh data file. */
  data: { path: string; displayPath: string };
  scratch: string;
  onProgress?: (message: string) => void;
}

const NO_ROWS = 'monitor_no_rows';

/** Monitors one model; never throws (a failure is a model with status `error`). */
export async function monitorModel(run: MonitorModelRun): Promise<MonitorModel> {
  try {
    return await monitorModelUnsafe(run);
  } catch (error) {
    const e = toModelGateError(error);
    return buildMonitorErrorModel({
      model: run.model,
      minRows: run.monitor.minRows,
      error: { code: e.code, message: e.userMessage },
      status: e.code === NO_ROWS ? 'insufficient_data' : 'error',
      production: productionOf(run.production),
      baseline: run.baseline.meta,
    });
  }
}

async function monitorModelUnsafe(run: MonitorModelRun): Promise<MonitorModel> {
  const { model, monitor } = run;
  const progress = run.onProgress ?? (() => {});
  if (model.runner === 'predictions') {
    throw new ModelGateError(
      'monitor_unsupported',
      `Model "${model.name}" uses runner: predictions. A predictions file covers only the rows it was made for and cannot score fresh data; monitoring needs runner: onnx or command.`,
    );
  }
  // 1. Fresh data: digest and table.
  progress(`${model.name}: reading the fresh data ${run.data.displayPath}`);
  const digest = await hashFile(run.data.path, run.data.displayPath);
  const fresh = await readTable(run.data.path, { displayPath: run.data.displayPath, allowEmpty: true });
  if (fresh.rowCount === 0) {
    throw new ModelGateError(NO_ROWS, `${run.data.displayPath} has no data rows: too little data to judge.`);
  }

  // 2. The production model on the fresh data, with the engine.
  progress(`${model.name}: evaluating production on ${fresh.rowCount} fresh rows`);
  const current = await evaluateFresh(run, digest);

  // 3. Drift against the reference: features, scores, labels.
  progress(`${model.name}: measuring drift`);
  const reference = await readReference(run);
  const drift = await computeDrift(run, reference.table, fresh);

  // 4. Comparison, checks, status.
  return buildMonitorModel({
    model,
    monitor,
    confidence: run.settings.confidence,
    production: productionOf(run.production),
    baseline: run.baseline.meta,
    baselineReport: run.baseline.model,
    current,
    data: { path: run.data.displayPath, sha256: digest.sha256, rows: fresh.rowCount },
    reference: reference.summary,
    drift,
    flags: compareArtifacts(run),
  });
}

/** The engine on the fresh data, production as the candidate; no thresholds: the comparison decides. */
async function evaluateFresh(
  run: MonitorModelRun,
  digest: { sha256: string; bytes: number },
): Promise<ModelReport> {
  const current = await evaluateModel({
    model: run.model,
    settings: { ...run.settings, importanceRepeats: 0, latencyBatches: 1 },
    root: run.root,
    data: { path: run.data.path, displayPath: run.data.displayPath, ...digest },
    candidate: run.production,
    production: null,
    thresholds: { gates: {}, fairness: {}, operational: {} },
  });
  if (current.error) throw new ModelGateError(current.error.code, current.error.message);
  return current;
}

async function computeDrift(run: MonitorModelRun, reference: Table, fresh: Table) {
  const thresholds = buildDriftThresholds(run.monitor);
  const features = resolveFeatures(run.model, fresh);
  return {
    features: computeFeatureDrift({ reference, current: fresh, features, thresholds }),
    predictions: await computePredictionDrift({ run, reference, fresh, features, thresholds }),
    labels: computeLabelDrift({ model: run.model, reference, fresh, thresholds }),
  };
}

function productionOf(side: SideSource): MonitorModel['production'] {
  return {
    tag: side.tag ?? null,
    version: side.version ?? null,
    commit: side.commit ?? null,
    path: side.displayPath,
    sha256: side.sha256,
  };
}

/** The baseline must describe the artifact in production; say so when it evaluated another one. */
function compareArtifacts(run: MonitorModelRun): Flag[] {
  const promoted = run.baseline.model.candidate.sha256;
  if (promoted === run.production.sha256) return [];
  return [
    {
      code: 'baseline_artifact_mismatch',
      severity: 'warn',
      message: `The baseline report evaluated an artifact with sha256 ${promoted.slice(0, 12)}…, but production (${run.production.tag ?? run.production.displayPath}) has sha256 ${run.production.sha256.slice(0, 12)}…; the comparison may not describe the model in production.`,
    },
  ];
}

interface Reference {
  table: Table;
  summary: NonNullable<MonitorModel['reference']>;
}

/**
 * `monitor.reference` from the working tree; else the promotion's evaluation data as recorded in
 * the baseline (path and sha256), read from git at the production commit (or from the working
 * tree without git), its digest verified.
 */
async function readReference(run: MonitorModelRun): Promise<Reference> {
  const configured = run.monitor.reference;
  if (configured !== undefined) {
    const file = await resolveInsideRepo(run.root, configured, `models.${run.model.name}.monitor.reference`);
    const { sha256 } = await hashFile(file, configured);
    const table = await readTable(file, { displayPath: configured });
    return { table, summary: { path: configured, sha256, rows: table.rowCount, source: 'configured' } };
  }
  const recorded = run.baseline.meta.data;
  const commit = run.production.commit ?? null;
  let file: string;
  let where: string;
  if (run.git && commit) {
    const content = await run.git.showFile(commit, recorded.path, { smudge: true });
    where = `${recorded.path} at ${run.production.tag ?? commit.slice(0, 7)}`;
    if (content === null) {
      throw new ModelGateError(
        'reference_missing',
        `The promotion's evaluation data ${recorded.path} does not exist at ${run.production.tag ?? commit.slice(0, 7)}; set monitor.reference to the data drift should compare with.`,
      );
    }
    const dir = await mkdtemp(path.join(run.scratch, 'ref-'));
    file = path.join(dir, path.posix.basename(recorded.path));
    await writeFile(file, content);
  } else {
    file = await resolveInsideRepo(run.root, recorded.path, 'the baseline report data.path');
    where = `${recorded.path} in the working tree`;
  }
  const { sha256 } = await hashFile(file, recorded.path);
  if (sha256 !== recorded.sha256) {
    throw new ModelGateError(
      'reference_mismatch',
      `${where} has sha256 ${sha256.slice(0, 12)}…, but the promotion was evaluated on data with sha256 ${recorded.sha256.slice(0, 12)}…; drift must compare with the data the promotion was evaluated on. Set monitor.reference to compare with another file.`,
    );
  }
  const table = await readTable(file, { displayPath: recorded.path });
  return { table, summary: { path: recorded.path, sha256, rows: table.rowCount, source: 'promotion' } };
}

/** Scores of the production model on the reference and on the fresh data, compared. */
async function computePredictionDrift(input: {
  run: MonitorModelRun;
  reference: Table;
  fresh: Table;
  features: string[];
  thresholds: DriftThresholds;
}): Promise<ColumnDrift> {
  const { run } = input;
  const score = async (table: Table): Promise<Column> => {
    const target = targetFor(run.model, table, input.fresh);
    const loaded = await loadModel({
      table,
      features: input.features,
      model: run.model,
      target,
      batchSize: run.settings.batchSize,
      latencyBatches: 0,
      root: run.root,
      source: run.production,
    });
    try {
      return predictionColumn(loaded.predictions);
    } finally {
      await loaded.dispose();
    }
  };
  const reference = await score(input.reference);
  const current = await score(input.fresh);
  return computeColumnDrift({
    name: reference.name,
    role: 'prediction',
    reference,
    current,
    thresholds: input.thresholds,
  });
}

/**
 * The encoded target loadModel needs (multiclass: to align the class columns). A configured
 * reference without labels gets placeholder labels for binary and regression models; a multiclass
 * one takes its classes from the fresh data.
 */
function targetFor(model: ModelConfig, table: Table, fresh: Table): Target {
  const encode = (t: Table, column: Column) =>
    encodeTarget({ column, task: model.task, positive: model.positive, file: t.source });
  const column = table.columns.get(model.target);
  if (column) return encode(table, column);
  if (model.task === 'binary')
    return { task: 'binary', y: new Uint8Array(table.rowCount), positiveLabel: model.positive };
  if (model.task === 'regression') return { task: 'regression', y: new Float64Array(table.rowCount) };
  const classes = encode(fresh, fresh.columns.get(model.target)!);
  return { ...classes, y: new Int32Array(table.rowCount) } as Target;
}

/** The score (binary), the prediction (regression) or the predicted class (multiclass). */
function predictionColumn(p: Predictions): Column {
  if (p.task === 'binary') return { kind: 'numeric', name: 'score', values: p.score };
  if (p.task === 'regression') return { kind: 'numeric', name: 'prediction', values: p.prediction };
  const k = p.classes.length;
  const codes = new Int32Array(p.proba.length / k);
  for (let i = 0; i < codes.length; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (p.proba[i * k + j]! > p.proba[i * k + best]!) best = j;
    codes[i] = best;
  }
  return { kind: 'categorical', name: 'predicted class', codes, levels: [...p.classes] };
}

function computeLabelDrift(input: {
  model: ModelConfig;
  reference: Table;
  fresh: Table;
  thresholds: DriftThresholds;
}): ColumnDrift | null {
  const { model } = input;
  const reference = input.reference.columns.get(model.target);
  const current = input.fresh.columns.get(model.target);
  if (!reference || !current) return null;
  return computeColumnDrift({
    name: model.target,
    role: 'label',
    reference,
    current,
    thresholds: input.thresholds,
    categorical: model.task !== 'regression',
    ...(model.task === 'binary' && { positive: model.positive }),
  });
}
