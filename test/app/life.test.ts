/**
 * A pull request's life with the App: opened → verified report → two approvals, with the request
 * bodies GitHub receives; redelivery; the sticky comment across pages.
 */
import { COMMENT_MARKER } from '../../shared/render/render-report.js';
import { failReport, passReport } from '../fixtures/reports/report-fixtures.js';
import { expectClean } from './helpers/expect-clean.js';
import {
  addRun,
  addTimeline,
  commentPayload,
  createHarness,
  type Harness,
  HEAD,
  PR,
  pullRequestPayload,
  reportFor,
  reviewPayload,
} from './helpers/scenario.js';
import { zipFiles } from './helpers/zip.js';

const EVALUATION = 'ModelGate / evaluation';
const SIGNOFF = 'ModelGate / sign-off';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => {
  expectClean(h);
  h.fake.stop();
});

async function reportRun(id: number, report = passReport()) {
  const zip = await zipFiles({
    'report.json': JSON.stringify(reportFor(report, { runId: id })),
    'report.md': '# report',
  });
  return addRun(h.fake, { id, zip });
}

test('opened: both checks are created on the head, in progress', async () => {
  const calls = await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  expect(calls.map((c) => c.route)).toEqual([
    'GET /repos/{owner}/{repo}/contents/{path}',
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
    'POST /repos/{owner}/{repo}/check-runs',
    'POST /repos/{owner}/{repo}/check-runs',
  ]);
  expect(calls[0]?.path).toBe('/repos/Codertocat/Hello-World/contents/.github%2Fmodelgate.yml');
  expect(calls[0]?.query.get('ref')).toBe('master');
  expect(calls[2]?.query.get('app_id')).toBe('4242');
  expect(calls[3]?.body).toMatchObject({
    name: EVALUATION,
    head_sha: HEAD,
    status: 'in_progress',
    output: {
      title: 'Waiting for the evaluation report',
      summary: expect.stringContaining('Models changed: churn.'),
    },
  });
  expect(calls[4]?.body).toMatchObject({
    name: SIGNOFF,
    head_sha: HEAD,
    status: 'in_progress',
    output: { title: 'Waiting for the verified evaluation' },
  });
});

test('a pull request that changes no model gets success "no model changed" on both checks', async () => {
  h.fake.state.pulls.get(PR)!.files = ['README.md', 'docs/usage.md'];
  const calls = await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  const created = calls.filter((c) => c.route === 'POST /repos/{owner}/{repo}/check-runs').map((c) => c.body);
  expect(created).toEqual([
    expect.objectContaining({
      name: EVALUATION,
      status: 'completed',
      conclusion: 'success',
      output: expect.objectContaining({ title: 'No model changed' }),
    }),
    expect.objectContaining({
      name: SIGNOFF,
      status: 'completed',
      conclusion: 'success',
      output: expect.objectContaining({ title: 'No model changed' }),
    }),
  ]);
});

test('the whole life: opened → report → ML lead → business owner', async () => {
  await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  // The verified report: evaluation passes, sign-off needs people, one sticky comment.
  const reportCalls = await h.deliver('workflow_run', await reportRun(77));
  const evaluation = h.fake.check(HEAD, EVALUATION);
  expect(evaluation).toMatchObject({
    status: 'completed',
    conclusion: 'success',
    details_url: expect.stringContaining('/actions/runs/77'),
  });
  expect(evaluation?.output.title).toBe('Gate passed: churn');
  expect(evaluation?.output.summary).toContain('Verified report of [workflow run 77]');
  expect(evaluation?.output.text).toContain('churn');
  expect(h.fake.check(HEAD, SIGNOFF)).toMatchObject({
    conclusion: 'action_required',
    output: { title: 'Sign-offs pending' },
  });
  expect(h.fake.check(HEAD, SIGNOFF)?.output.summary).toBe(
    'Waiting for: ML lead review (needs 1 approval from a member of acme/ml-leads); Business owner (needs 1 approval from bob with write permission or higher).',
  );
  const comment = reportCalls.find(
    (c) => c.route === 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  );
  expect(String((comment?.body as { body?: string } | undefined)?.body).startsWith(COMMENT_MARKER)).toBe(
    true,
  );
  expect(comment?.path).toBe('/repos/Codertocat/Hello-World/issues/2/comments');

  // alice (ml-leads) approves by review; bob (business owner) by comment.
  await h.deliver('pull_request_review', reviewPayload(h.fake, { login: 'alice', state: 'APPROVED' }));
  expect(h.fake.check(HEAD, SIGNOFF)?.output.summary).toBe(
    'Waiting for: Business owner (needs 1 approval from bob with write permission or higher).',
  );
  const bobCalls = await h.deliver(
    'issue_comment',
    commentPayload(h.fake, { login: 'bob', body: 'Numbers look right.\n/modelgate approve' }),
  );
  expect(h.fake.check(HEAD, SIGNOFF)).toMatchObject({
    conclusion: 'success',
    output: { title: 'Sign-offs complete' },
  });
  expect(h.fake.check(HEAD, SIGNOFF)?.output.summary).toBe(
    'All sign-offs are in: ML lead review (alice); Business owner (bob).',
  );
  expect(h.fake.check(HEAD, SIGNOFF)?.output.text).toMatch(
    /\| ✅ \| ML lead review \| .* \| alice \(review, /,
  );
  expect(bobCalls.map((c) => c.route)).toContain(
    'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
  );
  // One comment, one set of checks.
  expect(h.fake.appComments(PR)).toHaveLength(1);
  expect(h.fake.state.checkRuns).toHaveLength(2);
});

test('the API calls of the life: every verification made, the head read once per event through refs/pull/N/head', async () => {
  const route = (c: { method: string; path: string; query: URLSearchParams }) =>
    `${c.method} ${decodeURIComponent(c.path).replace('/repos/Codertocat/Hello-World', '')}${c.query.has('ref') ? `@${c.query.get('ref')?.slice(0, 7)}` : ''}`;
  const opened = await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  const report = await h.deliver('workflow_run', await reportRun(77));
  const review = await h.deliver(
    'pull_request_review',
    reviewPayload(h.fake, { login: 'alice', state: 'APPROVED' }),
  );
  const comment = await h.deliver(
    'issue_comment',
    commentPayload(h.fake, { login: 'bob', body: '/modelgate approve' }),
  );
  const checksOf = `GET /commits/${HEAD}/check-runs`;
  expect(opened.map(route)).toEqual([
    'GET /contents/.github/modelgate.yml@master',
    'GET /pulls/2/files',
    checksOf,
    'POST /check-runs',
    'POST /check-runs',
  ]);
  expect(report.map(route)).toEqual([
    'GET /contents/.github/modelgate.yml@master',
    // The pull request's current head and the App's checks on it, in one request.
    'GET /commits/refs/pull/2/head/check-runs',
    'GET /contents/.github/workflows/modelgate.yml@ec26c3e',
    'GET /contents/.github/workflows/modelgate.yml@master',
    'GET /actions/runs/77/artifacts',
    'GET /actions/artifacts/78/zip',
    'PATCH /check-runs/1000',
    'GET /issues/2/timeline',
    'PATCH /check-runs/1001',
    'POST /issues/2/comments',
  ]);
  expect(review.map(route)).toEqual([
    'GET /contents/.github/modelgate.yml@master',
    checksOf,
    'GET /issues/2/timeline',
    'GET /orgs/acme/teams/ml-leads/members',
    'PATCH /check-runs/1001',
  ]);
  // Team members and permissions are looked up again for this event, not remembered.
  expect(comment.map(route)).toEqual([
    'GET /commits/refs/pull/2/head/check-runs',
    'GET /contents/.github/modelgate.yml@master',
    'GET /issues/2/timeline',
    'GET /orgs/acme/teams/ml-leads/members',
    'GET /collaborators/bob/permission',
    'PATCH /check-runs/1001',
  ]);
  expect(opened.length + report.length + review.length + comment.length).toBe(26);
  expect(h.fake.check(HEAD, SIGNOFF)?.conclusion).toBe('success');
  expect(h.fake.check(HEAD, SIGNOFF)?.details_url).toBe('https://github.com/Codertocat/Hello-World/pull/2');
});

test('ready_for_review after a verified report keeps it and only refreshes the sign-off', async () => {
  await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  await h.deliver('workflow_run', await reportRun(77));
  const calls = await h.deliver('pull_request', pullRequestPayload(h.fake, 'ready_for_review'));
  expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  expect(calls.map((c) => c.route)).toContain('GET /repos/{owner}/{repo}/issues/{issue_number}/timeline');
  expect(h.fake.check(HEAD, EVALUATION)?.conclusion).toBe('success');
});

test('redelivery: the same deliveries three times give one comment and one set of checks', async () => {
  const opened = pullRequestPayload(h.fake, 'opened');
  const run = await reportRun(77);
  for (let i = 0; i < 3; i++) await h.deliver('pull_request', opened, 'same-opened');
  for (let i = 0; i < 3; i++) await h.deliver('workflow_run', run, 'same-run');
  expect(h.fake.appComments(PR)).toHaveLength(1);
  expect(h.fake.state.checkRuns.map((c) => c.name).sort()).toEqual([EVALUATION, SIGNOFF]);
  // Redeliveries read, but write nothing new: identical content is not sent again.
  const writes = (i: number) => h.deliveries[i]?.calls.filter((c) => c.method !== 'GET').length;
  expect([writes(1), writes(2), writes(4), writes(5)]).toEqual([0, 0, 0, 0]);
});

test('a newer report updates the sticky comment in place, even when it is pages back', async () => {
  const chatter = (from: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const at = h.fake.tick();
      addTimeline(h.fake, {
        event: 'commented',
        id: from + i,
        body: `chatter ${i}`,
        user: { login: 'dave', type: 'User' },
        created_at: at,
        updated_at: at,
        performed_via_github_app: null,
      });
    }
  };
  chatter(50_000, 150);
  await h.deliver('workflow_run', await reportRun(77));
  const [first] = h.fake.appComments(PR);
  chatter(51_000, 20);
  // A look-alike comment by someone else must not be taken for the App's.
  const at = h.fake.tick();
  addTimeline(h.fake, {
    event: 'commented',
    id: 60_000,
    body: `${COMMENT_MARKER}\nfake`,
    user: { login: 'dave', type: 'User' },
    created_at: at,
    updated_at: at,
    performed_via_github_app: null,
  });
  const calls = await h.deliver('workflow_run', await reportRun(78, failReport()));
  const timelinePages = calls.filter(
    (c) => c.route === 'GET /repos/{owner}/{repo}/issues/{issue_number}/timeline',
  );
  expect(timelinePages.length).toBe(2);
  const update = calls.find((c) => c.route === 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}');
  expect(update?.path).toBe(`/repos/Codertocat/Hello-World/issues/comments/${first?.id}`);
  expect((update?.body as { body?: string } | undefined)?.body).toContain(
    'Verified by ModelGate from [workflow run 78]',
  );
  expect(calls.some((c) => c.route === 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments')).toBe(
    false,
  );
  expect(h.fake.appComments(PR)).toHaveLength(1);
  expect(h.fake.check(HEAD, EVALUATION)).toMatchObject({
    conclusion: 'failure',
    output: { title: 'Gate failed: churn' },
  });
});

test('a huge report fits GitHub limits: the comment (65,536) and the check text (65,535 bytes), details dropped first', async () => {
  const report = passReport();
  const [model] = report.models;
  const entry = model?.groups.gender ? Object.values(model.groups.gender)[0] : undefined;
  if (model === undefined || entry === undefined) throw new Error('fixture changed');
  model.groups.zip_code = Object.fromEntries(
    Array.from({ length: 3000 }, (_, i) => [`zip-${i}-ünïcödé`, entry]),
  );
  await h.deliver('workflow_run', await reportRun(77, report));
  const body = String(h.fake.appComments(PR)[0]?.body);
  expect(body.length).toBeLessThanOrEqual(65_536);
  expect(body).toMatch(/shortened to fit the size limit/);
  expect(body.startsWith(COMMENT_MARKER)).toBe(true);
  const text = h.fake.check(HEAD, EVALUATION)?.output.text ?? '';
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(65_535);
  expect(Buffer.byteLength(h.fake.check(HEAD, EVALUATION)?.output.summary ?? '')).toBeLessThanOrEqual(65_535);
  expect(h.fake.check(HEAD, EVALUATION)?.conclusion).toBe('success');
});
