/**
 * The classic Probot test style, without the simulation: every request the App must make is one
 * nock expectation with its exact path, query and body, and none may be left pending.
 */
import nock from 'nock';
import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { createModelGateApp } from '../../app/index.js';
import { APP_ID, CONFIG_TEXT, example, HEAD, PR, PRIVATE_KEY, SECRET } from './helpers/scenario.js';

const REPO = '/repos/Codertocat/Hello-World';

test('opened: exactly these requests, with these bodies', async () => {
  nock.disableNetConnect();
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    secret: SECRET,
    log: pino({ level: 'silent' }),
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({
      ...o,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
  await probot.load(createModelGateApp({ appId: APP_ID }), {
    cwd: process.cwd(),
    addHandler: () => undefined,
  });
  const payload = example('pull_request', 'opened');
  const scope = nock('https://api.github.com')
    .post(`/app/installations/${payload.installation.id}/access_tokens`)
    .reply(201, { token: 'ghs_test', permissions: {} })
    .get(`${REPO}/contents/.github%2Fmodelgate.yml`)
    .query({ ref: 'master' })
    .reply(200, CONFIG_TEXT, { 'content-type': 'text/plain; charset=utf-8' })
    .get(`${REPO}/pulls/${PR}/files`)
    .query({ per_page: 100 })
    .reply(200, [{ filename: 'data/churn/eval.csv', status: 'modified' }])
    .get(`${REPO}/commits/${HEAD}/check-runs`)
    .query({ app_id: APP_ID, filter: 'latest', per_page: 100 })
    .reply(200, { total_count: 0, check_runs: [] })
    .post(`${REPO}/check-runs`, (body) => {
      expect(body).toMatchObject({
        name: 'ModelGate / evaluation',
        head_sha: HEAD,
        status: 'in_progress',
        output: {
          title: 'Waiting for the evaluation report',
          summary: expect.stringContaining('Models changed: churn.'),
        },
      });
      return true;
    })
    .reply(201, { id: 1 })
    .post(`${REPO}/check-runs`, (body) => {
      expect(body).toMatchObject({
        name: 'ModelGate / sign-off',
        head_sha: HEAD,
        status: 'in_progress',
        details_url: payload.pull_request.html_url,
      });
      return true;
    })
    .reply(201, { id: 2 });
  await probot.receive({ id: 'd-1', name: 'pull_request', payload } as Parameters<Probot['receive']>[0]);
  expect(scope.pendingMocks()).toEqual([]);
  expect(nock.isDone()).toBe(true);
  nock.cleanAll();
});
