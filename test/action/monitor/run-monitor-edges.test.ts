/** Monitor mode edges: nothing promoted yet, no token, a tampered baseline, a bad input. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMonitor } from '../../../action/monitor/run-monitor.js';
import { readContext, readInputs } from '../../../action/run/inputs.js';
import { TempRepo } from '../git/temp-repo.js';
import { FakeGitHub } from './fake-github.js';
import {
  buildPromotionReport,
  CONFIG,
  CONFIG_PATH,
  createMonitoredRepo,
  EVAL_DATA,
  MODEL_BYTES,
  population,
  TAG,
} from './monitor-fixture.js';

const cleanup: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const f of cleanup) await f();
});

async function setup(repo: TempRepo, report?: unknown) {
  const github = new FakeGitHub();
  await github.start();
  if (report !== undefined) github.addRelease(TAG, { 'report.json': JSON.stringify(report) });
  const runner = mkdtempSync(path.join(os.tmpdir(), 'modelgate-runner-'));
  cleanup.push(
    () => github.stop(),
    () => repo.remove(),
    () => rmSync(runner, { recursive: true, force: true }),
  );
  const run = async (inputs: Record<string, string> = {}) => {
    const env: NodeJS.ProcessEnv = {
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_REPOSITORY: github.repository,
      GITHUB_RUN_ID: '5',
      GITHUB_API_URL: github.apiUrl,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md'),
      GITHUB_OUTPUT: path.join(runner, 'output.txt'),
      RUNNER_TEMP: runner,
      INPUT_MODE: 'monitor',
      'INPUT_GITHUB-TOKEN': 'ghs_x',
      'INPUT_UPLOAD-ARTIFACT': 'false',
      ...inputs,
    };
    writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
    writeFileSync(env.GITHUB_OUTPUT!, '');
    const log: string[] = [];
    const code = await runMonitor({
      inputs: readInputs(env),
      context: await readContext(env),
      env,
      sleep: async () => {},
      log: (l) => log.push(l),
    });
    return {
      code,
      log,
      summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
      outputs: readFileSync(env.GITHUB_OUTPUT!, 'utf8'),
    };
  };
  return { github, run };
}

test('no promotion tag yet: the model is skipped, no API call is made, the step passes', async () => {
  const repo = TempRepo.create('modelgate-monitor-');
  repo.commit('config', {
    [CONFIG_PATH]: CONFIG,
    'models/churn/model.onnx': MODEL_BYTES,
    'data/churn/eval.csv': EVAL_DATA,
    'data/churn/fresh/2024-05.csv': population({ rows: 300, seed: 3 }),
  });
  const { github, run } = await setup(repo);
  const result = await run();
  expect(result.code).toBe(0);
  expect(github.requests).toEqual([]);
  expect(result.summary).toContain(
    'churn: no promotion tag yet, so there is no production version and no promotion report to compare with',
  );
  expect(result.summary).toContain('upsell: no monitor section in the configuration');
});

test('without a token: monitored and reported, alert issues left alone with a warning', async () => {
  const repo = createMonitoredRepo();
  repo.commit('fresh', { 'data/churn/fresh/2024-05.csv': population({ rows: 800, seed: 4, flip: 0.4 }) });
  const { github, run } = await setup(repo, await buildPromotionReport());
  const result = await run({ 'INPUT_GITHUB-TOKEN': '', INPUT_MODELS: 'churn' });
  expect(result.code).toBe(1);
  expect(result.log).toContain(
    '::warning title=ModelGate monitor::github-token is empty, so alert issues were not created or updated.',
  );
  expect(github.requests.every((r) => r.path.includes('/releases/'))).toBe(true);
  expect(github.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  expect(github.issues).toEqual([]);
  expect(result.outputs).toMatch(/verdict<<\S+\nalert\n/);
});

test('fail-on: never keeps the step green on an alert; the issue is still opened', async () => {
  const repo = createMonitoredRepo();
  repo.commit('fresh', { 'data/churn/fresh/2024-05.csv': population({ rows: 800, seed: 5, flip: 0.4 }) });
  const { github, run } = await setup(repo, await buildPromotionReport());
  const result = await run({ 'INPUT_FAIL-ON': 'never' });
  expect(result.code).toBe(0);
  expect(github.issues).toHaveLength(1);
});

test('a promotion report whose data digest does not match the tagged data: the model errors, clearly', async () => {
  const repo = createMonitoredRepo();
  repo.commit('fresh', { 'data/churn/fresh/2024-05.csv': population({ rows: 800, seed: 6 }) });
  const report = await buildPromotionReport();
  report.models[0]!.data.sha256 = 'f'.repeat(64);
  const { github, run } = await setup(repo, report);
  const result = await run();
  expect(result.code).toBe(1);
  expect(result.log.find((l) => l.startsWith('::error'))).toMatch(
    /^::error title=ModelGate monitor::churn: data\/churn\/eval\.csv at churn@v1\.3\.0 has sha256 [0-9a-f]{12}…, but the promotion was evaluated on data with sha256 ffffffffffff…; drift must compare with the data the promotion was evaluated on\. Set monitor\.reference/,
  );
  expect(github.issues).toEqual([]);
});

test('a release whose report.json is not a report', async () => {
  const repo = createMonitoredRepo();
  repo.commit('fresh', { 'data/churn/fresh/2024-05.csv': population({ rows: 800, seed: 7 }) });
  const { run } = await setup(repo, { hello: 'world' });
  const result = await run();
  expect(result.code).toBe(1);
  // Markdown-escaped in the summary: a zero-width joiner after "@" stops a mention.
  expect(result.summary).toContain(
    'report.json of release churn@\u200Dv1.3.0 is not a valid ModelGate report (schemaVersion 1): schemaVersion',
  );
});

test('an unknown model in the models input fails the run with the configured names', async () => {
  const repo = createMonitoredRepo();
  const { run } = await setup(repo, await buildPromotionReport());
  const result = await run({ INPUT_MODELS: 'fraud' });
  expect(result.code).toBe(1);
  expect(result.log[0]).toBe(
    '::error title=ModelGate monitor::.github/modelgate.yml (models.fraud): model "fraud" is not configured (configured: churn, upsell)',
  );
  expect(result.summary).toContain('## ⛔ ModelGate monitor could not run');
});

test('a release without a report asset names the assets it has', async () => {
  const repo = createMonitoredRepo();
  repo.commit('fresh', { 'data/churn/fresh/2024-05.csv': population({ rows: 800, seed: 8 }) });
  const { github, run } = await setup(repo);
  github.addRelease(TAG, { 'model-card.md': '# churn', 'signoff-ledger.json': '[]' });
  const result = await run();
  expect(result.code).toBe(1);
  expect(result.summary).toContain(
    'The release churn@\u200Dv1.3.0 has no modelgate-report.json asset (assets: model-card.md, signoff-ledger.json).',
  );
});
