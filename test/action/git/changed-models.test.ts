import { findChangedModels } from '../../../action/git/changed-models.js';
import { Git } from '../../../action/git/git.js';
import { config, model } from './config-fixture.js';
import { TempRepo } from './temp-repo.js';

const BASE_FILES = {
  '.github/modelgate.yml': 'version: 1\nmodels: {}\n',
  'models/churn/model.onnx': 'churn-v1',
  'models/churn-eu/model.onnx': 'churn-eu-v1',
  'models/fraud/weights.bin': 'w1',
  'models/fraud/vocab.txt': 'v1',
  'data/churn/eval.csv': 'a,b\n',
  'data/fraud/eval.csv': 'c,d\n',
  'README.md': 'hello',
};

const repos: TempRepo[] = [];
afterAll(() => {
  for (const r of repos) r.remove();
});

/** A repository with the base files, then one pull-request commit with `changes`. */
function pullRequest(changes: Record<string, string | null>): {
  git: Git;
  base: string;
  head: string;
  repo: TempRepo;
} {
  const repo = TempRepo.create();
  repos.push(repo);
  const base = repo.commit('base', BASE_FILES);
  const head = repo.commit('pr', changes);
  return { repo, git: new Git({ cwd: repo.dir }), base, head };
}

const churn = model('churn');
const fraud = model('fraud', { artifact: 'models/fraud' });
const both = config([churn, fraud]);

describe('findChangedModels', () => {
  test('a PR changing one of two models selects only that one', async () => {
    const pr = pullRequest({ 'models/churn/model.onnx': 'churn-v2' });
    expect(await findChangedModels({ ...pr, baseConfig: both, headConfig: both })).toEqual({
      changed: [{ name: 'churn', reasons: ['artifact models/churn/model.onnx changed'] }],
      skipped: [],
      unchanged: ['fraud'],
    });
  });

  test('a PR changing no model selects none', async () => {
    const pr = pullRequest({ 'README.md': 'changed', 'models/churn-eu/model.onnx': 'churn-eu-v2' });
    expect(await findChangedModels({ ...pr, baseConfig: both, headConfig: both })).toEqual({
      changed: [],
      skipped: [],
      unchanged: ['churn', 'fraud'],
    });
  });

  test('a directory artifact is changed by any file under it, and a name prefix is not the directory', async () => {
    const eu = model('eu', { artifact: 'models/churn' });
    const cfg = config([fraud, eu]);
    const pr = pullRequest({
      'models/fraud/weights.bin': 'w2',
      'models/fraud/vocab.txt': null,
      'models/churn-eu/model.onnx': 'x',
    });
    expect(await findChangedModels({ ...pr, baseConfig: cfg, headConfig: cfg })).toEqual({
      changed: [{ name: 'fraud', reasons: ['artifact models/fraud/ changed (2 files)'] }],
      skipped: [],
      unchanged: ['eu'],
    });
  });

  test('changed evaluation data selects the model', async () => {
    const pr = pullRequest({ 'data/fraud/eval.csv': 'c,d\n1,2\n' });
    const result = await findChangedModels({ ...pr, baseConfig: both, headConfig: both });
    expect(result.changed).toEqual([{ name: 'fraud', reasons: ['data data/fraud/eval.csv changed'] }]);
  });

  test('a config-only change selects the model and names the keys', async () => {
    const stricter = model('churn', {
      gates: { roc_auc: { min: 0.85, maxRegression: 0.01, test: 'point', warnWithinNoise: true } },
      risk: 'high',
    });
    const pr = pullRequest({ '.github/modelgate.yml': 'version: 1\nmodels: {} # stricter\n' });
    const result = await findChangedModels({
      ...pr,
      baseConfig: both,
      headConfig: config([stricter, fraud]),
    });
    expect(result.changed).toEqual([{ name: 'churn', reasons: ['config entry changed (gates, risk)'] }]);
    expect(result.unchanged).toEqual(['fraud']);
  });

  test('a formatting-only config edit (key order, comments) changes nothing', async () => {
    const reordered = model('churn', {
      gates: { roc_auc: { warnWithinNoise: true, test: 'point', maxRegression: 0.01, min: 0.8 } },
    });
    const pr = pullRequest({ '.github/modelgate.yml': '# reformatted\nversion: 1\nmodels: {}\n' });
    const result = await findChangedModels({
      ...pr,
      baseConfig: both,
      headConfig: config([reordered, fraud]),
    });
    expect(result).toEqual({ changed: [], skipped: [], unchanged: ['churn', 'fraud'] });
  });

  test('renaming the artifact path is reported as a move', async () => {
    const moved = model('churn', { artifact: 'models/churn/v2.onnx' });
    const pr = pullRequest({ 'models/churn/model.onnx': null, 'models/churn/v2.onnx': 'churn-v1' });
    const result = await findChangedModels({ ...pr, baseConfig: both, headConfig: config([moved, fraud]) });
    expect(result.changed).toEqual([
      {
        name: 'churn',
        reasons: ['artifact path changed from models/churn/model.onnx to models/churn/v2.onnx'],
      },
    ]);
  });

  test('new models are changed; removed ones are skipped', async () => {
    const pr = pullRequest({ 'models/credit/model.onnx': 'c1' });
    const result = await findChangedModels({
      ...pr,
      baseConfig: both,
      headConfig: config([churn, model('credit')]),
    });
    expect(result).toEqual({
      changed: [{ name: 'credit', reasons: ['new model'] }],
      skipped: [{ name: 'fraud', reason: 'removed in this PR' }],
      unchanged: ['churn'],
    });
  });

  test('without a configuration on the base, every model is new', async () => {
    const pr = pullRequest({ 'README.md': 'x' });
    const result = await findChangedModels({ ...pr, baseConfig: null, headConfig: both });
    expect(result.changed.map((c) => c.reasons)).toEqual([['new model'], ['new model']]);
  });

  test('several reasons are all listed', async () => {
    const edited = model('churn', { threshold: 0.4 });
    const pr = pullRequest({ 'models/churn/model.onnx': 'churn-v2', 'data/churn/eval.csv': 'a,b\n3,4\n' });
    const result = await findChangedModels({ ...pr, baseConfig: both, headConfig: config([edited, fraud]) });
    expect(result.changed).toEqual([
      {
        name: 'churn',
        reasons: [
          'artifact models/churn/model.onnx changed',
          'data data/churn/eval.csv changed',
          'config entry changed (threshold)',
        ],
      },
    ]);
  });

  test('a base commit missing from the clone is a git error', async () => {
    const pr = pullRequest({ 'README.md': 'x' });
    await expect(
      findChangedModels({ ...pr, base: 'f'.repeat(40), baseConfig: both, headConfig: both }),
    ).rejects.toThrow(/git diff failed with exit code 128/);
  });
});
