/**
 * Cold start of the bundled Action (`node dist/action/index.js`, a new process each time) on a pull
 * request that changes no model: the cost every PR of a repository pays. Target: median ≤ 300 ms
 * over seven runs, after one warm-up (the temporary repository is built once).
 *
 * Also the size of what the Action ships: the JavaScript reachable from dist/action/index.js
 * (static and dynamic imports; `startup_js_bytes`: static only, what every run parses), the native
 * ONNX Runtime files, and everything under dist/action
 * (files no import reaches are reported as `unreferenced_bytes`: stale output of an older build).
 *
 *   npx tsx bench/action-cold-start.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../test/action/run/action-bundle.js';
import { createChurnRepo, openPullRequest } from '../test/action/run/churn-repo.js';
import { parseOutputs, prepareRun } from '../test/action/run/run-action.js';

const RUNS = 7;
const DIST = path.join(ROOT, 'dist', 'action');
const ENTRY = path.join(DIST, 'index.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One run of the step; throws unless it passed with no model evaluated. */
function runOnce(prepared: ReturnType<typeof prepareRun>, cwd: string): number {
  writeFileSync(prepared.files.output, '');
  const started = performance.now();
  const result = spawnSync(process.execPath, [ENTRY], { cwd, env: prepared.env, encoding: 'utf8' });
  const ms = performance.now() - started;
  const outputs = parseOutputs(readFileSync(prepared.files.output, 'utf8'));
  if (result.status !== 0 || outputs.verdict !== 'pass' || outputs['models-evaluated'] !== '') {
    throw new Error(`unexpected result (exit ${result.status}): ${result.stdout}${result.stderr}`);
  }
  return ms;
}

function measureColdStart(): { ms: number; min_ms: number; max_ms: number } {
  const repo = createChurnRepo({ models: ['churn', 'upsell'] });
  const pr = openPullRequest(repo, { 'README.md': '# Models\n' });
  const build = { dir: ROOT, entry: ENTRY, bundleMs: 0 };
  const prepared = prepareRun(build, {
    workspace: repo.dir,
    pullRequest: pr,
    inputs: { 'upload-artifact': 'false' },
  });
  try {
    runOnce(prepared, repo.dir);
    const times = Array.from({ length: RUNS }, () => runOnce(prepared, repo.dir));
    return { ms: round(median(times)), min_ms: round(Math.min(...times)), max_ms: round(Math.max(...times)) };
  } finally {
    repo.remove();
    rmSync(prepared.runnerDir, { recursive: true, force: true });
  }
}

const STATIC_IMPORT = /(?:from\s*|import\s*)["'](\.\.?\/[^"']+\.js)["']/g;
const ANY_IMPORT = /(?:from\s*|import\s*\(\s*|import\s*)["'](\.\.?\/[^"']+\.js)["']/g;

/** The .js files reachable from `entry` through relative imports matching `pattern`. */
function reachableJs(entry: string, pattern: RegExp): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(pattern)) {
      const target = path.resolve(path.dirname(file), match[1]!);
      if (existsSync(target)) pending.push(target);
    }
  }
  return seen;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function measureBundleSize(): Record<string, number> {
  const size = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + statSync(file).size, 0);
  const all = filesUnder(DIST);
  const native = all.filter((file) => /\.node$|\.so(\.\d+)*$|\.dylib$|\.dll$/.test(file));
  const reachable = reachableJs(ENTRY, ANY_IMPORT);
  const ownJs = all.filter(
    (file) => file.endsWith('.js') && !file.includes(`${path.sep}node_modules${path.sep}`),
  );
  return {
    js_bytes: size(reachable),
    startup_js_bytes: size(reachableJs(ENTRY, STATIC_IMPORT)),
    native_bytes: size(native),
    total_bytes: size(all),
    unreferenced_bytes: size(ownJs.filter((file) => !reachable.has(file))),
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

if (!existsSync(ENTRY)) {
  spawnSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
}
console.log(
  JSON.stringify({ bench: 'action_cold_start_no_change', ...measureColdStart(), runs: RUNS, target_ms: 300 }),
);
console.log(JSON.stringify({ bench: 'action_bundle_size', ...measureBundleSize() }));
