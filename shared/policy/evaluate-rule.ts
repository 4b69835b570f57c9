/**
 * One applicable rule against the standing approvals: who counts, who does not and why, who is
 * still needed.
 */
import type { ApprovalRule, Policy } from '../config/types.js';
import { checkEligibility, describeWho, requiredPermission } from './eligibility.js';
import type { RuleMatch } from './evaluate-conditions.js';
import type { ApprovalEvent, Approver, IgnoredApproval, RuleState, SignoffFacts } from './types.js';

/** One rule's state, plus what the App may still look up to decide it. */
export interface RuleEvaluation {
  state: RuleState;
  /** Lookups that could change the outcome (teams as `org/slug`, logins for permissions). */
  needs: { teams: string[]; permissions: string[] };
  /** Lookups that failed for candidates of a rule left unsatisfied. */
  failures: string[];
}

interface RuleInput {
  rule: ApprovalRule;
  match: RuleMatch;
  candidates: readonly ApprovalEvent[];
  policy: Pick<Policy, 'allowAuthor' | 'invalidateOnPush'>;
  facts: SignoffFacts;
}

/**
 * Evaluates one applicable rule. Counts the candidates in time order until `require.count` is reached (so no lookup is made
 * for approvals that are not needed). Bots never count; the author counts only with
 * `allowAuthor`; with `invalidateOnPush`, an approval counts only if it was given on the same
 * evaluated content (digests) of every model the rule applies to.
 */
export function evaluateRule(input: RuleInput): RuleEvaluation {
  const { rule, match } = input;
  const base = { name: rule.name, reason: match.reason, models: match.models, required: rule.require.count };
  const needs = { teams: [] as string[], permissions: [] as string[] };
  const unbound = input.policy.invalidateOnPush ? findUnverified(match.models, input.facts) : [];
  if (unbound.length > 0) {
    const reason = `Approvals are checked against the verified evaluation of ${unbound.join(', ')}, which has not arrived yet.`;
    const state: RuleState = { ...base, status: 'waiting', reason, approvers: [], ignored: [], needed: '' };
    return { state, needs, failures: [] };
  }
  const approvers: Approver[] = [];
  const ignored: IgnoredApproval[] = [];
  const failures: string[] = [];
  for (const candidate of input.candidates) {
    if (approvers.length >= rule.require.count) break;
    const why = rejectCandidate(candidate, input);
    if (why !== null) {
      ignored.push({ login: candidate.login, reason: why });
      continue;
    }
    const eligibility = checkEligibility(candidate.login, rule.require, input.facts);
    if (eligibility.eligible === true)
      approvers.push({ login: candidate.login, at: candidate.at, via: candidate.via });
    else if (eligibility.eligible === false) {
      ignored.push({ login: candidate.login, reason: `Does not count: ${eligibility.reason}.` });
      if (eligibility.lookupFailed) failures.push(`${candidate.login}: ${eligibility.reason}`);
    } else {
      needs.teams.push(...eligibility.needs.teams);
      needs.permissions.push(...eligibility.needs.permissions);
      ignored.push({
        login: candidate.login,
        reason: 'Does not count: membership or permission not looked up.',
      });
    }
  }
  const satisfied = approvers.length >= rule.require.count;
  const state: RuleState = {
    ...base,
    status: satisfied ? 'satisfied' : 'pending',
    approvers,
    ignored,
    needed: satisfied ? '' : describeNeeded(rule, approvers.length, input.facts.owner),
  };
  return { state, needs, failures: satisfied ? [] : failures };
}

/** Models the rule is bound to whose current evaluation digest is not known. */
function findUnverified(models: readonly string[], facts: SignoffFacts): string[] {
  return models.filter((name) => facts.models.find((m) => m.name === name)?.evaluationDigest == null);
}

/** Why a candidate cannot count regardless of who they are, or null. */
function rejectCandidate(candidate: ApprovalEvent, input: RuleInput): string | null {
  if (candidate.isBot) return 'Does not count: approvals by bots never count.';
  if (!input.policy.allowAuthor && candidate.login.toLowerCase() === input.facts.author.toLowerCase()) {
    return 'Does not count: the author of the pull request cannot sign off their own change.';
  }
  if (!input.policy.invalidateOnPush) return null;
  if (candidate.digests === null) {
    return 'Does not count: it was given on a commit whose evaluation was never verified; please approve again.';
  }
  const changed = input.match.models.filter((name) => {
    const current = input.facts.models.find((m) => m.name === name)?.evaluationDigest;
    return candidate.digests?.[name] !== current;
  });
  return changed.length === 0
    ? null
    : `Does not count: it was given before ${changed.join(', ')} changed (artifact, data or evaluation); please approve again.`;
}

/** "Needs 1 more approval from a member of acme/ml-leads." */
export function describeNeeded(rule: ApprovalRule, have: number, owner: string): string {
  const missing = rule.require.count - have;
  const who = describeWho(rule.require, owner);
  const floor = requiredPermission(rule.require);
  const whom = who === 'anyone' ? 'someone' : who;
  const permission = floor === null ? '' : ` with ${floor} permission or higher`;
  const approvals = missing === 1 ? 'approval' : 'approvals';
  return `Needs ${missing} ${have > 0 ? 'more ' : ''}${approvals} from ${whom}${permission}.`;
}
