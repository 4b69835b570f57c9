/**
 * One production model's monitoring result: comparisons, drift and checks in, status and the
 * headline of its alert out. Pure: the shell evaluated the model and computed drift.
 */
import type { ModelConfig, MonitorConfig } from '../config/types.js';
import type { ColumnDrift, FeatureDrift } from '../drift/schema.js';
import { formatNumber } from '../render/format-number.js';
import type { Flag, ModelReport } from '../report/schema.js';
import { compareFairness, compareMetrics } from './compare-metrics.js';
import { buildDriftChecks } from './drift-checks.js';
import { buildDriftThresholds } from './monitor-settings.js';
import type { MonitorCheck, MonitorModel, MonitorStatus } from './schema.js';

/** What the shell measured for one model: its evaluation on fresh data, drift, and provenance. */
export interface MonitorModelInput {
  model: Pick<ModelConfig, 'name' | 'task' | 'primaryMetric'>;
  monitor: MonitorConfig;
  confidence: number;
  production: MonitorModel['production'];
  baseline: NonNullable<MonitorModel['baseline']>;
  /** The model's entry in the promotion report. */
  baselineReport: ModelReport;
  /** The production model evaluated on the fresh data. */
  current: ModelReport;
  data: NonNullable<MonitorModel['data']>;
  reference: MonitorModel['reference'];
  drift: { features: FeatureDrift; predictions: ColumnDrift | null; labels: ColumnDrift | null } | null;
  flags?: Flag[];
}

/**
 * Builds the model's result. Status: `alert` when any check fails or cannot be decided (fail
 * closed); otherwise `insufficient_data` when the fresh data has fewer than `monitor.minRows`
 * rows ("too little data to judge"); otherwise `healthy`.
 */
export function buildMonitorModel(input: MonitorModelInput): MonitorModel {
  const enough = input.data.rows >= input.monitor.minRows;
  const compare = {
    baseline: input.baselineReport,
    current: input.current,
    monitor: input.monitor,
    confidence: input.confidence,
    enough,
  };
  const metrics = compareMetrics(compare);
  const fairness = compareFairness(compare);
  const thresholds = buildDriftThresholds(input.monitor);
  const driftChecks = input.drift
    ? buildDriftChecks({ ...input.drift, monitor: input.monitor, thresholds })
    : [];
  const checks = [...metrics.checks, ...fairness.checks, ...driftChecks];
  const status: MonitorStatus = checks.some(isProblem) ? 'alert' : enough ? 'healthy' : 'insufficient_data';
  return {
    name: input.model.name,
    task: input.model.task,
    primaryMetric: input.model.primaryMetric,
    status,
    headline: status === 'alert' ? buildHeadline(checks, input) : null,
    production: input.production,
    baseline: input.baseline,
    data: input.data,
    reference: input.reference,
    minRows: input.monitor.minRows,
    metrics: metrics.metrics,
    fairness: fairness.fairness,
    drift: input.drift ? { ...input.drift, thresholds } : null,
    checks,
    flags: input.flags ?? [],
    evaluation: input.current,
    error: null,
  };
}

/**
 * A model that could not be judged: status `error` with the message, or — for fresh data without
 * rows — `insufficient_data`, the message then a note rather than an error.
 */
export function buildMonitorErrorModel(input: {
  model: Pick<ModelConfig, 'name' | 'task' | 'primaryMetric'>;
  minRows: number;
  error: { code: string; message: string };
  status?: 'error' | 'insufficient_data';
  production?: MonitorModel['production'];
  baseline?: MonitorModel['baseline'];
}): MonitorModel {
  const insufficient = input.status === 'insufficient_data';
  return {
    name: input.model.name,
    task: input.model.task,
    primaryMetric: input.model.primaryMetric,
    status: insufficient ? 'insufficient_data' : 'error',
    headline: null,
    production: input.production ?? null,
    baseline: input.baseline ?? null,
    data: null,
    reference: null,
    minRows: input.minRows,
    metrics: [],
    fairness: [],
    drift: null,
    checks: [],
    flags: insufficient ? [{ code: input.error.code, severity: 'info', message: input.error.message }] : [],
    evaluation: null,
    error: insufficient ? null : input.error,
  };
}

function isProblem(check: MonitorCheck): boolean {
  return check.status === 'fail' || check.status === 'error';
}

const KIND_ORDER: Record<MonitorCheck['kind'], number> = {
  degradation: 0,
  fairness_increase: 1,
  feature_drift: 2,
  prediction_drift: 3,
  label_drift: 4,
};

/**
 * The first problem in one line, as an alert title names it: the primary metric's degradation
 * first, then other metrics, fairness, feature, prediction and label drift; "(+n more)" after.
 */
export function buildHeadline(
  checks: readonly MonitorCheck[],
  input: Pick<MonitorModelInput, 'model' | 'baselineReport' | 'current' | 'drift'>,
): string {
  const problems = checks
    .filter(isProblem)
    .sort((a, b) => rank(a, input.model.primaryMetric) - rank(b, input.model.primaryMetric));
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : '';
  return `${describeProblem(first, input)}${more}`;
}

function rank(check: MonitorCheck, primary: string): number {
  return KIND_ORDER[check.kind] * 2 + (check.kind === 'degradation' && check.metric === primary ? 0 : 1);
}

function describeProblem(
  check: MonitorCheck,
  input: Pick<MonitorModelInput, 'baselineReport' | 'current' | 'drift'>,
): string {
  const span = (before: number | null | undefined, after: number | null | undefined) =>
    `${formatNumber(before)} → ${formatNumber(after)}`;
  switch (check.kind) {
    case 'degradation': {
      if (check.status === 'error') return `${check.metric} could not be evaluated`;
      const before = input.baselineReport.metrics[check.metric]?.candidate.value;
      const after = input.current.metrics[check.metric]?.candidate.value;
      return `${check.metric} degraded ${span(before, after)}`;
    }
    case 'fairness_increase': {
      const on = check.column === undefined ? '' : ` on ${check.column}`;
      if (check.status === 'error') return `${check.metric}${on} could not be evaluated`;
      const before = input.baselineReport.fairness[check.metric]?.[check.column ?? '']?.candidate.value;
      const after = input.current.fairness[check.metric]?.[check.column ?? '']?.candidate.value;
      return `${check.metric}${on} worsened ${span(before, after)}`;
    }
    case 'feature_drift': {
      const features = input.drift?.features;
      return features
        ? `feature drift in ${features.drifted} of ${features.judged} features`
        : 'feature drift';
    }
    case 'prediction_drift':
      return 'score distribution drifted';
    case 'label_drift': {
      const shift = input.drift?.labels?.shift;
      return shift?.statistic === 'rate'
        ? `base rate moved ${span(shift.reference, shift.current)}`
        : 'label distribution drifted';
    }
  }
}
