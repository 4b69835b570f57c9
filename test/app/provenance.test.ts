/**
 * Security scenarios of report ingestion: a report is trusted only from the current head, an
 * allowed and unmodified workflow, a well-formed artifact, and for the commit it claims; its
 * verdict is recomputed with the default branch's thresholds.
 */
import { decodeFacts, encodeFacts, type HeadFacts } from '../../app/core/facts-marker.js';
import type { Report } from '../../shared/report/schema.js';
import { failReport, passReport } from '../fixtures/reports/report-fixtures.js';
import { expectClean } from './helpers/expect-clean.js';
import {
  addRun,
  createHarness,
  type Harness,
  HEAD,
  type Json,
  NEW_HEAD,
  PR,
  pullRequestPayload,
  pushTo,
  reportFor,
  WORKFLOW,
} from './helpers/scenario.js';
import { craftZip, zipFiles } from './helpers/zip.js';

const EVALUATION = 'ModelGate / evaluation';
const SIGNOFF = 'ModelGate / sign-off';
const DOWNLOAD = 'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
});
afterEach(() => {
  expectClean(h);
  h.fake.stop();
});

const zipOf = (report: Report | string) =>
  zipFiles({ 'report.json': typeof report === 'string' ? report : JSON.stringify(report) });

function expectRejected(sha: string, reason: RegExp): void {
  const check = h.fake.check(sha, EVALUATION);
  expect(check).toMatchObject({
    status: 'completed',
    conclusion: 'failure',
    output: { title: 'Report rejected' },
  });
  expect(check?.output.summary).toMatch(reason);
  expect(h.fake.appComments(PR)).toHaveLength(0);
}

test('a report from a run on an older head is rejected on that commit; the new head keeps waiting', async () => {
  await h.deliver('pull_request', pushTo(h.fake, NEW_HEAD));
  await h.deliver(
    'workflow_run',
    addRun(h.fake, { id: 77, headSha: HEAD, zip: await zipOf(reportFor(passReport(), { runId: 77 })) }),
  );
  expectRejected(HEAD, /evaluated ec26c3e, but the pull request's head is now 1111111/);
  expect(h.fake.check(NEW_HEAD, EVALUATION)).toMatchObject({ status: 'in_progress' });
  expect(h.fake.callsTo(DOWNLOAD)).toHaveLength(0);
});

test('a report from an older head is rejected when the App missed the push: the pull request itself names the head', async () => {
  pushTo(h.fake, NEW_HEAD); // pushed, but the synchronize event never reached the App
  const calls = await h.deliver(
    'workflow_run',
    addRun(h.fake, { id: 77, headSha: HEAD, zip: await zipOf(reportFor(passReport(), { runId: 77 })) }),
  );
  // refs/pull/2/head is the new head, where the App has no check: the pull request is read.
  expect(calls.slice(1, 3).map((c) => [c.route, c.path.split('/').slice(-2).join('/')])).toEqual([
    ['GET /repos/{owner}/{repo}/commits/{ref}/check-runs', 'refs%2Fpull%2F2%2Fhead/check-runs'],
    ['GET /repos/{owner}/{repo}/pulls/{pull_number}', 'pulls/2'],
  ]);
  expectRejected(HEAD, /evaluated ec26c3e, but the pull request's head is now 1111111/);
  expect(h.fake.callsTo(DOWNLOAD)).toHaveLength(0);
});

test.each([
  ['without the author (written by an earlier version)', (f: HeadFacts) => ({ ...f, author: undefined })],
  ['of another pull request with the same head', (f: HeadFacts) => ({ ...f, pr: 99 })],
])('facts on the head %s do not vouch for it: the pull request is read', async (_name, change) => {
  const check = h.fake.state.checkRuns.find((c) => c.name === EVALUATION && c.head_sha === HEAD)!;
  const facts = decodeFacts(check.output.summary);
  expect(facts).toMatchObject({ pr: PR, author: 'Codertocat', head: HEAD });
  const summary = String(check.output.summary);
  check.output.summary = `${summary.slice(0, summary.lastIndexOf('<!-- modelgate:facts:'))}${encodeFacts(change(facts!))}`;
  const calls = await h.deliver(
    'workflow_run',
    addRun(h.fake, { id: 77, zip: await zipOf(reportFor(passReport(), { runId: 77 })) }),
  );
  expect(calls.map((c) => c.route)).toContain('GET /repos/{owner}/{repo}/pulls/{pull_number}');
  expect(h.fake.check(HEAD, EVALUATION)).toMatchObject({ conclusion: 'success' });
});

test('a report from a workflow file that is not allowed is rejected; other workflows are ignored', async () => {
  const report = await zipOf(reportFor(passReport(), { runId: 77 }));
  const ci = await h.deliver(
    'workflow_run',
    addRun(h.fake, { id: 70, path: '.github/workflows/ci.yml', zip: null }),
  );
  expect(ci.filter((c) => c.method !== 'GET')).toEqual([]);
  await h.deliver(
    'workflow_run',
    addRun(h.fake, { id: 77, path: '.github/workflows/evil.yml', zip: report }),
  );
  expectRejected(
    HEAD,
    /workflow \.github\/workflows\/evil\.yml, which is not listed in policy\.workflows on master/,
  );
  expect(h.fake.callsTo(DOWNLOAD)).toHaveLength(0);
  expect(h.fake.check(HEAD, SIGNOFF)).toMatchObject({
    status: 'in_progress',
    output: { title: 'Waiting for the verified evaluation' },
  });
});

test('a pull request that edits the workflow file cannot vouch for its own report', async () => {
  h.fake.state.files
    .get(HEAD)
    ?.set(
      WORKFLOW,
      'name: ModelGate\non: pull_request\njobs: { fake: { runs-on: ubuntu-latest, steps: [ { run: "echo pass" } ] } }\n',
    );
  await h.deliver(
    'workflow_run',
    addRun(h.fake, { id: 77, zip: await zipOf(reportFor(passReport(), { runId: 77 })) }),
  );
  expectRejected(
    HEAD,
    /differs from master\. For pull requests GitHub runs the pull request's own copy of the workflow/,
  );
  expect(h.fake.callsTo(DOWNLOAD)).toHaveLength(0);
});

test('a report claiming another head commit is rejected', async () => {
  const report = reportFor(passReport(), { runId: 77, headSha: 'deadbeef'.repeat(5) });
  await h.deliver('workflow_run', addRun(h.fake, { id: 77, zip: await zipOf(report) }));
  expectRejected(HEAD, /claims head commit deadbee, but the workflow run evaluated ec26c3e/);
});

test.each([
  ['another repository', { repository: 'octo-org/octo-repo' }, /for the repository octo-org\/octo-repo/],
  ['another pull request', { pullRequest: 9 }, /for pull request #\u200d?9, not #\u200d?2/],
  [
    'another workflow run',
    { workflowRun: { id: 5 } },
    /written by workflow run 5, but it was found in run 77/,
  ],
  ['monitor mode', { mode: 'monitor' as const }, /monitor mode/],
])('a report for %s is rejected', async (_name, override, reason) => {
  const report = { ...reportFor(passReport(), { runId: 77 }), ...override };
  await h.deliver('workflow_run', addRun(h.fake, { id: 77, zip: await zipOf(report) }));
  expectRejected(HEAD, reason);
});

test.each<[string, () => Promise<Buffer> | Buffer, RegExp]>([
  ['not a zip', () => Buffer.from('PK? definitely not a zip archive'), /not a zip archive/],
  ['invalid JSON', () => zipOf('{"schemaVersion": 1,'), /report\.json is not valid JSON/],
  [
    'another schema version',
    () => zipOf('{"schemaVersion": 2}'),
    /schemaVersion 2; this App reads version 1/,
  ],
  [
    'schema violations',
    () => zipOf(JSON.stringify({ ...reportFor(passReport(), { runId: 77 }), verdict: 'great' })),
    /does not match the report schema: verdict:/,
  ],
  ['no report.json', () => zipFiles({ 'summary.md': '# hi' }), /has no report\.json at its top level/],
  [
    'path traversal',
    () => craftZip([{ name: '../report.json', data: Buffer.from('{}') }]),
    /the entry name &quot;\.\.\/report\.json&quot; is not a plain relative path/,
  ],
  [
    'an absolute path',
    () => craftZip([{ name: '/etc/report.json', data: Buffer.from('{}') }]),
    /not a plain relative path/,
  ],
  [
    'a zip bomb',
    () => craftZip([{ name: 'report.json', data: Buffer.alloc(8 * 1024 * 1024, 32) }]),
    /implausible compression ratio \(zip bomb\)/,
  ],
  [
    'an entry larger than the limit',
    () => craftZip([{ name: 'report.json', data: Buffer.from('{}'), declaredSize: 40 * 1024 * 1024 }]),
    /expands to 41943040 bytes; at most 33554432 are accepted/,
  ],
  [
    'a lying size',
    () => craftZip([{ name: 'report.json', data: Buffer.alloc(5000, 32), declaredSize: 100 }]),
    /could not be inflated|declared size/,
  ],
])('a malformed artifact (%s) is rejected with a failing check', async (_name, make, reason) => {
  await h.deliver('workflow_run', addRun(h.fake, { id: 77, zip: await make() }));
  expectRejected(HEAD, reason);
});

test('an oversized artifact is rejected before it is downloaded', async () => {
  const payload = addRun(h.fake, { id: 77, zip: await zipOf(reportFor(passReport(), { runId: 77 })) });
  h.fake.state.artifacts[0]!.size_in_bytes = 50 * 1024 * 1024;
  await h.deliver('workflow_run', payload);
  expectRejected(HEAD, /the artifact is 52428800 bytes; at most 10485760 are accepted/);
  expect(h.fake.callsTo(DOWNLOAD)).toHaveLength(0);
});

test('a run without the report artifact fails the evaluation check', async () => {
  await h.deliver('workflow_run', addRun(h.fake, { id: 77, zip: null, conclusion: 'failure' }));
  expectRejected(HEAD, /Workflow run 77 finished \(failure\) without a modelgate-report artifact/);
});

test('a report that passes under loosened thresholds fails under the default branch thresholds', async () => {
  // What a PR that loosens its gates produces: the fail numbers, every check marked pass.
  const loosened = failReport();
  loosened.verdict = 'pass';
  loosened.models = loosened.models.map((m) => ({
    ...m,
    verdict: 'pass',
    checks: m.checks.map((c) => ({ ...c, status: 'pass' as const })),
  }));
  h.fake.state.files.get(HEAD)?.set('.github/modelgate.yml', 'version: 1\nmodels: {}\n');
  await h.deliver(
    'workflow_run',
    addRun(h.fake, { id: 77, zip: await zipOf(reportFor(loosened, { runId: 77 })) }),
  );
  const check = h.fake.check(HEAD, EVALUATION);
  expect(check).toMatchObject({ conclusion: 'failure', output: { title: 'Gate failed: churn' } });
  expect(check?.output.text).toMatch(/❌/);
  const [comment] = h.fake.appComments(PR);
  expect(String(comment?.body)).toMatch(/failed/);
});

test('a model the default branch does not configure gets no trusted verdict', async () => {
  const report = reportFor(passReport(), { runId: 77 });
  report.models = report.models.map((m) => ({ ...m, name: 'newmodel' }));
  await h.deliver('workflow_run', addRun(h.fake, { id: 77, zip: await zipOf(report) }));
  const check = h.fake.check(HEAD, EVALUATION);
  expect(check).toMatchObject({
    conclusion: 'failure',
    output: { title: 'Gate could not be decided: newmodel' },
  });
  expect(check?.output.text).toMatch(/not configured on the default branch/);
});

test('a fork pull request (no pull_requests in the run) is resolved from its head', async () => {
  const pull = h.fake.state.pulls.get(PR) as Json;
  pull.head = {
    ...pull.head,
    repo: { ...pull.head.repo, owner: { ...pull.head.repo.owner, login: 'forker' } },
  };
  const payload = addRun(h.fake, {
    id: 77,
    pullNumber: null,
    zip: await zipOf(reportFor(passReport(), { runId: 77 })),
  });
  payload.workflow_run.head_repository = {
    ...payload.workflow_run.head_repository,
    owner: { login: 'forker' },
  };
  const calls = await h.deliver('workflow_run', payload);
  const list = calls.find((c) => c.route === 'GET /repos/{owner}/{repo}/pulls');
  expect(list?.query.get('head')).toBe('forker:changes');
  expect(h.fake.check(HEAD, EVALUATION)).toMatchObject({ conclusion: 'success' });
});

test('a rejection stands when the pull request is reopened or marked ready; a closed pull request is ignored', async () => {
  h.fake.state.files.get(HEAD)?.set(WORKFLOW, 'name: changed\n');
  await h.deliver(
    'workflow_run',
    addRun(h.fake, { id: 77, zip: await zipOf(reportFor(passReport(), { runId: 77 })) }),
  );
  const calls = await h.deliver('pull_request', pullRequestPayload(h.fake, 'ready_for_review'));
  expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  expectRejected(HEAD, /differs from master/);
  // The run still lists it, but GitHub no longer lists it with the checks: the pull request is read.
  (h.fake.state.pulls.get(PR) as Json).state = 'closed';
  const closed = await h.deliver(
    'workflow_run',
    addRun(h.fake, { id: 78, zip: await zipOf(reportFor(passReport(), { runId: 78 })) }),
  );
  expect(closed.filter((c) => c.method !== 'GET')).toEqual([]);
  expect(closed.map((c) => c.route)).toContain('GET /repos/{owner}/{repo}/pulls/{pull_number}');
});

test('runs that are not for a pull request are ignored without a call', async () => {
  const calls = await h.deliver('workflow_run', addRun(h.fake, { id: 77, event: 'push', zip: null }));
  expect(calls).toEqual([]);
});
