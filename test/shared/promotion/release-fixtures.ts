/** Fixed release facts around the churn fixture report, for rendering and ledger tests. */
import type { ModelSignoff, PromotionSource } from '../../../shared/promotion/promotion-types.js';
import type { ReleaseRecord } from '../../../shared/promotion/release-record.js';
import type { ReleaseFacts } from '../../../shared/render/release/release-facts.js';
import { buildReport, churnModel } from '../../fixtures/reports/report-fixtures.js';

export const MERGE_SHA = '5d1e7a9c3b2f4e6a8c0d1f2e3a4b5c6d7e8f9a0b';

export const mergeSource = (title = 'Retrain churn on Q1 data'): PromotionSource => ({
  kind: 'merge',
  pullRequest: {
    number: 42,
    title,
    url: 'https://github.com/acme/ml-models/pull/42',
    author: 'dana',
    mergedAt: '2025-03-14T10:30:00Z',
    mergeCommit: MERGE_SHA,
  },
});

export const rollbackSource = (reason = 'AUC dropped in production'): PromotionSource => ({
  kind: 'rollback',
  request: {
    issue: 51,
    commentId: 9001,
    url: 'https://github.com/acme/ml-models/issues/51#issuecomment-9001',
    requester: 'erin',
    requestedAt: '2025-04-02T08:00:00Z',
    reason,
  },
  target: { tag: 'churn@v1.3.0', version: '1.3.0' },
});

export const satisfiedSignoff = (): ModelSignoff => ({
  satisfied: true,
  missing: [],
  rules: [
    {
      name: 'ML lead review',
      status: 'satisfied',
      reason: 'Applies to churn (risk medium or high).',
      models: ['churn'],
      required: 1,
      approvers: [{ login: 'lee', at: '2025-03-14T09:58:12Z', via: 'review' }],
      ignored: [
        {
          login: 'dana',
          reason: 'Does not count: the author of the pull request cannot sign off their own change.',
        },
      ],
      needed: '',
    },
  ],
});

export function releaseFacts(overrides: Partial<ReleaseFacts> = {}): ReleaseFacts {
  const report = buildReport([churnModel('pass')]);
  return {
    repository: 'acme/ml-models',
    tag: 'churn@v1.4.0',
    version: '1.4.0',
    model: report.models[0]!,
    report,
    source: mergeSource(),
    signoff: satisfiedSignoff(),
    production: null,
    commit: MERGE_SHA,
    reportSha256: 'e'.repeat(64),
    appVersion: '0.1.0',
    promotedAt: '2025-03-14T10:30:05Z',
    ...overrides,
  };
}

export function releaseRecord(overrides: Partial<ReleaseRecord> = {}): ReleaseRecord {
  return {
    v: 1,
    model: 'churn',
    version: '1.4.0',
    tag: 'churn@v1.4.0',
    kind: 'merge',
    commit: MERGE_SHA,
    pullRequest: 42,
    rollbackOf: null,
    artifact: { path: 'models/churn/model.onnx', sha256: 'a'.repeat(64) },
    evaluationDigest: 'd'.repeat(64),
    verdict: 'pass',
    fairness: 'pass',
    regressed: false,
    primaryMetric: 'roc_auc',
    primary: { value: 0.851, ci: [0.842, 0.86] },
    promotedAt: '2025-03-14T10:30:05Z',
    ...overrides,
  };
}
