import { createHash } from 'node:crypto';
import nock from 'nock';
import { parseReleaseRecord, renderReleaseRecord } from '../../../shared/promotion/release-record.js';
import { parseTagTrailers } from '../../../shared/promotion/tag-annotation.js';
import type { FakeGitHub } from './fake-github.js';
import { findUnknownRoutes } from './routes.js';
import {
  configYaml,
  createProbot,
  deliver,
  examplePayload,
  newFake,
  type Payload,
  passingReport,
  seedTag,
} from './setup.js';

const ISSUE = 51;
const C13 = '1313131313131313131313131313131313131313';
const C14 = '1414141414141414141414141414141414141414';
const OLD_BYTES = Buffer.from('the model of v1.3.0');
const NEW_BYTES = Buffer.from('the model of v1.4.0');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let fake: FakeGitHub;
let commentId = 8000;

/** A published ModelGate promotion release with its record and report asset. */
function seedRelease(input: {
  version: string;
  commit: string;
  bytes: Buffer;
  pr: number;
  date: string;
}): void {
  const tag = `churn@v${input.version}`;
  seedTag(fake, { tag, commit: input.commit, date: input.date });
  fake.files.set(`${input.commit}:models/churn/model.onnx`, input.bytes);
  const report = passingReport({ number: input.pr, head: input.commit, runId: input.pr * 100 });
  report.models[0]!.candidate.sha256 = sha256(input.bytes);
  const record = {
    v: 1 as const,
    model: 'churn',
    version: input.version,
    tag,
    kind: 'merge' as const,
    commit: input.commit,
    pullRequest: input.pr,
    rollbackOf: null,
    artifact: { path: 'models/churn/model.onnx', sha256: sha256(input.bytes) },
    evaluationDigest: 'd'.repeat(64),
    verdict: 'pass' as const,
    fairness: 'pass' as const,
    regressed: false,
    primaryMetric: 'roc_auc',
    primary: { value: 0.851, ci: [0.842, 0.86] as [number, number] },
    promotedAt: input.date,
  };
  fake.releases.push({
    id: fake.releases.length + 1,
    tag_name: tag,
    name: `churn v${input.version}`,
    body: `## churn v${input.version}\n${renderReleaseRecord(record)}\n`,
    draft: false,
    make_latest: 'false',
    created_at: input.date,
    published_at: input.date,
    assets: [
      {
        id: 600 + fake.releases.length,
        name: 'modelgate-report.json',
        state: 'uploaded',
        content_type: 'application/json',
        content: JSON.stringify(report),
      },
    ],
  });
}

/** A comment on the issue, and the real `issue_comment.created` payload announcing it. */
function comment(login: string, body: string, at: string): Payload {
  const id = commentId++;
  fake.comments.set(ISSUE, [
    ...(fake.comments.get(ISSUE) ?? []),
    { id, body, login, type: 'User', appId: null, created_at: at, updated_at: at },
  ]);
  const payload = examplePayload('issue_comment', 'created', 3);
  payload.issue.number = ISSUE;
  Object.assign(payload.comment, {
    id,
    body,
    created_at: at,
    updated_at: at,
    performed_via_github_app: null,
  });
  payload.comment.user = { ...payload.comment.user, login, type: 'User' };
  return payload;
}

function status(): string | undefined {
  return fake.comments.get(ISSUE)?.find((c) => c.appId !== null)?.body;
}

beforeEach(() => {
  nock.disableNetConnect();
  commentId = 8000;
  fake = newFake(() => '2025-04-02T08:30:00Z');
  fake.files.set('master:.github/modelgate.yml', configYaml());
  fake.teams.set('codertocat/ml-leads', ['lee']);
  fake.permissions.set('erin', 'write');
  fake.permissions.set('rita', 'read');
  seedRelease({ version: '1.3.0', commit: C13, bytes: OLD_BYTES, pr: 10, date: '2025-02-01T00:00:00Z' });
  seedRelease({ version: '1.4.0', commit: C14, bytes: NEW_BYTES, pr: 11, date: '2025-03-01T00:00:00Z' });
});

afterEach(() => {
  expect(fake.unknown).toEqual([]);
  expect(findUnknownRoutes(fake.log)).toEqual([]);
  nock.cleanAll();
  nock.enableNetConnect();
});

test('allowed: requested by a writer, signed off by an ML lead, re-promoted as a new version', async () => {
  const probot = await createProbot('2025-04-02T08:30:00Z');
  // 1. The request: the rule needs an ML lead; the requester cannot sign off their own rollback.
  await deliver(
    probot,
    'issue_comment',
    comment('erin', '/modelgate rollback churn 1.3.0 AUC dropped in production', '2025-04-02T08:00:00Z'),
  );
  expect(fake.refs.has('churn@v1.5.0')).toBe(false);
  expect(status()).toContain('<!-- modelgate:rollback 8000 pending -->');
  expect(status()).toContain('ML lead review: Needs 1 approval from a member of codertocat/ml-leads.');
  // 2. The approval: the rollback is carried out.
  const approval = comment('lee', '/modelgate approve', '2025-04-02T08:10:00Z');
  await deliver(probot, 'issue_comment', approval);
  const ref = fake.refs.get('churn@v1.5.0')!;
  const tagObject = fake.tagObjects.get(ref.sha)!;
  expect(tagObject.object.sha).toBe(C13);
  expect(parseTagTrailers(tagObject.message)).toMatchObject({
    promotion: 'rollback/8000',
    rollbackOf: 'churn@v1.3.0',
    artifactSha256: sha256(OLD_BYTES),
  });
  const release = fake.releases.find((r) => r.tag_name === 'churn@v1.5.0')!;
  expect(release.draft).toBe(false);
  expect(release.body).toContain('Reason: AUC dropped in production');
  expect(parseReleaseRecord(release.body)).toMatchObject({
    kind: 'rollback',
    rollbackOf: 'churn@v1.3.0',
    commit: C13,
    pullRequest: null,
  });
  const ledger = JSON.parse(release.assets.find((a) => a.name === 'signoff-ledger.json')!.content);
  expect(ledger.promotion).toMatchObject({
    kind: 'rollback',
    requester: 'erin',
    reason: 'AUC dropped in production',
    issue: ISSUE,
  });
  expect(ledger.rules[0].approvers).toEqual([{ login: 'lee', at: '2025-04-02T08:10:00Z', via: 'comment' }]);
  // 3. One status comment, updated in place.
  expect(fake.comments.get(ISSUE)!.filter((c) => c.appId !== null)).toHaveLength(1);
  expect(status()).toContain('<!-- modelgate:rollback 8000 done -->');
  expect(status()).toContain(
    '[churn@\u200Dv1.5.0](https://github.com/Codertocat/Hello-World/releases/tag/churn%40v1.5.0)',
  );
  // 4. Redelivered approval: nothing more.
  const before = fake.calls().length;
  await deliver(probot, 'issue_comment', approval);
  expect(
    fake
      .calls()
      .slice(before)
      .filter((c) => !c.startsWith('GET ')),
  ).toEqual([]);
  expect(fake.releases).toHaveLength(3);
});

test('refused: the requester has only read permission', async () => {
  await deliver(
    await createProbot(),
    'issue_comment',
    comment('rita', '/modelgate rollback churn 1.3.0 please', '2025-04-02T08:00:00Z'),
  );
  expect(status()).toContain('<!-- modelgate:rollback 8000 refused -->');
  expect(status()).toContain(
    'rita has read permission; asking for a rollback needs write permission or higher.',
  );
  expect(fake.calls().filter((c) => c.includes('/git/') && !c.startsWith('GET '))).toEqual([]);
  // An approval afterwards does not revive a refused request.
  await deliver(
    await createProbot(),
    'issue_comment',
    comment('lee', '/modelgate approve', '2025-04-02T08:10:00Z'),
  );
  expect(fake.refs.size).toBe(2);
});

test.each([
  [
    'a version that does not exist',
    'churn 9.9.9',
    'churn has no version 9.9.9: there is no tag churn@\u200Dv9.9.9.',
  ],
  [
    'the current production version',
    'churn 1.4.0',
    'churn@\u200Dv1.4.0 is already the production version of churn.',
  ],
  ['a model that is not configured', 'fraud 1.0.0', 'fraud is not a model configured on master.'],
])('refused: %s', async (_name, args, message) => {
  await deliver(
    await createProbot(),
    'issue_comment',
    comment('erin', `/modelgate rollback ${args} reason`, '2025-04-02T08:00:00Z'),
  );
  expect(status()).toContain('refused -->');
  expect(status()).toContain(message);
  expect(fake.refs.size).toBe(2);
});

test('refused: the artifact at the earlier commit is no longer the recorded one', async () => {
  fake.files.set(`${C13}:models/churn/model.onnx`, Buffer.from('rewritten history'));
  fake.permissions.set('lee', 'write');
  await deliver(
    await createProbot(),
    'issue_comment',
    comment('erin', '/modelgate rollback churn 1.3.0 drift', '2025-04-02T08:00:00Z'),
  );
  await deliver(
    await createProbot(),
    'issue_comment',
    comment('lee', '/modelgate approve', '2025-04-02T08:10:00Z'),
  );
  expect(status()).toContain('refused -->');
  expect(status()).toContain('a later commit or the merge changed it');
  expect(fake.refs.size).toBe(2);
});

test('comments that are not commands, or by bots, cost no API call beyond the token', async () => {
  await deliver(
    await createProbot(),
    'issue_comment',
    comment('erin', 'Looks good to me', '2025-04-02T08:00:00Z'),
  );
  const payload = comment('ci[bot]', '/modelgate rollback churn 1.3.0 x', '2025-04-02T08:01:00Z');
  payload.comment.user.type = 'Bot';
  await deliver(await createProbot(), 'issue_comment', payload);
  expect(fake.calls()).toEqual([]);
});
