/**
 * The sign-off engine decides for a whole pull request; a promotion is per model. A model is
 * signed off when every rule that applies to it is satisfied, nothing is left undecided, and no
 * lookup failed.
 */
import type { SignoffState } from '../policy/types.js';
import type { ModelSignoff } from './promotion-types.js';

/**
 * The model's share of the sign-off state. Rules that are still `waiting` without naming models
 * (they cannot tell yet whom they apply to) block every model; engine errors block every model.
 */
export function selectModelSignoff(state: SignoffState, model: string): ModelSignoff {
  const rules = state.rules.filter((rule) => rule.status !== 'not_applicable' && rule.models.includes(model));
  const undecided = state.rules.filter((rule) => rule.status === 'waiting' && rule.models.length === 0);
  const missing = [
    ...rules
      .filter((rule) => rule.status !== 'satisfied')
      .map((rule) => `${rule.name}: ${rule.status === 'waiting' ? rule.reason : rule.needed}`),
    ...undecided.map((rule) => `${rule.name}: ${rule.reason}`),
    ...state.errors,
  ];
  return { satisfied: missing.length === 0 && state.status !== 'error', rules, missing };
}
