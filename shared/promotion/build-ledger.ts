/**
 * The sign-off ledger attached to each promotion release: who approved what, when, under which
 * rule, and on which evidence — as JSON, for auditors and tools.
 */
import type { ApprovalEvent } from '../policy/types.js';
import type { ModelSignoff, PromotionSource } from './promotion-types.js';

export const LEDGER_SCHEMA = 'modelgate/signoff-ledger';

export interface LedgerInput {
  repository: string;
  model: string;
  tag: string;
  version: string;
  source: PromotionSource;
  signoff: ModelSignoff;
  /** Every approval and revocation considered, in the order given. */
  events: readonly ApprovalEvent[];
  evidence: {
    artifactPath: string;
    artifactSha256: string;
    evaluationDigest: string | null;
    reportSha256: string | null;
    workflowRun: { id: number; url: string | null } | null;
  };
  /** ISO 8601 time of the decision. */
  decidedAt: string;
}

/** The ledger as a JSON-ready object (field order is the documented one). */
export function buildLedger(input: LedgerInput): Record<string, unknown> {
  return {
    schema: LEDGER_SCHEMA,
    version: 1,
    repository: input.repository,
    model: input.model,
    release: { tag: input.tag, version: input.version },
    promotion: describeSource(input.source),
    evidence: input.evidence,
    decision: {
      status: input.signoff.satisfied ? 'satisfied' : 'not_satisfied',
      missing: input.signoff.missing,
      decidedAt: input.decidedAt,
    },
    rules: input.signoff.rules.map((rule) => ({
      name: rule.name,
      status: rule.status,
      reason: rule.reason,
      required: rule.required,
      approvers: rule.approvers.map((a) => ({ login: a.login, at: a.at, via: a.via })),
      ignored: rule.ignored.map((i) => ({ login: i.login, reason: i.reason })),
    })),
    events: input.events.map((e) => ({
      login: e.login,
      at: e.at,
      kind: e.kind,
      via: e.via,
      bot: e.isBot,
      ...(e.rule === undefined ? {} : { rule: e.rule }),
    })),
  };
}

/** The ledger as the text of the asset (2-space JSON, final newline). */
export function renderLedger(input: LedgerInput): string {
  return `${JSON.stringify(buildLedger(input), null, 2)}\n`;
}

function describeSource(source: PromotionSource): Record<string, unknown> {
  if (source.kind === 'merge') return { kind: 'merge', ...source.pullRequest };
  return { kind: 'rollback', ...source.request, target: source.target };
}
