/**
 * The built Action on pull requests of real git repositories: changed-model discovery, production
 * resolution (promotion tags, base commit, first promotion, shallow clones) and trusted thresholds.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { TempRepo } from '../git/temp-repo.js';
import { type ActionBuild, buildAction } from './action-bundle.js';
import {
  artifactPath,
  buildConfig,
  CHURN,
  CONFIG_PATH,
  createChurnRepo,
  openPullRequest,
  passingGates,
} from './churn-repo.js';
import { type ActionRun, REPOSITORY, type RunOptions, runAction, visibleText } from './run-action.js';

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

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('production is the artifact at the newest promotion tag (highest semver, not newest or lexicographic)', async () => {
  const repo = track(createChurnRepo());
  repo.tag('churn@v1.2.0');
  const promoted = repo.commit('Promote boosted trees', { [artifactPath('churn')]: CHURN.candidate });
  repo.tag('churn@v1.10.0', 'HEAD', 'Promote churn 1.10.0');
  repo.commit('Roll back without a release', { [artifactPath('churn')]: CHURN.production });
  // None of these is a promotion of churn: a pre-release, unparseable, another model, another pattern.
  for (const tag of ['churn@v2.0.0-rc.1', 'churn@vnext', 'upsell@v9.0.0', 'churn-v3.0.0']) repo.tag(tag);
  const pr = openPullRequest(repo, { [artifactPath('churn')]: CHURN.candidate });

  const result = await run({ workspace: repo.dir, pullRequest: pr });

  const report = result.report!;
  expect(report).toMatchObject({
    mode: 'pr',
    repository: REPOSITORY,
    pullRequest: pr.number,
    base: { ref: 'main', sha: pr.base },
    head: { ref: 'retrain', sha: pr.head },
    workflowRun: { id: 4242 },
  });
  expect(report.models.map((m) => m.name)).toEqual(['churn']);
  expect(report.models[0]!.production).toMatchObject({
    tag: 'churn@v1.10.0',
    version: '1.10.0',
    source: 'release',
    commit: promoted,
    path: artifactPath('churn'),
    sha256: sha256(CHURN.candidate),
  });
  expect(report.models[0]!.firstPromotion).toBe(false);
  expect(result.outputs.verdict).toBe(report.verdict);
  expect(visibleText(result.summary)).toContain('release churn@v1.10.0');
});

test('a PR changing one of two models evaluates only that one and says why the other was skipped', async () => {
  const repo = track(createChurnRepo({ models: ['churn', 'upsell'] }));
  const pr = openPullRequest(repo, { [artifactPath('churn')]: CHURN.candidate });

  const result = await run({ workspace: repo.dir, pullRequest: pr });

  const report = result.report!;
  expect(report.models.map((m) => m.name)).toEqual(['churn']);
  expect(report.skipped).toEqual([{ name: 'upsell', reason: 'not changed by this pull request' }]);
  // No promotion tag: production is the artifact on the base commit.
  expect(report.models[0]!.production).toMatchObject({
    source: 'base',
    tag: null,
    version: null,
    commit: pr.base,
    sha256: sha256(CHURN.production),
  });
  expect(report.models[0]!.candidate).toMatchObject({
    source: 'head',
    commit: pr.head,
    sha256: sha256(CHURN.candidate),
  });
  expect(result.outputs['models-evaluated']).toBe('churn');
  expect(result.summary).toMatch(/upsell\*?\*?: not changed by this pull request/);
});

test('a PR changing no model passes with a report saying so', async () => {
  const repo = track(createChurnRepo({ models: ['churn', 'upsell'] }));
  const pr = openPullRequest(repo, { 'README.md': '# Churn models\n' });

  const result = await run({ workspace: repo.dir, pullRequest: pr });

  expect(result.code).toBe(0);
  expect(result.outputs).toMatchObject({ verdict: 'pass', 'models-evaluated': '' });
  expect(result.report).toMatchObject({ verdict: 'pass', models: [], error: null });
  expect(result.report!.skipped).toEqual([
    { name: 'churn', reason: 'not changed by this pull request' },
    { name: 'upsell', reason: 'not changed by this pull request' },
  ]);
  expect(result.summary).toContain('This pull request changes no model');
  expect(result.summary).toMatch(/churn\*?\*?: not changed by this pull request/);
  expect(result.stdout).not.toContain('::error');
});

test('a model new in the PR is a first promotion gated on absolute thresholds only', async () => {
  const repo = track(createChurnRepo({ config: buildConfig({ edit: (doc) => passingGates(doc) }) }));
  const pr = openPullRequest(repo, {
    [CONFIG_PATH]: buildConfig({ models: ['churn', 'upsell'], edit: (doc) => passingGates(doc) }),
    [artifactPath('upsell')]: CHURN.candidate,
  });

  const result = await run({ workspace: repo.dir, pullRequest: pr });

  const report = result.report!;
  expect(report.models.map((m) => m.name)).toEqual(['upsell']);
  expect(report.skipped).toEqual([{ name: 'churn', reason: 'not changed by this pull request' }]);
  const model = report.models[0]!;
  expect(model).toMatchObject({ firstPromotion: true, production: null, thresholdChanges: [] });
  const comparisons = model.checks.filter((c) => c.kind === 'regression' || c.kind === 'fairness_regression');
  const absolute = model.checks.filter((c) => !comparisons.includes(c));
  expect(comparisons.map((c) => c.id).sort()).toEqual([
    'gates.accuracy.max_regression',
    'gates.log_loss.max_regression_relative',
    'gates.roc_auc.max_regression',
  ]);
  expect(comparisons.every((c) => c.status === 'skipped')).toBe(true);
  expect(absolute.length).toBeGreaterThan(0);
  expect(absolute.every((c) => c.status === 'pass')).toBe(true);
  expect(model.verdict).toBe('pass');
  expect(result.code).toBe(0);
});

test('a shallow clone is deepened so the promotion tag still decides production', async () => {
  const source = track(createChurnRepo());
  const promoted = source.git('rev-parse', 'HEAD');
  source.tag('churn@v1.0.0', 'HEAD', 'Promote churn 1.0.0');
  const pr = openPullRequest(source, { [artifactPath('churn')]: CHURN.candidate });
  const clone = track(TempRepo.shallowClone(source));
  expect(clone.git('rev-parse', '--is-shallow-repository')).toBe('true');
  expect(clone.git('tag', '--list')).toBe('');

  const result = await run({ workspace: clone.dir, pullRequest: pr });

  expect(result.report!.error).toBeNull();
  expect(result.report!.models[0]!.production).toMatchObject({
    tag: 'churn@v1.0.0',
    version: '1.0.0',
    source: 'release',
    commit: promoted,
  });
  expect(clone.git('rev-parse', '--is-shallow-repository')).toBe('false');
});

test('a PR relaxing thresholds is decided under the base thresholds, and the report says what would change', async () => {
  const strict = buildConfig({
    edit: (doc) => {
      passingGates(doc);
      doc.models.churn.gates.roc_auc.min = 0.9;
    },
  });
  const relaxed = buildConfig({
    edit: (doc) => {
      passingGates(doc);
      doc.models.churn.gates.roc_auc.min = 0.8;
      doc.models.churn.gates.accuracy.max_regression = 0.05;
    },
  });
  const repo = track(createChurnRepo({ config: strict }));
  const pr = openPullRequest(repo, { [CONFIG_PATH]: relaxed, [artifactPath('churn')]: CHURN.candidate });

  const result = await run({ workspace: repo.dir, pullRequest: pr });

  const model = result.report!.models[0]!;
  expect(model.thresholdChanges).toEqual([
    'This PR relaxes the ROC AUC minimum (min) from 0.9 to 0.8.',
    'This PR relaxes the accuracy regression tolerance (max_regression) from 0.02 to 0.05.',
  ]);
  const rocAuc = model.checks.find((c) => c.id === 'gates.roc_auc.min')!;
  expect(rocAuc).toMatchObject({ threshold: 0.9, status: 'fail' });
  expect(model.checks.find((c) => c.id === 'gates.accuracy.max_regression')!.threshold).toBe(0.02);
  expect(result.outputs.verdict).toBe('fail');
  expect(result.code).toBe(1);
  expect(result.summary).toContain('relaxes the accuracy regression tolerance');
});
