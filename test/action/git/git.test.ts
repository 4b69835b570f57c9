import { Git, normalizePath } from '../../../action/git/git.js';
import { GitError, redactSecrets } from '../../../action/git/git-error.js';
import { ModelGateError, PathError } from '../../../shared/errors.js';
import { TempRepo } from './temp-repo.js';

const ISOLATED = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

describe('Git', () => {
  let repo: TempRepo;
  let git: Git;
  let first: string;
  let second: string;

  beforeAll(() => {
    repo = TempRepo.create();
    first = repo.commit('first', {
      'models/churn/model.onnx': Buffer.from([0, 1, 2, 255, 10, 13]),
      'models/dir/a.bin': 'a',
      'data/eval.csv': 'x,y\n1,0\n',
      'odd name [1].txt': 'odd',
    });
    repo.git('tag', 'light');
    repo.git('tag', '-a', 'team/churn@v1.0.0', '-m', 'annotated');
    second = repo.commit('second', {
      'models/churn/model.onnx': 'v2',
      'models/dir/b.bin': 'b',
      'data/eval.csv': null,
    });
    git = new Git({ cwd: repo.dir, env: ISOLATED });
  });

  afterAll(() => repo.remove());

  test('revParse resolves names to full ids and rejects unknown ones with a typed error', async () => {
    expect(await git.revParse('HEAD')).toBe(second);
    expect(await git.revParse('HEAD~1')).toBe(first);
    await expect(git.revParse('nope')).rejects.toThrow(GitError);
    await expect(git.revParse('nope')).rejects.toThrow(/"nope" does not name a revision/);
  });

  test('revisions that look like options are refused before git runs', async () => {
    await expect(git.revParse('--output=/tmp/x')).rejects.toThrow(/not a valid revision name/);
    await expect(git.diffNames('-p', 'HEAD')).rejects.toThrow(ModelGateError);
  });

  test('listTags lists lightweight and annotated tags, slashes included', async () => {
    expect(await git.listTags()).toEqual(['light', 'team/churn@v1.0.0']);
  });

  test('commitOfTag peels annotated tags to their commit', async () => {
    expect(await git.commitOfTag('light')).toBe(first);
    expect(await git.commitOfTag('team/churn@v1.0.0')).toBe(first);
    // The annotated tag is an object of its own, which is why peeling matters.
    expect(await git.revParse('refs/tags/team/churn@v1.0.0')).not.toBe(first);
    await expect(git.commitOfTag('missing@v1.0.0')).rejects.toThrow(GitError);
  });

  test('showFile returns exact bytes, null for a path absent at that revision, and fails on a bad rev', async () => {
    expect(await git.showFile(first, 'models/churn/model.onnx')).toEqual(Buffer.from([0, 1, 2, 255, 10, 13]));
    expect((await git.showFile('HEAD', 'models/churn/model.onnx'))?.toString()).toBe('v2');
    expect((await git.showFile(first, './data/eval.csv'))?.toString()).toBe('x,y\n1,0\n');
    expect(await git.showFile('HEAD', 'data/eval.csv')).toBeNull();
    expect(await git.showFile('HEAD', 'models/churn/model')).toBeNull();
    expect(await git.showFile('HEAD', 'odd name [1].txt', { smudge: true })).toEqual(Buffer.from('odd'));
    expect(await git.showFile('HEAD', 'odd name ?1].txt')).toBeNull();
    await expect(git.showFile('no-such-rev', 'data/eval.csv')).rejects.toThrow(GitError);
    await expect(git.showFile('HEAD', 'models/dir')).rejects.toThrow(/models\/dir at HEAD is a directory/);
    await expect(git.showFile('HEAD', '../outside')).rejects.toThrow(PathError);
  });

  test('diffNames lists added, modified and deleted paths', async () => {
    expect((await git.diffNames(first, second)).sort()).toEqual([
      'data/eval.csv',
      'models/churn/model.onnx',
      'models/dir/b.bin',
    ]);
    expect(await git.diffNames(second, second)).toEqual([]);
  });

  test('mergeBase finds the common ancestor, or null without one', async () => {
    expect(await git.mergeBase(first, second)).toBe(first);
    repo.git('checkout', '-q', '--orphan', 'island');
    repo.commit('unrelated', {});
    const island = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', 'main');
    expect(await git.mergeBase(island, second)).toBeNull();
  });

  test('catFileExists distinguishes present and absent objects', async () => {
    expect(await git.catFileExists(`${first}^{commit}`)).toBe(true);
    expect(await git.catFileExists('HEAD:models/churn/model.onnx')).toBe(true);
    expect(await git.catFileExists('a'.repeat(40))).toBe(false);
    expect(await git.catFileExists('no-such-branch')).toBe(false);
  });

  test('isShallow is false for a full repository', async () => {
    expect(await git.isShallow()).toBe(false);
  });

  test('a failing command carries the exit code and the stderr tail', async () => {
    const error = await git.run(['cat-file', 'blob', 'no-such-object']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).exitCode).toBe(128);
    expect((error as GitError).stderrTail).toMatch(/Not a valid object name no-such-object/);
    expect((error as GitError).message).toMatch(/^git cat-file failed with exit code 128: fatal: /);
  });

  test('a missing git executable is a typed error', async () => {
    const missing = new Git({ cwd: repo.dir, gitPath: '/nonexistent/git' });
    await expect(missing.listTags()).rejects.toMatchObject({ code: 'git_missing', exitCode: null });
  });

  test('tokens never reach error messages, from arguments or stderr', async () => {
    const token = 'ghs_abcdefghijklmnopqrstuvwxyz012345';
    // git echoes the bad object name (and so the token) on stderr; no network is involved.
    const args = ['-c', `http.extraheader=AUTHORIZATION: basic ${token}`, 'cat-file', 'blob', token];
    const error = (await git.run(args).catch((e: unknown) => e)) as GitError;
    expect(error).toBeInstanceOf(GitError);
    expect(error.message).toMatch(/^git cat-file failed/);
    expect(error.stderrTail).toContain('Not a valid object name ***');
    expect(`${error.message} ${error.userMessage} ${error.args.join(' ')} ${error.stderrTail}`).not.toContain(
      token,
    );
  });
});

describe('redactSecrets', () => {
  test.each([
    ['https://x-access-token:s3cr3t@github.com/o/r', 'https://***@github.com/o/r'],
    ['http.extraheader=AUTHORIZATION: basic eC1hY2Nlc3M=', 'http.extraheader=AUTHORIZATION: ***'],
    ['token ghp_0123456789abcdefghij0123 leaked', 'token *** leaked'],
    ['nothing secret here', 'nothing secret here'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  test('explicit secrets are removed too', () => {
    expect(redactSecrets('value hunter22 here', ['hunter22'])).toBe('value *** here');
  });
});

describe('normalizePath', () => {
  test.each([
    ['models/churn/model.onnx', 'models/churn/model.onnx'],
    ['./models//churn/', 'models/churn'],
    ['models/../data/x.csv', 'data/x.csv'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });

  test.each(['/etc/passwd', '../x', 'a/../../x', '.', ''])('rejects %j', (input) => {
    expect(() => normalizePath(input)).toThrow(PathError);
  });
});
