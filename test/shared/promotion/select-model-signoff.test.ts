import type { RuleState, SignoffState } from '../../../shared/policy/types.js';
import { selectModelSignoff } from '../../../shared/promotion/select-model-signoff.js';

function rule(overrides: Partial<RuleState>): RuleState {
  return {
    name: 'r',
    status: 'satisfied',
    reason: 'Applies.',
    models: ['churn'],
    required: 1,
    approvers: [],
    ignored: [],
    needed: '',
    ...overrides,
  };
}
function state(rules: RuleState[], extra: Partial<SignoffState> = {}): SignoffState {
  return { status: 'satisfied', rules, summary: '', errors: [], notes: [], ...extra };
}

describe('selectModelSignoff', () => {
  test.each([
    ['no rule', state([]), 'churn', true, []],
    ['satisfied rule', state([rule({})]), 'churn', true, []],
    ['not applicable', state([rule({ status: 'not_applicable', models: [] })]), 'churn', true, []],
    [
      'pending rule of the model',
      state([rule({ status: 'pending', needed: 'Needs 1 approval from bob.' })]),
      'churn',
      false,
      ['r: Needs 1 approval from bob.'],
    ],
    [
      'pending rule of another model only',
      state([rule({ status: 'pending', models: ['fraud'], needed: 'x' })]),
      'churn',
      true,
      [],
    ],
    [
      'waiting rule of the model',
      state([rule({ status: 'waiting', reason: 'Waiting.' })]),
      'churn',
      false,
      ['r: Waiting.'],
    ],
    [
      'waiting rule that cannot name its models',
      state([rule({ status: 'waiting', models: [], reason: 'Waiting.' })]),
      'churn',
      false,
      ['r: Waiting.'],
    ],
    [
      'engine error',
      state([rule({})], { status: 'error', errors: ['lookup failed.'] }),
      'churn',
      false,
      ['lookup failed.'],
    ],
  ] as const)('%s', (_name, s, model, satisfied, missing) => {
    const result = selectModelSignoff(s, model);
    expect(result.satisfied).toBe(satisfied);
    expect(result.missing).toEqual(missing);
  });

  test('the model keeps the rules that applied to it', () => {
    const s = state([
      rule({ name: 'a' }),
      rule({ name: 'b', models: ['fraud'] }),
      rule({ name: 'c', status: 'not_applicable' }),
    ]);
    expect(selectModelSignoff(s, 'churn').rules.map((r) => r.name)).toEqual(['a']);
  });
});
