/**
 * The model card's view, after the Model Card Toolkit and Hugging Face card sections that a
 * ModelGate report can fill: model details, intended use (the governance it is under), evaluation
 * data, metrics with confidence intervals overall and per slice, fairness considerations,
 * limitations, provenance.
 */

import { metricLabel } from '../../gate/labels.js';
import type { ModelReport } from '../../report/schema.js';
import { FLAG_WORDS } from '../build-chart-views.js';
import { buildDetailsView } from '../build-details-view.js';
import { buildModelView } from '../build-model-view.js';
import { checkRow, estimateCell } from '../cells.js';
import { markup } from '../escape-markdown.js';
import { formatConfidence } from '../format-number.js';
import { buildProvenanceRows } from './build-release-notes-view.js';
import { describeSource, formatTime, type ReleaseFacts } from './release-facts.js';
import type { FactRow, ModelCardView } from './release-view.js';

const TASK_WORDS: Record<ModelReport['task'], string> = {
  binary: 'Binary classification',
  multiclass: 'Multiclass classification',
  regression: 'Regression',
};

/** Builds the model card's view. */
export function buildModelCardView(facts: ReleaseFacts): ModelCardView {
  const { model } = facts;
  const tables = buildModelView(model, { details: false, groups: false, tables: true, attentionLimit: null });
  return {
    title: `Model card: ${model.name} v${facts.version}`,
    details: detailRows(facts),
    intendedUse: intendedUseRows(facts),
    evaluationData: dataRows(facts),
    level: markup(formatConfidence(facts.report.settings.confidence)),
    metrics: Object.entries(model.metrics).map(([name, comparison]) => ({
      label: metricLabel(name),
      value: estimateCell(comparison.candidate),
      production: estimateCell(comparison.production),
    })),
    slices: buildDetailsView(model).groupTables,
    fairness: tables.fairness,
    fairnessChecks: model.checks
      .filter((c) => c.kind === 'fairness' || c.kind === 'fairness_regression')
      .map(checkRow),
    limitations: limitations(model),
    provenance: buildProvenanceRows(facts),
  };
}

function detailRows(facts: ReleaseFacts): FactRow[] {
  const { model } = facts;
  const meta = model.candidate.metadata;
  const producer = [meta.producer, meta.producerVersion].filter(Boolean).join(' ');
  return [
    { label: 'Name', value: model.name },
    { label: 'Version', value: facts.version },
    { label: 'Task', value: TASK_WORDS[model.task] },
    { label: 'Format', value: producer ? `${meta.format} (${producer})` : meta.format },
    { label: 'Primary metric', value: metricLabel(model.primaryMetric) },
    { label: 'Promoted', value: formatTime(facts.promotedAt) },
    { label: 'Origin', value: describeSource(facts) },
  ];
}

function intendedUseRows(facts: ReleaseFacts): FactRow[] {
  const rules = facts.signoff.rules.map((rule) => rule.name);
  return [
    { label: 'Risk tier', value: facts.model.risk },
    { label: 'Sign-off rules that applied', value: rules.length > 0 ? rules.join(', ') : 'none' },
    {
      label: 'Intended uses',
      value:
        'Not recorded by ModelGate; describe them by overriding this template (.github/modelgate/model-card.hbs).',
    },
  ];
}

function dataRows(facts: ReleaseFacts): FactRow[] {
  const { data, groups } = facts.model;
  const rows: FactRow[] = [
    { label: 'Dataset', value: data.path },
    { label: 'Rows', value: markup(String(data.rows)) },
  ];
  if (data.positives !== undefined) rows.push({ label: 'Positives', value: markup(String(data.positives)) });
  const slices = Object.keys(groups);
  rows.push({ label: 'Slices (sensitive columns)', value: slices.length > 0 ? slices.join(', ') : 'none' });
  return rows;
}

/** Flags, small or degenerate groups, and checks within noise, as plain sentences. */
function limitations(model: ModelReport): string[] {
  const out = model.flags.map((flag) => flag.message);
  for (const [column, groups] of Object.entries(model.groups)) {
    for (const [group, entry] of Object.entries(groups)) {
      if (entry.flags.length === 0) continue;
      const words = entry.flags.map((flag) => FLAG_WORDS[flag]).join(', ');
      out.push(`${column} = ${group} (${entry.n} rows): ${words}.`);
    }
  }
  const noisy = model.checks.filter((c) => c.status === 'warn').map((c) => c.message);
  out.push(...noisy);
  out.push(
    'The metrics describe one evaluation dataset; performance on other populations or later data may differ.',
  );
  return out;
}
