/**
 * Overhead of the ONNX runner on 1,000,000 rows: (a) the evaluation path, Table → runner predict
 * (batches of 4,096: feature packing, session.run, output validation) → Predictions, divided by
 * (b) raw `session.run` on one pre-built float32 tensor holding all the rows, in one call (also
 * reported: raw runs over pre-built tensors of the same 4,096-row batches, `raw_batched_s`).
 * Target: ratio ≤ 1.15. Each side: one warm-up, then the best of seven runs, interleaved (a shared machine's load hits both alike).
 *
 * Model: /work/shared/models/adult/gbt_v2.onnx (200 trees, depth 4, 91 inputs) when present, with
 * rows resampled from its eval.csv; otherwise a generated MLP (91 → 128 → 2) on synthetic rows.
 *
 *   npx tsx bench/onnx.ts [rows]
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { readCsv } from '../action/data/read-csv.js';
import { createOnnxModel, DEFAULT_BATCH_SIZE, SESSION_OPTIONS } from '../action/runners/onnx-runner.js';
import type { NumericColumn, Table } from '../shared/data/table.js';
import { createRng } from '../shared/stats/rng.js';
import { buildModel } from '../test/fixtures/onnx/build-onnx.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const RUNS = 7;
const REAL = '/work/shared/models/adult';

interface Setup {
  name: string;
  bytes: Uint8Array;
  table: Table;
  features: string[];
}

async function loadRealSetup(): Promise<Setup> {
  const meta = JSON.parse(await readFile(`${REAL}/models.json`, 'utf8')) as { feature_columns: string[] };
  const features = meta.feature_columns;
  const source = await readCsv(`${REAL}/eval.csv`, { columns: features });
  const rng = createRng(42);
  const picks = Int32Array.from({ length: ROWS }, () => rng.nextInt(source.rowCount));
  const columns = features.map((name): NumericColumn => {
    const from = (source.columns.get(name) as NumericColumn).values;
    return { kind: 'numeric', name, values: Float64Array.from(picks, (r) => from[r]!) };
  });
  return {
    name: 'adult/gbt_v2.onnx',
    bytes: await readFile(`${REAL}/gbt_v2.onnx`),
    table: toTable(columns),
    features,
  };
}

function buildGeneratedSetup(): Setup {
  const f = 91;
  const hidden = 128;
  const rng = createRng(42);
  const gauss = () => (rng.nextFloat() + rng.nextFloat() + rng.nextFloat() - 1.5) * 0.5;
  const bytes = buildModel({
    inputs: { input: { tensor: 1, shape: ['N', f] } },
    outputs: { probabilities: { tensor: 1, shape: ['N', 2] } },
    nodes: [
      { op: 'MatMul', inputs: ['input', 'W1'], outputs: ['h0'] },
      { op: 'Add', inputs: ['h0', 'B1'], outputs: ['h1'] },
      { op: 'Relu', inputs: ['h1'], outputs: ['h2'] },
      { op: 'MatMul', inputs: ['h2', 'W2'], outputs: ['z0'] },
      { op: 'Add', inputs: ['z0', 'B2'], outputs: ['z1'] },
      { op: 'Softmax', inputs: ['z1'], outputs: ['probabilities'], attrs: { axis: { i: 1 } } },
    ],
    initializers: [
      { name: 'W1', dims: [f, hidden], floats: Array.from({ length: f * hidden }, gauss) },
      { name: 'B1', dims: [hidden], floats: Array.from({ length: hidden }, gauss) },
      { name: 'W2', dims: [hidden, 2], floats: Array.from({ length: hidden * 2 }, gauss) },
      { name: 'B2', dims: [2], floats: [0, 0] },
    ],
  });
  const features = Array.from({ length: f }, (_, j) => `x${j}`);
  const columns = features.map(
    (name): NumericColumn => ({ kind: 'numeric', name, values: Float64Array.from({ length: ROWS }, gauss) }),
  );
  return { name: 'generated MLP 91-128-2', bytes, table: toTable(columns), features };
}

function toTable(columns: NumericColumn[]): Table {
  return {
    source: 'bench',
    rowCount: ROWS,
    names: columns.map((c) => c.name),
    columns: new Map(columns.map((c) => [c.name, c])),
  };
}

function buildFullTensor(setup: Setup): ort.Tensor {
  const f = setup.features.length;
  const data = new Float32Array(ROWS * f);
  setup.features.forEach((name, j) => {
    const values = (setup.table.columns.get(name) as NumericColumn).values;
    for (let i = 0; i < ROWS; i++) data[i * f + j] = values[i]!;
  });
  return new ort.Tensor('float32', data, [ROWS, f]);
}

/** Views of the full tensor, `size` rows each: the same batches as the runner, pre-built. */
function buildBatchTensors(full: ort.Tensor, size: number): ort.Tensor[] {
  const data = full.data as Float32Array;
  const [rows, f] = full.dims as [number, number];
  const out: ort.Tensor[] = [];
  for (let s = 0; s < rows; s += size) {
    const e = Math.min(s + size, rows);
    out.push(new ort.Tensor('float32', data.subarray(s * f, e * f), [e - s, f]));
  }
  return out;
}

interface Timing {
  wall: number;
  cpu: number;
}

/**
 * Best wall and CPU time (seconds; CPU = user + system of all threads, ONNX Runtime's included) of
 * each function over `runs`, interleaved so load from elsewhere on a shared machine hits all alike.
 */
async function bestOfInterleaved(runs: number, fns: (() => Promise<unknown>)[]): Promise<Timing[]> {
  for (const fn of fns) await fn();
  const best = fns.map(() => ({ wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY }));
  for (let r = 0; r < runs; r++) {
    for (const [k, fn] of fns.entries()) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await fn();
      const wall = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      best[k]!.wall = Math.min(best[k]!.wall, wall);
      best[k]!.cpu = Math.min(best[k]!.cpu, (cpu.user + cpu.system) / 1e6);
    }
  }
  return best;
}

const setup = existsSync(`${REAL}/gbt_v2.onnx`) ? await loadRealSetup() : buildGeneratedSetup();
const model = await createOnnxModel(setup.bytes, setup.name);
// The same session options as the runner: the ratio measures the data path, not the runtime settings.
const session = await ort.InferenceSession.create(setup.bytes, SESSION_OPTIONS);
const tensor = buildFullTensor(setup);
const batches = buildBatchTensors(tensor, DEFAULT_BATCH_SIZE);
const input = session.inputNames[0]!;
const [runner, raw, rawBatched] = (await bestOfInterleaved(RUNS, [
  () =>
    model.predict(setup.table, { features: setup.features, task: 'binary', batchSize: DEFAULT_BATCH_SIZE }),
  () => session.run({ [input]: tensor }),
  async () => {
    for (const b of batches) await session.run({ [input]: b });
  },
])) as [Timing, Timing, Timing];
await model.dispose();
await session.release();
const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(
  JSON.stringify({
    bench: 'onnx_overhead_1m',
    ratio: round(runner.wall / raw.wall),
    runner_s: round(runner.wall),
    raw_s: round(raw.wall),
    raw_batched_s: round(rawBatched.wall),
    ratio_vs_batched: round(runner.wall / rawBatched.wall),
    cpu_ratio: round(runner.cpu / raw.cpu),
    runner_cpu_s: round(runner.cpu),
    raw_cpu_s: round(raw.cpu),
    raw_batched_cpu_s: round(rawBatched.cpu),
    rows: ROWS,
    model: setup.name,
    runner_batch: DEFAULT_BATCH_SIZE,
    raw_batch: ROWS,
  }),
);
