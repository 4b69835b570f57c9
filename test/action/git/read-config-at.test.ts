import { findChangedModels } from '../../../action/git/changed-models.js';
import { Git } from '../../../action/git/git.js';
import { readConfigAt } from '../../../action/git/read-config-at.js';
import { ConfigError } from '../../../shared/errors.js';
import { TempRepo } from './temp-repo.js';

const CONFIG = '.github/modelgate.yml';

function yaml(body: string): string {
  return `version: 1\nmodels:\n${body}`;
}

const CHURN =
  '  churn:\n    artifact: models/churn/model.onnx\n    data: data/churn/eval.csv\n    task: binary\n    target: churned\n';

describe('readConfigAt', () => {
  let repo: TempRepo;
  let git: Git;
  let none: string;
  let valid: string;
  let invalid: string;

  beforeAll(() => {
    repo = TempRepo.create();
    git = new Git({ cwd: repo.dir });
    none = repo.commit('no config', { 'README.md': 'x' });
    valid = repo.commit('config', { [CONFIG]: yaml(CHURN) });
    invalid = repo.commit('broken', { [CONFIG]: yaml('  churn:\n    artifact: 3\n') });
  });

  afterAll(() => repo.remove());

  test('null when the file does not exist at the revision', async () => {
    expect(await readConfigAt(git, none, CONFIG)).toBeNull();
  });

  test('parses the file as it was at the revision', async () => {
    const config = await readConfigAt(git, valid, CONFIG);
    expect(config?.models.map((m) => [m.name, m.artifact, m.risk])).toEqual([
      ['churn', 'models/churn/model.onnx', 'medium'],
    ]);
    expect(config?.file).toBe(`${CONFIG}@${valid.slice(0, 7)}`);
  });

  test('an invalid file is a ConfigError naming the file at that commit, the line and the key', async () => {
    const error = await readConfigAt(git, invalid, CONFIG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(
      `${CONFIG}@${invalid.slice(0, 7)}:4:15 (models.churn.artifact)`,
    );
  });

  test('parsed configurations feed findChangedModels: a formatting-only edit changes nothing', async () => {
    const base = repo.commit('reset', { [CONFIG]: yaml(CHURN) });
    const reformatted = yaml(
      '  # the churn model\n  churn: { task: binary, target: churned, data: "data/churn/eval.csv",\n    artifact: ./models/churn/model.onnx }\n',
    );
    const head = repo.commit('reformat', { [CONFIG]: reformatted });
    const [baseConfig, headConfig] = await Promise.all([
      readConfigAt(git, base, CONFIG),
      readConfigAt(git, head, CONFIG),
    ]);
    expect(await git.diffNames(base, head)).toEqual([CONFIG]);
    expect(await findChangedModels({ git, base, head, baseConfig, headConfig: headConfig! })).toEqual({
      changed: [],
      skipped: [],
      unchanged: ['churn'],
    });
  });
});
