/**
 * The collapsed details of one model: all checks, per-group metrics, operational measurements,
 * feature importance, flags and provenance.
 */
import { metricLabel } from '../gate/labels.js';
import type { Artifact, ImportanceEntry, ModelReport } from '../report/schema.js';
import { FLAG_WORDS } from './build-chart-views.js';
import { checkRow, numberCell } from './cells.js';
import { markup } from './escape-markdown.js';
import { formatNumber } from './format-number.js';
import type { DetailsView, GroupTableView } from './view.js';

const FLAG_EMOJI = { info: 'ℹ️', warn: '⚠️', risk: '🚩' } as const;

/** Everything that goes in a model's collapsed details. */
export function buildDetailsView(model: ModelReport): DetailsView {
  return {
    checksTitle: `All checks (${model.checks.length})`,
    checks: model.checks.map(checkRow),
    groupTables: groupTables(model),
    operational: operationalRows(model),
    importance: importanceView(model),
    flags: model.flags.map((flag) => ({
      emoji: markup(FLAG_EMOJI[flag.severity]),
      code: flag.code,
      message: flag.message,
    })),
    provenance: provenanceRows(model),
  };
}

function groupTables(model: ModelReport): GroupTableView[] {
  return Object.entries(model.groups).map(([column, groups]) => {
    const entries = Object.entries(groups);
    const metrics = [...new Set(entries.flatMap(([, entry]) => Object.keys(entry.candidate)))];
    return {
      column,
      headers: metrics.map(metricLabel),
      rows: entries.map(([group, entry]) => ({
        group,
        n: numberCell(entry.n),
        flags: entry.flags.map((flag) => FLAG_WORDS[flag]).join(', '),
        cells: metrics.map((m) => {
          const candidate = formatNumber(entry.candidate[m] ?? null);
          return markup(
            entry.production ? `${candidate} (${formatNumber(entry.production[m] ?? null)})` : candidate,
          );
        }),
      })),
    };
  });
}

function operationalRows(model: ModelReport): DetailsView['operational'] {
  const { candidate, production } = model.operational;
  const row = (label: string, pick: (side: NonNullable<typeof production>) => number | null) => ({
    label,
    production: production ? numberCell(pick(production)) : markup('—'),
    candidate: numberCell(pick(candidate)),
  });
  return [
    row('Model size (MB)', (s) => s.size_mb),
    row('Load time (ms)', (s) => s.load_ms),
    row('Latency per row, median (ms)', (s) => s.latency_p50_ms),
    row('Latency per row, 95th percentile (ms)', (s) => s.latency_p95_ms),
    row('Timed batches', (s) => s.batches),
    {
      label: 'Load error',
      production: production?.load_error ?? '—',
      candidate: candidate.load_error ?? '—',
    },
  ];
}

function importanceView(model: ModelReport): DetailsView['importance'] {
  const importance = model.importance;
  if (!importance) return null;
  const production = new Map((importance.production ?? []).map((f) => [f.feature, f]));
  const describe = (f: ImportanceEntry | undefined) =>
    markup(f ? `${formatNumber(f.drop)} ± ${formatNumber(f.std)} (rank ${f.rank})` : '—');
  return {
    title: `Drop in ${metricLabel(importance.metric)} when a feature is shuffled (${importance.repeats} repeats on ${importance.rows} rows)`,
    rows: importance.candidate.map((f) => ({
      feature: f.feature,
      candidate: describe(f),
      production: describe(production.get(f.feature)),
    })),
  };
}

function provenanceRows(model: ModelReport): DetailsView['provenance'] {
  const rows = [...artifactRows('Candidate', model.candidate)];
  if (model.production) rows.push(...artifactRows('Production', model.production));
  // An unread file (the model's error says why) has no digest or size: show nothing rather than zeros.
  const read = model.data.sha256 !== '';
  rows.push({
    label: 'Evaluation data',
    value: read ? `${model.data.path} (${model.data.rows} rows)` : `${model.data.path} (not read)`,
  });
  if (read) rows.push({ label: 'Evaluation data SHA-256', value: model.data.sha256 });
  if (read && model.candidate.sha256 !== '')
    rows.push({ label: 'Evaluation digest', value: model.evaluationDigest });
  return rows;
}

function artifactRows(side: string, artifact: Artifact): DetailsView['provenance'] {
  const rows =
    artifact.sha256 === ''
      ? [{ label: `${side} artifact`, value: `${artifact.path} (not read)` }]
      : [
          { label: `${side} artifact`, value: `${artifact.path} (${formatNumber(artifact.bytes / 1e6)} MB)` },
          { label: `${side} SHA-256`, value: artifact.sha256 },
        ];
  const origin = [
    artifact.tag ? `release ${artifact.tag}` : null,
    artifact.commit ? `commit ${artifact.commit}` : null,
    artifact.source ? `from ${artifact.source}` : null,
  ];
  const text = origin.filter((part): part is string => part !== null).join(', ');
  if (text) rows.push({ label: `${side} origin`, value: text });
  if (artifact.metadata.producer) {
    rows.push({
      label: `${side} producer`,
      value: `${artifact.metadata.producer} ${artifact.metadata.producerVersion ?? ''}`.trim(),
    });
  }
  return rows;
}
