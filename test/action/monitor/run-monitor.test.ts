/**
 * Monitor mode end to end: a real temporary git repository with a promotion tag, the runner's
 * GITHUB_* environment, and a simulated GitHub API (releases, assets, labels, issues) on
 * 127.0.0.1. The scenarios run in order against one repository and one issue tracker, as
 * successive scheduled runs would: healthy → degraded (issue created) → degraded again (same issue
 * updated) → healthy again (closed) → drift on one feature only (reopened) → too little data →
 * missing baseline release.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMonitor } from '../../../action/monitor/run-monitor.js';
import { readContext, readInputs } from '../../../action/run/inputs.js';
import { monitorReportSchema } from '../../../shared/monitor/schema.js';
import type { TempRepo } from '../git/temp-repo.js';
import { FakeGitHub } from './fake-github.js';
import { buildPromotionReport, createMonitoredRepo, population, TAG } from './monitor-fixture.js';

const TOKEN = 'ghs_monitor_test_token';
let repo: TempRepo;
let github: FakeGitHub;
let runner: string;

beforeAll(async () => {
  repo = createMonitoredRepo();
  github = new FakeGitHub();
  await github.start();
  github.addRelease(TAG, {
    'modelgate-report.json': JSON.stringify(await buildPromotionReport()),
    'model-card.md': '# churn',
  });
  runner = mkdtempSync(path.join(os.tmpdir(), 'modelgate-runner-'));
});

afterAll(async () => {
  await github.stop();
  repo.remove();
  rmSync(runner, { recursive: true, force: true });
});

interface Run {
  code: number;
  log: string[];
  summary: string;
  outputs: string;
  report: ReturnType<typeof monitorReportSchema.parse>;
  since: number;
}

let runNumber = 0;

/** Commits a fresh monthly extract and runs monitor mode as a scheduled workflow would. */
async function monitorRun(
  month: string,
  csv: string | null,
  extra: Record<string, string> = {},
): Promise<Run> {
  if (csv !== null) repo.commit(`fresh data ${month}`, { [`data/churn/fresh/${month}.csv`]: csv });
  runNumber++;
  const dir = mkdtempSync(path.join(runner, 'run-'));
  const env: NodeJS.ProcessEnv = {
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_RUN_ID: String(1000 + runNumber),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: github.apiUrl,
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_SHA: repo.git('rev-parse', 'HEAD'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_OUTPUT: path.join(dir, 'output.txt'),
    RUNNER_TEMP: dir,
    INPUT_MODE: 'monitor',
    'INPUT_GITHUB-TOKEN': TOKEN,
    'INPUT_UPLOAD-ARTIFACT': 'false',
    ...extra,
  };
  writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
  writeFileSync(env.GITHUB_OUTPUT!, '');
  const since = github.requests.length;
  const log: string[] = [];
  const code = await runMonitor({
    inputs: readInputs(env),
    context: await readContext(env),
    env,
    sleep: async () => {},
    now: () => new Date(`2024-${month.slice(5)}-03T06:00:00.000Z`),
    log: (line) => log.push(line),
  });
  const outputs = readFileSync(env.GITHUB_OUTPUT!, 'utf8');
  const reportPath = /report-path<<(\S+)\n(.*)\n/.exec(outputs)?.[2];
  const report = monitorReportSchema.parse(JSON.parse(readFileSync(reportPath!, 'utf8')));
  return { code, log, summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'), outputs, report, since };
}

const churn = (run: Run) => run.report.models.find((m) => m.name === 'churn')!;

describe('monitor mode with a simulated GitHub', () => {
  test('healthy run: metrics hold, nothing drifted, no issue', async () => {
    const run = await monitorRun('2024-05', population({ rows: 1500, seed: 11 }));
    expect(run.code).toBe(0);
    const model = churn(run);
    expect(model.status).toBe('healthy');
    expect(model.production).toMatchObject({ tag: TAG, version: '1.3.0', path: 'models/churn/model.onnx' });
    expect(model.data).toMatchObject({ path: 'data/churn/fresh/2024-05.csv', rows: 1500 });
    expect(model.reference).toMatchObject({ path: 'data/churn/eval.csv', rows: 2000, source: 'promotion' });
    expect(model.checks.map((c) => [c.id, c.status])).toEqual([
      ['monitor.roc_auc.max_degradation', 'pass'],
      ['monitor.accuracy.max_degradation_relative', 'pass'],
      ['monitor.demographic_parity_difference.region.max_increase', expect.stringMatching(/^(pass|warn)$/)],
      ['monitor.features.max_share_drifted', 'pass'],
      ['monitor.prediction_drift', 'pass'],
      ['monitor.label_drift', 'pass'],
    ]);
    expect(model.drift!.features.columns.map((c) => [c.column, c.status])).toEqual([
      ['x1', 'stable'],
      ['x2', 'stable'],
      ['x3', 'stable'],
    ]);
    // The model without a monitor section is named, not silently dropped.
    expect(run.report.skipped).toEqual([
      { name: 'upsell', reason: 'no monitor section in the configuration' },
    ]);
    // One release lookup, one asset download, one listing: nothing written.
    expect(github.calls(run.since)).toEqual([
      `GET /repos/acme/models/releases/tags/${encodeURIComponent(TAG)}`,
      expect.stringMatching(/^GET \/repos\/acme\/models\/releases\/assets\/\d+$/),
      'GET /repos/acme/models/issues',
    ]);
    expect(github.issues).toHaveLength(0);
    expect(run.outputs).toContain('verdict<<');
    expect(run.outputs).toMatch(/verdict<<\S+\nhealthy\n/);
    expect(run.summary).toContain('ModelGate monitor: healthy');
  });

  test('the token goes to the API only, never to the storage host the asset download redirects to', () => {
    expect(github.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(github.downloads.length).toBeGreaterThan(0);
    expect(github.downloads.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  test('degraded run: an alert issue is created, with its label, title and tables', async () => {
    const run = await monitorRun('2024-06', population({ rows: 1500, seed: 12, flip: 0.3 }));
    expect(run.code).toBe(1);
    const model = churn(run);
    expect(model.status).toBe('alert');
    const auc = model.checks.find((c) => c.id === 'monitor.roc_auc.max_degradation')!;
    expect(auc.status).toBe('fail');
    expect(auc.message).toMatch(
      /^ROC AUC fell by 0\.\d+ \(from 0\.\d+ to 0\.\d+\); at most 0\.050 is allowed\./,
    );
    expect(github.calls(run.since).slice(3)).toEqual([
      'POST /repos/acme/models/labels',
      'POST /repos/acme/models/issues',
    ]);
    expect(github.issues).toHaveLength(1);
    const issue = github.issues[0]!;
    const [before, after] = [
      model.metrics.find((m) => m.metric === 'roc_auc')!.baseline!.value!,
      model.metrics.find((m) => m.metric === 'roc_auc')!.current!.value!,
    ];
    expect(issue.title).toMatch(
      new RegExp(`^churn@v1\\.3\\.0: roc_auc degraded ${before.toFixed(3)} → ${after.toFixed(3)}`),
    );
    expect(issue.labels).toEqual([{ name: 'modelgate-monitor' }]);
    expect(issue.body.split('\n')[0]).toBe('<!-- modelgate:monitor:churn -->');
    expect(issue.body).toContain('**Monitoring alert.**');
    expect(issue.body).toContain('| ROC AUC |');
    expect(issue.body).toContain('<!-- modelgate:history {"v":1,"runs":[{"at":"2024-06-03T06:00:00.000Z"');
    expect(run.log).toContain(`churn: ${model.headline}; opening an alert issue. (#1)`);
    expect(run.outputs).toContain('"action":"create","issue":1');
  });

  test('degraded again: the same issue is updated in place, its history and trend chart grown', async () => {
    const run = await monitorRun('2024-07', population({ rows: 1500, seed: 13, flip: 0.35 }));
    expect(run.code).toBe(1);
    expect(github.calls(run.since).slice(3)).toEqual(['PATCH /repos/acme/models/issues/1']);
    expect(github.issues).toHaveLength(1);
    const issue = github.issues[0]!;
    expect(issue.state).toBe('open');
    expect(issue.body).toContain('```mermaid\nxychart-beta');
    expect(issue.body).toMatch(/x-axis \["2024-06-03", "2024-07-03"\]/);
    expect(issue.body.match(/"at":"/g)).toHaveLength(2);
  });

  test('healthy again: the issue is closed as completed, its body saying so', async () => {
    const run = await monitorRun('2024-08', population({ rows: 1500, seed: 14 }));
    expect(run.code).toBe(0);
    expect(churn(run).status).toBe('healthy');
    const patch = github.requests.slice(run.since).find((r) => r.method === 'PATCH')!;
    expect(patch.path).toBe('/repos/acme/models/issues/1');
    expect(patch.body).toMatchObject({ state: 'closed', state_reason: 'completed' });
    const issue = github.issues[0]!;
    expect(issue.state).toBe('closed');
    expect(issue.body).toContain('**Resolved.**');
    expect(issue.body.match(/"at":"/g)).toHaveLength(3);
  });

  test('drift on one feature only: x3 drifted, metrics held, the closed issue is reopened', async () => {
    const run = await monitorRun('2024-09', population({ rows: 1500, seed: 15, shiftX3: 0.8 }));
    expect(run.code).toBe(1);
    const model = churn(run);
    expect(model.drift!.features.columns.map((c) => [c.column, c.status])).toEqual([
      ['x1', 'stable'],
      ['x2', 'stable'],
      ['x3', 'drifted'],
    ]);
    expect(model.drift!.features).toMatchObject({ judged: 3, drifted: 1, status: 'drifted' });
    expect(model.drift!.features.columns[2]!.exceeded).toEqual(['psi', 'ks']);
    expect(model.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([
      'monitor.features.max_share_drifted',
    ]);
    expect(model.drift!.predictions!.status).toBe('stable');
    expect(github.issues).toHaveLength(1);
    const issue = github.issues[0]!;
    expect(issue.state).toBe('open');
    expect(issue.title).toBe('churn@v1.3.0: feature drift in 1 of 3 features');
    expect(issue.body).toMatch(
      /\| x3 \| numeric \| [\d.]+ \| [\d.]+ \| — \| — \| < 0\.001 \| mean [-\d.]+ → [\d.]+ \| 🔴 drifted \(PSI, KS\) \|/,
    );
    expect(issue.body).toContain('1 of 3 features drifted (33.3%): x3; more than 30% raises an alert.');
  });

  test('too little data: no judgement, the open alert records the run and stays open', async () => {
    const run = await monitorRun('2024-10', population({ rows: 120, seed: 16, flip: 0.5 }));
    expect(run.code).toBe(0);
    const model = churn(run);
    expect(model.status).toBe('insufficient_data');
    expect(model.checks.every((c) => c.status === 'insufficient')).toBe(true);
    expect(model.checks[0]!.message).toBe(
      'Too little data to judge: the fresh data has 120 rows; at least 200 are needed (monitor.min_rows).',
    );
    const issue = github.issues[0]!;
    expect(issue.state).toBe('open');
    expect(issue.title).toBe('churn@v1.3.0: feature drift in 1 of 3 features');
    expect(issue.body).toContain('**Still open.** The run of 2024-10-03 had too little fresh data to judge');
    expect(run.summary).toContain('too little data to judge');
  });

  test('missing baseline release: a clear message, the step fails, issues are left alone', async () => {
    github.releases.delete(TAG);
    const run = await monitorRun('2024-11', null);
    expect(run.code).toBe(1);
    const model = churn(run);
    expect(model.status).toBe('error');
    expect(model.error!.code).toBe('baseline_missing');
    expect(model.error!.message).toContain(`No release for the promotion tag ${TAG} in acme/models`);
    expect(
      run.log.some((l) =>
        l.startsWith('::error title=ModelGate monitor::churn: No release for the promotion tag'),
      ),
    ).toBe(true);
    expect(run.summary).toContain('No release for the promotion tag');
    expect(github.calls(run.since)).toEqual([
      `GET /repos/acme/models/releases/tags/${encodeURIComponent(TAG)}`,
    ]);
  });
});
