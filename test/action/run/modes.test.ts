/**
 * The built Action's step result (`fail-on`) and its scale-out modes: `plan` (the matrix of
 * changed models) and `merge` (the matrix jobs' partial reports into one report).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Report } from '../../../shared/report/schema.js';
import type { TempRepo } from '../git/temp-repo.js';
import { type ActionBuild, buildAction } from './action-bundle.js';
import {
  artifactPath,
  buildConfig,
  CHURN,
  CONFIG_PATH,
  type ConfigDoc,
  createChurnRepo,
  openPullRequest,
  passingGates,
} from './churn-repo.js';
import { type ActionRun, type RunOptions, runAction, visibleText } from './run-action.js';

let build: ActionBuild;
const cleanup: string[] = [];

beforeAll(async () => {
  build = await buildAction();
  cleanup.push(build.dir);
}, 120_000);

afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

function track(repo: TempRepo): TempRepo {
  cleanup.push(repo.dir);
  return repo;
}

async function run(options: RunOptions): Promise<ActionRun> {
  const result = await runAction(build, {
    ...options,
    inputs: { 'upload-artifact': 'false', ...options.inputs },
  });
  cleanup.push(result.runnerDir);
  return result;
}

/** A new model gated on comparisons only: on its first promotion every check is skipped. */
function comparisonsOnly(doc: ConfigDoc): void {
  passingGates(doc);
  const model = doc.models.upsell;
  model.gates = { accuracy: { max_regression: 0.02 } };
  delete model.operational;
}

/** A pull request whose gate verdict is `verdict`. */
function pullRequestWithVerdict(verdict: 'fail' | 'inconclusive' | 'error') {
  if (verdict === 'inconclusive') {
    const repo = track(createChurnRepo({ config: buildConfig({ edit: (doc) => passingGates(doc) }) }));
    const config = buildConfig({ models: ['churn', 'upsell'], edit: comparisonsOnly });
    return {
      repo,
      pr: openPullRequest(repo, { [CONFIG_PATH]: config, [artifactPath('upsell')]: CHURN.candidate }),
    };
  }
  const repo = track(createChurnRepo());
  const files =
    verdict === 'fail' ? { [artifactPath('churn')]: CHURN.candidate } : { [CONFIG_PATH]: 'version: 2\n' };
  return { repo, pr: openPullRequest(repo, files) };
}

test.each([
  { verdict: 'fail', failOn: 'fail', code: 1 },
  { verdict: 'fail', failOn: 'inconclusive', code: 1 },
  { verdict: 'fail', failOn: 'never', code: 0 },
  { verdict: 'inconclusive', failOn: 'fail', code: 0 },
  { verdict: 'inconclusive', failOn: 'inconclusive', code: 1 },
  { verdict: 'inconclusive', failOn: 'never', code: 0 },
  { verdict: 'error', failOn: 'never', code: 1 },
] as const)('verdict $verdict with fail-on: $failOn exits $code', async ({ verdict, failOn, code }) => {
  const { repo, pr } = pullRequestWithVerdict(verdict);

  const result = await run({ workspace: repo.dir, pullRequest: pr, inputs: { 'fail-on': failOn } });

  expect(result.outputs.verdict).toBe(verdict);
  expect(result.report!.verdict).toBe(verdict);
  expect(result.code).toBe(code);
});

test('an unknown fail-on value is an error naming the input and the allowed values', async () => {
  const { repo, pr } = pullRequestWithVerdict('fail');

  const result = await run({ workspace: repo.dir, pullRequest: pr, inputs: { 'fail-on': 'sometimes' } });

  expect(result.code).toBe(1);
  expect(result.stdout).toContain(
    '::error title=ModelGate::Input "fail-on" must be one of fail, inconclusive, never; got "sometimes".',
  );
});

test('mode plan outputs the changed models as a matrix and evaluates nothing', async () => {
  const repo = track(createChurnRepo({ models: ['churn', 'upsell', 'retention'] }));
  const pr = openPullRequest(repo, {
    [artifactPath('upsell')]: CHURN.candidate,
    [artifactPath('churn')]: CHURN.candidate,
  });

  const result = await run({ workspace: repo.dir, pullRequest: pr, inputs: { mode: 'plan' } });

  expect(result.code).toBe(0);
  expect(JSON.parse(result.outputs.matrix!)).toEqual({ model: ['churn', 'upsell'] });
  expect(result.outputs['models-evaluated']).toBe('churn,upsell');
  expect(result.outputs['report-path']).toBeUndefined();
  expect(existsSync(path.join(result.runnerTemp, 'modelgate-report'))).toBe(false);
  const summary = visibleText(result.summary);
  expect(summary).toContain('ModelGate plan');
  expect(summary).toContain('`churn`: artifact models/churn/model.onnx changed');
  expect(summary).toContain('`upsell`: artifact models/upsell/model.onnx changed');
  expect(summary).not.toContain('retention');
});

test('mode plan on a PR changing no model outputs an empty matrix', async () => {
  const repo = track(createChurnRepo({ models: ['churn', 'upsell'] }));
  const pr = openPullRequest(repo, { 'README.md': '# Models\n' });

  const result = await run({ workspace: repo.dir, pullRequest: pr, inputs: { mode: 'plan' } });

  expect(result.code).toBe(0);
  expect(JSON.parse(result.outputs.matrix!)).toEqual({ model: [] });
  expect(result.outputs['models-evaluated']).toBe('');
  expect(result.summary).toContain('No model changed.');
});

test('working-directory points the step at a checkout below the workspace', async () => {
  const source = track(createChurnRepo({ models: ['churn', 'upsell'] }));
  const pr = openPullRequest(source, { [artifactPath('upsell')]: CHURN.candidate });
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'modelgate-workspace-'));
  cleanup.push(workspace);
  execFileSync('git', ['clone', '-q', `file://${source.dir}`, path.join(workspace, 'models-repo')]);

  const result = await run({
    workspace,
    pullRequest: pr,
    inputs: { 'working-directory': 'models-repo', mode: 'plan' },
  });

  expect(result.code).toBe(0);
  expect(JSON.parse(result.outputs.matrix!)).toEqual({ model: ['upsell'] });
});

describe('mode merge', () => {
  let repo: TempRepo;
  let pr: ReturnType<typeof openPullRequest>;
  const partials: Record<string, ActionRun> = {};

  beforeAll(async () => {
    // churn passes (passing gates); upsell keeps the demo's fairness thresholds and fails them.
    const config = buildConfig({
      models: ['churn', 'upsell'],
      edit: (doc) => passingGates(doc, ['churn']),
    });
    repo = track(createChurnRepo({ models: ['churn', 'upsell'], config }));
    pr = openPullRequest(repo, {
      [artifactPath('churn')]: CHURN.candidate,
      [artifactPath('upsell')]: CHURN.candidate,
    });
    // The matrix jobs, one model each.
    for (const model of ['churn', 'upsell'])
      partials[model] = await run({ workspace: repo.dir, pullRequest: pr, inputs: { models: model } });
  }, 60_000);

  /** Lays the partial reports out as actions/download-artifact does: one folder per artifact. */
  function download(folder: string, reports: Record<string, Report>): void {
    for (const [model, report] of Object.entries(reports)) {
      const dir = path.join(repo.dir, folder, `modelgate-report-${model}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report));
    }
  }

  test('each matrix job writes a partial report of its model', () => {
    expect(partials.churn!.outputs['report-path']).toBe(
      path.join(partials.churn!.runnerTemp, 'modelgate-report-churn', 'report.json'),
    );
    expect(partials.churn!.report!.models.map((m) => m.name)).toEqual(['churn']);
    expect(partials.churn!.report!.skipped).toEqual([
      { name: 'upsell', reason: 'not selected for this job' },
    ]);
    expect(partials.churn!.report!.verdict).toBe('pass');
    expect(partials.upsell!.report!.verdict).toBe('fail');
  });

  test('combines the partial reports into one report with the worst verdict', async () => {
    const folder = path.join(repo.dir, 'modelgate-partial');
    for (const [model, partial] of Object.entries(partials))
      cpSync(path.dirname(partial.outputs['report-path']!), path.join(folder, `modelgate-report-${model}`), {
        recursive: true,
      });

    const result = await run({ workspace: repo.dir, pullRequest: pr, inputs: { mode: 'merge' } });

    const report = result.report!;
    expect(result.outputs['report-path']).toBe(
      path.join(result.runnerTemp, 'modelgate-report', 'report.json'),
    );
    expect(report.models.map((m) => [m.name, m.verdict])).toEqual([
      ['churn', 'pass'],
      ['upsell', 'fail'],
    ]);
    expect(report).toMatchObject({ verdict: 'fail', skipped: [], error: null, pullRequest: pr.number });
    expect(report.head!.sha).toBe(pr.head);
    expect(result.outputs).toMatchObject({ verdict: 'fail', 'models-evaluated': 'churn,upsell' });
    expect(result.code).toBe(1);
    const summary = visibleText(result.summary);
    expect(summary).toContain('churn: passed');
    expect(summary).toContain('upsell: failed');
  });

  test('refuses a partial report of another commit', async () => {
    const stale = structuredClone(partials.upsell!.report!);
    stale.head = { ref: 'retrain', sha: 'f'.repeat(40) };
    download('stale-partials', { churn: partials.churn!.report!, upsell: stale });

    const result = await run({
      workspace: repo.dir,
      pullRequest: pr,
      inputs: { mode: 'merge', 'partial-reports': 'stale-partials' },
    });

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error title=ModelGate::.*modelgate-report-upsell\/report\.json.*belongs to another run/m,
    );
    expect(result.report).toMatchObject({ verdict: 'error', models: [] });
    expect(readFileSync(result.outputs['report-path']!, 'utf8')).toContain('belongs to another run');
  });
});
