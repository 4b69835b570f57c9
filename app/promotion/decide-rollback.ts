/**
 * A rollback request → refused (with reasons), pending (who is still needed) or done (the new
 * release). The version re-promoted must be a ModelGate promotion release whose report asset and
 * artifact still match its record.
 */
import type { Config, ModelConfig } from '../../shared/config/types.js';
import { ModelGateError } from '../../shared/errors.js';
import type { ApprovalEvent, ModelFacts } from '../../shared/policy/types.js';
import { PERMISSIONS, type Permission } from '../../shared/policy/types.js';
import { buildPromotionIdentity } from '../../shared/promotion/own-tag.js';
import type { ModelSignoff, PromotionSource } from '../../shared/promotion/promotion-types.js';
import { parseReleaseRecord, type ReleaseRecord } from '../../shared/promotion/release-record.js';
import {
  buildRollbackApprovals,
  type RollbackRequest,
  type ThreadComment,
} from '../../shared/promotion/rollback-request.js';
import { selectModelSignoff } from '../../shared/promotion/select-model-signoff.js';
import { buildTagPrefix } from '../../shared/promotion/tag-prefix.js';
import { formatTag, resolveLatestVersion } from '../../shared/promotion/versions.js';
import type {
  PromotionOutcome,
  RollbackStatus,
} from '../../shared/render/release/render-promotion-comments.js';
import type { ModelReport, Report } from '../../shared/report/schema.js';
import { parseReport } from '../core/parse-report.js';
import { type TrustedReport, trustReport } from '../core/trust-report.js';
import type { Session } from '../handlers/session.js';
import { fetchFileDigest, sha256Text } from './artifact-digest.js';
import { ASSET_NAMES, createDocumentRenderer } from './documents.js';
import { loadReleaseTemplates } from './load-release-templates.js';
import { promoteModel } from './promote-model.js';
import { downloadReleaseAsset, findReleaseByTag, type ReleaseHandle } from './releases.js';
import { computeSignoffState } from './signoff-state.js';
import { listTagsWithPrefix, peelTag, type RefObject } from './tags.js';

/** Who may ask for a rollback: at least this repository permission. */
export const ROLLBACK_PERMISSION: Permission = 'write';

interface DecideInput {
  /** The issue or pull request the request was written on. */
  issue: number;
  config: Config;
  request: RollbackRequest;
  thread: ThreadComment[];
  now: string;
}

interface Target {
  configured: ModelConfig;
  tag: string;
  commit: string;
  record: ReleaseRecord;
  reportText: string;
  report: Report;
  /** The model's tags, listed once. */
  tags: Map<string, RefObject>;
}

export async function decideRollback(session: Session, input: DecideInput): Promise<RollbackStatus> {
  const { request } = input;
  const refuse = (lines: string[]): RollbackStatus => ({ request, state: 'refused', release: null, lines });
  // 1. Who asks: write permission or more.
  const denied = await checkRequester(session, request.login);
  if (denied !== null) return refuse([denied]);
  // 2. What is re-promoted: a ModelGate release of a configured model, with its evidence.
  const target = await findTarget(session, input);
  if (typeof target === 'string') return refuse([target]);
  const evidence = readEvidence(target, input);
  if (typeof evidence === 'string') return refuse([evidence]);
  // 3. The same sign-off rules as a promotion, approved in this conversation after the request.
  const { signoff, approvals } = await evaluateRollbackSignoff(session, input, { target, evidence });
  if (!signoff.satisfied) return { request, state: 'pending', release: null, lines: signoff.missing };
  // 4. A new promotion whose artifact is the earlier version's (checked again at its commit).
  const outcome = await carryOut(session, input, { target, evidence, signoff, approvals });
  if (outcome.status === 'promoted') {
    const release = { tag: outcome.tag, url: outcome.url };
    return { request, state: 'done', release, lines: [`Reason: ${request.reason}`] };
  }
  if (outcome.status === 'refused') return refuse(outcome.reasons);
  throw new ModelGateError('rollback_failed', outcome.reasons.join(' '));
}

interface Evidence {
  report: TrustedReport;
  model: ModelReport;
  facts: ModelFacts;
}

/** The target's report entry, with checks recomputed under today's thresholds (shown, not gating). */
function readEvidence(target: Target, input: DecideInput): Evidence | string {
  const report = trustReport(target.report, input.config);
  const model = report.report.models.find((m) => m.name === input.request.model);
  const facts = report.models.find((m) => m.name === input.request.model);
  if (model === undefined || facts === undefined) {
    return `The report attached to ${target.tag} has no entry for ${input.request.model}.`;
  }
  return { report, model, facts };
}

async function evaluateRollbackSignoff(
  session: Session,
  input: DecideInput,
  found: { target: Target; evidence: Evidence },
): Promise<{ signoff: ModelSignoff; approvals: ApprovalEvent[] }> {
  const { request, config } = input;
  const { target, evidence } = found;
  const digest = evidence.model.evaluationDigest;
  const approvals = buildRollbackApprovals(input.thread, { request, model: request.model, digest });
  const state = await computeSignoffState(session, {
    policy: config.policy,
    author: request.login,
    models: [{ ...evidence.facts, risk: target.configured.risk, evaluationDigest: digest }],
    approvals,
    // What a rollback changes in production: the model's artifact.
    changedFiles: [target.record.artifact.path],
  });
  return { signoff: selectModelSignoff(state, request.model), approvals };
}

interface Decided {
  target: Target;
  evidence: Evidence;
  signoff: ModelSignoff;
  approvals: ApprovalEvent[];
}

async function carryOut(session: Session, input: DecideInput, decided: Decided): Promise<PromotionOutcome> {
  const { request, config } = input;
  const { target, evidence, signoff } = decided;
  const { artifact } = target.record;
  const digest = await fetchFileDigest(session.ctx, { path: artifact.path, ref: target.commit });
  const source = buildRollbackSource(input, target);
  const templates = await loadReleaseTemplates(session);
  return promoteModel(session.ctx, {
    model: request.model,
    tags: target.tags,
    settings: config.release,
    bump: config.release.bump,
    identity: buildPromotionIdentity(source),
    since: request.at,
    conditions: {
      model: request.model,
      verdict: target.record.verdict,
      signoff,
      artifact: {
        path: artifact.path,
        commit: target.commit,
        expected: artifact.sha256,
        actual: digest?.sha256 ?? null,
      },
      problems: [],
    },
    render: (tag, production) =>
      createDocumentRenderer({
        repository: session.ctx.fullName,
        model: evidence.model,
        facts: evidence.facts,
        verdict: target.record.verdict,
        report: evidence.report.report,
        reportText: target.reportText,
        reportSha256: sha256Text(target.reportText),
        source,
        signoff,
        events: decided.approvals,
        commit: target.commit,
        artifact,
        production,
        templates,
        promotedAt: input.now,
        onTemplateError: (error) =>
          session.ctx.log.warn({ err: error }, 'release template override rejected; defaults used'),
      })(tag),
  });
}

function buildRollbackSource(input: DecideInput, target: Target): PromotionSource {
  const { request } = input;
  return {
    kind: 'rollback',
    request: {
      issue: input.issue,
      commentId: request.commentId,
      url: request.url,
      requester: request.login,
      requestedAt: request.at,
      reason: request.reason,
    },
    target: { tag: target.tag, version: target.record.version },
  };
}

async function checkRequester(session: Session, login: string): Promise<string | null> {
  const key = login.toLowerCase();
  await session.directory.fill({ teams: [], permissions: [key] });
  const held = session.directory.directory.permissions[key] ?? null;
  if (held !== null && PERMISSIONS.indexOf(held) >= PERMISSIONS.indexOf(ROLLBACK_PERMISSION)) return null;
  const has = held === null ? 'a permission that could not be looked up' : `${held} permission`;
  return `${login} has ${has}; asking for a rollback needs ${ROLLBACK_PERMISSION} permission or higher.`;
}

/** The release to re-promote, or why there is none. */
async function findTarget(session: Session, input: DecideInput): Promise<Target | string> {
  const { request, config } = input;
  const configured = config.models.find((m) => m.name === request.model);
  if (configured === undefined)
    return `${request.model} is not a model configured on ${session.ctx.defaultBranch}.`;
  let tag: string;
  try {
    tag = formatTag(config.release.tag, request.model, request.version);
  } catch (error) {
    return error instanceof ModelGateError ? error.message : String(error);
  }
  const tags = await listTagsWithPrefix(session.ctx, buildTagPrefix(config.release.tag, request.model));
  const ref = tags.get(tag);
  if (ref === undefined) return `${request.model} has no version ${request.version}: there is no tag ${tag}.`;
  if (resolveLatestVersion(config.release.tag, request.model, [...tags.keys()])?.tag === tag) {
    return `${tag} is already the production version of ${request.model}.`;
  }
  const peeled = await peelTag(session.ctx, tag, ref);
  const release = await findReleaseByTag(session.ctx, tag);
  const record = release === null || release.draft ? null : parseReleaseRecord(release.body);
  if (release === null || record?.model !== request.model || record.commit !== peeled.commit) {
    return `${tag} is not a published ModelGate promotion release, so there is no recorded evidence to roll back to.`;
  }
  const evidence = await readReleaseReport(session, release, tag);
  if (typeof evidence === 'string') return evidence;
  return { configured, tag, commit: peeled.commit, record, ...evidence, tags };
}

/** The report attached to the release, as text and parsed, or why it cannot be used. */
async function readReleaseReport(
  session: Session,
  release: ReleaseHandle,
  tag: string,
): Promise<{ reportText: string; report: Report } | string> {
  const assetId = release.assetIds[ASSET_NAMES.report];
  const limit = session.ctx.limits.reportBytes;
  const reportText = assetId === undefined ? null : await downloadReleaseAsset(session.ctx, assetId, limit);
  if (reportText === null)
    return `The release of ${tag} has no ${ASSET_NAMES.report} asset, so its evidence cannot be shown again.`;
  try {
    return { reportText, report: parseReport(reportText) };
  } catch (error) {
    if (error instanceof ModelGateError)
      return `The report attached to ${tag} cannot be read: ${error.message}`;
    throw error;
  }
}
