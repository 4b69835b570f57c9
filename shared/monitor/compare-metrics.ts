/**
 * Degradation since promotion: each metric and fairness gap of the production model on the fresh
 * data against the value recorded in its promotion report, with the independent-sample change,
 * and the configured `monitor.gates` / `monitor.fairness` decided on it the way the pull-request
 * gate decides regressions (point estimate or non-inferiority; a point pass whose interval
 * reaches past the tolerance is "within noise").
 */
import type { MonitorConfig, TestKind } from '../config/types.js';
import { buildRegressionCheck } from '../gate/build-regression-check.js';
import { gapLabel, metricLabel } from '../gate/labels.js';
import type { CheckHead } from '../gate/types.js';
import { GAPS, isGapName, isMetricName, METRICS } from '../metrics/registry.js';
import type { Check, Estimate, ModelReport } from '../report/schema.js';
import { computeIndependentChange } from './compute-independent-change.js';
import type { MonitorCheck, MonitorComparison } from './schema.js';

/** The promotion's and the fresh evaluation of one model, and its monitor thresholds. */
export interface CompareInput {
  /** The model's entry in its promotion report (its `candidate` side is what was promoted). */
  baseline: ModelReport;
  /** The production model evaluated on the fresh data (as the `candidate` side). */
  current: ModelReport;
  monitor: MonitorConfig;
  confidence: number;
  /** Whether the fresh data has at least `monitor.minRows` rows. */
  enough: boolean;
}

/** Every metric of the current evaluation beside its promotion value, and the degradation checks. */
export function compareMetrics(input: CompareInput): {
  metrics: MonitorComparison[];
  checks: MonitorCheck[];
} {
  const { baseline, current } = input;
  const metrics = Object.keys(current.metrics).map((metric) => {
    const base = baseline.metrics[metric]?.candidate ?? null;
    const now = current.metrics[metric]?.candidate ?? null;
    return {
      metric,
      direction: directionOf(metric),
      baseline: base,
      current: now,
      change: computeIndependentChange(now, base),
    };
  });
  const checks: MonitorCheck[] = [];
  for (const [metric, gate] of Object.entries(input.monitor.gates)) {
    const row = metrics.find((m) => m.metric === metric) ?? {
      metric,
      direction: directionOf(metric),
      baseline: null,
      current: null,
      change: null,
    };
    const bounds: ['max_degradation' | 'max_degradation_relative', number | undefined][] = [
      ['max_degradation', gate.maxDegradation],
      ['max_degradation_relative', gate.maxDegradationRelative],
    ];
    for (const [bound, threshold] of bounds) {
      if (threshold === undefined) continue;
      checks.push(
        degradationCheck({ ...input, row, bound, threshold, test: gate.test, subject: metricLabel(metric) }),
      );
    }
  }
  return { metrics, checks };
}

/** Every gap of `monitor.fairness`, per sensitive column, beside its promotion value, and its checks. */
export function compareFairness(input: CompareInput): {
  fairness: MonitorComparison[];
  checks: MonitorCheck[];
} {
  const fairness: MonitorComparison[] = [];
  const checks: MonitorCheck[] = [];
  for (const [gap, gate] of Object.entries(input.monitor.fairness)) {
    const nowByColumn = input.current.fairness[gap] ?? {};
    const baseByColumn = input.baseline.fairness[gap] ?? {};
    const columns = [...new Set([...Object.keys(nowByColumn), ...Object.keys(baseByColumn)])];
    if (columns.length === 0) {
      const row: MonitorComparison = {
        metric: gap,
        direction: directionOf(gap),
        baseline: null,
        current: null,
        change: null,
      };
      checks.push(
        degradationCheck({
          ...input,
          row,
          bound: 'max_increase',
          threshold: gate.maxIncrease,
          test: 'point',
          subject: gapLabel(gap),
        }),
      );
      continue;
    }
    for (const column of columns) {
      const base = baseByColumn[column]?.candidate ?? null;
      const now = nowByColumn[column]?.candidate ?? null;
      const row: MonitorComparison = {
        metric: gap,
        column,
        direction: directionOf(gap),
        baseline: base,
        current: now,
        change: computeIndependentChange(now, base),
      };
      fairness.push(row);
      const subject = `${gapLabel(gap)} on ${column}`;
      checks.push(
        degradationCheck({
          ...input,
          row,
          bound: 'max_increase',
          threshold: gate.maxIncrease,
          test: 'point',
          subject,
        }),
      );
    }
  }
  return { fairness, checks };
}

interface DegradationCheckInput extends CompareInput {
  row: MonitorComparison;
  bound: 'max_degradation' | 'max_degradation_relative' | 'max_increase';
  threshold: number;
  test: TestKind;
  subject: string;
}

const GATE_BOUND = {
  max_degradation: 'max_regression',
  max_degradation_relative: 'max_regression_relative',
  max_increase: 'max_increase',
} as const;

function degradationCheck(input: DegradationCheckInput): MonitorCheck {
  const { row, bound, threshold } = input;
  const where = row.column === undefined ? '' : `.${row.column}`;
  const id = `monitor.${row.metric}${where}.${bound}`;
  const kind = bound === 'max_increase' ? 'fairness_increase' : 'degradation';
  const column = row.column !== undefined && { column: row.column };
  const head = { id, kind, metric: row.metric, ...column, bound, threshold, test: input.test } as const;
  if (!input.enough) {
    const message = `Too little data to judge: the fresh data has ${input.current.data.rows} rows; at least ${input.monitor.minRows} are needed (monitor.min_rows).`;
    return { ...head, observed: null, interval: null, status: 'insufficient', message };
  }
  // The gate's regression check decides (same wording, same noise rules), under the gate's names.
  const gateKind = kind === 'fairness_increase' ? 'fairness_regression' : 'regression';
  const gateHead: CheckHead = {
    id,
    kind: gateKind,
    metric: row.metric,
    bound: GATE_BOUND[bound],
    threshold,
    test: input.test,
  };
  const decided: Check = buildRegressionCheck({
    head: gateHead,
    relative: bound === 'max_degradation_relative',
    direction: row.direction,
    subject: input.subject,
    candidate: row.current?.value,
    production: row.baseline?.value,
    delta: row.change?.value,
    deltaInterval: row.change?.ci,
    missingReason: missingReason(row, input),
    firstPromotion: false,
    test: input.test,
    warnWithinNoise: true,
    confidence: input.confidence,
  });
  const status = decided.status === 'skipped' ? 'error' : decided.status;
  return {
    ...head,
    observed: decided.observed,
    interval: decided.interval,
    status,
    message: decided.message,
  };
}

function missingReason(row: MonitorComparison, input: CompareInput): string {
  const why = (e: Estimate | null) => (e?.reason ? ` (${e.reason})` : '');
  if (row.baseline?.value === null || row.baseline?.value === undefined) {
    return `the promotion report has no value for it${why(row.baseline)}`;
  }
  return `it is undefined on the fresh data${why(row.current)}${input.current.error ? `: ${input.current.error.message}` : ''}`;
}

function directionOf(name: string): 'higher' | 'lower' {
  if (isMetricName(name)) return METRICS[name].direction;
  if (isGapName(name)) return GAPS[name].direction;
  return 'higher';
}
