import nock from 'nock';
import { DASHBOARD_MARKER } from '../../../shared/render/release/build-dashboard-view.js';
import type { FakeGitHub } from './fake-github.js';
import { findUnknownRoutes } from './routes.js';
import {
  APP_ID,
  closedPayload,
  createProbot,
  deliver,
  examplePayload,
  newFake,
  type PullScenario,
  seedPull,
  seedTag,
} from './setup.js';

const PRODUCTION_COMMIT = 'b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0';
const A: PullScenario = {
  number: 2,
  head: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
  merge: 'c4295bd74fb0f4fda03689c3df3f2803b658fd85',
  runId: 1001,
};
const B: PullScenario = { number: 3, head: 'e'.repeat(40), merge: 'f'.repeat(40), runId: 2002 };
const WAITING_HEAD = '9'.repeat(40);

let fake: FakeGitHub;

beforeEach(() => {
  nock.disableNetConnect();
  fake = newFake();
  seedPull(fake, A, { dashboard: true });
  seedPull(fake, B, { dashboard: true });
  seedTag(fake, { tag: 'churn@v1.3.0', commit: PRODUCTION_COMMIT, date: '2025-03-01T00:00:00Z' });
  // An open pull request waiting for sign-off, and an open monitoring alert.
  fake.pulls.push({
    number: 9,
    title: 'Retrain churn again',
    html_url: 'https://github.com/Codertocat/Hello-World/pull/9',
    head: { sha: WAITING_HEAD },
  });
  fake.checkRuns.set(WAITING_HEAD, [
    {
      id: 99,
      name: 'ModelGate / sign-off',
      head_sha: WAITING_HEAD,
      status: 'completed',
      conclusion: 'action_required',
      app: { id: APP_ID },
      output: { title: 'Waiting for: ML lead review', summary: '', text: null },
      pull_requests: [],
    },
  ]);
  fake.issues.push({
    number: 12,
    title: 'churn: ROC AUC degraded',
    body: '<!-- modelgate:monitor:churn -->\nalert',
    state: 'open',
    labels: ['modelgate-monitor'],
    appId: null,
    html_url: 'https://github.com/Codertocat/Hello-World/issues/12',
  });
});

afterEach(() => {
  expect(fake.unknown).toEqual([]);
  expect(findUnknownRoutes(fake.log)).toEqual([]);
  nock.cleanAll();
  nock.enableNetConnect();
});

const dashboards = () => fake.issues.filter((i) => i.body.startsWith(DASHBOARD_MARKER));

test('created once with the first promotion, then updated in place', async () => {
  const probot = await createProbot();
  await deliver(probot, 'pull_request', closedPayload(A));
  expect(dashboards()).toHaveLength(1);
  const issue = dashboards()[0]!;
  expect(issue.labels).toEqual(['modelgate-dashboard']);
  expect(issue.body).toContain('Production: [v1.4.0]');
  expect(issue.body).toContain(
    '[#\u200D12](https://github.com/Codertocat/Hello-World/issues/12) churn: ROC AUC degraded',
  );
  expect(issue.body).toContain(
    '| [#\u200D9](https://github.com/Codertocat/Hello-World/pull/9) Retrain churn again | Waiting for: ML lead review |',
  );
  // The next merge updates the same issue, reading nothing twice.
  const start = fake.log.length;
  await deliver(probot, 'pull_request', closedPayload(B));
  const gets = fake.log
    .slice(start)
    .filter((r) => r.method === 'GET')
    .map((r) => r.url);
  expect(new Set(gets).size).toBe(gets.length);
  expect(dashboards()).toHaveLength(1);
  expect(dashboards()[0]!.number).toBe(issue.number);
  expect(dashboards()[0]!.body).toContain('Production: [v1.5.0]');
  expect(dashboards()[0]!.body).toContain('```mermaid');
  expect(fake.calls().filter((c) => c === 'POST /repos/Codertocat/Hello-World/issues')).toHaveLength(1);
  expect(
    fake.calls().filter((c) => c === `PATCH /repos/Codertocat/Hello-World/issues/${issue.number}`),
  ).toHaveLength(1);
  // A sign-off change elsewhere with nothing new to show writes nothing.
  const before = fake.calls().length;
  const payload = examplePayload('check_run', 'completed');
  payload.installation = { id: 1 };
  Object.assign(payload.check_run, {
    name: 'ModelGate / sign-off',
    app: { ...payload.check_run.app, id: APP_ID },
  });
  await deliver(probot, 'check_run', payload);
  expect(
    fake
      .calls()
      .slice(before)
      .filter((c) => !c.startsWith('GET ')),
  ).toEqual([]);
});

test('two events creating it at the same moment leave one open dashboard', async () => {
  // Both list the dashboards before either has created one.
  fake.hold('GET', /\/issues\?.*labels=modelgate-dashboard/, 2);
  const probot = await createProbot();
  await Promise.all([
    deliver(probot, 'pull_request', closedPayload(A)),
    deliver(probot, 'pull_request', closedPayload(B)),
  ]);
  expect(fake.calls().filter((c) => c === 'POST /repos/Codertocat/Hello-World/issues')).toHaveLength(2);
  const open = dashboards().filter((i) => i.state === 'open');
  expect(open).toHaveLength(1);
  expect(
    fake.issues
      .filter((i) => i.labels.includes('modelgate-dashboard') && i.state === 'closed')
      .every((i) => !i.body.startsWith(DASHBOARD_MARKER)),
  ).toBe(true);
});

test('check runs of other apps or checks do not refresh it', async () => {
  const payload = examplePayload('check_run', 'completed');
  payload.installation = { id: 1 };
  await deliver(await createProbot(), 'check_run', payload);
  expect(fake.calls()).toEqual([]);
});
