/**
 * Zero install: the Action runs from a folder holding only `action.yml` and `dist/`, with no
 * node_modules anywhere above it, as on a fresh runner — ONNX inference included.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type ActionBuild, buildAction } from './action-bundle.js';
import { artifactPath, CHURN, createChurnRepo, openPullRequest } from './churn-repo.js';
import { runAction } from './run-action.js';

let build: ActionBuild;
const cleanup: string[] = [];

beforeAll(async () => {
  build = await buildAction();
  cleanup.push(build.dir);
}, 120_000);

afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

/** Every folder from `dir` up to the file system root. */
function ancestors(dir: string): string[] {
  const parent = path.dirname(dir);
  return parent === dir ? [dir] : [dir, ...ancestors(parent)];
}

test('the folder holds only action.yml and dist/, with no node_modules above it', () => {
  expect(readdirSync(build.dir).sort()).toEqual(['action.yml', 'dist']);
  expect(
    ancestors(path.dirname(build.dir)).filter((dir) => existsSync(path.join(dir, 'node_modules'))),
  ).toEqual([]);
});

test('evaluates the ONNX models of a pull request with the bundled ONNX Runtime', async () => {
  const repo = createChurnRepo();
  cleanup.push(repo.dir);
  const pr = openPullRequest(repo, { [artifactPath('churn')]: CHURN.candidate });

  // Uploading also loads the lazily imported artifact client from dist/ (it then fails for want of
  // the runner's token, which is the expected outcome here).
  const result = await runAction(build, {
    workspace: repo.dir,
    pullRequest: pr,
    inputs: { 'upload-artifact': 'true' },
  });
  cleanup.push(result.runnerDir);

  expect(result.stderr).not.toMatch(/Cannot find (module|package)|ERR_MODULE_NOT_FOUND/);
  const report = result.report!;
  expect(report.error).toBeNull();
  expect(report.verdict).not.toBe('error');
  expect(report.environment.onnxruntime).toMatch(/^\d+\.\d+\.\d+$/);
  const model = report.models[0]!;
  expect(model.candidate.metadata).toMatchObject({ format: 'onnx', producer: 'modelgate-demo' });
  expect(model.production!.metadata.format).toBe('onnx');
  expect(model.operational.candidate.load_error).toBeNull();
  expect(model.operational.production!.load_error).toBeNull();
  expect(model.metrics.roc_auc!.candidate.value).toBeGreaterThan(0.5);
  expect(model.data.rows).toBe(4000);
  expect(result.stdout).toContain(
    'artifact upload failed: Unable to get the ACTIONS_RUNTIME_TOKEN env variable',
  );
});
