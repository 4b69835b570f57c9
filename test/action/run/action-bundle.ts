/**
 * A fresh build of the Action, frozen for one test file: `node scripts/bundle.mjs`, then `action.yml`
 * and `dist/` copied into an empty folder under the OS temp directory (no node_modules above it),
 * so later rebuilds of dist/ cannot change the files a running test executes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Bundles are written to the one dist/ folder: test files running in parallel take turns. */
const LOCK = path.join(os.tmpdir(), 'modelgate-action-bundle.lock');
const STALE_LOCK_MS = 120_000;

export interface ActionBuild {
  /** Folder holding only `action.yml` and `dist/`. */
  dir: string;
  /** `dist/action/index.js` inside `dir`. */
  entry: string;
  /** Wall time of `node scripts/bundle.mjs`. */
  bundleMs: number;
}

/** Builds the Action and copies `action.yml` + `dist/` into a new temporary folder. */
export async function buildAction(): Promise<ActionBuild> {
  await acquireLock();
  try {
    const started = performance.now();
    try {
      execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      throw new Error(`node scripts/bundle.mjs failed:\n${stderr}`);
    }
    const bundleMs = performance.now() - started;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-action-'));
    cpSync(path.join(ROOT, 'action.yml'), path.join(dir, 'action.yml'));
    cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
    return { dir, entry: path.join(dir, 'dist', 'action', 'index.js'), bundleMs };
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

async function acquireLock(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock left by a killed run would block every later run.
    const stat = statSync(LOCK, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > STALE_LOCK_MS) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
