/**
 * Cross-field rules of the metric and fairness gates of one model: bounds that contradict each
 * other or the metric's range, worst-group bounds in the wrong direction, fairness columns that
 * are not sensitive, and tests that need a tolerance or intervals.
 */
import { GAPS, type GapName, METRICS, type MetricName } from '../metrics/registry.js';
import type { KeyPath } from './config-source.js';
import { formatKeyPath } from './config-source.js';
import { explainUnknown, suggestName } from './suggest-name.js';
import type { Defaults, FairnessThresholds, MetricThresholds, ModelConfig } from './types.js';

/** Reports one problem at a key path (`at: 'key'` points at the key rather than its value). */
export type ReportIssue = (path: KeyPath, message: string, at?: 'key' | 'value') => void;

/** One model being checked, its key path and where problems go. */
export interface ModelContext {
  model: ModelConfig;
  defaults: Defaults;
  report: ReportIssue;
  base: KeyPath;
}

const METRIC_BOUNDS = [
  'min',
  'max',
  'maxRegression',
  'maxRegressionRelative',
  'worstGroupMin',
  'worstGroupMax',
] as const;

const SNAKE: Record<string, string> = {
  min: 'min',
  max: 'max',
  maxRegression: 'max_regression',
  maxRegressionRelative: 'max_regression_relative',
  worstGroupMin: 'worst_group_min',
  worstGroupMax: 'worst_group_max',
  maxIncrease: 'max_increase',
  maxIncreaseRelative: 'max_increase_relative',
  maxDegradation: 'max_degradation',
  maxDegradationRelative: 'max_degradation_relative',
};

/** One `gates.<metric>` entry: some bound set, min ≤ max, bounds in range, worst-group direction, test. */
export function checkMetricGate(ctx: ModelContext, metric: string, gate: MetricThresholds): void {
  const { report, model } = ctx;
  const path = [...ctx.base, 'gates', metric];
  if (!requireSomeBound(report, path, gate, METRIC_BOUNDS)) return;
  checkMinMax(report, path, gate.min, gate.max);
  const info = METRICS[metric as MetricName];
  if (info === undefined) return;
  for (const key of ['min', 'max', 'worstGroupMin', 'worstGroupMax'] as const) {
    checkRange({ report, path: [...path, SNAKE[key]!], value: gate[key], range: info.range, metric });
  }
  const worstKey =
    gate.worstGroupMin !== undefined
      ? 'worstGroupMin'
      : gate.worstGroupMax !== undefined
        ? 'worstGroupMax'
        : null;
  if (worstKey !== null && model.sensitive.length === 0) {
    report(
      [...path, SNAKE[worstKey]!],
      `needs sensitive columns, but ${formatKeyPath([...ctx.base, 'sensitive'])} is empty`,
    );
  }
  const wrongWorst = info.direction === 'higher' ? 'worstGroupMax' : 'worstGroupMin';
  if (gate[wrongWorst] !== undefined) {
    const right = info.direction === 'higher' ? 'worst_group_min' : 'worst_group_max';
    const worst = info.direction === 'higher' ? 'lowest' : 'highest';
    report(
      [...path, SNAKE[wrongWorst]!],
      `does nothing: ${metric} is ${info.direction}-is-better, so its worst group has the ${worst} value; use ${right}`,
    );
  }
  const tolerance = gate.maxRegression !== undefined || gate.maxRegressionRelative !== undefined;
  checkTest({
    ctx,
    path,
    test: gate.test,
    tolerance,
    toleranceKeys: 'max_regression or max_regression_relative',
  });
}

function checkTest(args: {
  ctx: ModelContext;
  path: KeyPath;
  test: 'point' | 'noninferiority';
  tolerance: boolean;
  toleranceKeys: string;
}): void {
  const { ctx, path, test } = args;
  if (test !== 'noninferiority') return;
  if (!args.tolerance) {
    ctx.report(
      [...path, 'test'],
      `noninferiority does nothing without ${args.toleranceKeys}: it tests the change against that tolerance`,
    );
  } else if (ctx.defaults.bootstrap === 0) {
    ctx.report([...path, 'test'], 'noninferiority needs confidence intervals, but defaults.bootstrap is 0');
  }
}

/** Reports a gate that sets none of `bounds` (camelCase names); returns whether one is set. */
export function requireSomeBound(
  report: ReportIssue,
  path: KeyPath,
  gate: object,
  bounds: readonly string[],
): boolean {
  if (bounds.some((b) => (gate as Record<string, unknown>)[b] !== undefined)) return true;
  report(
    path,
    `sets no threshold; expected at least one of: ${bounds.map((b) => SNAKE[b]).join(', ')}`,
    'key',
  );
  return false;
}

function checkMinMax(
  report: ReportIssue,
  path: KeyPath,
  min: number | undefined,
  max: number | undefined,
): void {
  if (min !== undefined && max !== undefined && min > max) {
    report([...path, 'min'], `min (${min}) is greater than max (${max}): no value can pass`);
  }
}

function checkRange(args: {
  report: ReportIssue;
  path: KeyPath;
  value: number | undefined;
  range: readonly [number, number];
  metric: string;
}): void {
  const { value, range } = args;
  if (value === undefined || (value >= range[0] && value <= range[1])) return;
  // 80 for 0.8 is a common slip; 1.2 is not a percentage anyone means.
  const percent = range[1] === 1 && value >= 2 && value <= 100 ? ` (a percentage? write ${value / 100})` : '';
  args.report(args.path, `${args.metric} lies between ${range[0]} and ${range[1]}; got ${value}${percent}`);
}

/** The `fairness` section: sensitive columns exist, then each gap gate and its columns. */
export function checkFairness(ctx: ModelContext): void {
  const { model, report, base } = ctx;
  const entries = Object.entries(model.fairness);
  if (entries.length > 0 && model.sensitive.length === 0) {
    report(
      [...base, 'fairness'],
      `fairness gates need sensitive columns, but ${formatKeyPath([...base, 'sensitive'])} is empty`,
      'key',
    );
    return;
  }
  for (const [gap, gate] of entries) checkFairnessGate(ctx, gap, gate);
}

function checkFairnessGate(ctx: ModelContext, gap: string, gate: FairnessThresholds): void {
  const path = [...ctx.base, 'fairness', gap];
  if (!requireSomeBound(ctx.report, path, gate, ['min', 'max', 'maxIncrease'])) return;
  checkMinMax(ctx.report, path, gate.min, gate.max);
  if (GAPS[gap as GapName] !== undefined) {
    for (const key of ['min', 'max'] as const) {
      checkRange({ report: ctx.report, path: [...path, key], value: gate[key], range: [0, 1], metric: gap });
    }
  }
  if (gate.columns?.length === 0)
    ctx.report(
      [...path, 'columns'],
      'is empty, so nothing is checked; remove it to check every sensitive column',
    );
  gate.columns?.forEach((column, i) => {
    const problem = checkFairnessColumn(ctx.model, column);
    if (problem !== null) ctx.report([...path, 'columns', i], problem);
  });
  checkTest({
    ctx,
    path,
    test: gate.test,
    tolerance: gate.maxIncrease !== undefined,
    toleranceKeys: 'max_increase',
  });
}

/** A fairness column must be sensitive, or an `a&b` intersection of distinct sensitive columns. */
function checkFairnessColumn(model: ModelConfig, column: string): string | null {
  const expected = `one of the sensitive columns: ${model.sensitive.join(', ')}`;
  if (!column.includes('&')) {
    if (model.sensitive.includes(column)) return null;
    return explainUnknown(
      `"${column}" is not a sensitive column`,
      suggestName(column, model.sensitive),
      expected,
    );
  }
  if (!model.intersections)
    return `"${column}" is an intersection, but intersections is false; set intersections: true`;
  const parts = column.split('&').map((p) => p.trim());
  const unknown = parts.find((p) => !model.sensitive.includes(p));
  if (unknown !== undefined) {
    const problem = `"${unknown}" in "${column}" is not a sensitive column`;
    return explainUnknown(problem, suggestName(unknown, model.sensitive), expected);
  }
  if (new Set(parts).size !== parts.length)
    return `"${column}" repeats a column; an intersection joins distinct columns`;
  return null;
}
