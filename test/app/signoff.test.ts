/**
 * Sign-off security scenarios end to end: who counts, content-bound approvals, commands that
 * cannot be forged, revocation, dismissal, failed lookups, rechecks.
 */
import type { Report } from '../../shared/report/schema.js';
import { passReport } from '../fixtures/reports/report-fixtures.js';
import { expectClean } from './helpers/expect-clean.js';
import {
  APP_ID,
  addRun,
  commentPayload,
  createHarness,
  example,
  type Harness,
  HEAD,
  NEW_HEAD,
  PR,
  pullRequestPayload,
  pushTo,
  reportFor,
  reviewPayload,
} from './helpers/scenario.js';
import { zipFiles } from './helpers/zip.js';

const EVALUATION = 'ModelGate / evaluation';
const SIGNOFF = 'ModelGate / sign-off';

let h: Harness;

async function verifiedReport(id: number, headSha = HEAD, change: (r: Report) => Report = (r) => r) {
  const report = change(reportFor(passReport(), { runId: id, headSha }));
  await h.deliver(
    'workflow_run',
    addRun(h.fake, { id, headSha, zip: await zipFiles({ 'report.json': JSON.stringify(report) }) }),
  );
}

const signoff = (sha = HEAD) => h.fake.check(sha, SIGNOFF);
const rule = (name: string, sha = HEAD) =>
  signoff(sha)
    ?.output.text?.split('\n')
    .find((row) => row.includes(`| ${name} |`)) ?? '';

beforeEach(async () => {
  h = await createHarness();
  await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  await verifiedReport(77);
});
afterEach(() => {
  expectClean(h);
  h.fake.stop();
});

test('the author cannot approve their own change', async () => {
  h.fake.state.teams.set('acme/ml-leads', ['alice', 'codertocat']);
  await h.deliver('pull_request_review', reviewPayload(h.fake, { login: 'Codertocat', state: 'APPROVED' }));
  expect(rule('ML lead review')).toMatch(/^\| ⏳ /);
  expect(signoff()?.output.text).toContain(
    'Codertocat for ML lead review: Does not count: the author of the pull request cannot sign off their own change.',
  );
});

test('an approval given before a model-changing push does not count; after a docs-only push it does', async () => {
  await h.deliver('pull_request_review', reviewPayload(h.fake, { login: 'alice', state: 'APPROVED' }));
  expect(rule('ML lead review')).toMatch(/^\| ✅ /);
  // A push that changes the model: new digest.
  await h.deliver('pull_request', pushTo(h.fake, NEW_HEAD));
  expect(signoff(NEW_HEAD)).toMatchObject({
    status: 'in_progress',
    output: { title: 'Waiting for the verified evaluation' },
  });
  await verifiedReport(78, NEW_HEAD, (r) => ({
    ...r,
    models: r.models.map((m) => ({ ...m, evaluationDigest: 'e'.repeat(64) })),
  }));
  expect(rule('ML lead review', NEW_HEAD)).toMatch(/^\| ⏳ /);
  expect(signoff(NEW_HEAD)?.output.text).toContain(
    'alice for ML lead review: Does not count: it was given before churn changed',
  );
  // A docs-only push: same digest as NEW_HEAD; alice approves again at NEW_HEAD, then docs change.
  await h.deliver('pull_request_review', reviewPayload(h.fake, { login: 'alice', state: 'APPROVED' }));
  const DOCS = '2222222222222222222222222222222222222222';
  await h.deliver('pull_request', pushTo(h.fake, DOCS));
  await verifiedReport(79, DOCS, (r) => ({
    ...r,
    models: r.models.map((m) => ({ ...m, evaluationDigest: 'e'.repeat(64) })),
  }));
  expect(rule('ML lead review', DOCS)).toMatch(/^\| ✅ .*alice/);
});

test('a comment approval is bound to the head at the time it was written', async () => {
  await h.deliver('issue_comment', commentPayload(h.fake, { login: 'alice', body: '/modelgate approve' }));
  expect(rule('ML lead review')).toMatch(/^\| ✅ .*alice \(comment/);
  await h.deliver('pull_request', pushTo(h.fake, NEW_HEAD));
  await verifiedReport(78, NEW_HEAD, (r) => ({
    ...r,
    models: r.models.map((m) => ({ ...m, evaluationDigest: 'e'.repeat(64) })),
  }));
  expect(rule('ML lead review', NEW_HEAD)).toMatch(/^\| ⏳ /);
});

test('a reviewer who is not in the required team does not count', async () => {
  await h.deliver('pull_request_review', reviewPayload(h.fake, { login: 'dave', state: 'APPROVED' }));
  expect(rule('ML lead review')).toMatch(/^\| ⏳ /);
  expect(signoff()?.output.text).toContain(
    'dave for ML lead review: Does not count: they are not a member of acme/ml-leads.',
  );
});

test("a bot's approval never counts, by review or by comment", async () => {
  h.fake.state.teams.set('acme/ml-leads', ['alice', 'helper[bot]']);
  await h.deliver(
    'pull_request_review',
    reviewPayload(h.fake, { login: 'helper[bot]', state: 'APPROVED', type: 'Bot' }),
  );
  await h.deliver(
    'issue_comment',
    commentPayload(h.fake, { login: 'helper[bot]', body: '/modelgate approve', type: 'Bot' }),
  );
  expect(rule('ML lead review')).toMatch(/^\| ⏳ /);
  expect(signoff()?.output.text).toContain(
    'helper\\[bot\\] for ML lead review: Does not count: approvals by bots never count.',
  );
});

test('a comment edited into an approval command does not approve', async () => {
  const created = h.fake.tick();
  const payload = commentPayload(h.fake, {
    login: 'bob',
    body: '/modelgate approve',
    action: 'edited',
    at: created,
    editedAt: h.fake.tick(),
    previousBody: 'Looks fine',
  });
  await h.deliver('issue_comment', payload);
  expect(rule('Business owner')).toMatch(/^\| ⏳ /);
  expect(signoff()?.conclusion).toBe('action_required');
});

test('editing an approval comment withdraws it', async () => {
  await h.deliver('issue_comment', commentPayload(h.fake, { login: 'bob', body: '/modelgate approve' }));
  expect(rule('Business owner')).toMatch(/^\| ✅ /);
  const item = h.fake.state.timeline
    .get(PR)
    ?.find((i) => i.event === 'commented' && i.body === '/modelgate approve');
  item!.updated_at = h.fake.tick();
  item!.body = '/modelgate approve (typo fixed)';
  const payload = example('issue_comment', 'edited');
  payload.issue = { ...payload.issue, number: PR, pull_request: { url: 'x' }, user: { login: 'Codertocat' } };
  payload.comment = { ...payload.comment, body: item!.body, user: { ...payload.comment.user, login: 'bob' } };
  payload.changes = { body: { from: '/modelgate approve' } };
  await h.deliver('issue_comment', payload);
  expect(rule('Business owner')).toMatch(/^\| ⏳ /);
});

test('/modelgate revoke withdraws an approval; a dismissed review does not count', async () => {
  await h.deliver('pull_request_review', reviewPayload(h.fake, { login: 'alice', state: 'APPROVED' }));
  expect(rule('ML lead review')).toMatch(/^\| ✅ /);
  await h.deliver('issue_comment', commentPayload(h.fake, { login: 'alice', body: '/modelgate revoke' }));
  expect(rule('ML lead review')).toMatch(/^\| ⏳ /);
  await h.deliver('pull_request_review', reviewPayload(h.fake, { login: 'carol', state: 'APPROVED' }));
  expect(rule('ML lead review')).toMatch(/^\| ✅ .*carol/);
  const review = h.fake.state.timeline
    .get(PR)
    ?.find((i) => i.event === 'reviewed' && (i.user as { login: string }).login === 'carol');
  review!.state = 'dismissed';
  await h.deliver('pull_request_review', {
    ...reviewPayload(h.fake, { login: 'carol', state: 'DISMISSED' }),
    action: 'dismissed',
  });
  expect(rule('ML lead review')).toMatch(/^\| ⏳ /);
});

test('/modelgate approve <rule> approves that rule only', async () => {
  h.fake.state.teams.set('acme/ml-leads', ['alice', 'bob']);
  await h.deliver(
    'issue_comment',
    commentPayload(h.fake, { login: 'bob', body: '/modelgate approve business owner' }),
  );
  expect(rule('Business owner')).toMatch(/^\| ✅ .*bob/);
  expect(rule('ML lead review')).toMatch(/^\| ⏳ /);
});

test('a team that cannot be looked up gives a sign-off error that says so', async () => {
  h.fake.state.teams.set('acme/ml-leads', 403);
  await h.deliver('pull_request_review', reviewPayload(h.fake, { login: 'alice', state: 'APPROVED' }));
  expect(signoff()).toMatchObject({ conclusion: 'failure', output: { title: 'Sign-off error' } });
  expect(signoff()?.output.summary).toContain('alice: the members of acme/ml-leads could not be looked up.');
});

test('/modelgate recheck verifies the newest run again; from a stranger it is ignored', async () => {
  const before = h.fake.calls.length;
  await h.deliver(
    'issue_comment',
    commentPayload(h.fake, { login: 'stranger', body: '/modelgate recheck', association: 'NONE' }),
  );
  expect(h.fake.calls.length).toBe(before);
  const calls = await h.deliver(
    'issue_comment',
    commentPayload(h.fake, { login: 'alice', body: '/modelgate recheck' }),
  );
  expect(calls.map((c) => c.route)).toContain(
    'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
  );
  expect(h.fake.check(HEAD, EVALUATION)?.conclusion).toBe('success');
});

test('a re-requested check re-verifies its pull request; checks of other apps are ignored', async () => {
  const evaluation = h.fake.check(HEAD, EVALUATION)!;
  const payload = example('check_run', 'rerequested');
  const base = pullRequestPayload(h.fake, 'opened');
  payload.repository = base.repository;
  payload.installation = base.installation;
  payload.check_run = {
    ...payload.check_run,
    id: evaluation.id,
    head_sha: HEAD,
    app: { ...payload.check_run.app, id: 1 },
    output: { ...evaluation.output },
  };
  expect(await h.deliver('check_run', payload)).toEqual([]);
  payload.check_run.app.id = APP_ID;
  const calls = await h.deliver('check_run', payload);
  expect(calls.map((c) => c.route).slice(0, 3)).toEqual([
    'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    'GET /repos/{owner}/{repo}/contents/{path}',
    'GET /repos/{owner}/{repo}/actions/runs',
  ]);
  expect(calls.find((c) => c.route === 'GET /repos/{owner}/{repo}/pulls/{pull_number}')?.path).toBe(
    `/repos/Codertocat/Hello-World/pulls/${PR}`,
  );
});
