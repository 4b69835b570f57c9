import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as ort from 'onnxruntime-node';
import { parse } from 'yaml';
import { buildChurnDemo } from '../../examples/generator/build-churn-demo.js';
import { computeClassifierScores } from '../../scripts/onnx/compute-classifier-scores.js';
import type { ModelConfigFile } from '../../shared/config/schema.js';
import { configFileSchema } from '../../shared/config/schema.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPO = join(ROOT, 'examples/churn-repo');
const GENERATED = ['data/churn/eval.csv', 'models/churn/model.onnx', 'models/churn/production.onnx'];

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

interface EvalData {
  n: number;
  f: number;
  x: Float32Array;
  y: number[];
  gender: string[];
}

/** The CSV as a runner sees it: the configured feature columns, in config order, as float32. */
async function readEvalData(features: readonly string[]): Promise<EvalData> {
  const [head, ...lines] = (await readFile(join(REPO, 'data/churn/eval.csv'), 'utf8')).trimEnd().split('\n');
  const header = head!.split(',');
  const column = (name: string) => header.indexOf(name);
  const rows = lines.map((line) => line.split(','));
  const f = features.length;
  const x = new Float32Array(rows.length * f);
  rows.forEach((cells, i) => {
    features.forEach((name, j) => {
      x[i * f + j] = Number(cells[column(name)]);
    });
  });
  return {
    n: rows.length,
    f,
    x,
    y: rows.map((c) => Number(c[column('churned')])),
    gender: rows.map((c) => c[column('gender')]!),
  };
}

async function score(file: string, data: EvalData) {
  const session = await ort.InferenceSession.create(join(REPO, file));
  const out = await session.run({ input: new ort.Tensor('float32', data.x, [data.n, data.f]) });
  const proba = out.probabilities!.data as Float32Array;
  return {
    session,
    p1: Float32Array.from({ length: data.n }, (_, i) => proba[2 * i + 1]!),
    label: Array.from(out.label!.data as BigInt64Array, Number),
  };
}

/** ROC AUC as the Mann–Whitney statistic, average ranks for tied scores (sklearn's roc_auc_score). */
function rocAuc(p: Float32Array, y: number[]): number {
  const order = Array.from(p.keys()).sort((a, b) => p[a]! - p[b]!);
  let rankSum = 0;
  let positives = 0;
  for (let start = 0, end = 0; start < order.length; start = end) {
    while (end < order.length && p[order[end]!] === p[order[start]!]) end++;
    for (let k = start; k < end; k++) {
      if (y[order[k]!] === 1) {
        rankSum += (start + end + 1) / 2; // average of the 1-based ranks start+1 .. end
        positives++;
      }
    }
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * (y.length - positives));
}

function selectionRate(label: number[], gender: string[], group: string): number {
  const rows = label.filter((_, i) => gender[i] === group);
  return rows.reduce((a, b) => a + b, 0) / rows.length;
}

describe('examples/generate.ts', () => {
  let out: string;
  let stdout: string;
  let model: ModelConfigFile;

  beforeAll(async () => {
    const config = configFileSchema.parse(parse(await readFile(join(REPO, '.github/modelgate.yml'), 'utf8')));
    model = config.models.churn!;
    out = await mkdtemp(join(tmpdir(), 'modelgate-examples-'));
    const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    ({ stdout } = await promisify(execFile)(process.execPath, [tsx, 'examples/generate.ts', '--out', out], {
      cwd: ROOT,
    }));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  test('re-running the generator reproduces the committed files byte for byte', async () => {
    expect(await listFiles(out)).toEqual(GENERATED);
    for (const path of GENERATED) {
      const [fresh, committed] = await Promise.all([readFile(join(out, path)), readFile(join(REPO, path))]);
      expect({ path, identical: fresh.equals(committed) }).toEqual({ path, identical: true });
    }
    expect(stdout).toContain('eval rows: 4000');
  });

  test('the files stay small', async () => {
    const size = async (path: string) => (await readFile(join(REPO, path))).length;
    expect(await size('data/churn/eval.csv')).toBeLessThan(500_000);
    expect(await size('models/churn/model.onnx')).toBeLessThan(200_000);
    expect(await size('models/churn/production.onnx')).toBeLessThan(200_000);
  });

  test('the config is valid and its features are the model input, in CSV columns', async () => {
    expect(model.artifact).toBe('models/churn/model.onnx');
    const header = (await readFile(join(REPO, model.data), 'utf8')).split('\n', 1)[0]!.split(',');
    for (const column of [...model.features!, ...model.sensitive, model.target, model.id!])
      expect(header).toContain(column);
    const { session } = await score('models/churn/model.onnx', await readEvalData(model.features!));
    expect(session.inputMetadata).toEqual([
      { name: 'input', isTensor: true, type: 'float32', shape: ['N', model.features!.length] },
    ]);
  });

  test('both models run in onnxruntime with the scores of their parameters', async () => {
    const data = await readEvalData(model.features!);
    const demo = buildChurnDemo();
    for (const [file, spec] of [
      ['models/churn/production.onnx', demo.models.production],
      ['models/churn/model.onnx', demo.models.candidate],
    ] as const) {
      const { p1, label } = await score(file, data);
      const reference = computeClassifierScores(spec, data.x, data.f);
      const worst = p1.reduce((m, p, i) => Math.max(m, Math.abs(p - reference.probability[i]!)), 0);
      expect({ file, worst: worst < 1e-6, labels: label.every((l, i) => l === reference.label[i]) }).toEqual({
        file,
        worst: true,
        labels: true,
      });
    }
  });

  test('the candidate is more accurate but breaks the four-fifths rule on gender', async () => {
    // Expected values: numpy on the same onnxruntime outputs (accuracy = mean(label == y);
    // ROC AUC from scipy.stats.rankdata, as sklearn's roc_auc_score; selection rate = mean(label) per group).
    const data = await readEvalData(model.features!);
    const production = await score('models/churn/production.onnx', data);
    const candidate = await score('models/churn/model.onnx', data);
    const accuracy = (label: number[]) => label.filter((l, i) => l === data.y[i]).length / data.n;
    expect(accuracy(production.label)).toBe(0.77075);
    expect(accuracy(candidate.label)).toBe(0.7865);
    expect(rocAuc(production.p1, data.y)).toBeCloseTo(0.800857, 5);
    expect(rocAuc(candidate.p1, data.y)).toBeCloseTo(0.819301, 5);
    const ratio = (label: number[]) => {
      const [female, male] = [
        selectionRate(label, data.gender, 'female'),
        selectionRate(label, data.gender, 'male'),
      ];
      return Math.min(female, male) / Math.max(female, male);
    };
    expect(ratio(production.label)).toBeCloseTo(0.9814, 4);
    expect(ratio(candidate.label)).toBeCloseTo(0.4398, 4);
  });
});
