/**
 * `pull_request` closed and merged: record each model whose verified gate passed and whose
 * sign-offs are complete as an annotated tag and a release carrying the evidence, then say on the
 * pull request what was promoted (with links) or why not.
 */
import type { Config, ModelConfig } from '../../shared/config/types.js';
import { toModelGateError } from '../../shared/errors.js';
import type { ApprovalEvent, ModelFacts, SignoffState } from '../../shared/policy/types.js';
import { buildPromotionIdentity } from '../../shared/promotion/own-tag.js';
import type { PromotionConditions, PromotionSource } from '../../shared/promotion/promotion-types.js';
import { selectModelSignoff } from '../../shared/promotion/select-model-signoff.js';
import { bumpFromLabels } from '../../shared/promotion/versions.js';
import {
  PROMOTION_COMMENT_MARKER,
  type PromotionOutcome,
  renderPromotionComment,
} from '../../shared/render/release/render-promotion-comments.js';
import { buildApprovalEvents } from '../core/build-approvals.js';
import { findChangedModels } from '../core/find-changed-models.js';
import { CONFIG_PATH } from '../github/load-config.js';
import type { PullInfo } from '../github/pulls.js';
import type { Session } from '../handlers/session.js';
import { fetchFileDigest } from './artifact-digest.js';
import { createDocumentRenderer } from './documents.js';
import { loadReleaseTemplates } from './load-release-templates.js';
import { promoteModel } from './promote-model.js';
import { computeSignoffState } from './signoff-state.js';
import { readVerifiedReport, type VerifiedEvidence } from './verified-report.js';

/** The merged pull request, from the webhook payload. */
export interface MergedPull extends PullInfo {
  title: string;
  mergedAt: string;
  mergeCommit: string;
  labels: string[];
}

/** Promotes what the merge carries; `now` is the promotion time. @returns the outcomes (for the dashboard). */
export async function promoteMergedPull(
  session: Session,
  input: { pull: MergedPull; now: string },
): Promise<PromotionOutcome[]> {
  const { pull } = input;
  const { ctx } = session;
  // 1. Trusted configuration of the default branch.
  const config = await session.config();
  if (config === null) return [];
  // 2. The verified report of the merged head.
  const evidence = await readVerifiedReport(session, { pull, config });
  if (evidence.kind === 'none') {
    ctx.log.info({ pr: pull.number }, 'merged without model changes; nothing to promote');
    return [];
  }
  if (evidence.kind === 'unverified') {
    const names =
      evidence.models.length > 0
        ? evidence.models
        : findChangedModels(config, await session.files(pull.number), CONFIG_PATH).models;
    return names.map((model) => ({ model, status: 'refused', reasons: [evidence.reason] }));
  }
  // 3. Sign-offs, as the engine decides them now and as the sign-off check showed them before the merge.
  const { state, approvals } = await computeMergeSignoff(session, { pull, config, evidence });
  // 4. Each evaluated model, one after the other (versions of one model never race within an event).
  const templates = await loadReleaseTemplates(session);
  const base = {
    config,
    evidence,
    state,
    approvals,
    source: buildMergeSource(pull),
    templates,
    now: input.now,
    pull,
  };
  const outcomes: PromotionOutcome[] = [];
  for (const { name } of evidence.report.models) {
    const configured = config.models.find((m) => m.name === name);
    outcomes.push(await promoteSafely(session, { ...base, configured, model: name }));
  }
  return outcomes;
}

function buildMergeSource(pull: MergedPull): PromotionSource {
  const { number, title, htmlUrl: url, author, mergedAt, mergeCommit } = pull;
  return { kind: 'merge', pullRequest: { number, title, url, author, mergedAt, mergeCommit } };
}

/** One model's failure (API, template) is its outcome; the other models still go ahead. */
async function promoteSafely(session: Session, input: OneInput): Promise<PromotionOutcome> {
  try {
    return await promoteOne(session, input);
  } catch (error) {
    const failure = toModelGateError(error);
    session.ctx.log.error({ err: error, model: input.model }, 'promotion failed');
    return { model: input.model, status: 'failed', reasons: [failure.userMessage] };
  }
}

/** Posts or updates the promotion comment of the pull request. */
export async function postPromotionComment(
  session: Session,
  number: number,
  outcomes: readonly PromotionOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return;
  await session.writeComment(number, PROMOTION_COMMENT_MARKER, renderPromotionComment(outcomes));
}

interface OneInput {
  config: Config;
  configured: ModelConfig | undefined;
  evidence: VerifiedEvidence;
  state: SignoffState;
  approvals: ApprovalEvent[];
  source: PromotionSource;
  templates: Awaited<ReturnType<typeof loadReleaseTemplates>>;
  now: string;
  model: string;
  pull: MergedPull;
}

async function promoteOne(session: Session, input: OneInput): Promise<PromotionOutcome> {
  const { config, configured, evidence, model: name, pull } = input;
  const trusted = evidence.trustedModels.find((m) => m.name === name);
  if (configured === undefined || trusted === undefined) {
    const reasons = [`${name} is not configured on ${session.ctx.defaultBranch}.`];
    return { model: name, status: 'refused', reasons };
  }
  // The artifact as merged, against the one the evidence is about.
  const digest = await fetchFileDigest(session.ctx, { path: configured.artifact, ref: pull.mergeCommit });
  const model = evidence.report.models.find((m) => m.name === name)!;
  const conditions: PromotionConditions = {
    model: name,
    verdict: combineVerdicts(
      evidence.verifiedModels.find((m) => m.name === name),
      trusted,
    ),
    signoff: selectModelSignoff(input.state, name),
    artifact: {
      path: configured.artifact,
      commit: pull.mergeCommit,
      expected: model.candidate.sha256,
      actual: digest?.sha256 ?? null,
    },
    problems: signoffCheckProblems(evidence),
  };
  return promoteModel(session.ctx, {
    model: name,
    settings: config.release,
    bump: bumpFromLabels(pull.labels, config.release.bump),
    identity: buildPromotionIdentity(input.source),
    since: pull.mergedAt,
    conditions,
    render: (target, production) =>
      renderMergeDocuments(session, { ...input, conditions, trusted, production })(target),
  });
}

function renderMergeDocuments(
  session: Session,
  input: OneInput & {
    conditions: PromotionConditions;
    trusted: ModelFacts;
    production: { tag: string; version: string } | null;
  },
) {
  const { evidence, conditions } = input;
  const model = evidence.report.models.find((m) => m.name === input.model)!;
  return createDocumentRenderer({
    repository: session.ctx.fullName,
    model,
    facts: input.trusted,
    verdict: conditions.verdict ?? 'error',
    report: evidence.report,
    reportText: evidence.text,
    reportSha256: evidence.sha256,
    source: input.source,
    signoff: conditions.signoff,
    events: input.approvals,
    commit: input.pull.mergeCommit,
    artifact: { path: conditions.artifact.path, sha256: model.candidate.sha256 },
    production: input.production,
    templates: input.templates,
    promotedAt: input.now,
    onTemplateError: (error) =>
      session.ctx.log.warn({ err: error }, 'release template override rejected; defaults used'),
  });
}

/** Fail closed: the verdict verified before the merge and the one under today's thresholds must both pass. */
function combineVerdicts(before: ModelFacts | undefined, now: ModelFacts): PromotionConditions['verdict'] {
  if (before?.verdict == null) return null;
  if (before.verdict !== 'pass') return before.verdict;
  return now.verdict;
}

/** The App's own sign-off check on the merged head must have passed (decided under the policy before the merge). */
function signoffCheckProblems(evidence: VerifiedEvidence): string[] {
  const check = evidence.signoffCheck;
  if (check?.conclusion === 'success') return [];
  const shown =
    check === null
      ? 'is missing'
      : `shows ${check.conclusion ?? check.status}${check.title ? ` (${check.title})` : ''}`;
  return [
    `The ModelGate / sign-off check on the merged head ${shown}; it must have passed before the merge.`,
  ];
}

async function computeMergeSignoff(
  session: Session,
  input: { pull: MergedPull; config: Config; evidence: VerifiedEvidence },
): Promise<{ state: SignoffState; approvals: ApprovalEvent[] }> {
  const { pull, config, evidence } = input;
  const models = evidence.verifiedModels.map((m) => ({
    ...m,
    risk: config.models.find((c) => c.name === m.name)?.risk ?? m.risk,
  }));
  const timeline = await session.timeline(pull.number);
  const approvals = buildApprovalEvents({ timeline, facts: evidence.facts, appId: session.ctx.appId });
  const needsFiles = config.policy.rules.some((rule) => rule.if.changed !== undefined);
  const changedFiles = needsFiles ? await session.files(pull.number) : null;
  const state = await computeSignoffState(session, {
    policy: config.policy,
    author: pull.author,
    models,
    approvals,
    changedFiles,
  });
  return { state, approvals };
}
