/**
 * GitHub API calls the App makes per event type and for a whole pull request life (opened →
 * verified report → two approvals), counted with the simulated GitHub API of the App tests.
 * Installation token creation is excluded (Probot caches the token for an hour); the artifact
 * storage download is counted separately (it is not an API call). Prints JSON lines.
 */

import { repeatedGets } from '../test/app/helpers/expect-clean.js';
import type { Call } from '../test/app/helpers/fake-github.js';
import {
  addRun,
  CONFIG_TEXT,
  commentPayload,
  createHarness,
  DEFAULT_BRANCH,
  type Harness,
  HEAD,
  NEW_HEAD,
  PR,
  pullRequestPayload,
  pushTo,
  reportFor,
  reviewPayload,
} from '../test/app/helpers/scenario.js';
import { zipFiles } from '../test/app/helpers/zip.js';
import { passReport } from '../test/fixtures/reports/report-fixtures.js';

const LIFE_TARGET = 25;

function line(event: string, calls: Call[], extra: Record<string, unknown> = {}): void {
  const gets = calls.filter((c) => c.method === 'GET').length;
  const repeated = repeatedGets(calls).length;
  console.log(
    JSON.stringify({
      bench: 'app-calls',
      event,
      calls: calls.length,
      gets,
      writes: calls.length - gets,
      repeatedGets: repeated,
      ...extra,
    }),
  );
}

async function reportRun(h: Harness, id: number, headSha?: string) {
  const report = reportFor(passReport(), { runId: id, ...(headSha ? { headSha } : {}) });
  const zip = await zipFiles({ 'report.json': JSON.stringify(report), 'report.md': '# report' });
  return addRun(h.fake, { id, zip, ...(headSha ? { headSha } : {}) });
}

async function life(): Promise<void> {
  const h = await createHarness();
  const steps: [string, Call[]][] = [];
  steps.push(['pull_request.opened', await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'))]);
  steps.push(['workflow_run.completed', await h.deliver('workflow_run', await reportRun(h, 77))]);
  steps.push([
    'pull_request_review.submitted',
    await h.deliver('pull_request_review', reviewPayload(h.fake, { login: 'alice', state: 'APPROVED' })),
  ]);
  steps.push([
    'issue_comment.created (approve)',
    await h.deliver('issue_comment', commentPayload(h.fake, { login: 'bob', body: '/modelgate approve' })),
  ]);
  for (const [event, calls] of steps) line(event, calls, { scenario: 'life' });
  const all = steps.flatMap(([, calls]) => calls);
  const signoff = h.fake.check(HEAD, 'ModelGate / sign-off')?.conclusion;
  console.log(
    JSON.stringify({
      bench: 'app-calls',
      scenario: 'life: opened → report → two approvals (one model, PRODUCT.md policy)',
      calls: all.length,
      target: LIFE_TARGET,
      withinTarget: all.length <= LIFE_TARGET,
      artifactDownloads: h.fake.blobDownloads.length,
      signoff,
      maxRepeatedGetsInOneEvent: Math.max(...steps.map(([, calls]) => repeatedGets(calls).length)),
    }),
  );
  h.fake.stop();
}

async function others(): Promise<void> {
  const h = await createHarness();
  await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  await h.deliver('workflow_run', await reportRun(h, 77));
  line('pull_request.synchronize', await h.deliver('pull_request', pushTo(h.fake, NEW_HEAD)));
  line(
    'workflow_run.completed (stale head, rejected)',
    await h.deliver('workflow_run', await reportRun(h, 78, HEAD)),
  );
  line(
    'workflow_run.completed (other workflow, no report)',
    await h.deliver(
      'workflow_run',
      addRun(h.fake, { id: 90, path: '.github/workflows/ci.yml', headSha: NEW_HEAD, zip: null }),
    ),
  );
  line(
    'issue_comment.created (recheck)',
    await h.deliver('issue_comment', commentPayload(h.fake, { login: 'alice', body: '/modelgate recheck' })),
  );
  line(
    'issue_comment.created (no command)',
    await h.deliver('issue_comment', commentPayload(h.fake, { login: 'alice', body: 'LGTM' })),
  );
  h.fake.stop();
  const g = await createHarness();
  g.fake.state.pulls.get(PR)!.files = ['README.md'];
  line(
    'pull_request.opened (no model changed)',
    await g.deliver('pull_request', pullRequestPayload(g.fake, 'opened')),
  );
  g.fake.stop();
  const t = await createHarness({ config: `${CONFIG_TEXT}templates: .github/modelgate\n` });
  t.fake.state.files.get(DEFAULT_BRANCH)?.set('.github/modelgate/report.hbs', '{{marker}}\n# {{verdict}}\n');
  await t.deliver('pull_request', pullRequestPayload(t.fake, 'opened'));
  line(
    'workflow_run.completed (templates: set, one override)',
    await t.deliver('workflow_run', await reportRun(t, 77)),
  );
  t.fake.stop();
}

await life();
await others();
