/**
 * The built Action on bad input: each failure is one `::error` line with a clear message, the
 * details in the job summary, and an `error` report still written (the App never waits for one).
 */
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
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

/** A configuration edit pointing the churn model's artifact at `to`. */
function moveArtifact(to: string): (doc: ConfigDoc) => void {
  return (doc) => {
    doc.models.churn.artifact = to;
  };
}

/** The `::error` workflow commands the step printed. */
function errorLines(result: ActionRun): string[] {
  return result.stdout.split('\n').filter((line) => line.startsWith('::error'));
}

/**
 * Exit 1, verdict `error` with the error `code` in the report (the run's error, or the one model's
 * when the failure belongs to a model), and the summary saying the gate could not be decided.
 * @returns the report's error message.
 */
function expectErrorReport(result: ActionRun, code: string): string {
  expect(result.code).toBe(1);
  expect(result.outputs.verdict).toBe('error');
  const report = result.report!;
  expect(report.verdict).toBe('error');
  const errors = [report.error, ...report.models.map((m) => m.error)].filter((e) => e);
  expect(errors.map((e) => e!.code)).toEqual([code]);
  expect(existsSync(result.outputs['report-path']!)).toBe(true);
  expect(visibleText(result.summary)).toContain('could not be decided');
  return errors[0]!.message;
}

/** The one `::error` line the step printed (its message). */
function errorLine(result: ActionRun): string {
  const lines = errorLines(result);
  expect(lines).toHaveLength(1);
  return lines[0]!.replace(/^::error title=ModelGate::/, '');
}

test('an invalid configuration fails with its file, line, column and key path', async () => {
  const repo = track(createChurnRepo());
  const config = buildConfig().replace('min: 0.78', 'min: high');
  const lines = config.split('\n');
  const line = lines.findIndex((l) => l.includes('min: high'));
  const column = lines[line]!.indexOf('high') + 1;
  const pr = openPullRequest(repo, { [CONFIG_PATH]: config });

  const result = await run({ workspace: repo.dir, pullRequest: pr });

  const message = expectErrorReport(result, 'config_invalid');
  expect(message).toBe(
    `${CONFIG_PATH}@${pr.head.slice(0, 7)}:${line + 1}:${column} (models.churn.gates.roc_auc.min): expected a number, got text "high"`,
  );
  expect(visibleText(result.summary)).toContain(`:${line + 1}:${column} (models.churn.gates.roc\\_auc.min)`);
  expect(errorLine(result)).toBe(message);
});

test('a configuration with several problems is still one error line, each problem in the summary', async () => {
  const repo = track(createChurnRepo());
  const config = buildConfig().replace('min: 0.78', 'min: high').replace('runner: onnx', 'runer: onnx');
  const pr = openPullRequest(repo, { [CONFIG_PATH]: config });

  const result = await run({ workspace: repo.dir, pullRequest: pr });

  expectErrorReport(result, 'config_invalid');
  const summary = visibleText(result.summary);
  expect(summary).toContain('roc\\_auc.min');
  expect(summary).toContain('runer');
  const line = errorLine(result);
  expect(line).toContain('models.churn.gates.roc_auc.min');
  expect(line).toContain('(models.churn.runer): unknown key "runer"; did you mean "runner"?');
});

test('a missing configuration file names the path and the commit', async () => {
  const repo = track(createChurnRepo());
  const pr = openPullRequest(repo, { [artifactPath('churn')]: CHURN.candidate });

  const result = await run({
    workspace: repo.dir,
    pullRequest: pr,
    inputs: { config: '.github/missing.yml' },
  });

  const message = expectErrorReport(result, 'config_invalid');
  expect(message).toBe(
    `.github/missing.yml: configuration file not found at the head commit ${pr.head.slice(0, 7)}`,
  );
  expect(errorLine(result)).toBe(message);
});

test('a model path climbing out of the repository is rejected at its key', async () => {
  const repo = track(createChurnRepo());
  const config = buildConfig({ edit: moveArtifact('../outside/model.onnx') });
  const pr = openPullRequest(repo, { [CONFIG_PATH]: config });

  const result = await run({ workspace: repo.dir, pullRequest: pr });

  const message = expectErrorReport(result, 'config_invalid');
  expect(message).toMatch(/\(models\.churn\.artifact\): "\.\.\/outside\/model\.onnx" escapes the repository/);
  expect(errorLine(result)).toBe(message);
});

test('a model path that is a symbolic link out of the checkout is rejected', async () => {
  const repo = track(createChurnRepo());
  symlinkSync('/etc/hostname', path.join(repo.dir, 'models/churn/link.onnx'));
  const config = buildConfig({ edit: moveArtifact('models/churn/link.onnx') });
  const pr = openPullRequest(repo, { [CONFIG_PATH]: config });

  const result = await run({ workspace: repo.dir, pullRequest: pr });

  const message = expectErrorReport(result, 'git_not_a_file');
  expect(message).toBe(`models/churn/link.onnx at ${pr.head} is a symbolic link, not a regular file.`);
  expect(errorLine(result)).toContain(message);
});

test('a promotion tag on a commit without the artifact says which tag and what to do', async () => {
  const repo = track(createChurnRepo());
  const bare = repo.commit('Remove the model', { [artifactPath('churn')]: null });
  repo.tag('churn@v2.0.0');
  repo.commit('Restore the model', { [artifactPath('churn')]: CHURN.production });
  const pr = openPullRequest(repo, { [artifactPath('churn')]: CHURN.candidate });

  const result = await run({ workspace: repo.dir, pullRequest: pr });

  const message = expectErrorReport(result, 'production_missing');
  expect(message).toContain(
    `tag churn@v2.0.0 points at ${bare.slice(0, 7)}, which has no models/churn/model.onnx; move the tag to the promoted commit or delete it`,
  );
  // Production exists (its tag is broken): this is not a first promotion.
  expect(visibleText(result.summary)).not.toMatch(/first promotion/i);
  expect(errorLine(result)).toContain(message);
});

test.each([
  { gate: 'passing', config: buildConfig({ edit: (doc) => passingGates(doc) }), verdict: 'pass', code: 0 },
  { gate: 'failing', config: buildConfig(), verdict: 'fail', code: 1 },
])('an artifact upload failure keeps the report on disk and says so ($gate gate)', async (scenario) => {
  const repo = track(createChurnRepo({ config: scenario.config }));
  const pr = openPullRequest(repo, { [artifactPath('churn')]: CHURN.candidate });

  // The runner's ACTIONS_RUNTIME_TOKEN is missing, so the upload cannot start.
  const result = await run({ workspace: repo.dir, pullRequest: pr, inputs: { 'upload-artifact': 'true' } });

  expect(result.code).toBe(scenario.code);
  expect(result.outputs.verdict).toBe(scenario.verdict);
  const reportPath = result.outputs['report-path']!;
  expect(reportPath).toBe(path.join(result.runnerTemp, 'modelgate-report', 'report.json'));
  expect(JSON.parse(readFileSync(reportPath, 'utf8'))).toMatchObject({ verdict: scenario.verdict });
  expect(existsSync(result.outputs['summary-markdown-path']!)).toBe(true);
  const summary = visibleText(result.summary);
  expect(summary).toContain('The `modelgate-report` artifact could not be uploaded');
  expect(summary).toContain(reportPath);
  expect(result.stdout).toMatch(/^::warning title=ModelGate::artifact upload failed: .+/m);
  expect(errorLines(result)).toEqual([]);
});
