/**
 * Per-group charts: a Mermaid `xychart-beta` of one rate per group (bars: candidate, line:
 * production) with the same numbers as a table beside it. The charted metric is the selection
 * rate, else the true positive rate, else the model's primary metric.
 */
import { metricLabel } from '../gate/labels.js';
import { isMetricName, METRICS } from '../metrics/registry.js';
import type { GroupEntry, ModelReport } from '../report/schema.js';
import { numberCell } from './cells.js';
import { markup } from './escape-markdown.js';
import { escapeMermaidLabel } from './escape-mermaid.js';
import { formatSigned } from './format-number.js';
import type { ChartView } from './view.js';

/** More groups than this make an unreadable chart: the table alone is shown. */
export const MAX_CHART_GROUPS = 20;

/** Plain words for group flags. */
export const FLAG_WORDS: Record<GroupEntry['flags'][number], string> = {
  small_group: 'too small to gate',
  no_positives: 'no positives',
  no_negatives: 'no negatives',
  undefined_metrics: 'some metrics undefined',
};

/** One chart and table per sensitive column (or intersection) that has a value to chart. */
export function buildChartViews(model: ModelReport): ChartView[] {
  return Object.entries(model.groups).flatMap(([column, groups]) => {
    const metric = chartMetric(model, groups);
    return metric === null ? [] : [chartView(column, groups, metric)];
  });
}

function chartMetric(model: ModelReport, groups: Record<string, GroupEntry>): string | null {
  const entries = Object.values(groups);
  const defined = (m: string) => entries.some((g) => Number.isFinite(g.candidate[m] ?? Number.NaN));
  return ['selection_rate', 'tpr', model.primaryMetric].find(defined) ?? null;
}

function chartView(column: string, groups: Record<string, GroupEntry>, metric: string): ChartView {
  const label = metricLabel(metric);
  const rows = Object.entries(groups).map(([group, entry]) => {
    const candidate = entry.candidate[metric] ?? null;
    const production = entry.production?.[metric] ?? null;
    const delta = candidate !== null && production !== null ? candidate - production : null;
    return {
      group,
      n: numberCell(entry.n),
      production: numberCell(production),
      candidate: numberCell(candidate),
      delta: markup(delta === null ? '—' : formatSigned(delta)),
      flags: entry.flags.map((flag) => FLAG_WORDS[flag]).join(', '),
    };
  });
  const mermaid = buildMermaid(column, groups, metric);
  const legend = mermaid
    ? markup(mermaid.hasLine ? 'Bars: candidate; line: production.' : 'Bars: candidate.')
    : markup(`Too many groups or no values to chart; the numbers are in the table.`);
  return {
    column,
    title: `${label} by ${column}`,
    mermaid: mermaid ? markup(mermaid.text) : null,
    legend,
    rows,
  };
}

function buildMermaid(column: string, groups: Record<string, GroupEntry>, metric: string) {
  const points = Object.entries(groups)
    .map(([group, entry]) => ({
      group,
      candidate: entry.candidate[metric] ?? null,
      production: entry.production?.[metric] ?? null,
    }))
    .filter(
      (p): p is { group: string; candidate: number; production: number | null } =>
        p.candidate !== null && Number.isFinite(p.candidate),
    );
  if (points.length === 0 || points.length > MAX_CHART_GROUPS) return null;
  const hasLine = points.every((p) => p.production !== null && Number.isFinite(p.production));
  const label = metricLabel(metric);
  const unitRange = isMetricName(metric) && METRICS[metric].range[0] === 0 && METRICS[metric].range[1] === 1;
  const lines = [
    'xychart-beta',
    `    title "${escapeMermaidLabel(`${label} by ${column}`, 80)}"`,
    `    x-axis [${points.map((p) => `"${escapeMermaidLabel(p.group)}"`).join(', ')}]`,
    `    y-axis "${escapeMermaidLabel(label)}"${unitRange ? ' 0 --> 1' : ''}`,
    `    bar [${points.map((p) => chartNumber(p.candidate)).join(', ')}]`,
  ];
  if (hasLine) lines.push(`    line [${points.map((p) => chartNumber(p.production!)).join(', ')}]`);
  return { text: lines.join('\n'), hasLine };
}

function chartNumber(x: number): string {
  return Number(x.toFixed(4)).toString();
}
