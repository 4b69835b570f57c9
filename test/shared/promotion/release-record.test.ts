import {
  parseReleaseRecord,
  type ReleaseRecord,
  renderReleaseRecord,
} from '../../../shared/promotion/release-record.js';

const record: ReleaseRecord = {
  v: 1,
  model: 'churn',
  version: '1.4.0',
  tag: 'churn@v1.4.0',
  kind: 'merge',
  commit: '1'.repeat(40),
  pullRequest: 42,
  rollbackOf: null,
  artifact: { path: 'models/churn/model.onnx', sha256: 'a'.repeat(64) },
  evaluationDigest: 'd'.repeat(64),
  verdict: 'pass',
  fairness: 'pass',
  regressed: false,
  primaryMetric: 'roc_auc',
  primary: { value: 0.851, ci: [0.842, 0.86] },
  promotedAt: '2025-03-14T10:00:00.000Z',
};

describe('release record', () => {
  test('round trip inside a release body', () => {
    const body = `## churn v1.4.0\n\nnotes\n${renderReleaseRecord(record)}\n`;
    expect(parseReleaseRecord(body)).toEqual(record);
  });

  test('a value cannot close the hidden comment', () => {
    const hostile = { ...record, artifact: { path: 'a --> <img src=x> & b', sha256: 'a'.repeat(64) } };
    const block = renderReleaseRecord(hostile);
    const inner = block.slice('<!-- '.length, -' -->'.length);
    expect(inner).not.toMatch(/[<>&]/);
    expect(block.indexOf('-->')).toBe(block.length - 3);
    expect(parseReleaseRecord(block)).toEqual(hostile);
  });

  test.each([
    ['no block', 'notes'],
    ['not JSON', '<!-- modelgate:release {nope} -->'],
    ['wrong shape', '<!-- modelgate:release {"v":2} -->'],
    [null, null],
  ])('%s → null', (_name, body) => {
    expect(parseReleaseRecord(body)).toBeNull();
  });
});
