/**
 * Real temporary git repositories for tests: `git init` in the OS temp directory, fixed identities
 * and dates, no user or system configuration.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Ada Author',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Cy Committer',
  GIT_COMMITTER_EMAIL: 'cy@example.com',
  GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  LC_ALL: 'C',
};

export class TempRepo {
  readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /** A fresh repository on branch `main`. */
  static create(prefix = 'modelgate-git-'): TempRepo {
    const repo = new TempRepo(mkdtempSync(path.join(os.tmpdir(), prefix)));
    repo.git('-c', 'init.defaultBranch=main', 'init', '-q');
    return repo;
  }

  /** A shallow (`--depth 1`) clone of `source` through the file:// transport. */
  static shallowClone(source: TempRepo): TempRepo {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', '--no-tags', `file://${source.dir}`, dir], {
      env: ENV,
    });
    return new TempRepo(dir);
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
      cwd: this.dir,
      env: ENV,
      encoding: 'utf8',
    }).trim();
  }

  /** Writes files (string or bytes; null deletes), stages everything and commits. @returns the commit id. */
  commit(message: string, files: Record<string, string | Buffer | null>): string {
    for (const [file, content] of Object.entries(files)) {
      const full = path.join(this.dir, file);
      if (content === null) {
        unlinkSync(full);
        continue;
      }
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** A lightweight tag, or an annotated one when `message` is given. */
  tag(name: string, rev = 'HEAD', message?: string): void {
    if (message === undefined) this.git('tag', name, rev);
    else this.git('tag', '-a', name, '-m', message, rev);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
