/**
 * The model dashboard (one issue per repository): each configured model's production version,
 * its last promotions, a chart of the primary metric across versions with the same numbers in a
 * table, the open pull requests awaiting sign-off, and the latest monitoring alert.
 */
import { metricLabel } from '../../gate/labels.js';
import type { ReleaseRecord } from '../../promotion/release-record.js';
import { compareSemver, parseSemver } from '../../promotion/semver.js';
import { escapeMarkdown, markup, safeLink } from '../escape-markdown.js';
import { escapeMermaidLabel } from '../escape-mermaid.js';
import { formatInterval, formatNumber } from '../format-number.js';
import { formatDate, numberLink } from './release-facts.js';
import type { DashboardModelView, DashboardView } from './release-view.js';

/** Hidden first line of the dashboard issue. */
export const DASHBOARD_MARKER = '<!-- modelgate:dashboard -->';
/** Promotions listed per model. */
export const RECENT_PROMOTIONS = 5;
/** Versions charted per model (the newest). */
export const MAX_CHART_VERSIONS = 20;
/** Pull requests listed as awaiting sign-off. */
export const MAX_AWAITING = 20;

/** A published promotion release. */
export interface DashboardRelease {
  record: ReleaseRecord;
  url: string;
  publishedAt: string | null;
}

export interface DashboardFacts {
  /** In configuration order. */
  models: {
    name: string;
    primaryMetric: string;
    releases: readonly DashboardRelease[];
    alert: { number: number; title: string; url: string } | null;
  }[];
  awaiting: { number: number; title: string; url: string; waiting: string }[];
}

/** Builds the dashboard's view. */
export function buildDashboardView(facts: DashboardFacts): DashboardView {
  const shown = facts.awaiting.slice(0, MAX_AWAITING);
  const more = facts.awaiting.length - shown.length;
  return {
    marker: markup(DASHBOARD_MARKER),
    models: facts.models.map(modelView),
    awaiting: shown.map((pr) => ({
      pull: numberLink(pr.number, pr.url),
      title: pr.title,
      waiting: pr.waiting,
    })),
    awaitingMore: more > 0 ? markup(`… and ${more} more.`) : null,
  };
}

function modelView(model: DashboardFacts['models'][number]): DashboardModelView {
  const ordered = sortNewestFirst(model.releases.filter((r) => r.record.model === model.name));
  const newest = ordered[0];
  const charted = ordered.slice(0, MAX_CHART_VERSIONS).reverse();
  const row = (release: DashboardRelease) => ({
    version: safeLink(`v${release.record.version}`, release.url),
    date: formatDate(release.publishedAt ?? release.record.promotedAt),
    source: describeOrigin(release.record),
    value: valueCell(release.record),
  });
  return {
    name: model.name,
    production: newest
      ? markup(
          `${safeLink(`v${newest.record.version}`, newest.url)}, promoted ${formatDate(newest.publishedAt ?? newest.record.promotedAt)}`,
        )
      : markup('none yet (no promotion release)'),
    alert: model.alert
      ? markup(`${numberLink(model.alert.number, model.alert.url)} ${escapeMarkdown(model.alert.title)}`)
      : null,
    metricLabel: metricLabel(model.primaryMetric),
    chart: buildVersionChart(charted, model.primaryMetric),
    history: charted.map(row),
    recent: ordered.slice(0, RECENT_PROMOTIONS).map(row),
  };
}

function sortNewestFirst(releases: readonly DashboardRelease[]): DashboardRelease[] {
  return releases
    .map((release) => ({ release, version: parseSemver(release.record.version) }))
    .filter((entry) => entry.version !== null)
    .sort((a, b) => compareSemver(b.version!, a.version!))
    .map((entry) => entry.release);
}

function describeOrigin(record: ReleaseRecord) {
  if (record.kind === 'rollback')
    return markup(`rollback to ${escapeMarkdown(record.rollbackOf ?? 'an earlier version')}`);
  return markup(record.pullRequest === null ? 'merge' : `pull request #\u200D${record.pullRequest}`);
}

function valueCell(record: ReleaseRecord) {
  const primary = record.primary;
  if (primary === null || primary.value === null) return markup('n/a');
  return markup(
    primary.ci ? `${formatNumber(primary.value)} ${formatInterval(primary.ci)}` : formatNumber(primary.value),
  );
}

/**
 * A Mermaid `xychart-beta` of the primary metric per version (oldest first), or null when fewer
 * than two versions have a value. Only versions recorded with the same primary metric are drawn.
 */
export function buildVersionChart(releases: readonly DashboardRelease[], metric: string) {
  const points = releases.filter(
    (r) =>
      r.record.primaryMetric === metric &&
      r.record.primary?.value != null &&
      Number.isFinite(r.record.primary.value),
  );
  if (points.length < 2) return null;
  const label = metricLabel(metric);
  const lines = [
    '```mermaid',
    'xychart-beta',
    `    title "${escapeMermaidLabel(`${label} by version`, 80)}"`,
    `    x-axis [${points.map((p) => `"${escapeMermaidLabel(`v${p.record.version}`)}"`).join(', ')}]`,
    `    y-axis "${escapeMermaidLabel(label)}"`,
    `    line [${points.map((p) => Number((p.record.primary!.value as number).toFixed(4)).toString()).join(', ')}]`,
    '```',
  ];
  return markup(lines.join('\n'));
}
