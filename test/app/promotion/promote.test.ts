import nock from 'nock';
import { parseReleaseRecord } from '../../../shared/promotion/release-record.js';
import { parseTagTrailers } from '../../../shared/promotion/tag-annotation.js';
import { PROMOTION_COMMENT_MARKER } from '../../../shared/render/release/render-promotion-comments.js';
import { churnModel } from '../../fixtures/reports/report-fixtures.js';
import type { FakeGitHub } from './fake-github.js';
import { findUnknownRoutes } from './routes.js';
import {
  closedPayload,
  createProbot,
  deliver,
  MODEL_SHA,
  NOW,
  newFake,
  type PullScenario,
  passingReport,
  seedPull,
  seedTag,
} from './setup.js';

const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const MERGE = 'c4295bd74fb0f4fda03689c3df3f2803b658fd85';
const PRODUCTION_COMMIT = 'b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0';

const scenario = (overrides: Partial<PullScenario> = {}): PullScenario => ({
  number: 2,
  head: HEAD,
  merge: MERGE,
  runId: 1001,
  ...overrides,
});

let fake: FakeGitHub;

beforeEach(() => {
  nock.disableNetConnect();
  fake = newFake();
});

afterEach(() => {
  expect(fake.unknown).toEqual([]);
  expect(findUnknownRoutes(fake.log)).toEqual([]);
  nock.cleanAll();
  nock.enableNetConnect();
});

function promotionComment(number = 2): string | undefined {
  return fake.comments.get(number)?.find((c) => c.body.startsWith(PROMOTION_COMMENT_MARKER))?.body;
}

function writes(): string[] {
  return fake.calls().filter((call) => !call.startsWith('GET '));
}

describe('refusals: nothing is tagged or released, the pull request says why', () => {
  test('the merged artifact differs from the evaluated one', async () => {
    seedPull(fake, scenario({ merged: Buffer.from('a merge resolution changed the model') }));
    seedTag(fake, { tag: 'churn@v1.3.0', commit: PRODUCTION_COMMIT, date: '2025-03-01T00:00:00Z' });
    await deliver(await createProbot(), 'pull_request', closedPayload(scenario()));
    expect(fake.releases).toEqual([]);
    expect([...fake.refs.keys()]).toEqual(['churn@v1.3.0']);
    expect(writes()).toEqual(['POST /repos/Codertocat/Hello-World/issues/2/comments']);
    expect(promotionComment()).toContain('a later commit or the merge changed it');
    expect(promotionComment()).toContain(`the evaluated artifact had ${MODEL_SHA.slice(0, 12)}`);
  });

  test('the gate failed', async () => {
    const s = scenario();
    seedPull(fake, { ...s, report: passingReport(s, [churnModel('fail')]) });
    await deliver(await createProbot(), 'pull_request', closedPayload(s));
    expect(fake.releases).toEqual([]);
    expect(fake.refs.size).toBe(0);
    expect(promotionComment()).toContain(
      'The gate verdict for churn is fail; only a model whose gate passed is promoted.',
    );
  });

  test('sign-offs are missing (the reviewer is not in the required team, the sign-off check had not passed)', async () => {
    seedPull(fake, scenario({ approvers: ['outsider'], signoffConclusion: 'action_required' }));
    await deliver(await createProbot(), 'pull_request', closedPayload(scenario()));
    expect(fake.releases).toEqual([]);
    expect(fake.refs.size).toBe(0);
    const body = promotionComment()!;
    expect(body).toContain(
      'The sign-offs for churn are not complete: ML lead review: Needs 1 approval from a member of codertocat/ml-leads.',
    );
    expect(body).toContain('The ModelGate / sign-off check on the merged head shows action\\_required');
  });

  test('a merge the App never evaluated: a model changed, so it says why nothing was promoted', async () => {
    seedPull(fake, scenario());
    fake.checkRuns.delete(HEAD);
    fake.pullFiles.set(2, ['models/churn/model.onnx', 'README.md']);
    await deliver(await createProbot(), 'pull_request', closedPayload(scenario()));
    expect(fake.refs.size).toBe(0);
    expect(promotionComment()).toContain('**churn** was not promoted');
    expect(promotionComment()).toContain('The merged head has no verified evaluation report.');
  });

  test('a merge that changed no model: no promotion, no comment', async () => {
    seedPull(fake, scenario());
    fake.checkRuns.delete(HEAD);
    fake.pullFiles.set(2, ['README.md']);
    await deliver(await createProbot(), 'pull_request', closedPayload(scenario()));
    expect(writes()).toEqual([]);
  });

  test('a pull request closed without merging promotes nothing and calls nothing', async () => {
    seedPull(fake, scenario());
    const payload = closedPayload(scenario());
    payload.pull_request.merged = false;
    await deliver(await createProbot(), 'pull_request', payload);
    expect(fake.calls()).toEqual([]);
  });
});

describe('idempotent and race-free', () => {
  test('a redelivered merge event (three times) creates one tag and one release', async () => {
    seedPull(fake, scenario());
    seedTag(fake, { tag: 'churn@v1.3.0', commit: PRODUCTION_COMMIT, date: '2025-03-01T00:00:00Z' });
    const probot = await createProbot();
    for (let i = 0; i < 3; i++)
      await deliver(probot, 'pull_request', closedPayload(scenario()), 'same-delivery');
    expect([...fake.refs.keys()].sort()).toEqual(['churn@v1.3.0', 'churn@v1.4.0']);
    expect(fake.releases.map((r) => [r.tag_name, r.draft, r.assets.length])).toEqual([
      ['churn@v1.4.0', false, 3],
    ]);
    expect(fake.comments.get(2)).toHaveLength(1);
    // The second and third deliveries only read: own tag found at the merge commit, release published.
    expect(writes().filter((w) => w.includes('/git/') || w.includes('/releases'))).toHaveLength(7);
  });

  test('interrupted after the tag, before the release: the retry completes it without a second tag', async () => {
    seedPull(fake, scenario());
    seedTag(fake, { tag: 'churn@v1.3.0', commit: PRODUCTION_COMMIT, date: '2025-03-01T00:00:00Z' });
    fake.fail('POST', /\/releases$/);
    const probot = await createProbot();
    await deliver(probot, 'pull_request', closedPayload(scenario()));
    expect([...fake.refs.keys()].sort()).toEqual(['churn@v1.3.0', 'churn@v1.4.0']);
    expect(fake.releases).toEqual([]);
    expect(promotionComment()).toContain('The promotion of **churn** failed');
    await deliver(probot, 'pull_request', closedPayload(scenario()));
    expect([...fake.refs.keys()].sort()).toEqual(['churn@v1.3.0', 'churn@v1.4.0']);
    expect(fake.releases.map((r) => [r.tag_name, r.draft, r.assets.map((a) => a.name)])).toEqual([
      ['churn@v1.4.0', false, ['modelgate-report.json', 'model-card.md', 'signoff-ledger.json']],
    ]);
    expect(fake.tagObjects.size).toBe(2);
    expect(promotionComment()).toContain('promoted as [churn@\u200Dv1.4.0]');
    expect(fake.comments.get(2)).toHaveLength(1);
  });

  test('interrupted after the draft and one asset: the retry finds the draft, uploads the rest, publishes', async () => {
    seedPull(fake, scenario());
    fake.fail('POST', /\/releases\/\d+\/assets$/, 500, 1);
    const probot = await createProbot();
    await deliver(probot, 'pull_request', closedPayload(scenario()));
    expect(fake.releases.map((r) => [r.draft, r.assets.length])).toEqual([[true, 0]]);
    await deliver(probot, 'pull_request', closedPayload(scenario()));
    expect(fake.releases.map((r) => [r.tag_name, r.draft, r.assets.length])).toEqual([
      ['churn@v1.0.0', false, 3],
    ]);
    // The draft was found by listing releases (the by-tag endpoint does not return drafts).
    expect(fake.calls()).toContain('GET /repos/Codertocat/Hello-World/releases');
  });

  test('two pull requests for the same model merged at once get distinct, ordered versions', async () => {
    const a = scenario();
    const b = scenario({ number: 3, head: 'e'.repeat(40), merge: 'f'.repeat(40), runId: 2002 });
    seedPull(fake, a);
    seedPull(fake, b);
    seedTag(fake, { tag: 'churn@v1.3.0', commit: PRODUCTION_COMMIT, date: '2025-03-01T00:00:00Z' });
    // Both read the tags before either creates one: a true race for churn@v1.4.0.
    fake.hold('GET', /\/git\/matching-refs\//, 2);
    const probot = await createProbot();
    await Promise.all([
      deliver(probot, 'pull_request', closedPayload(a)),
      deliver(probot, 'pull_request', closedPayload(b)),
    ]);
    const commits = Object.fromEntries(
      [...fake.refs].map(([tag, ref]) => [tag, fake.tagObjects.get(ref.sha)?.object.sha]),
    );
    expect(Object.keys(commits).sort()).toEqual(['churn@v1.3.0', 'churn@v1.4.0', 'churn@v1.5.0']);
    expect(new Set([commits['churn@v1.4.0'], commits['churn@v1.5.0']])).toEqual(new Set([a.merge, b.merge]));
    expect(fake.calls().filter((c) => c === 'POST /repos/Codertocat/Hello-World/git/refs')).toHaveLength(3);
    expect(fake.releases.map((r) => [r.tag_name, r.draft]).sort()).toEqual([
      ['churn@v1.4.0', false],
      ['churn@v1.5.0', false],
    ]);
    for (const pr of [a, b]) {
      const tag = Object.entries(commits).find(([, commit]) => commit === pr.merge)![0];
      expect(promotionComment(pr.number)).toContain(`promoted as [${tag.replace('@', '@\u200D')}]`);
    }
  });

  test('two models merged at once: each its own tag and release, a first promotion among them', async () => {
    const s = scenario();
    const eu = { ...churnModel('first'), name: 'team/churn-eu' };
    eu.candidate = { ...eu.candidate, path: 'models/churn-eu/model.onnx' };
    seedPull(fake, { ...s, report: passingReport(s, [churnModel('pass'), eu]) }, { secondModel: true });
    seedTag(fake, { tag: 'churn@v1.3.0', commit: PRODUCTION_COMMIT, date: '2025-03-01T00:00:00Z' });
    await deliver(await createProbot(), 'pull_request', closedPayload({ ...s, labels: ['modelgate:patch'] }));
    expect([...fake.refs.keys()].sort()).toEqual(['churn@v1.3.0', 'churn@v1.3.1', 'team/churn-eu@v1.0.0']);
    expect(fake.releases.map((r) => r.tag_name)).toEqual(['churn@v1.3.1', 'team/churn-eu@v1.0.0']);
    const record = parseReleaseRecord(fake.releases[1]!.body)!;
    expect([record.model, record.version, record.artifact.path]).toEqual([
      'team/churn-eu',
      '1.0.0',
      'models/churn-eu/model.onnx',
    ]);
  });
});

describe('failures are explained on the pull request', () => {
  test('GitHub failing while reading the evidence: a comment says so, a redelivery completes the promotion', async () => {
    seedPull(fake, scenario());
    fake.fail('GET', /\/actions\/artifacts\/\d+\/zip$/, 502);
    const probot = await createProbot();
    await deliver(probot, 'pull_request', closedPayload(scenario()));
    expect(fake.refs.size).toBe(0);
    expect(promotionComment()).toContain('The promotion of **all models** failed:');
    expect(promotionComment()).toContain(
      'GitHub API error while downloading the report artifact: 502 status',
    );
    await deliver(probot, 'pull_request', closedPayload(scenario()));
    expect(fake.releases.map((r) => [r.tag_name, r.draft])).toEqual([['churn@v1.0.0', false]]);
    expect(fake.comments.get(2)).toHaveLength(1);
    expect(promotionComment()).toContain('promoted as [churn@\u200Dv1.0.0]');
  });
});

describe('what the tag and release carry', () => {
  test('annotation digests, notes with the hidden record, make_latest false, LFS pointers accepted', async () => {
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${MODEL_SHA}\nsize 16\n`;
    seedPull(fake, scenario({ merged: Buffer.from(pointer) }));
    await deliver(await createProbot(), 'pull_request', closedPayload(scenario()));
    const ref = fake.refs.get('churn@v1.0.0')!;
    const trailers = parseTagTrailers(fake.tagObjects.get(ref.sha)!.message);
    expect(trailers).toMatchObject({
      model: 'churn',
      version: '1.0.0',
      promotion: 'pull/2',
      artifactSha256: MODEL_SHA,
    });
    expect(trailers.reportSha256).toMatch(/^[0-9a-f]{64}$/);
    const release = fake.releases[0]!;
    expect(release.make_latest).toBe('false');
    expect(parseReleaseRecord(release.body)).toMatchObject({
      tag: 'churn@v1.0.0',
      pullRequest: 2,
      verdict: 'pass',
      promotedAt: NOW,
    });
    const ledger = JSON.parse(release.assets.find((a) => a.name === 'signoff-ledger.json')!.content);
    expect(ledger.rules[0].approvers).toEqual([{ login: 'lee', at: '2025-03-14T09:20:00Z', via: 'review' }]);
  });
});
