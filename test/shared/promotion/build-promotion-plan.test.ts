import {
  buildPromotionPlan,
  findPromotionRefusals,
  type PlanInput,
} from '../../../shared/promotion/build-promotion-plan.js';
import type { PromotionConditions, PromotionDocuments } from '../../../shared/promotion/promotion-types.js';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
const MERGE = 'c0ffee'.padEnd(40, '0');

function conditions(overrides: Partial<PromotionConditions> = {}): PromotionConditions {
  return {
    model: 'churn',
    verdict: 'pass',
    signoff: { satisfied: true, rules: [], missing: [] },
    artifact: { path: 'models/churn/model.onnx', commit: MERGE, expected: SHA_A, actual: SHA_A },
    problems: [],
    ...overrides,
  };
}

function render(target: { tag: string; version: string }): PromotionDocuments {
  return {
    name: `churn v${target.version}`,
    body: `notes ${target.tag}`,
    tagMessage: `message ${target.tag}`,
    assets: [
      { kind: 'report', name: 'modelgate-report.json', contentType: 'application/json', content: '{}' },
      { kind: 'model_card', name: 'model-card.md', contentType: 'text/markdown', content: '# card' },
      { kind: 'ledger', name: 'signoff-ledger.json', contentType: 'application/json', content: '{}' },
    ],
  };
}

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    conditions: conditions(),
    versions: {
      pattern: '{model}@v{version}',
      bump: 'minor',
      firstVersion: '1.0.0',
      tags: ['churn@v1.3.0', 'churn@v1.2.0'],
    },
    existing: null,
    settings: { makeLatest: false, assets: ['report', 'model_card', 'ledger'] },
    render,
    ...overrides,
  };
}

describe('buildPromotionPlan', () => {
  test('a new promotion: annotated tag, draft release, each asset, publish — in that order', () => {
    const plan = buildPromotionPlan(input());
    expect(plan).toEqual({
      status: 'promote',
      model: 'churn',
      tag: 'churn@v1.4.0',
      version: '1.4.0',
      stage: 'new',
      steps: [
        { kind: 'create_tag', tag: 'churn@v1.4.0', commit: MERGE, message: 'message churn@v1.4.0' },
        {
          kind: 'create_release',
          tag: 'churn@v1.4.0',
          name: 'churn v1.4.0',
          body: 'notes churn@v1.4.0',
          makeLatest: false,
        },
        { kind: 'upload_asset', asset: expect.objectContaining({ name: 'modelgate-report.json' }) },
        { kind: 'upload_asset', asset: expect.objectContaining({ name: 'model-card.md' }) },
        { kind: 'upload_asset', asset: expect.objectContaining({ name: 'signoff-ledger.json' }) },
        { kind: 'publish_release', makeLatest: false },
      ],
    });
  });

  test.each([
    [[], 'minor', '1.0.0', 'churn@v1.0.0'],
    [[], 'major', '0.1.0', 'churn@v0.1.0'],
    [['churn@v1.9.0', 'churn@v1.10.0'], 'minor', '1.0.0', 'churn@v1.11.0'],
    [['churn@v1.2.3'], 'patch', '1.0.0', 'churn@v1.2.4'],
    [['churn@v1.2.3'], 'major', '1.0.0', 'churn@v2.0.0'],
    // Pre-releases, malformed versions and other models' tags do not count.
    [['churn@v3.0.0-rc.1', 'churn@vX', 'churn-eu@v9.0.0', 'churn@v1.0.0'], 'minor', '1.0.0', 'churn@v1.1.0'],
  ] as const)('tags %j, bump %s, first %s → %s', (tags, bump, firstVersion, expected) => {
    const plan = buildPromotionPlan(
      input({ versions: { pattern: '{model}@v{version}', bump, firstVersion, tags } }),
    );
    expect(plan.status === 'promote' && plan.tag).toBe(expected);
  });

  test('only the configured assets are planned', () => {
    const plan = buildPromotionPlan(input({ settings: { makeLatest: true, assets: ['ledger'] } }));
    expect(plan.status === 'promote' && plan.steps.map((s) => s.kind)).toEqual([
      'create_tag',
      'create_release',
      'upload_asset',
      'publish_release',
    ]);
    expect(plan.status === 'promote' && plan.steps.at(-1)).toEqual({
      kind: 'publish_release',
      makeLatest: true,
    });
  });

  test('a tag without a release (interrupted): release, assets, publish — no second tag', () => {
    const plan = buildPromotionPlan(
      input({ existing: { tag: 'churn@v1.3.0', version: '1.3.0', release: null } }),
    );
    expect(plan.status === 'promote' && [plan.tag, plan.stage, plan.steps.map((s) => s.kind)]).toEqual([
      'churn@v1.3.0',
      'tagged',
      ['create_release', 'upload_asset', 'upload_asset', 'upload_asset', 'publish_release'],
    ]);
  });

  test('a draft with some assets: the missing assets, then publish', () => {
    const release = { id: 7, tag: 'churn@v1.3.0', draft: true, url: 'u', assets: ['modelgate-report.json'] };
    const plan = buildPromotionPlan(input({ existing: { tag: 'churn@v1.3.0', version: '1.3.0', release } }));
    expect(plan.status === 'promote' && plan.stage).toBe('drafted');
    expect(
      plan.status === 'promote' && plan.steps.map((s) => (s.kind === 'upload_asset' ? s.asset.name : s.kind)),
    ).toEqual(['model-card.md', 'signoff-ledger.json', 'publish_release']);
  });

  test('a published release: nothing left to do', () => {
    const release = { id: 7, tag: 'churn@v1.3.0', draft: false, url: 'u', assets: [] };
    const plan = buildPromotionPlan(input({ existing: { tag: 'churn@v1.3.0', version: '1.3.0', release } }));
    expect(plan).toEqual({
      status: 'promote',
      model: 'churn',
      tag: 'churn@v1.3.0',
      version: '1.3.0',
      stage: 'published',
      steps: [],
    });
  });

  test('an earlier attempt is completed even if the facts would refuse now (the tag is history)', () => {
    const plan = buildPromotionPlan(
      input({
        conditions: conditions({ verdict: 'fail' }),
        existing: { tag: 'churn@v1.3.0', version: '1.3.0', release: null },
      }),
    );
    expect(plan.status).toBe('promote');
  });

  test('a refused promotion plans no step', () => {
    expect(buildPromotionPlan(input({ conditions: conditions({ verdict: 'fail' }) }))).toEqual({
      status: 'refused',
      model: 'churn',
      reasons: ['The gate verdict for churn is fail; only a model whose gate passed is promoted.'],
    });
  });
});

describe('findPromotionRefusals', () => {
  test.each([
    [{}, []],
    [{ verdict: null }, ['There is no verified evaluation report for churn on the merged head.']],
    [
      { verdict: 'inconclusive' },
      ['The gate verdict for churn is inconclusive; only a model whose gate passed is promoted.'],
    ],
    [
      { verdict: 'error' },
      ['The gate verdict for churn is error; only a model whose gate passed is promoted.'],
    ],
    [
      {
        signoff: {
          satisfied: false,
          rules: [],
          missing: ['ML lead review: Needs 1 approval from a member of acme/ml-leads.'],
        },
      },
      [
        'The sign-offs for churn are not complete: ML lead review: Needs 1 approval from a member of acme/ml-leads.',
      ],
    ],
    [
      { signoff: { satisfied: false, rules: [], missing: [] } },
      ['The sign-offs for churn are not complete.'],
    ],
    [
      { artifact: { path: 'models/churn/model.onnx', commit: MERGE, expected: SHA_A, actual: null } },
      ['models/churn/model.onnx does not exist at c0ffee0, so there is no artifact to promote.'],
    ],
    [{ problems: ['The report is gone.'] }, ['The report is gone.']],
  ] as const)('%j → %j', (overrides, expected) => {
    expect(findPromotionRefusals(conditions(overrides as Partial<PromotionConditions>))).toEqual(expected);
  });

  test('an artifact that differs from the evaluated one names both digests', () => {
    const reasons = findPromotionRefusals(
      conditions({
        artifact: { path: 'models/churn/model.onnx', commit: MERGE, expected: SHA_A, actual: SHA_B },
      }),
    );
    expect(reasons).toEqual([
      'models/churn/model.onnx at c0ffee0 has SHA-256 bbbbbbbbbbbb…, but the evaluated artifact had aaaaaaaaaaaa…: a later commit or the merge changed it. The evidence is not about what was merged; evaluate it in a new pull request.',
    ]);
  });

  test('every reason is listed, not just the first', () => {
    const reasons = findPromotionRefusals(
      conditions({
        verdict: 'fail',
        signoff: { satisfied: false, rules: [], missing: ['x.'] },
        artifact: { path: 'm', commit: MERGE, expected: SHA_A, actual: SHA_B },
      }),
    );
    expect(reasons).toHaveLength(3);
  });
});
