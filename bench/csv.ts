/**
 * CSV ingest benchmark: writes a realistic 1,000,000-row evaluation file (id, 8 float features,
 * two sensitive columns, label, score; ~107 MB) to a temporary folder, reads it with readCsv and
 * prints one JSON line per measurement (median of 3 reads). A second file writes the floats in
 * full precision (17 significant digits, as pandas does). Extra CSV paths given as arguments are
 * measured too. Run: `npx tsx bench/csv.ts [extra.csv ...]`.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { readCsv } from '../action/data/read-csv.js';

const ROWS = 1_000_000;
const RUNS = 3;
const GENDERS = ['female', 'male', 'non-binary'];
const AGE_BANDS = ['18-25', '26-40', '41-65', '65+'];

/** Deterministic uniform [0, 1) (mulberry32), so every run reads the same bytes. */
function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `digits` decimals as most exporters write them; null: shortest round-trip text (17 digits). */
async function writeCsv(path: string, digits: number | null): Promise<void> {
  const rng = createRng(42);
  const out = createWriteStream(path);
  const format = (x: number) => (digits === null ? String(x) : x.toFixed(digits));
  out.write('id,f1,f2,f3,f4,f5,f6,f7,f8,gender,age_band,label,score\n');
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const features = Array.from({ length: 8 }, (_, k) =>
      rng() < 0.002 ? '' : format((rng() - 0.3) * 10 ** (k % 3)),
    );
    const gender = GENDERS[Math.floor(rng() * GENDERS.length)];
    const age = AGE_BANDS[Math.floor(rng() * AGE_BANDS.length)];
    const score = rng();
    chunk += `${100000 + i},${features.join(',')},${gender},${age},${rng() < score ? 1 : 0},${format(score)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
}

async function measure(bench: string, path: string, runs: number): Promise<void> {
  const mb = statSync(path).size / 1e6;
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let rows = 0;
  let columns = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const table = await readCsv(path);
    seconds.push((performance.now() - started) / 1000);
    const used = process.cpuUsage(cpu);
    cpuSeconds.push((used.user + used.system) / 1e6);
    rows = table.rowCount;
    columns = table.names.length;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
  const line = {
    bench,
    mb: round(mb, 1),
    rows,
    columns,
    seconds: round(median(seconds), 3),
    mb_per_s: round(mb / median(seconds), 1),
    first_run_seconds: round(seconds[0]!, 3),
    // CPU time tells the reader's own speed apart from a busy machine's.
    cpu_seconds: round(median(cpuSeconds), 3),
  };
  console.log(JSON.stringify(line));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'modelgate-bench-csv-'));
  try {
    const sixDigits = join(dir, 'eval-1m.csv');
    await writeCsv(sixDigits, 6);
    await measure('csv_ingest_1m', sixDigits, RUNS);
    const fullPrecision = join(dir, 'eval-1m-full-precision.csv');
    await writeCsv(fullPrecision, null);
    await measure('csv_ingest_1m_full_precision', fullPrecision, RUNS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const path of process.argv.slice(2)) {
    if (existsSync(path)) await measure(`csv_ingest_${path.split('/').pop()}`, path, RUNS);
  }
}

await main();
