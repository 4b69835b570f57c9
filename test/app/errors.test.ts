/**
 * Bad input and a bad day at GitHub: API errors become failing checks with clear messages (no
 * crash), 5xx and rate limits are retried by Octokit's plugins, webhooks without a valid
 * signature are rejected by the server; the health endpoint and structured logs.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { pino } from 'pino';
import { createNodeMiddleware, Probot, ProbotOctokit } from 'probot';
import modelGateApp from '../../app/index.js';
import { passReport } from '../fixtures/reports/report-fixtures.js';
import { expectClean } from './helpers/expect-clean.js';
import {
  APP_ID,
  addRun,
  commentPayload,
  createHarness,
  type Harness,
  HEAD,
  PR,
  PRIVATE_KEY,
  pullRequestPayload,
  reportFor,
  SECRET,
} from './helpers/scenario.js';
import { zipFiles } from './helpers/zip.js';

const EVALUATION = 'ModelGate / evaluation';
const CREATE = 'POST /repos/{owner}/{repo}/check-runs';
const PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
/** The first request of a workflow run event after the configuration: the checks on the pull request's head. */
const LIST_CHECKS = 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs';

let h: Harness;
afterEach(() => {
  expectClean(h);
  h.fake.stop();
});

async function reportRun(id: number) {
  const zip = await zipFiles({ 'report.json': JSON.stringify(reportFor(passReport(), { runId: id })) });
  return addRun(h.fake, { id, zip });
}

test('a 422 on creating a check becomes a failing check with the message and request id', async () => {
  h = await createHarness();
  h.fake.state.failures.push({ route: CREATE, status: 422, times: 1, message: 'Invalid request' });
  await expect(h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'))).resolves.toBeDefined();
  const check = h.fake.check(HEAD, EVALUATION);
  expect(check).toMatchObject({ conclusion: 'failure', output: { title: 'Error: github_api' } });
  expect(check?.output.summary).toContain(
    'GitHub API error while creating the ModelGate / evaluation check: 422 status (Invalid request) (request id F00D:1)',
  );
  expect(check?.output.summary).toContain('/modelgate recheck');
  expect(h.logs.find((l) => l.level === 50)).toMatchObject({
    code: 'github_api',
    event: 'pull_request.opened',
    repo: 'Codertocat/Hello-World',
  });
});

test('a 5xx without retries: a failing check saying what happened, no crash', async () => {
  h = await createHarness();
  await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  h.fake.state.failures.push({ route: LIST_CHECKS, status: 502, times: 1, message: 'Bad Gateway' });
  const calls = await h.deliver('workflow_run', await reportRun(77));
  expect(calls[1]).toMatchObject({ route: LIST_CHECKS, status: 502 });
  expect(h.fake.check(HEAD, EVALUATION)).toMatchObject({
    conclusion: 'failure',
    output: { title: 'Error: github_api' },
  });
  expect(h.fake.check(HEAD, EVALUATION)?.output.summary).toContain('502 status');
});

test('a 5xx is retried by the retry plugin and the event completes', async () => {
  h = await createHarness({ octokit: 'retry' });
  await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  h.fake.state.failures.push({ route: LIST_CHECKS, status: 502, times: 2 });
  const calls = await h.deliver('workflow_run', await reportRun(77));
  expect(calls.filter((c) => c.route === LIST_CHECKS).map((c) => c.status)).toEqual([502, 502, 200]);
  expect(h.fake.check(HEAD, EVALUATION)?.conclusion).toBe('success');
});

test('a rate limit is waited out by the throttling plugin', async () => {
  h = await createHarness({ octokit: 'throttle' });
  await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  h.fake.state.failures.push({
    route: LIST_CHECKS,
    status: 403,
    times: 1,
    message: 'API rate limit exceeded',
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0' },
  });
  const calls = await h.deliver('workflow_run', await reportRun(77));
  expect(calls.filter((c) => c.route === LIST_CHECKS).map((c) => c.status)).toEqual([403, 200]);
  expect(h.fake.check(HEAD, EVALUATION)?.conclusion).toBe('success');
});

test('a pull request that no longer exists (404) is skipped quietly', async () => {
  h = await createHarness();
  h.fake.state.pulls.delete(PR);
  const calls = await h.deliver(
    'issue_comment',
    commentPayload(h.fake, { login: 'alice', body: '/modelgate approve' }),
  );
  // Its ref is gone too (GitHub answers 422), so the pull request itself is asked for.
  expect(calls.map((c) => [c.route, c.status])).toEqual([
    [LIST_CHECKS, 422],
    [PULL, 404],
  ]);
});

test('a configuration error on a comment command fails the sign-off check of the head', async () => {
  h = await createHarness();
  h.fake.state.files.get('master')?.set('.github/modelgate.yml', 'version: 1\nmodels: [oops]\n');
  await h.deliver('issue_comment', commentPayload(h.fake, { login: 'alice', body: '/modelgate approve' }));
  expect(h.fake.check(HEAD, 'ModelGate / sign-off')).toMatchObject({
    conclusion: 'failure',
    output: { title: 'Configuration error' },
  });
  expect(h.fake.check(HEAD, 'ModelGate / sign-off')?.annotations).toEqual([
    expect.objectContaining({ path: '.github/modelgate.yml', start_line: 2 }),
  ]);
});

test('structured logs carry the event, the repository and the decision', async () => {
  h = await createHarness();
  await h.deliver('workflow_run', await reportRun(77));
  expect(h.logs.find((l) => l.msg === 'report verified')).toMatchObject({
    event: 'workflow_run.completed',
    repo: 'Codertocat/Hello-World',
    run: 77,
    pr: PR,
    verdict: 'pass',
    reported: 'pass',
  });
  expect(h.logs.find((l) => l.msg === 'sign-off evaluated')).toMatchObject({ signoff: 'pending', pr: PR });
});

describe('the HTTP server (createNodeMiddleware with the default export)', () => {
  let server: Server;
  let base: string;

  beforeEach(async () => {
    h = await createHarness();
    const probot = new Probot({
      appId: APP_ID,
      privateKey: PRIVATE_KEY,
      secret: SECRET,
      Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({
        ...o,
        retry: { enabled: false },
        throttle: { enabled: false },
      })),
      log: pino({ level: 'silent' }),
    });
    const middleware = await createNodeMiddleware(modelGateApp, { probot });
    server = createServer((req, res) => {
      void middleware(req, res, () => res.writeHead(404).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(async () => {
    nock.disableNetConnect();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (body: string, signature: string) =>
    fetch(`${base}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'issue_comment',
        'x-github-delivery': 'd-1',
        'x-hub-signature-256': signature,
      },
      body,
    });

  test('a webhook with a bad signature is rejected and handled by nothing', async () => {
    const body = JSON.stringify(commentPayload(h.fake, { login: 'alice', body: '/modelgate approve' }));
    const response = await post(
      body,
      `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}`,
    );
    expect(response.status).toBe(400);
    expect(h.fake.calls).toEqual([]);
  });

  test('a correctly signed webhook is accepted (and the App asks GitHub for its id once)', async () => {
    const body = JSON.stringify(commentPayload(h.fake, { login: 'alice', body: 'no command here' }));
    const response = await post(body, `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
    expect(response.status).toBe(200);
    expect(h.fake.routes()).toEqual(['GET /app']);
  });

  test('GET /healthz answers 200 with the version', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});
