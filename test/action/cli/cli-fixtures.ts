/**
 * Small, generated inputs for the CLI tests: a seeded binary dataset, logistic-regression ONNX
 * models written with the demo's ONNX writer, a configuration, and an in-process CLI runner that
 * captures stdout and stderr.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../action/cli.js';
import { buildOnnxClassifier } from '../../../scripts/onnx/write-onnx.js';

export const FEATURES = ['x1', 'x2', 'x3'] as const;

/** The true logit of the generated data: y ~ Bernoulli(sigmoid(TRUE_WEIGHTS · x + TRUE_INTERCEPT)). */
export const TRUE_WEIGHTS = [1.2, -0.8, 0.5] as const;
export const TRUE_INTERCEPT = -0.3;

/** mulberry32: a tiny seeded generator, so every run builds the same bytes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Row {
  id: string;
  x: [number, number, number];
  gender: 'a' | 'b';
  y: 0 | 1;
}

/**
 * `n` rows (n even) in mirrored pairs: each generated (x, y) appears once in group `a` and once in
 * group `b`, so both groups have the same selection rate and the same error rates by construction.
 */
export function buildRows(n = 400, seed = 1): Row[] {
  const next = random(seed);
  const normal = () => {
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const rows: Row[] = [];
  for (let i = 0; i < n; i += 2) {
    const x: [number, number, number] = [normal(), normal(), normal()];
    const logit = TRUE_INTERCEPT + x.reduce((s, v, j) => s + v * TRUE_WEIGHTS[j]!, 0);
    const y = next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    rows.push({ id: `r${i + 1}`, x, gender: 'a', y }, { id: `r${i + 2}`, x, gender: 'b', y });
  }
  return rows;
}

/** The rows as CSV text: id,x1,x2,x3,gender,y. */
export function rowsToCsv(rows: readonly Row[]): string {
  const lines = rows.map((r) => [r.id, ...r.x.map((v) => v.toFixed(4)), r.gender, r.y].join(','));
  return `id,${FEATURES.join(',')},gender,y\n${lines.join('\n')}\n`;
}

/** A logistic regression over `weights.length` features as ONNX bytes (input `[N, F]` float). */
export function logisticOnnx(weights: readonly number[], intercept = TRUE_INTERCEPT): Uint8Array {
  return buildOnnxClassifier({
    classifier: {
      kind: 'logistic_regression',
      mean: weights.map(() => 0),
      scale: weights.map(() => 1),
      weights,
      intercept,
    },
    featureCount: weights.length,
    producerVersion: 'test',
  });
}

/** The true model (candidate) and a weaker one (production: one feature's weight halved). */
export const candidateOnnx = (): Uint8Array => logisticOnnx(TRUE_WEIGHTS);
export const productionOnnx = (): Uint8Array => logisticOnnx([0.6, -0.8, 0.5]);

/** A configuration for one model (`m` unless named) over the generated data; `extra` lines go under the model. */
export function configYaml(options: { name?: string; extra?: string; defaults?: string } = {}): string {
  return [
    'version: 1',
    'defaults:',
    '  bootstrap: 0',
    '  seed: 7',
    '  min_group_size: 10',
    '  importance_repeats: 0',
    '  latency_batches: 2',
    ...(options.defaults ? [options.defaults] : []),
    'models:',
    `  ${options.name ?? 'm'}:`,
    '    artifact: models/m.onnx',
    '    data: data/eval.csv',
    '    task: binary',
    '    target: y',
    '    id: id',
    '    features: [x1, x2, x3]',
    '    sensitive: [gender]',
    ...(options.extra ? [options.extra] : []),
    '    gates:',
    '      roc_auc: { min: 0.6 }',
    '',
  ].join('\n');
}

export type Files = Record<string, string | Uint8Array>;

/** A repository-like folder holding `.github/modelgate.yml`, `models/m.onnx` and `data/eval.csv`. */
export function defaultRepoFiles(): Files {
  return {
    '.github/modelgate.yml': configYaml(),
    'models/m.onnx': candidateOnnx(),
    'models/production.onnx': productionOnnx(),
    'data/eval.csv': rowsToCsv(buildRows()),
  };
}

const dirs: string[] = [];

/** A fresh temporary folder holding `files`; removed by `removeTempDirs`. */
export function tempDir(files: Files = {}, prefix = 'modelgate-cli-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Files): void {
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream stand-in: collects what is written; not a terminal, so no colour and no progress bar. */
function captureStream(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = {
    isTTY: false,
    write(chunk: string | Uint8Array) {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    },
  };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

/** Runs `main()` in-process in `cwd` with an environment without colour variables. */
export async function runCli(argv: string[], cwd: string): Promise<CliResult> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(argv, { stdout: stdout.stream, stderr: stderr.stream, env: {}, cwd });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
