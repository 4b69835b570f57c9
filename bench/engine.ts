/**
 * Engine benchmark on 1,000,000 synthetic binary rows: two sensitive columns (5 and 2 groups) plus
 * their intersection, correlated candidate and production scores, 1,000 paired bootstrap resamples.
 * Prints JSON lines:
 *   engine_full_1m          every binary metric overall and per group, every gap, intervals
 *                           (single-threaded: evaluateModelPair);
 *   engine_full_1m_parallel the same with the bootstrap on worker threads, as the Action runs it
 *                           (evaluateModelPairParallel; from source, the workers load TypeScript
 *                           through tsx, which adds their start-up time); identical results;
 *   engine_accuracy_dp_1m   accuracy + demographic parity only (point + 1,000 paired resamples),
 *                           built from the engine's own parts (decisions, cells, cell bootstrap);
 *   engine_full_1m_phase    where the full run's time goes (the engine's own timings).
 * Run: `npx tsx bench/engine.ts`. Figures, not assertions; targets are printed beside them.
 */

import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { evaluateModelPairParallel } from '../action/parallel/evaluate-model-pair-parallel.js';
import {
  computeConfusionSlots,
  createBinaryTotals,
  readConfusion,
  sumBinaryCells,
} from '../shared/evaluate/aggregate-cells.js';
import { buildCells } from '../shared/evaluate/build-cells.js';
import { buildComparison, buildGapComparison } from '../shared/evaluate/build-comparison.js';
import { BinaryCellBootstrap } from '../shared/evaluate/cell-bootstrap.js';
import { type EngineResult, evaluateModelPair } from '../shared/evaluate/evaluate-model-pair.js';
import { gapKey } from '../shared/evaluate/replicates.js';
import { runBootstrap } from '../shared/evaluate/run-bootstrap.js';
import type { EngineSettings, Grouping, Predictions, Target } from '../shared/evaluate/types.js';
import { buildGroupings, MISSING_GROUP } from '../shared/fairness/build-groupings.js';
import { computeGapDetail } from '../shared/fairness/compute-gap-detail.js';
import { decideBinary } from '../shared/metrics/binary.js';
import { computeCountMetricValue } from '../shared/metrics/confusion.js';
import { createRng } from '../shared/stats/rng.js';

const ROWS = 1_000_000;
const RESAMPLES = 1000;
const RUNS = 3;

interface Data {
  target: Target & { task: 'binary' };
  candidate: Predictions & { task: 'binary' };
  production: Predictions & { task: 'binary' };
  groupings: Grouping[];
}

/** Deterministic synthetic data: a latent risk, group effects, two noisy models of it. */
function buildData(): Data {
  const rng = createRng(20240611);
  const y = new Uint8Array(ROWS);
  const scoreC = new Float64Array(ROWS);
  const scoreP = new Float64Array(ROWS);
  const race = new Int32Array(ROWS);
  const sex = new Int32Array(ROWS);
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  const normal = () =>
    Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
  for (let i = 0; i < ROWS; i++) {
    race[i] = rng.nextInt(5);
    sex[i] = rng.nextInt(2);
    const risk = normal() + 0.2 * race[i]! - 0.3 * sex[i]!;
    y[i] = rng.nextFloat() < sigmoid(1.5 * risk - 0.8) ? 1 : 0;
    const shared = 1.2 * risk + 0.6 * normal();
    scoreC[i] = sigmoid(shared + 0.4 * normal() - 0.8);
    scoreP[i] = sigmoid(0.9 * shared + 0.6 * normal() - 0.7);
  }
  const groupings = buildGroupings({
    columns: [
      { name: 'race', codes: race, levels: ['a', 'b', 'c', 'd', 'e'] },
      { name: 'sex', codes: sex, levels: ['female', 'male'] },
    ],
    intersections: true,
  });
  return {
    target: { task: 'binary', y, positiveLabel: '1' },
    candidate: { task: 'binary', score: scoreC, label: null },
    production: { task: 'binary', score: scoreP, label: null },
    groupings,
  };
}

const settings: EngineSettings = {
  task: 'binary',
  seed: 42,
  bootstrap: RESAMPLES,
  confidence: 0.95,
  minGroupSize: 30,
  threshold: 0.5,
};

function runFull(data: Data): EngineResult {
  return evaluateModelPair({ ...data, settings, now: () => performance.now() });
}

async function runFullParallel(data: Data): Promise<{ engine: EngineResult; threads: number }> {
  const r = await evaluateModelPairParallel({ ...data, settings, now: () => performance.now() });
  if (r.fallback !== null) throw new Error(`the parallel run fell back: ${r.fallback}`);
  return r;
}

/** Accuracy and demographic parity alone: decisions, cells, point values, paired cell bootstrap. */
function runAccuracyDp(data: Data): void {
  const { y } = data.target;
  const predC = decideBinary(data.candidate.score, null, settings.threshold);
  const predP = decideBinary(data.production.score, null, settings.threshold);
  const cells = buildCells({ y, k: 2, predC, predP, groupings: data.groupings });
  const sizes = data.groupings.map((g) => g.names.length + 1);
  const totals = [cells.predC, cells.predP!].map((pred) => {
    const t = createBinaryTotals(sizes);
    sumBinaryCells(cells, computeConfusionSlots(cells.y, pred), cells.count, t);
    return t;
  });
  const confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  const accuracy = totals.map((t) => ({
    value: computeCountMetricValue('accuracy', readConfusion(t.overall, 0, confusion)),
  }));
  const gap = 'demographic_parity_difference' as const;
  const details = data.groupings.map((g, i) =>
    totals.map((t) =>
      computeGapDetail({ gap, names: [...g.names, MISSING_GROUP], conf: t.groups[i]!, minGroupSize: 30 }),
    ),
  );
  const plans = data.groupings.map((g, i) => ({
    column: g.column,
    grouping: i,
    gap,
    eligible: details[i]![0]!.eligible,
  }));
  const source = new BinaryCellBootstrap(cells, sizes, plans, ['accuracy']);
  const store = runBootstrap({ sources: [source], resamples: RESAMPLES, seed: 42 });
  buildComparison({
    candidate: accuracy[0]!,
    production: accuracy[1]!,
    series: store.get('accuracy'),
    confidence: 0.95,
  });
  data.groupings.forEach((g, i) => {
    const [candidate, production] = details[i]!;
    buildGapComparison({
      candidate: candidate!,
      production: production!,
      series: store.get(gapKey(g.column, gap)),
      confidence: 0.95,
    });
  });
}

/** Wall-clock seconds of `fn`; its CPU seconds (all threads of the process) go to `cpu`. */
async function time(fn: () => unknown, cpu: number[]): Promise<number> {
  const t = performance.now();
  const c = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1e6);
  return (performance.now() - t) / 1000;
}

const withoutTimings = ({ timings: _, ...rest }: EngineResult) => rest;

const data = buildData();
const full: number[] = [];
const parallel: number[] = [];
const dp: number[] = [];
const fullCpu: number[] = [];
const parallelCpu: number[] = [];
const dpCpu: number[] = [];
let phases: Record<string, number> = {};
let single: EngineResult | null = null;
let threaded: { engine: EngineResult; threads: number } | null = null;
for (let run = 0; run < RUNS; run++) {
  dp.push(await time(() => runAccuracyDp(data), dpCpu));
  full.push(await time(() => (single = runFull(data)), fullCpu));
  if (full.at(-1) === Math.min(...full)) phases = single!.timings;
  parallel.push(await time(async () => (threaded = await runFullParallel(data)), parallelCpu));
}
const identical = isDeepStrictEqual(withoutTimings(single!), withoutTimings(threaded!.engine));
const best = (xs: number[]) => Math.round(Math.min(...xs) * 1000) / 1000;
const runs = (xs: number[]) => xs.map((x) => Math.round(x * 1000) / 1000);
console.log(
  JSON.stringify({
    bench: 'engine_full_1m',
    seconds: best(full),
    runs: runs(full),
    cpu_seconds: best(fullCpu),
    target_seconds: 3,
  }),
);
console.log(
  JSON.stringify({
    bench: 'engine_full_1m_parallel',
    seconds: best(parallel),
    runs: runs(parallel),
    cpu_seconds: best(parallelCpu),
    threads: threaded!.threads,
    identical_to_single_threaded: identical,
    target_seconds: 3,
  }),
);
console.log(
  JSON.stringify({
    bench: 'engine_accuracy_dp_1m',
    seconds: best(dp),
    runs: runs(dp),
    cpu_seconds: best(dpCpu),
    target_seconds: 1.2,
  }),
);
const rounded = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)]));
console.log(
  JSON.stringify({
    bench: 'engine_full_1m_phase',
    ...rounded,
    cores: availableParallelism(),
    load1: Math.round(loadavg()[0]! * 10) / 10,
  }),
);
