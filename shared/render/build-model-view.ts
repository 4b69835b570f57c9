/**
 * One model's part of the view: verdict line, checks needing attention, metrics and fairness
 * tables; group charts and details come from their own builders.
 */
import { gapLabel, metricLabel } from '../gate/labels.js';
import type { Check, ModelReport } from '../report/schema.js';
import { buildChartViews } from './build-chart-views.js';
import { buildDetailsView } from './build-details-view.js';
import { checkRow, estimateCell, statusCell } from './cells.js';
import { markup } from './escape-markdown.js';
import { STATUS_RANK, VERDICT_EMOJI, VERDICT_WORDS, worstStatus } from './render-labels.js';
import type { ComparisonRow, FairnessView, ModelView } from './view.js';

/** Which parts to include (truncation drops them in this order: details, groups, tables). */
export interface Sections {
  details: boolean;
  groups: boolean;
  tables: boolean;
  /** Most attention rows per model; null = all. */
  attentionLimit: number | null;
}

/** The view of one model, limited to `sections`; checks needing attention sorted error, fail, warn. */
export function buildModelView(model: ModelReport, sections: Sections): ModelView {
  const attention = model.checks
    .filter((check) => check.status === 'fail' || check.status === 'error' || check.status === 'warn')
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status]);
  const shown = sections.attentionLimit === null ? attention : attention.slice(0, sections.attentionLimit);
  const omitted = attention.length - shown.length;
  return {
    name: model.name,
    emoji: markup(VERDICT_EMOJI[model.verdict]),
    verdict: markup(VERDICT_WORDS[model.verdict]),
    summary: markup(summarize(model)),
    error: model.error ? model.error.message : null,
    thresholdChanges: model.thresholdChanges,
    attention: shown.map(checkRow),
    attentionOmitted:
      omitted > 0
        ? markup(
            `${omitted} more ${omitted === 1 ? 'check needs' : 'checks need'} attention; see the full report.`,
          )
        : null,
    metrics: sections.tables ? metricRows(model) : [],
    fairness: sections.tables ? fairnessViews(model) : [],
    charts: sections.groups ? buildChartViews(model) : [],
    details: sections.details ? buildDetailsView(model) : null,
  };
}

/** Trusted: counts and fixed words only. */
function summarize(model: ModelReport): string {
  const count = (status: Check['status']) => model.checks.filter((check) => check.status === status).length;
  const parts = [
    [count('error'), 'could not be evaluated'],
    [count('fail'), 'failed'],
    [count('warn'), 'within noise'],
    [count('pass'), 'passed'],
    [count('skipped'), 'skipped'],
  ] as const;
  const n = model.checks.length;
  const list = parts.filter(([k]) => k > 0).map(([k, words]) => `${k} ${words}`);
  const none = model.error ? 'The evaluation stopped with an error, so no check was run.' : 'No checks.';
  const checks = n === 0 ? none : `${n} ${n === 1 ? 'check' : 'checks'}: ${list.join(', ')}.`;
  const first = model.firstPromotion
    ? ' First promotion: there is no production version, so comparisons are skipped.'
    : '';
  return `${checks}${first}`;
}

function metricRows(model: ModelReport): ComparisonRow[] {
  const names = Object.keys(model.metrics);
  const ordered = names.includes(model.primaryMetric)
    ? [model.primaryMetric, ...names.filter((n) => n !== model.primaryMetric)]
    : names;
  const metricChecks = model.checks.filter(
    (c) => c.kind === 'metric' || c.kind === 'regression' || c.kind === 'worst_group',
  );
  return ordered.map((name) => {
    const comparison = model.metrics[name]!;
    return {
      label: metricLabel(name),
      production: estimateCell(comparison.production),
      candidate: estimateCell(comparison.candidate),
      delta: estimateCell(comparison.delta, true),
      status: statusCell(worstStatus(metricChecks.filter((c) => c.metric === name))),
    };
  });
}

function fairnessViews(model: ModelReport): FairnessView[] {
  const columns = [...new Set(Object.values(model.fairness).flatMap((byColumn) => Object.keys(byColumn)))];
  const gapChecks = model.checks.filter((c) => c.kind === 'fairness' || c.kind === 'fairness_regression');
  return columns.map((column) => {
    const gaps = Object.entries(model.fairness).filter(([, byColumn]) => byColumn[column] !== undefined);
    const excluded = new Map<string, string>();
    const rows = gaps.map(([gap, byColumn]): ComparisonRow => {
      const comparison = byColumn[column]!;
      for (const e of comparison.excluded) excluded.set(e.group, e.reason);
      return {
        label: gapLabel(gap),
        production: estimateCell(comparison.production),
        candidate: estimateCell(comparison.candidate),
        delta: estimateCell(comparison.delta, true),
        status: statusCell(worstStatus(gapChecks.filter((c) => c.metric === gap && c.column === column))),
      };
    });
    const list = [...excluded].map(([group, reason]) => `${group} (${reason})`).join(', ');
    return { column, rows, excluded: list };
  });
}
