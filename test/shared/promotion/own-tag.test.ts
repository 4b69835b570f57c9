import {
  buildPromotionIdentity,
  buildPromotionKey,
  classifyTag,
  listModelVersions,
} from '../../../shared/promotion/own-tag.js';
import type { PeeledTag, PromotionSource } from '../../../shared/promotion/promotion-types.js';
import { buildTagMessage } from '../../../shared/promotion/tag-annotation.js';
import { buildTagPrefix } from '../../../shared/promotion/tag-prefix.js';
import { resolveLatestVersion } from '../../../shared/promotion/versions.js';

const MERGE = '1'.repeat(40);
const OTHER = '2'.repeat(40);

const merge: PromotionSource = {
  kind: 'merge',
  pullRequest: {
    number: 42,
    title: 't',
    url: 'u',
    author: 'a',
    mergedAt: '2025-03-14T10:00:00Z',
    mergeCommit: MERGE,
  },
};
const rollback: PromotionSource = {
  kind: 'rollback',
  request: {
    issue: 7,
    commentId: 991,
    url: 'u',
    requester: 'r',
    requestedAt: '2025-03-14T10:00:00Z',
    reason: 'drift',
  },
  target: { tag: 'churn@v1.1.0', version: '1.1.0' },
};

describe('listModelVersions (one ordering with resolveLatestVersion)', () => {
  const tags = [
    'churn@v1.9.0',
    'churn@v1.10.0',
    'churn@v2.0.0-rc.1',
    'churn@v1.11',
    'churn@v01.20.0',
    'churn-eu@v9.0.0',
    'team/churn@v8.0.0',
    'churn@v1.2.0',
  ];
  test.each([
    ['churn', ['churn@v1.10.0', 'churn@v1.9.0', 'churn@v1.2.0']],
    ['team/churn', ['team/churn@v8.0.0']],
    ['churn-eu', ['churn-eu@v9.0.0']],
    ['fraud', []],
  ])('%s', (model, expected) => {
    const listed = listModelVersions('{model}@v{version}', model, tags);
    expect(listed.map((t) => t.tag)).toEqual(expected);
    // The newest listed is exactly what production resolution (the Action's rule) picks.
    expect(listed[0] ?? null).toEqual(resolveLatestVersion('{model}@v{version}', model, tags));
  });

  test('monorepo pattern with slashes', () => {
    const tags = ['models/team/churn/1.0.10', 'models/team/churn/1.0.9', 'models/churn/5.0.0'];
    expect(listModelVersions('models/{model}/{version}', 'team/churn', tags).map((t) => t.version)).toEqual([
      '1.0.10',
      '1.0.9',
    ]);
  });
});

describe('buildTagPrefix', () => {
  test.each([
    ['{model}@v{version}', 'churn', 'churn@v'],
    ['{model}@v{version}', 'team/churn', 'team/churn@v'],
    ['models/{model}/{version}', 'team/churn', 'models/team/churn/'],
    ['v{version}/{model}', 'churn', 'v'],
  ])('%s, %s → %s', (pattern, model, expected) => {
    expect(buildTagPrefix(pattern, model)).toBe(expected);
  });
});

describe('classifyTag', () => {
  const peeled = (overrides: Partial<PeeledTag>): PeeledTag => ({
    tag: 'churn@v1.3.0',
    commit: OTHER,
    message: null,
    taggedAt: '2025-03-14T10:05:00Z',
    ...overrides,
  });
  const since = '2025-03-14T10:00:00Z';
  const rollbackMessage = buildTagMessage({
    model: 'churn',
    version: '1.3.0',
    promotion: 'rollback/991',
    summary: 's',
    artifactPath: 'm',
    artifactSha256: 'a'.repeat(64),
    reportSha256: null,
    evaluationDigest: null,
  });
  test.each([
    ['merge: tag at the merge commit', merge, peeled({ commit: MERGE }), 'own'],
    ['merge: lightweight tag at the merge commit', merge, peeled({ commit: MERGE, taggedAt: null }), 'own'],
    ['merge: other commit, tagged after the merge', merge, peeled({}), 'other'],
    [
      'merge: other commit, tagged before the merge',
      merge,
      peeled({ taggedAt: '2025-03-14T09:59:59Z' }),
      'older',
    ],
    ['merge: lightweight tag elsewhere (no date)', merge, peeled({ taggedAt: null }), 'other'],
    ['rollback: its key', rollback, peeled({ message: rollbackMessage }), 'own'],
    ['rollback: same commit, no key', rollback, peeled({ commit: MERGE }), 'other'],
    ['rollback: before the request', rollback, peeled({ taggedAt: '2025-03-01T00:00:00Z' }), 'older'],
  ] as const)('%s', (_name, source, tag, expected) => {
    expect(classifyTag(tag, buildPromotionIdentity(source), since)).toBe(expected);
  });

  test('keys', () => {
    expect(buildPromotionKey(merge)).toBe('pull/42');
    expect(buildPromotionKey(rollback)).toBe('rollback/991');
  });
});
