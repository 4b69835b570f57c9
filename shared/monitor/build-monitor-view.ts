/**
 * The view the monitor templates render: numbers formatted as trusted `Markup`, names and
 * messages as plain strings (escaped by the template engine).
 */
import type { ColumnDrift, DriftThresholds } from '../drift/schema.js';
import { gapLabel, metricLabel } from '../gate/labels.js';
import { estimateCell } from '../render/cells.js';
import { escapeMarkdown, type Markup, markup, safeLink } from '../render/escape-markdown.js';
import { formatConfidence, formatNumber, formatPercent, formatThreshold } from '../render/format-number.js';
import type { HistoryEntry } from './alert-history.js';
import { buildTrendChart } from './build-trend-chart.js';
import { describeShift, STATISTIC_LABELS } from './describe-drift.js';
import type { MonitorCheck, MonitorComparison, MonitorModel, MonitorStatus } from './schema.js';

/** Emoji of each monitor status. */
export const MONITOR_STATUS_EMOJI: Record<MonitorStatus, string> = {
  healthy: '✅',
  alert: '🚨',
  insufficient_data: '➖',
  error: '⛔',
};
/** Words of each monitor status, after a model name. */
export const MONITOR_STATUS_WORDS: Record<MonitorStatus, string> = {
  healthy: 'healthy',
  alert: 'alert',
  insufficient_data: 'too little data to judge',
  error: 'could not be monitored',
};
const CHECK_EMOJI: Record<MonitorCheck['status'], string> = {
  pass: '✅',
  fail: '❌',
  warn: '⚠️',
  insufficient: '➖',
  error: '⛔',
};
const CHECK_WORDS: Record<MonitorCheck['status'], string> = {
  pass: 'pass',
  fail: 'fail',
  warn: 'within noise',
  insufficient: 'too little data',
  error: 'error',
};
const DRIFT_WORDS: Record<ColumnDrift['status'], string> = {
  drifted: '🔴 drifted',
  stable: '✅ stable',
  insufficient: '➖ too little data',
};
const ROLE_WORDS: Record<ColumnDrift['role'], string> = {
  feature: '',
  prediction: ' (prediction)',
  label: ' (label)',
};

/** How much of the model goes into the markdown (less when a size limit is hit). */
export interface MonitorViewLimits {
  driftRows: number;
  trendRows: number;
  metrics: boolean;
}

/** Everything, as long as it fits. */
export const FULL_LIMITS: MonitorViewLimits = { driftRows: 60, trendRows: 12, metrics: true };

/**
 * The view of one model for the `monitorModel` partial. With `history` (alert issues) it includes
 * the trend chart and table; `limits` shorten the tables when a size limit is hit.
 */
export function buildMonitorModelView(
  model: MonitorModel,
  options: { history?: readonly HistoryEntry[]; limits?: MonitorViewLimits; confidence: number },
) {
  const limits = options.limits ?? FULL_LIMITS;
  return {
    name: model.name,
    emoji: markup(MONITOR_STATUS_EMOJI[model.status]),
    status: markup(MONITOR_STATUS_WORDS[model.status]),
    summary: buildSummary(model),
    error: model.error?.message ?? null,
    flags: model.flags.map((f) => f.message),
    attention: model.checks
      .filter((c) => c.status !== 'pass')
      .map((c) => ({ emoji: markup(CHECK_EMOJI[c.status]), message: c.message })),
    checks: model.checks.map((c) => ({
      emoji: markup(CHECK_EMOJI[c.status]),
      title: checkTitle(c),
      limit: markup(
        c.threshold === null
          ? '—'
          : c.bound === 'max_degradation_relative' || c.bound === 'max_share_drifted'
            ? formatPercent(c.threshold)
            : formatThreshold(c.threshold),
      ),
      observed: markup(observed(c)),
      result: markup(CHECK_WORDS[c.status]),
    })),
    level: markup(formatConfidence(options.confidence)),
    metrics: limits.metrics ? model.metrics.map((m) => comparisonRow(m, metricLabel(m.metric))) : [],
    fairness: limits.metrics
      ? model.fairness.map((m) => ({ ...comparisonRow(m, gapLabel(m.metric)), column: m.column ?? '' }))
      : [],
    drift: buildDriftView(model, limits.driftRows),
    trend: options.history ? buildTrendView(model, options.history, limits.trendRows) : null,
    provenance: buildProvenance(model),
  };
}

export type MonitorModelView = ReturnType<typeof buildMonitorModelView>;

function buildSummary(model: MonitorModel): Markup {
  const e = escapeMarkdown;
  const production = model.production?.tag ?? model.production?.path ?? model.name;
  if (!model.data || !model.baseline) return markup(`Production ${e(production)}.`);
  const base = model.baseline;
  const promotion = base.tag
    ? `the promotion report of ${safeLink(base.tag, base.url).markdown}`
    : `the baseline report ${e(base.data.path)}`;
  return markup(
    `Production ${e(production)} evaluated on ${model.data.rows.toLocaleString('en-US')} fresh rows of ${e(model.data.path)}, ` +
      `compared with ${promotion} (${base.data.rows.toLocaleString('en-US')} rows of ${e(base.data.path)}).`,
  );
}

function checkTitle(c: MonitorCheck): string {
  switch (c.kind) {
    case 'degradation':
      return `${metricLabel(c.metric)}: ${c.bound === 'max_degradation_relative' ? 'relative degradation' : 'degradation'}`;
    case 'fairness_increase':
      return `${gapLabel(c.metric)}${c.column ? `, ${c.column}` : ''}: increase`;
    case 'feature_drift':
      return 'Share of drifted features';
    case 'prediction_drift':
      return `Prediction drift (${c.metric})`;
    case 'label_drift':
      return `Label drift (${c.metric})`;
  }
}

function observed(c: MonitorCheck): string {
  if (c.observed === null) return '—';
  if (c.bound === 'max_degradation_relative' || c.bound === 'max_share_drifted')
    return formatPercent(c.observed);
  return c.bound === 'drift' ? `PSI ${formatNumber(c.observed)}` : formatNumber(c.observed);
}

function comparisonRow(m: MonitorComparison, label: string) {
  return {
    label,
    baseline: estimateCell(m.baseline),
    current: estimateCell(m.current),
    change: estimateCell(m.change, true),
  };
}

function buildDriftView(model: MonitorModel, maxRows: number) {
  const drift = model.drift;
  if (!drift) return null;
  const t: DriftThresholds = drift.thresholds;
  const features = [...drift.features.columns].sort((a, b) => order(a) - order(b));
  const all = [drift.predictions, drift.labels, ...features].filter((c): c is ColumnDrift => c !== null);
  const shown = all.slice(0, maxRows + (all.length - features.length));
  const omitted = all.length - shown.length;
  const f = drift.features;
  const summary =
    f.status === 'insufficient'
      ? 'Too little data to judge feature drift.'
      : `${f.drifted} of ${f.judged} features drifted (${formatPercent(f.share ?? 0)}); an alert is raised above ${formatPercent(f.maxShare)}.`;
  return {
    summary: markup(summary),
    rows: shown.map((c) => driftRow(c)),
    omitted:
      omitted > 0
        ? markup(
            `${omitted} more columns are listed in the monitor report (JSON); drifted columns come first in this table.`,
          )
        : null,
    limits: markup(
      `A column drifted when an effect size is above its limit — PSI ${formatThreshold(t.psiMax)}, KS ${formatThreshold(t.ksMax)}, ` +
        `${t.categorical === 'jensen_shannon' ? `Jensen-Shannon ${formatThreshold(t.jsMax)}` : `Cramér's V ${formatThreshold(t.cramersVMax)}`} — ` +
        `and the difference is significant (p < ${formatThreshold(t.alpha)}). ` +
        `PSI uses 10 bins cut at the reference deciles, plus one for missing values.`,
    ),
  };
}

function order(c: ColumnDrift): number {
  return c.status === 'drifted' ? 0 : c.status === 'stable' ? 1 : 2;
}

function driftRow(c: ColumnDrift) {
  const exceeded = c.exceeded.length > 0 ? ` (${c.exceeded.map((s) => STATISTIC_LABELS[s]).join(', ')})` : '';
  return {
    column: `${c.column}${ROLE_WORDS[c.role]}`,
    kind: markup(c.kind),
    psi: markup(formatNumber(c.psi)),
    ks: markup(c.ks ? formatNumber(c.ks.statistic) : '—'),
    js: markup(c.jensenShannon !== null ? formatNumber(c.jensenShannon) : '—'),
    v: markup(c.kind === 'categorical' && c.chiSquare ? formatNumber(c.chiSquare.cramersV) : '—'),
    p: markup(formatP(c.kind === 'numeric' ? (c.ks?.pValue ?? c.chiSquare?.pValue) : c.chiSquare?.pValue)),
    shift: describeShift(c),
    result: markup(`${DRIFT_WORDS[c.status]}${exceeded}`),
  };
}

function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return p < 0.001 ? '< 0.001' : formatNumber(p);
}

function buildTrendView(model: MonitorModel, history: readonly HistoryEntry[], maxRows: number) {
  const chart = buildTrendChart(history, model.primaryMetric);
  const recent = history.slice(-maxRows).reverse();
  return {
    metric: metricLabel(model.primaryMetric),
    mermaid: chart ? markup(chart) : null,
    rows: recent.map((h) => ({
      at: safeLink(h.at.slice(0, 10), h.run),
      version: h.version ?? '—',
      status: markup(`${MONITOR_STATUS_EMOJI[h.status]} ${MONITOR_STATUS_WORDS[h.status]}`),
      value: markup(formatNumber(h.value)),
      baseline: markup(formatNumber(h.baseline)),
      drifted: markup(h.drifted === null ? '—' : formatPercent(h.drifted)),
      rows: markup(h.rows === null ? '—' : h.rows.toLocaleString('en-US')),
    })),
  };
}

function buildProvenance(model: MonitorModel): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  const p = model.production;
  if (p)
    out.push({
      label: 'Production',
      value: `${p.tag ?? p.path} (${p.path}, sha256 ${p.sha256}${p.commit ? `, commit ${p.commit}` : ''})`,
    });
  if (model.baseline)
    out.push({
      label: 'Baseline',
      value: `${model.baseline.tag ?? model.baseline.data.path}${model.baseline.createdAt ? `, evaluated ${model.baseline.createdAt}` : ''}`,
    });
  if (model.data)
    out.push({
      label: 'Fresh data',
      value: `${model.data.path} (${model.data.rows} rows, sha256 ${model.data.sha256})`,
    });
  if (model.reference)
    out.push({
      label: `Drift reference (${model.reference.source})`,
      value: `${model.reference.path} (${model.reference.rows} rows, sha256 ${model.reference.sha256})`,
    });
  return out;
}
