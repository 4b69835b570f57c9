/**
 * The CLI as a process: the entry point (`action/cli-main.ts`, what the bundle wraps) run by Node
 * through tsx, so the test never depends on a stale `dist/`. Exit code, streams and report files.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportSchema } from '../../../shared/report/schema.js';
import { MODELGATE_VERSION } from '../../../shared/version.js';
import { removeTempDirs, tempDir } from './cli-fixtures.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

afterAll(removeTempDirs);

function runProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const child = spawn(process.execPath, [TSX, 'action/cli-main.ts', ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('modelgate evaluate on the demo exits 1 and writes both reports', async () => {
  const out = tempDir();
  const result = await runProcess([
    'evaluate',
    '--root',
    'examples/churn-repo',
    '--config',
    '.github/modelgate.yml',
    '--production',
    'examples/churn-repo/models/churn/production.onnx',
    '--bootstrap',
    '50',
    '--out',
    out,
  ]);
  // stderr rides along so that an unexpected exit code shows its cause.
  expect({ code: result.code, stderr: result.stderr }).toEqual({
    code: 1,
    stderr: expect.not.stringContaining('modelgate: error'),
  });
  expect(result.stdout).toContain(`ModelGate ${MODELGATE_VERSION} — overall verdict: FAIL`);
  expect(result.stdout).toMatch(/✗ Demographic parity ratio \(disparate impact\) on gender fell from/);
  expect(result.stdout).toContain(`Report: ${path.join(out, 'report.json')} and report.md`);
  expect(result.stdout).not.toContain('\u001b[');
  // Not a terminal: progress is one plain line per step on stderr.
  expect(result.stderr).toContain('churn: reading data/churn/eval.csv\n');
  const report = reportSchema.parse(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')));
  expect(report.verdict).toBe('fail');
  expect(report.models.map((m) => [m.name, m.verdict])).toEqual([['churn', 'fail']]);
  expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(/^## ❌ ModelGate: failed/);
});
