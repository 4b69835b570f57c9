/**
 * What a proposed configuration would change for a pull request, in plain sentences: the
 * sign-offs it would need, threshold and trust changes. The current policy still decides.
 */
import type { ApprovalRule, Config } from '../../shared/config/types.js';
import { describeThresholdChanges } from '../../shared/gate/describe-threshold-changes.js';
import { evaluateConditions } from '../../shared/policy/evaluate-conditions.js';
import { describeNeeded } from '../../shared/policy/evaluate-rule.js';
import type { ModelFacts } from '../../shared/policy/types.js';

export interface PolicyChange {
  current: string[];
  proposed: string[];
  changes: string[];
}

/**
 * @param models the models the pull request changes, with verified gate facts when known
 *   (risk tiers are taken from each configuration).
 */
export function describePolicyChange(input: {
  current: Config;
  proposed: Config;
  models: readonly Pick<ModelFacts, 'name' | 'verdict' | 'fairness' | 'regressed'>[];
  changedFiles: readonly string[];
  owner: string;
}): PolicyChange {
  const needs = (config: Config) => {
    const models: ModelFacts[] = input.models.map((m) => ({
      ...m,
      risk: config.models.find((c) => c.name === m.name)?.risk ?? 'high',
      evaluationDigest: null,
    }));
    return config.policy.rules.flatMap((rule) => describeRule(rule, models, input));
  };
  return {
    current: needs(input.current),
    proposed: needs(input.proposed),
    changes: describeChanges(input.current, input.proposed),
  };
}

function describeRule(
  rule: ApprovalRule,
  models: ModelFacts[],
  input: { changedFiles: readonly string[]; owner: string },
): string[] {
  const match = evaluateConditions(rule, { models, changedFiles: input.changedFiles });
  if (match.applies === false) return [];
  const when = match.applies === null ? ' (if the evaluation calls for it)' : '';
  return [`${rule.name}: ${describeNeeded(rule, 0, input.owner).replace(/\.$/, '')}${when}.`];
}

function describeChanges(current: Config, proposed: Config): string[] {
  const out: string[] = [];
  const names = [...new Set([...current.models, ...proposed.models].map((m) => m.name))];
  for (const name of names) {
    const before = current.models.find((m) => m.name === name);
    const after = proposed.models.find((m) => m.name === name);
    out.push(...describeThresholdChanges(before, after).map((s) => `${name}: ${s}`));
    if (before && after && before.risk !== after.risk)
      out.push(`${name}: risk tier ${before.risk} → ${after.risk}.`);
  }
  const a = current.policy;
  const b = proposed.policy;
  if (a.allowAuthor !== b.allowAuthor) out.push(`allow_author ${a.allowAuthor} → ${b.allowAuthor}.`);
  if (a.invalidateOnPush !== b.invalidateOnPush)
    out.push(`invalidate_on_push ${a.invalidateOnPush} → ${b.invalidateOnPush}.`);
  if (a.workflows.join('\n') !== b.workflows.join('\n')) {
    out.push(`Trusted workflows: ${a.workflows.join(', ') || 'none'} → ${b.workflows.join(', ') || 'none'}.`);
  }
  return out;
}
