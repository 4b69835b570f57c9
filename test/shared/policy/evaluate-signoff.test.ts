import type { ApprovalRule, Policy } from '../../../shared/config/types.js';
import { evaluateSignoff, listDirectoryNeeds } from '../../../shared/policy/evaluate-signoff.js';
import type { ApprovalEvent, Directory, ModelFacts, SignoffFacts } from '../../../shared/policy/types.js';

const rule = (
  name: string,
  when: ApprovalRule['if'],
  require: Partial<ApprovalRule['require']>,
): ApprovalRule => ({
  name,
  if: when,
  require: { count: 1, users: [], teams: [], ...require },
});

/** The policy of PRODUCT.md §4. */
const POLICY: Policy = {
  allowAuthor: false,
  invalidateOnPush: true,
  workflows: ['.github/workflows/modelgate.yml'],
  rules: [
    rule('ML lead review', { risk: ['medium', 'high'] }, { teams: ['ml-leads'] }),
    rule('Responsible AI review', { fairness: ['fail', 'warn'] }, { teams: ['responsible-ai'] }),
    rule('Business owner', { models: ['churn'] }, { users: ['bob'], permission: 'write' }),
  ],
};

const DIGEST = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

const churn = (over: Partial<ModelFacts> = {}): ModelFacts => ({
  name: 'churn',
  risk: 'high',
  verdict: 'pass',
  fairness: 'pass',
  regressed: false,
  evaluationDigest: DIGEST,
  ...over,
});

const DIRECTORY: Directory = {
  teams: { 'acme/ml-leads': ['alice', 'carol', 'octocat'], 'acme/responsible-ai': ['rai'] },
  permissions: { alice: 'write', bob: 'write', carol: 'admin', rai: 'read', dave: 'read', octocat: 'admin' },
};

let clock = 0;
const approve = (login: string, over: Partial<ApprovalEvent> = {}): ApprovalEvent => ({
  login,
  at: new Date(Date.UTC(2025, 0, 1, 0, clock++)).toISOString(),
  kind: 'approve',
  via: 'review',
  isBot: false,
  digests: { churn: DIGEST },
  ...over,
});
const revoke = (login: string): ApprovalEvent => approve(login, { kind: 'revoke', via: 'comment' });

const facts = (over: Partial<SignoffFacts> = {}): SignoffFacts => ({
  author: 'octocat',
  owner: 'acme',
  models: [churn()],
  changedFiles: ['models/churn/model.onnx'],
  approvals: [],
  directory: DIRECTORY,
  ...over,
});

const ruleStatus = (state: ReturnType<typeof evaluateSignoff>) =>
  Object.fromEntries(state.rules.map((r) => [r.name, r.status]));

describe('evaluateSignoff: which rules apply', () => {
  test('no model changed: nothing applies, satisfied', () => {
    const state = evaluateSignoff({ policy: POLICY, facts: facts({ models: [] }) });
    expect(state.status).toBe('satisfied');
    expect(state.summary).toBe('No sign-off rule applies to this change.');
    expect(state.rules.every((r) => r.status === 'not_applicable')).toBe(true);
  });

  test('high-risk churn with fair results: ML lead and Business owner apply, Responsible AI does not', () => {
    const state = evaluateSignoff({ policy: POLICY, facts: facts() });
    expect(ruleStatus(state)).toEqual({
      'ML lead review': 'pending',
      'Responsible AI review': 'not_applicable',
      'Business owner': 'pending',
    });
    expect(state.status).toBe('pending');
    expect(state.rules[0]?.reason).toBe('Applies to churn (risk medium or high).');
    expect(state.rules[0]?.needed).toBe('Needs 1 approval from a member of acme/ml-leads.');
    expect(state.rules[2]?.needed).toBe('Needs 1 approval from bob with write permission or higher.');
    expect(state.summary).toBe(
      'Waiting for: ML lead review (needs 1 approval from a member of acme/ml-leads); Business owner (needs 1 approval from bob with write permission or higher).',
    );
  });

  test.each([
    [{ fairness: 'warn' as const }, 'pending'],
    [{ fairness: 'fail' as const }, 'pending'],
    [{ fairness: 'pass' as const }, 'not_applicable'],
    [{ fairness: 'none' as const }, 'not_applicable'],
    [{ fairness: null }, 'waiting'],
  ])('Responsible AI review with %j → %s', (over, status) => {
    const state = evaluateSignoff({ policy: POLICY, facts: facts({ models: [churn(over)] }) });
    expect(state.rules[1]?.status).toBe(status);
  });

  test.each([
    [{ regressed: true }, { regressed: true }, 'pending'],
    [{ regressed: true }, { regressed: false }, 'not_applicable'],
    [{ regressed: false }, { regressed: false }, 'pending'],
    [{ regressed: true }, { regressed: null }, 'waiting'],
    [{ verdict: ['fail' as const] }, { verdict: 'fail' as const }, 'pending'],
    [{ verdict: ['fail' as const] }, { verdict: 'pass' as const }, 'not_applicable'],
    [{ verdict: ['fail' as const] }, { verdict: null }, 'waiting'],
    [{ risk: ['low' as const] }, { risk: 'high' as const }, 'not_applicable'],
    [{ models: ['fraud'] }, {}, 'not_applicable'],
    [{ risk: ['high' as const], fairness: ['warn' as const] }, { fairness: 'warn' as const }, 'pending'],
    [
      { risk: ['low' as const], fairness: ['warn' as const] },
      { fairness: 'warn' as const },
      'not_applicable',
    ],
  ])('conditions %j on model %j → %s', (when, model, status) => {
    const policy = { ...POLICY, rules: [rule('R', when, { users: ['bob'] })] };
    expect(evaluateSignoff({ policy, facts: facts({ models: [churn(model)] }) }).rules[0]?.status).toBe(
      status,
    );
  });

  test('model conditions must hold for the same model; the rule binds to the models that match', () => {
    const fraud: ModelFacts = { ...churn(), name: 'fraud', risk: 'low', fairness: 'warn' };
    const policy = {
      ...POLICY,
      rules: [rule('R', { risk: ['high'], fairness: ['warn'] }, { users: ['bob'] })],
    };
    expect(evaluateSignoff({ policy, facts: facts({ models: [churn(), fraud] }) }).rules[0]?.status).toBe(
      'not_applicable',
    );
    const both = { ...POLICY, rules: [rule('R', { fairness: ['warn'] }, { users: ['bob'] })] };
    const state = evaluateSignoff({ policy: both, facts: facts({ models: [churn(), fraud] }) });
    expect(state.rules[0]?.models).toEqual(['fraud']);
  });

  test.each([
    [['models/**'], ['models/churn/model.onnx'], 'pending'],
    [['docs/**'], ['models/churn/model.onnx'], 'not_applicable'],
    [['models/**'], null, 'waiting'],
  ])('changed %j with files %j → %s', (changed, files, status) => {
    const policy = { ...POLICY, rules: [rule('R', { changed }, { users: ['bob'] })] };
    expect(evaluateSignoff({ policy, facts: facts({ changedFiles: files }) }).rules[0]?.status).toBe(status);
  });
});

describe('evaluateSignoff: who counts', () => {
  test('an ML lead and the business owner satisfy the policy', () => {
    const state = evaluateSignoff({
      policy: POLICY,
      facts: facts({ approvals: [approve('alice'), approve('bob', { via: 'comment' })] }),
    });
    expect(state.status).toBe('satisfied');
    expect(state.rules[0]?.approvers.map((a) => a.login)).toEqual(['alice']);
    expect(state.rules[2]?.approvers).toEqual([expect.objectContaining({ login: 'bob', via: 'comment' })]);
    expect(state.summary).toBe('All sign-offs are in: ML lead review (alice); Business owner (bob).');
  });

  test.each<[string, ApprovalEvent, Partial<Policy>, RegExp | null]>([
    ['the author', approve('octocat'), {}, /author of the pull request cannot sign off/],
    ['the author, allowed', approve('OctoCat'), { allowAuthor: true }, null],
    ['a bot', approve('dependabot[bot]', { isBot: true }), {}, /bots never count/],
    ['someone outside the team', approve('dave'), {}, /not a member of acme\/ml-leads/],
    [
      'an approval before a model-changing push',
      approve('alice', { digests: { churn: OTHER } }),
      {},
      /before churn changed/,
    ],
    [
      'an approval before a push, not invalidated',
      approve('alice', { digests: { churn: OTHER } }),
      { invalidateOnPush: false },
      null,
    ],
    ['an approval on an unverified commit', approve('alice', { digests: null }), {}, /never verified/],
    ['an approval after a docs-only push (same digest)', approve('alice'), {}, null],
  ])('ML lead review: %s', (_name, approval, policy, ignored) => {
    const state = evaluateSignoff({
      policy: { ...POLICY, ...policy },
      facts: facts({ approvals: [approval] }),
    });
    const ml = state.rules[0];
    if (ignored === null) expect(ml?.status).toBe('satisfied');
    else {
      expect(ml?.status).toBe('pending');
      expect(ml?.ignored[0]?.reason).toMatch(ignored);
    }
  });

  test('the permission floor: a named user with read permission does not count', () => {
    const directory = { ...DIRECTORY, permissions: { ...DIRECTORY.permissions, bob: 'read' as const } };
    const state = evaluateSignoff({
      policy: POLICY,
      facts: facts({ approvals: [approve('bob')], directory }),
    });
    expect(state.rules[2]?.ignored[0]?.reason).toBe(
      'Does not count: they have read permission; the rule needs write or higher.',
    );
  });

  test('a rule naming nobody needs write permission', () => {
    const policy = { ...POLICY, rules: [rule('Anyone', {}, {})] };
    const dave = evaluateSignoff({ policy, facts: facts({ approvals: [approve('dave')] }) });
    expect(dave.rules[0]?.needed).toBe('Needs 1 approval from someone with write permission or higher.');
    const carol = evaluateSignoff({ policy, facts: facts({ approvals: [approve('carol')] }) });
    expect(carol.status).toBe('satisfied');
  });

  test('count 2 needs two different people; one person approving twice counts once', () => {
    const policy = { ...POLICY, rules: [rule('Two leads', {}, { count: 2, teams: ['ml-leads'] })] };
    const once = evaluateSignoff({
      policy,
      facts: facts({ approvals: [approve('alice'), approve('ALICE', { via: 'comment' })] }),
    });
    expect(once.rules[0]?.status).toBe('pending');
    expect(once.rules[0]?.needed).toBe('Needs 1 more approval from a member of acme/ml-leads.');
    const twice = evaluateSignoff({
      policy,
      facts: facts({ approvals: [approve('alice'), approve('carol')] }),
    });
    expect(twice.status).toBe('satisfied');
  });

  test('revoke withdraws earlier approvals; a later approval counts again', () => {
    const revoked = evaluateSignoff({
      policy: POLICY,
      facts: facts({ approvals: [approve('alice'), revoke('alice')] }),
    });
    expect(revoked.rules[0]?.status).toBe('pending');
    const again = evaluateSignoff({
      policy: POLICY,
      facts: facts({ approvals: [approve('alice'), revoke('alice'), approve('alice', { via: 'comment' })] }),
    });
    expect(again.rules[0]?.status).toBe('satisfied');
  });

  test('events are ordered by time, not by input order', () => {
    const late = approve('alice');
    const early = { ...revoke('alice'), at: '2024-01-01T00:00:00Z' };
    const state = evaluateSignoff({ policy: POLICY, facts: facts({ approvals: [late, early] }) });
    expect(state.rules[0]?.status).toBe('satisfied');
  });

  test('an approval naming a rule counts for that rule only; an unknown rule is noted', () => {
    const state = evaluateSignoff({
      policy: POLICY,
      facts: facts({
        approvals: [approve('carol', { rule: 'business OWNER' }), approve('bob', { rule: 'Nope' })],
      }),
    });
    expect(state.rules[0]?.status).toBe('pending');
    expect(state.rules[2]?.ignored[0]).toEqual({
      login: 'carol',
      reason: 'Does not count: they are not bob.',
    });
    expect(state.notes).toEqual([
      'The approval by bob names the rule "Nope", which the policy does not have; it counts for no rule.',
    ]);
  });

  test('approvals bind to the models the rule applies to: a push changing another model keeps them', () => {
    const fraud: ModelFacts = { ...churn(), name: 'fraud', risk: 'low', evaluationDigest: 'c'.repeat(64) };
    const approval = approve('alice', { digests: { churn: DIGEST, fraud: OTHER } });
    const state = evaluateSignoff({
      policy: POLICY,
      facts: facts({ models: [churn(), fraud], approvals: [approval] }),
    });
    expect(state.rules[0]?.models).toEqual(['churn']);
    expect(state.rules[0]?.status).toBe('satisfied');
  });

  test('without a verified evaluation an applicable rule waits', () => {
    const state = evaluateSignoff({
      policy: POLICY,
      facts: facts({
        models: [churn({ evaluationDigest: null, verdict: null, fairness: null, regressed: null })],
        approvals: [approve('alice')],
      }),
    });
    expect(ruleStatus(state)).toEqual({
      'ML lead review': 'waiting',
      'Responsible AI review': 'waiting',
      'Business owner': 'waiting',
    });
    expect(state.status).toBe('pending');
  });

  test('a failed team lookup leaves the rule undecidable: error', () => {
    const directory = { ...DIRECTORY, teams: { 'acme/ml-leads': null } };
    const state = evaluateSignoff({
      policy: POLICY,
      facts: facts({ approvals: [approve('alice')], directory }),
    });
    expect(state.status).toBe('error');
    expect(state.errors).toEqual([
      'ML lead review: alice: the members of acme/ml-leads could not be looked up.',
    ]);
  });
});

describe('listDirectoryNeeds', () => {
  const empty: Directory = { teams: {}, permissions: {} };

  test('teams first, then the permissions of those who pass the users/teams filter', () => {
    const approvals = [approve('alice'), approve('bob'), approve('dave')];
    const first = listDirectoryNeeds({ policy: POLICY, facts: facts({ approvals, directory: empty }) });
    expect(first).toEqual({ teams: ['acme/ml-leads'], permissions: ['bob'] });
    const withTeams = { teams: { 'acme/ml-leads': ['alice'] }, permissions: {} };
    expect(listDirectoryNeeds({ policy: POLICY, facts: facts({ approvals, directory: withTeams }) })).toEqual(
      {
        teams: [],
        permissions: ['bob'],
      },
    );
    const complete = { ...withTeams, permissions: { bob: 'write' as const } };
    expect(listDirectoryNeeds({ policy: POLICY, facts: facts({ approvals, directory: complete }) })).toEqual({
      teams: [],
      permissions: [],
    });
    expect(evaluateSignoff({ policy: POLICY, facts: facts({ approvals, directory: complete }) }).status).toBe(
      'satisfied',
    );
  });

  test('nothing is looked up once a rule has enough approvals, nor for people filtered out before', () => {
    const policy = { ...POLICY, rules: [rule('Bob', {}, { users: ['bob'], teams: ['ml-leads'] })] };
    const approvals = [
      approve('bob'),
      approve('alice'),
      approve('octocat'),
      approve('x[bot]', { isBot: true }),
    ];
    expect(listDirectoryNeeds({ policy, facts: facts({ approvals, directory: empty }) })).toEqual({
      teams: [],
      permissions: [],
    });
  });

  test('no approvals, no lookups', () => {
    expect(listDirectoryNeeds({ policy: POLICY, facts: facts({ directory: empty }) })).toEqual({
      teams: [],
      permissions: [],
    });
  });
});
