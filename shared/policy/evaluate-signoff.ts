/**
 * The sign-off engine (PRODUCT.md §4), in the manner of palantir/policy-bot: every rule whose
 * conditions match must be satisfied by enough eligible approvals. Pure: the App gathers the
 * facts (reviews, comment commands, the verified report, team members and permissions).
 */
import type { Policy } from '../config/types.js';
import { buildActiveApprovals, findUnknownRuleApprovals, selectRuleApprovals } from './active-approvals.js';
import { evaluateConditions } from './evaluate-conditions.js';
import { evaluateRule } from './evaluate-rule.js';
import type { RuleState, SignoffFacts, SignoffState } from './types.js';

/** The policy (from the default branch) and the facts of one pull request. */
export interface SignoffInput {
  policy: Pick<Policy, 'allowAuthor' | 'invalidateOnPush' | 'rules'>;
  facts: SignoffFacts;
}

interface Evaluation {
  rules: RuleState[];
  needs: { teams: Set<string>; permissions: Set<string> };
  failures: string[];
}

/**
 * Evaluates the policy.
 * - A rule whose conditions depend on facts not known yet (no verified report) is `waiting`;
 *   so is an applicable rule whose approvals cannot be checked against a verified evaluation.
 * - Status: `error` when a rule is unsatisfied because a lookup failed; else `pending` when any
 *   applicable rule is pending or waiting; else `satisfied` (also when no rule applies).
 * - Lookups missing from `facts.directory` count as "not eligible"; get them first with
 *   `listDirectoryNeeds` so that the state is final.
 */
export function evaluateSignoff(input: SignoffInput): SignoffState {
  const evaluation = evaluateAll(input);
  const active = buildActiveApprovals(input.facts.approvals);
  const notes = findUnknownRuleApprovals(
    active,
    input.policy.rules.map((rule) => rule.name),
  ).map(
    (a) =>
      `The approval by ${a.login} names the rule "${a.rule}", which the policy does not have; it counts for no rule.`,
  );
  const open = evaluation.rules.filter((r) => r.status === 'pending' || r.status === 'waiting');
  const status = evaluation.failures.length > 0 ? 'error' : open.length > 0 ? 'pending' : 'satisfied';
  return {
    status,
    rules: evaluation.rules,
    summary: summarize(evaluation.rules, status),
    errors: evaluation.failures,
    notes,
  };
}

/**
 * The team and permission lookups that can still change the result, given what
 * `facts.directory` already holds. Loop: look these up, add them to the directory, ask again,
 * until both lists are empty (at most two rounds: teams, then permissions).
 */
export function listDirectoryNeeds(input: SignoffInput): { teams: string[]; permissions: string[] } {
  const { needs } = evaluateAll(input);
  return { teams: [...needs.teams].sort(), permissions: [...needs.permissions].sort() };
}

function evaluateAll(input: SignoffInput): Evaluation {
  const active = buildActiveApprovals(input.facts.approvals);
  const out: Evaluation = { rules: [], needs: { teams: new Set(), permissions: new Set() }, failures: [] };
  for (const rule of input.policy.rules) {
    const match = evaluateConditions(rule, input.facts);
    if (match.applies !== true) {
      const status = match.applies === null ? 'waiting' : 'not_applicable';
      const state: RuleState = {
        name: rule.name,
        status,
        reason: match.reason,
        models: match.models,
        required: rule.require.count,
        approvers: [],
        ignored: [],
        needed: '',
      };
      out.rules.push(state);
      continue;
    }
    const candidates = selectRuleApprovals(active, rule.name);
    const result = evaluateRule({ rule, match, candidates, policy: input.policy, facts: input.facts });
    out.rules.push(result.state);
    for (const team of result.needs.teams) out.needs.teams.add(team);
    for (const login of result.needs.permissions) out.needs.permissions.add(login);
    out.failures.push(...result.failures.map((f) => `${rule.name}: ${f}.`));
  }
  return out;
}

function summarize(rules: readonly RuleState[], status: SignoffState['status']): string {
  const applicable = rules.filter((r) => r.status !== 'not_applicable');
  if (applicable.length === 0) return 'No sign-off rule applies to this change.';
  if (status === 'satisfied') {
    const done = applicable.map((r) => `${r.name} (${r.approvers.map((a) => a.login).join(', ')})`);
    return `All sign-offs are in: ${done.join('; ')}.`;
  }
  const open = applicable
    .filter((r) => r.status !== 'satisfied')
    .map((r) =>
      r.status === 'waiting'
        ? `${r.name} (waiting for the verified evaluation)`
        : `${r.name} (${lowerFirst(r.needed)})`,
    );
  const prefix = status === 'error' ? 'Sign-off cannot be decided' : 'Waiting for';
  return `${prefix}: ${open.join('; ')}.`;
}

function lowerFirst(text: string): string {
  return (text.charAt(0).toLowerCase() + text.slice(1)).replace(/\.$/, '');
}
