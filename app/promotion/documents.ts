/**
 * The release documents of one promotion, rendered for the version the plan chooses: release
 * notes with the hidden record, model card, sign-off ledger, the report as uploaded by the
 * workflow, and the tag annotation.
 */
import { ModelGateError } from '../../shared/errors.js';
import type { ApprovalEvent, ModelFacts } from '../../shared/policy/types.js';
import { renderLedger } from '../../shared/promotion/build-ledger.js';
import { buildPromotionKey } from '../../shared/promotion/own-tag.js';
import type {
  AssetFile,
  ModelSignoff,
  PromotionDocuments,
  PromotionSource,
} from '../../shared/promotion/promotion-types.js';
import type { ReleaseRecord } from '../../shared/promotion/release-record.js';
import { buildTagMessage } from '../../shared/promotion/tag-annotation.js';
import type { ReleaseFacts } from '../../shared/render/release/release-facts.js';
import {
  type ReleaseTemplates,
  renderModelCard,
  renderReleaseNotes,
} from '../../shared/render/release/render-release.js';
import type { ModelReport, Report, Verdict } from '../../shared/report/schema.js';
import { MODELGATE_VERSION } from '../../shared/version.js';

/** File names of the release assets (one release per model and version, so fixed names). */
export const ASSET_NAMES = {
  report: 'modelgate-report.json',
  model_card: 'model-card.md',
  ledger: 'signoff-ledger.json',
} as const;

export interface DocumentInput {
  repository: string;
  /** The model's entry of the report, checks and verdict recomputed by the App. */
  model: ModelReport;
  facts: Pick<ModelFacts, 'fairness' | 'regressed'>;
  /** The verdict recorded for this promotion. */
  verdict: Verdict;
  report: Report;
  /** The report as the workflow wrote it (attached unchanged), and its SHA-256. */
  reportText: string;
  reportSha256: string;
  source: PromotionSource;
  signoff: ModelSignoff;
  events: readonly ApprovalEvent[];
  /** The commit the tag points at and the artifact there. */
  commit: string;
  artifact: { path: string; sha256: string };
  /** The model's newest release tag before this promotion. */
  production: { tag: string; version: string } | null;
  templates: ReleaseTemplates;
  promotedAt: string;
  /** Called when an override template fails and the defaults are used instead. */
  onTemplateError: (error: ModelGateError) => void;
}

/** The renderer the plan calls with the version it chose. */
export function createDocumentRenderer(
  input: DocumentInput,
): (target: { tag: string; version: string }) => PromotionDocuments {
  return (target) => {
    const facts: ReleaseFacts = {
      repository: input.repository,
      tag: target.tag,
      version: target.version,
      model: input.model,
      report: input.report,
      source: input.source,
      signoff: input.signoff,
      production: input.production,
      commit: input.commit,
      reportSha256: input.reportSha256,
      appVersion: MODELGATE_VERSION,
      promotedAt: input.promotedAt,
    };
    const record = buildRecord(input, target);
    const { notes, card } = renderWithFallback(input, facts, record);
    const assets: AssetFile[] = [
      {
        kind: 'report',
        name: ASSET_NAMES.report,
        contentType: 'application/json',
        content: input.reportText,
      },
      { kind: 'model_card', name: ASSET_NAMES.model_card, contentType: 'text/markdown', content: card },
      {
        kind: 'ledger',
        name: ASSET_NAMES.ledger,
        contentType: 'application/json',
        content: renderLedger(ledgerInput(input, target)),
      },
    ];
    return {
      name: `${input.model.name} v${target.version}`,
      body: notes,
      tagMessage: tagMessage(input, target),
      assets,
    };
  };
}

function renderWithFallback(
  input: DocumentInput,
  facts: ReleaseFacts,
  record: ReleaseRecord,
): { notes: string; card: string } {
  try {
    return {
      notes: renderReleaseNotes(facts, record, input.templates),
      card: renderModelCard(facts, input.templates),
    };
  } catch (error) {
    if (!(error instanceof ModelGateError) || error.code !== 'template_invalid') throw error;
    input.onTemplateError(error);
    return { notes: renderReleaseNotes(facts, record), card: renderModelCard(facts) };
  }
}

function buildRecord(input: DocumentInput, target: { tag: string; version: string }): ReleaseRecord {
  const primary = input.model.metrics[input.model.primaryMetric]?.candidate ?? null;
  const { source } = input;
  return {
    v: 1,
    model: input.model.name,
    version: target.version,
    tag: target.tag,
    kind: source.kind,
    commit: input.commit,
    pullRequest: source.kind === 'merge' ? source.pullRequest.number : null,
    rollbackOf: source.kind === 'rollback' ? source.target.tag : null,
    artifact: input.artifact,
    evaluationDigest: input.model.evaluationDigest,
    verdict: input.verdict,
    fairness: input.facts.fairness,
    regressed: input.facts.regressed,
    primaryMetric: input.model.primaryMetric,
    primary: primary === null ? null : { value: primary.value, ci: primary.ci },
    promotedAt: input.promotedAt,
  };
}

function ledgerInput(input: DocumentInput, target: { tag: string; version: string }) {
  const run = input.report.workflowRun ?? null;
  return {
    repository: input.repository,
    model: input.model.name,
    tag: target.tag,
    version: target.version,
    source: input.source,
    signoff: input.signoff,
    events: input.events,
    evidence: {
      artifactPath: input.artifact.path,
      artifactSha256: input.artifact.sha256,
      evaluationDigest: input.model.evaluationDigest,
      reportSha256: input.reportSha256,
      workflowRun: run === null ? null : { id: run.id, url: run.url ?? null },
    },
    decidedAt: input.promotedAt,
  };
}

function tagMessage(input: DocumentInput, target: { tag: string; version: string }): string {
  const { source } = input;
  const summary =
    source.kind === 'merge'
      ? `Promoted by ModelGate from pull request #${source.pullRequest.number}.`
      : `Rollback by ModelGate to ${source.target.tag}, requested in #${source.request.issue}: ${source.request.reason}`;
  return buildTagMessage({
    model: input.model.name,
    version: target.version,
    promotion: buildPromotionKey(source),
    summary,
    artifactPath: input.artifact.path,
    artifactSha256: input.artifact.sha256,
    reportSha256: input.reportSha256,
    evaluationDigest: input.model.evaluationDigest,
    ...(source.kind === 'rollback' ? { rollbackOf: source.target.tag } : {}),
  });
}
