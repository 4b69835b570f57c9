import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Git } from '../../../action/git/git.js';
import {
  detectShallow,
  resolveProduction,
  writeRevisionFile,
} from '../../../action/git/resolve-production.js';
import { ModelError, ModelGateError } from '../../../shared/errors.js';
import { TempRepo } from './temp-repo.js';

const CONFIG = '.github/modelgate.yml';
const PATTERN = '{model}@v{version}';
const ISOLATED = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

const repos: TempRepo[] = [];
afterAll(() => {
  for (const r of repos) r.remove();
});

function newRepo(): { repo: TempRepo; git: Git } {
  const repo = TempRepo.create();
  repos.push(repo);
  return { repo, git: new Git({ cwd: repo.dir, env: ISOLATED }) };
}

function yamlConfig(artifacts: Record<string, string>): string {
  const models = Object.entries(artifacts).map(
    ([name, artifact]) => `  ${name}:\n    artifact: ${artifact}\n    data: d.csv\n`,
  );
  return `version: 1\nmodels:\n${models.join('')}`;
}

const input = (git: Git, base: string, artifact = 'models/churn/model.onnx') => ({
  git,
  model: 'churn',
  artifact,
  base,
  tagPattern: PATTERN,
  configPath: CONFIG,
});

describe('resolveProduction', () => {
  test('the newest promotion tag wins; malformed tags, pre-releases and other models are ignored', async () => {
    const { repo, git } = newRepo();
    const files = (v: string) => ({
      [CONFIG]: yamlConfig({ churn: 'models/churn/model.onnx' }),
      'models/churn/model.onnx': v,
    });
    repo.commit('v1.2.0', files('bytes-1.2.0'));
    repo.tag('churn@v1.2.0');
    const tenth = repo.commit('v1.10.0', files('bytes-1.10.0'));
    repo.tag('churn@v1.10.0', 'HEAD', 'annotated promotion');
    repo.commit('later', files('bytes-later'));
    // Every distractor points at "later": choosing any of them would show in tag, commit and bytes.
    for (const tag of [
      'churn@v1.9.0',
      'churn@v1.9.0-x',
      'churn@v1.11',
      'churn@v01.12.0',
      'churn@v2.0.0-rc.1',
      'churn-eu@v9.0.0',
      'team/churn@v8.0.0',
    ]) {
      repo.tag(tag);
    }
    const base = repo.commit('base', files('bytes-base'));
    const production = await resolveProduction(input(git, base));
    expect(production).toEqual({
      source: 'release',
      tag: 'churn@v1.10.0',
      version: '1.10.0',
      commit: tenth,
      path: 'models/churn/model.onnx',
      content: Buffer.from('bytes-1.10.0'),
    });
  });

  test('without a promotion tag, production is the artifact on the base commit', async () => {
    const { repo, git } = newRepo();
    repo.commit('first', {
      [CONFIG]: yamlConfig({ churn: 'models/churn/model.onnx' }),
      'models/churn/model.onnx': 'old',
    });
    const base = repo.commit('base', { 'models/churn/model.onnx': 'on-base' });
    repo.tag('fraud@v1.0.0');
    repo.commit('pr', { 'models/churn/model.onnx': 'candidate' });
    expect(await resolveProduction(input(git, base))).toEqual({
      source: 'base',
      commit: base,
      path: 'models/churn/model.onnx',
      content: Buffer.from('on-base'),
    });
  });

  test('without a tag and without the artifact on the base, it is a first promotion', async () => {
    const { repo, git } = newRepo();
    const base = repo.commit('base', { 'README.md': 'x' });
    repo.commit('pr', {
      [CONFIG]: yamlConfig({ churn: 'models/churn/model.onnx' }),
      'models/churn/model.onnx': 'new',
    });
    expect(await resolveProduction(input(git, base))).toEqual({
      source: 'none',
      path: 'models/churn/model.onnx',
    });
  });

  test('a tag whose commit lacks the artifact is an error naming the tag, commit and path', async () => {
    const { repo, git } = newRepo();
    const bare = repo.commit('no artifact', { 'README.md': 'x' });
    repo.tag('churn@v1.2.0');
    const base = repo.commit('base', { 'models/churn/model.onnx': 'x' });
    const error = await resolveProduction(input(git, base)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('production_missing');
    expect((error as ModelError).message).toContain(
      `tag churn@v1.2.0 points at ${bare.slice(0, 7)}, which has no models/churn/model.onnx`,
    );
  });

  test('the artifact path is read from the configuration at the tag commit', async () => {
    const { repo, git } = newRepo();
    const tagged = repo.commit('promoted', {
      [CONFIG]: yamlConfig({ churn: 'models/churn/old.onnx', 'team/churn': 'x.onnx' }),
      'models/churn/old.onnx': 'promoted-bytes',
    });
    repo.tag('churn@v1.0.0');
    const base = repo.commit('move', {
      [CONFIG]: yamlConfig({ churn: 'models/churn/new.onnx' }),
      'models/churn/old.onnx': null,
      'models/churn/new.onnx': 'moved',
    });
    const production = await resolveProduction(input(git, base, 'models/churn/new.onnx'));
    expect(production).toMatchObject({ source: 'release', commit: tagged, path: 'models/churn/old.onnx' });
    expect(production.source === 'release' && production.content.toString()).toBe('promoted-bytes');
  });

  test('a renamed artifact resolves on the base at its old path', async () => {
    const { repo, git } = newRepo();
    const base = repo.commit('base', {
      [CONFIG]: yamlConfig({ churn: 'models/churn/model.onnx' }),
      'models/churn/model.onnx': 'prod',
    });
    repo.git('mv', 'models/churn/model.onnx', 'models/churn/v2.onnx');
    repo.commit('rename', { [CONFIG]: yamlConfig({ churn: 'models/churn/v2.onnx' }) });
    const production = await resolveProduction(input(git, base, 'models/churn/v2.onnx'));
    expect(production).toMatchObject({
      source: 'base',
      path: 'models/churn/model.onnx',
      content: Buffer.from('prod'),
    });
  });

  test("without a configuration at the revision, the head's path is used", async () => {
    const { repo, git } = newRepo();
    const tagged = repo.commit('promoted', { 'models/churn/model.onnx': 'tagged' });
    repo.tag('churn@v3.1.4');
    const base = repo.commit('base', { [CONFIG]: 'models: [not, a, map' });
    const production = await resolveProduction({
      ...input(git, base),
      tags: ['churn@v3.1.4', 'churn@v3.2.0-rc.1'],
    });
    expect(production).toMatchObject({
      source: 'release',
      tag: 'churn@v3.1.4',
      version: '3.1.4',
      commit: tagged,
    });
  });

  test('an unfetched Git LFS pointer is reported as such, not as a model', async () => {
    const { repo, git } = newRepo();
    const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n';
    const base = repo.commit('base', { 'models/churn/model.onnx': pointer });
    await expect(resolveProduction(input(git, base))).rejects.toThrow(/is a Git LFS pointer.*lfs: true/);
  });

  test('a base commit missing from the clone names the fix', async () => {
    const { repo, git } = newRepo();
    repo.commit('only', { 'README.md': 'x' });
    const error = await resolveProduction(input(git, 'e'.repeat(40))).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'git_missing_commit' });
    expect((error as ModelGateError).message).toMatch(/fetch-depth: 0/);
  });
});

describe('detectShallow', () => {
  function shallowPair(): { source: TempRepo; clone: TempRepo; git: Git; promoted: string } {
    const { repo: source } = newRepo();
    const promoted = source.commit('promoted', { 'models/churn/model.onnx': 'v1' });
    source.tag('churn@v1.0.0', 'HEAD', 'promotion');
    source.commit('head', { 'models/churn/model.onnx': 'v2' });
    const clone = TempRepo.shallowClone(source);
    repos.push(clone);
    return { source, clone, git: new Git({ cwd: clone.dir, env: ISOLATED }), promoted };
  }

  test('a full clone is left alone', async () => {
    const { repo, git } = newRepo();
    repo.commit('x', {});
    expect(await detectShallow(git)).toEqual({ shallow: false, fetched: false });
  });

  test('a shallow clone is detected and deepened, after which tags resolve', async () => {
    const { git, clone, promoted } = shallowPair();
    expect(await git.isShallow()).toBe(true);
    expect(await git.listTags()).toEqual([]);
    expect(await detectShallow(git)).toEqual({ shallow: true, fetched: true });
    expect(await git.isShallow()).toBe(false);
    const production = await resolveProduction(input(git, clone.git('rev-parse', 'HEAD')));
    expect(production).toMatchObject({
      source: 'release',
      tag: 'churn@v1.0.0',
      commit: promoted,
      content: Buffer.from('v1'),
    });
  });

  test('deepening by a number of commits uses --deepen', async () => {
    const { git } = shallowPair();
    expect(await detectShallow(git, { deepen: 1 })).toEqual({ shallow: true, fetched: true });
    expect(await git.catFileExists('HEAD~1')).toBe(true);
  });

  test('a shallow clone with fetching disabled names the fix', async () => {
    const { git } = shallowPair();
    await expect(detectShallow(git, { fetch: false })).rejects.toThrow(
      /shallow clone; set `fetch-depth: 0` on actions\/checkout/,
    );
  });

  test('a failing fetch names the command and the fix', async () => {
    const { git, clone } = shallowPair();
    clone.git('remote', 'set-url', 'origin', path.join(os.tmpdir(), 'modelgate-no-such-remote'));
    const error = await detectShallow(git).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelGateError);
    expect((error as ModelGateError).code).toBe('git_shallow');
    expect((error as ModelGateError).message).toMatch(
      /`git fetch --tags --unshallow` failed \(git fetch failed with exit code 128: .*set `fetch-depth: 0`/s,
    );
  });
});

describe('writeRevisionFile', () => {
  test('writes the bytes at a revision to a fresh file keeping the base name', async () => {
    const { repo, git } = newRepo();
    const bytes = Buffer.from([0x08, 0x07, 0x12, 0x00, 0xff]);
    const first = repo.commit('first', { 'models/churn/model.onnx': bytes });
    repo.commit('second', { 'models/churn/model.onnx': 'newer' });
    const a = await writeRevisionFile({
      git,
      rev: first,
      path: 'models/churn/model.onnx',
      destDir: os.tmpdir(),
    });
    const b = await writeRevisionFile({
      git,
      rev: 'HEAD',
      path: 'models/churn/model.onnx',
      destDir: os.tmpdir(),
    });
    try {
      expect(path.basename(a)).toBe('model.onnx');
      expect(a).not.toBe(b);
      expect(await readFile(a)).toEqual(bytes);
      expect(await readFile(b, 'utf8')).toBe('newer');
    } finally {
      await Promise.all([a, b].map((f) => rm(path.dirname(f), { recursive: true, force: true })));
    }
  });

  test('a file absent at the revision is an error naming path and revision', async () => {
    const { repo, git } = newRepo();
    repo.commit('first', { 'a.txt': 'a' });
    await expect(
      writeRevisionFile({ git, rev: 'HEAD', path: 'data/eval.csv', destDir: os.tmpdir() }),
    ).rejects.toThrow('data/eval.csv does not exist at HEAD.');
  });
});
