/**
 * The release notes' view: origin, sign-offs with times and rules, metrics and fairness against
 * the production version the evaluation compared with (intervals included), all checks, and
 * provenance (digests, workflow run, versions).
 */
import { MODELGATE_VERSION } from '../../version.js';
import { buildModelView } from '../build-model-view.js';
import { checkRow } from '../cells.js';
import { markup, safeLink } from '../escape-markdown.js';
import { formatConfidence, formatNumber } from '../format-number.js';
import { describeSource, digestCell, formatTime, type ReleaseFacts } from './release-facts.js';
import type { ApproverRow, FactRow, ReleaseNotesView, RollbackView } from './release-view.js';

/** Builds the release notes' view. */
export function buildReleaseNotesView(facts: ReleaseFacts): ReleaseNotesView {
  const { model } = facts;
  const tables = buildModelView(model, { details: false, groups: false, tables: true, attentionLimit: null });
  const approvers = approverRows(facts);
  return {
    title: `${model.name} v${facts.version}`,
    summary: describeSource(facts),
    rollback: rollbackView(facts),
    approvers,
    signoffNote: signoffNote(facts, approvers.length),
    level: markup(formatConfidence(facts.report.settings.confidence)),
    productionLabel: model.production?.version ? `Production (v${model.production.version})` : 'Production',
    comparisonNote: comparisonNote(facts),
    firstPromotion: model.production === null,
    metrics: tables.metrics,
    fairness: tables.fairness,
    checksTitle: `All checks (${model.checks.length})`,
    checks: model.checks.map(checkRow),
    provenance: buildProvenanceRows(facts),
  };
}

function approverRows(facts: ReleaseFacts): ApproverRow[] {
  return facts.signoff.rules.flatMap((rule) =>
    rule.approvers.map((a) => ({ rule: rule.name, login: a.login, at: formatTime(a.at), via: a.via })),
  );
}

function signoffNote(facts: ReleaseFacts, approvers: number): string | null {
  if (facts.signoff.rules.length === 0) return 'No sign-off rule applied to this promotion.';
  return approvers === 0 ? 'The rules that applied needed no approval.' : null;
}

function rollbackView(facts: ReleaseFacts): RollbackView | null {
  const { source } = facts;
  if (source.kind !== 'rollback') return null;
  return {
    target: source.target.tag,
    requester: source.request.requester,
    reason: source.request.reason,
    link: safeLink(`#${source.request.issue}`, source.request.url),
  };
}

/** Said when the evidence compared against a version that is no longer the newest release. */
function comparisonNote(facts: ReleaseFacts): string | null {
  const evaluated = facts.model.production?.tag ?? null;
  const current = facts.production;
  if (facts.source.kind === 'rollback') {
    return `The numbers are those recorded when ${facts.source.target.tag} was evaluated${evaluated ? `, against ${evaluated}` : ''}.`;
  }
  if (current === null || current.tag === evaluated) return null;
  const against = evaluated ?? 'the base branch';
  return `Production became ${current.tag} after this evaluation; the comparison is with ${against}, the version the candidate was evaluated against.`;
}

/** Digests, data, workflow run and versions. */
export function buildProvenanceRows(facts: ReleaseFacts): FactRow[] {
  const { model, report } = facts;
  const run = report.workflowRun;
  const rows: FactRow[] = [
    { label: 'Tag', value: facts.tag },
    { label: 'Tagged commit', value: digestCell(facts.commit) },
    { label: 'Artifact', value: model.candidate.path },
    { label: 'Artifact SHA-256', value: digestCell(model.candidate.sha256) },
    { label: 'Artifact size (bytes)', value: markup(formatCount(model.candidate.bytes)) },
    { label: 'Evaluation data', value: model.data.path },
    { label: 'Evaluation data SHA-256', value: digestCell(model.data.sha256) },
    { label: 'Evaluation rows', value: markup(formatCount(model.data.rows)) },
    { label: 'Configuration digest', value: digestCell(model.configDigest) },
    { label: 'Evaluation digest', value: digestCell(model.evaluationDigest) },
    { label: 'Report SHA-256', value: digestCell(facts.reportSha256) },
    { label: 'Evaluated commit', value: digestCell(report.head?.sha ?? null) },
    {
      label: 'Workflow run',
      value: run ? safeLink(`run ${run.id}`, run.url ?? null) : markup('—'),
    },
    { label: 'Settings', value: markup(describeSettings(facts)) },
    {
      label: 'ModelGate',
      value: `Action ${report.tool.version}, App ${facts.appVersion || MODELGATE_VERSION}`,
    },
  ];
  return rows;
}

function describeSettings(facts: ReleaseFacts): string {
  const s = facts.report.settings;
  return `${formatConfidence(s.confidence)} intervals, ${formatCount(s.bootstrap)} bootstrap resamples, seed ${formatCount(s.seed)}, groups under ${formatCount(s.minGroupSize)} rows not gated`;
}

function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : formatNumber(n);
}
