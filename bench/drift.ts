/**
 * Drift statistics benchmark: 1,000,000 reference rows and 1,000,000 fresh rows × 20 feature
 * columns (16 numeric with 0.5% missing cells, 4 categorical with 12 levels), half of them
 * shifted; the full per-column work of monitor mode (PSI on reference deciles, KS, Jensen–Shannon,
 * chi-square, the decision). Prints one JSON line. Run: `npx tsx bench/drift.ts`.
 */
import { performance } from 'node:perf_hooks';
import { buildTable, type Column, type Table } from '../shared/data/table.js';
import { computeFeatureDrift } from '../shared/drift/compute-feature-drift.js';
import { DEFAULT_DRIFT_THRESHOLDS } from '../shared/drift/schema.js';

const ROWS = 1_000_000;
const NUMERIC = 16;
const CATEGORICAL = 4;
const LEVELS = 12;
const RUNS = 3;

/** Deterministic uniform [0, 1) (mulberry32). */
function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildData(seed: number, shifted: boolean): Table {
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const columns: Column[] = [];
  for (let c = 0; c < NUMERIC; c++) {
    const values = new Float64Array(ROWS);
    const shift = shifted && c % 4 === 0 ? 0.3 : 0;
    for (let i = 0; i < ROWS; i++)
      values[i] = rng() < 0.005 ? Number.NaN : Math.round((normal() + shift) * 1e4) / 1e4;
    columns.push({ kind: 'numeric', name: `n${c}`, values });
  }
  const levels = Array.from({ length: LEVELS }, (_, i) => `level-${i}`);
  for (let c = 0; c < CATEGORICAL; c++) {
    const codes = new Int32Array(ROWS);
    const skew = shifted && c % 2 === 0 ? 2 : 1;
    for (let i = 0; i < ROWS; i++) codes[i] = Math.min(LEVELS - 1, Math.floor(LEVELS * rng() ** skew));
    columns.push({ kind: 'categorical', name: `c${c}`, codes, levels });
  }
  return buildTable(shifted ? 'fresh' : 'reference', columns);
}

function main(): void {
  const reference = buildData(1, false);
  const current = buildData(2, true);
  const features = reference.names;
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let drifted = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const drift = computeFeatureDrift({ reference, current, features, thresholds: DEFAULT_DRIFT_THRESHOLDS });
    const used = process.cpuUsage(cpu);
    seconds.push((performance.now() - started) / 1000);
    // CPU time tells the statistics' own cost apart from a busy machine's.
    cpuSeconds.push((used.user + used.system) / 1e6);
    drifted = drift.drifted;
  }
  const first = seconds[0]!;
  seconds.sort((a, b) => a - b);
  const line = {
    bench: 'drift_1m_x20',
    seconds: Math.round(seconds[Math.floor(RUNS / 2)]! * 1000) / 1000,
    first_run_seconds: Math.round(first * 1000) / 1000,
    cpu_seconds: Math.round(cpuSeconds.sort((a, b) => a - b)[Math.floor(RUNS / 2)]! * 1000) / 1000,
    rows_reference: ROWS,
    rows_current: ROWS,
    columns: features.length,
    drifted,
  };
  console.log(JSON.stringify(line));
}

main();
