/**
 * A thin async wrapper over the `git` CLI: `execFile` (no shell), a fixed working directory, byte
 * output, typed errors carrying the stderr tail. Nothing here logs; errors are redacted.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { ModelGateError, PathError } from '../../shared/errors.js';
import { GitError, toGitError } from './git-error.js';

export interface GitOptions {
  /** The repository checkout the commands run in. */
  cwd: string;
  /** The git executable (default `git` on PATH). */
  gitPath?: string;
  /** Extra environment, over the process environment. */
  env?: Record<string, string | undefined>;
  /** Largest accepted stdout, in bytes (default 1 GiB: artifacts are read into memory). */
  maxBuffer?: number;
  /** Values to redact from error messages besides the token formats recognised anyway. */
  secrets?: readonly string[];
}

/** One entry of a tree: what a path is at a revision. */
export interface TreeEntry {
  /** `100644`, `100755` (file), `120000` (symlink), `040000` (directory), `160000` (submodule). */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
}

interface RunResult {
  stdout: Buffer;
  exitCode: number;
}

export class Git {
  readonly cwd: string;
  readonly #options: GitOptions;

  constructor(options: GitOptions) {
    this.cwd = options.cwd;
    this.#options = options;
  }

  /**
   * Runs `git <args>`. Exit codes in `allowExit` (besides 0) resolve instead of rejecting.
   * @throws GitError when git cannot start or exits with any other code.
   */
  run(args: readonly string[], allowExit: readonly number[] = []): Promise<RunResult> {
    const options = this.#options;
    // Fixed locale: messages stay parseable; no prompt: a missing credential fails instead of hanging.
    const env = { ...process.env, ...options.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };
    const execOptions = {
      cwd: this.cwd,
      env,
      encoding: 'buffer' as const,
      maxBuffer: options.maxBuffer ?? 2 ** 30,
    };
    return new Promise((resolve, reject) => {
      execFile(options.gitPath ?? 'git', args, execOptions, (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, exitCode: 0 });
        const exitCode = typeof error.code === 'number' ? error.code : null;
        if (exitCode !== null && allowExit.includes(exitCode)) return resolve({ stdout, exitCode });
        reject(toGitError(args, error, stderr.toString('utf8'), options.secrets));
      });
    });
  }

  /** The full object id `rev` names. @throws GitError when it names nothing. */
  async revParse(rev: string): Promise<string> {
    const { stdout, exitCode } = await this.run(
      ['rev-parse', '--verify', '--quiet', '--end-of-options', checkRev(rev)],
      [1],
    );
    if (exitCode !== 0) throw new GitError(`git rev-parse: "${rev}" does not name a revision`, revArgs(rev));
    return stdout.toString('utf8').trim();
  }

  /** True when `rev` names an object present in this repository (a shallow clone may lack it). */
  async catFileExists(rev: string): Promise<boolean> {
    const resolved = await this.run(
      ['rev-parse', '--verify', '--quiet', '--end-of-options', checkRev(rev)],
      [1],
    );
    if (resolved.exitCode !== 0) return false;
    const oid = resolved.stdout.toString('utf8').trim();
    return (await this.run(['cat-file', '-e', oid], [1])).exitCode === 0;
  }

  /** The commit a tag points at, peeled through annotated tags. @throws GitError when absent. */
  async commitOfTag(tag: string): Promise<string> {
    return this.revParse(`refs/tags/${tag}^{commit}`);
  }

  /** Every tag name (without `refs/tags/`), sorted by name. */
  async listTags(): Promise<string[]> {
    const { stdout } = await this.run(['for-each-ref', '--format=%(refname:strip=2)', 'refs/tags']);
    return splitLines(stdout.toString('utf8'));
  }

  /** What `file` is at `rev`, or null when the path does not exist there. @throws GitError for a bad rev. */
  async entryAt(rev: string, file: string): Promise<TreeEntry | null> {
    const args = [
      '--literal-pathspecs',
      'ls-tree',
      '-z',
      '--full-tree',
      checkRev(rev),
      '--',
      normalizePath(file),
    ];
    const line = (await this.run(args)).stdout.toString('utf8').split('\0')[0];
    const m = line ? /^(\d+) (blob|tree|commit) ([0-9a-f]+)\t/.exec(line) : null;
    return m ? { mode: m[1]!, type: m[2] as TreeEntry['type'], oid: m[3]! } : null;
  }

  /**
   * The bytes of `file` at `rev`, or null when the path does not exist at that revision. With
   * `smudge`, git's filters run as on checkout (Git LFS content, line endings), so the bytes match
   * what a checkout of `rev` would hold.
   * @throws GitError when `rev` does not exist; ModelGateError when the path is a directory,
   *   symlink or submodule (ModelGate reads regular files only).
   */
  async showFile(rev: string, file: string, options: { smudge?: boolean } = {}): Promise<Buffer | null> {
    const entry = await this.entryAt(rev, file);
    if (entry === null) return null;
    if (entry.type !== 'blob' || entry.mode === '120000') {
      const what =
        entry.type === 'tree' ? 'a directory' : entry.type === 'commit' ? 'a submodule' : 'a symbolic link';
      throw new ModelGateError('git_not_a_file', `${file} at ${rev} is ${what}, not a regular file.`);
    }
    const filters = options.smudge ? ['--filters', `--path=${normalizePath(file)}`] : ['blob'];
    return (await this.run(['cat-file', ...filters, entry.oid])).stdout;
  }

  /** Paths changed between two commits (two-dot; renames as delete + add), repository-relative. */
  async diffNames(base: string, head: string): Promise<string[]> {
    const args = [
      'diff',
      '--name-only',
      '-z',
      '--no-renames',
      '--no-ext-diff',
      checkRev(base),
      checkRev(head),
      '--',
    ];
    return (await this.run(args)).stdout.toString('utf8').split('\0').filter(Boolean);
  }

  /** The best common ancestor of two commits, or null when they share no history. */
  async mergeBase(a: string, b: string): Promise<string | null> {
    const { stdout, exitCode } = await this.run(['merge-base', checkRev(a), checkRev(b)], [1]);
    return exitCode === 0 ? stdout.toString('utf8').trim() : null;
  }

  /** True when the checkout is a shallow clone (`actions/checkout` defaults to depth 1). */
  async isShallow(): Promise<boolean> {
    return (
      (await this.run(['rev-parse', '--is-shallow-repository'])).stdout.toString('utf8').trim() === 'true'
    );
  }

  /**
   * Fetches the missing history and all tags: `git fetch --tags --unshallow`, or `--deepen=<n>`
   * when `deepen` is given. @throws GitError when the fetch fails.
   */
  async fetchDeepen(options: { remote?: string; deepen?: number } = {}): Promise<void> {
    const depth =
      options.deepen === undefined ? '--unshallow' : `--deepen=${Math.max(1, Math.floor(options.deepen))}`;
    await this.run([
      'fetch',
      '--tags',
      '--no-recurse-submodules',
      depth,
      '--',
      checkRev(options.remote ?? 'origin'),
    ]);
  }
}

function revArgs(rev: string): { args: string[]; exitCode: number; stderr: string; code: string } {
  return { args: ['rev-parse', rev], exitCode: 1, stderr: '', code: 'git_unknown_revision' };
}

/** Rejects revisions git would read as options. */
function checkRev(rev: string): string {
  if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev)) {
    throw new ModelGateError('git_bad_revision', `"${rev}" is not a valid revision name.`);
  }
  return rev;
}

/** A repository-relative POSIX path; anything leaving the repository is a PathError. */
export function normalizePath(file: string): string {
  const normal = path.posix.normalize(file).replace(/\/+$/, '');
  if (
    normal === '.' ||
    normal === '' ||
    path.posix.isAbsolute(normal) ||
    normal === '..' ||
    normal.startsWith('../')
  ) {
    throw new PathError(`${file} is not a path inside the repository.`);
  }
  return normal;
}

function splitLines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
