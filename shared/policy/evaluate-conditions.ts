/**
 * Whether a sign-off rule applies to a pull request: its `if` conditions against the facts.
 */
import type { ApprovalRule } from '../config/types.js';
import { matchAnyGlob } from './match-glob.js';
import type { ModelFacts, SignoffFacts } from './types.js';

/** `applies: null` = cannot be decided yet (a fact it needs is not known). */
export interface RuleMatch {
  applies: boolean | null;
  /** Models the rule applies to; approvals for the rule are bound to their digests. */
  models: string[];
  reason: string;
}

type Conditions = ApprovalRule['if'];
type ModelCondition = 'risk' | 'models' | 'fairness' | 'regressed' | 'verdict';

const MODEL_CONDITIONS: readonly ModelCondition[] = ['risk', 'models', 'fairness', 'regressed', 'verdict'];

/**
 * Evaluates a rule's conditions. All conditions must hold. `changed` is about the pull request
 * (any changed path matches a glob); the others are about one model, and must all hold for the
 * same model: the rule then applies to every model that matches. A rule without model
 * conditions applies to every changed model. No changed model: no rule applies.
 */
export function evaluateConditions(
  rule: ApprovalRule,
  facts: Pick<SignoffFacts, 'models' | 'changedFiles'>,
): RuleMatch {
  const conditions = rule.if;
  if (facts.models.length === 0) return { applies: false, models: [], reason: 'No model changed.' };
  if (conditions.changed !== undefined) {
    if (facts.changedFiles === null) return { applies: null, models: [], reason: 'Changed files unknown.' };
    if (!matchAnyGlob(conditions.changed, facts.changedFiles)) {
      return {
        applies: false,
        models: [],
        reason: `No changed path matches ${conditions.changed.join(', ')}.`,
      };
    }
  }
  const used = MODEL_CONDITIONS.filter((key) => conditions[key] !== undefined);
  const all = facts.models.map((m) => m.name);
  if (used.length === 0) return { applies: true, models: all, reason: describeApplies(conditions, all) };
  const results = facts.models.map((model) => ({ model, match: matchModel(conditions, used, model) }));
  const matched = results.filter((r) => r.match === true).map((r) => r.model.name);
  if (matched.length > 0)
    return { applies: true, models: matched, reason: describeApplies(conditions, matched) };
  if (results.some((r) => r.match === null)) {
    return { applies: null, models: [], reason: 'Waiting for the verified evaluation report to decide.' };
  }
  return {
    applies: false,
    models: [],
    reason: `No changed model matches (${describeConditions(conditions)}).`,
  };
}

/** True/false, or null when a fact the conditions need is not known yet. */
function matchModel(
  conditions: Conditions,
  used: readonly ModelCondition[],
  model: ModelFacts,
): boolean | null {
  let unknown = false;
  for (const key of used) {
    const result = matchOne(conditions, key, model);
    if (result === false) return false;
    if (result === null) unknown = true;
  }
  return unknown ? null : true;
}

function matchOne(conditions: Conditions, key: ModelCondition, model: ModelFacts): boolean | null {
  switch (key) {
    case 'risk':
      return conditions.risk?.includes(model.risk) ?? true;
    case 'models':
      return conditions.models?.includes(model.name) ?? true;
    case 'fairness':
      if (model.fairness === null) return null;
      return model.fairness !== 'none' && (conditions.fairness?.includes(model.fairness) ?? true);
    case 'regressed':
      return model.regressed === null ? null : model.regressed === conditions.regressed;
    case 'verdict':
      return model.verdict === null ? null : (conditions.verdict?.includes(model.verdict) ?? true);
  }
}

function describeApplies(conditions: Conditions, models: readonly string[]): string {
  const described = describeConditions(conditions);
  const to = `Applies to ${models.join(', ')}`;
  return described.length > 0 ? `${to} (${described}).` : `${to}.`;
}

/** The conditions as plain words, e.g. "risk medium or high, fairness fail or warn". */
export function describeConditions(conditions: Conditions): string {
  const parts: string[] = [];
  if (conditions.risk) parts.push(`risk ${conditions.risk.join(' or ')}`);
  if (conditions.models) parts.push(`model ${conditions.models.join(' or ')}`);
  if (conditions.changed) parts.push(`changed paths ${conditions.changed.join(', ')}`);
  if (conditions.fairness) parts.push(`fairness ${conditions.fairness.join(' or ')}`);
  if (conditions.regressed !== undefined) {
    parts.push(conditions.regressed ? 'a metric regressed' : 'no metric regressed');
  }
  if (conditions.verdict) parts.push(`verdict ${conditions.verdict.join(' or ')}`);
  return parts.join(', ');
}
