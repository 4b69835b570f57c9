/**
 * The paired bootstrap on worker threads: [0, B) is split into one contiguous slice per worker;
 * each worker builds the replicate sources from the shared plan and runs its slice. Every resample
 * has its own random stream, so the merged slices equal a single-threaded run bit for bit.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BootstrapPlan } from '../../shared/evaluate/bootstrap-plan.js';
import { LANES } from '../../shared/evaluate/lane-row-counts.js';
import type { ReplicateSlice } from '../../shared/evaluate/run-bootstrap.js';
import { copyToSharedMemory } from './copy-to-shared-memory.js';

/** What a worker runs (its workerData). */
export interface BootstrapTask {
  plan: BootstrapPlan;
  seed: number;
  from: number;
  to: number;
}

/** Messages from a worker. */
export type WorkerMessage = { kind: 'progress'; done: number } | { kind: 'done'; slice: ReplicateSlice };

/** Input of {@link runBootstrapOnWorkers}. */
export interface BootstrapWorkersInput {
  plan: BootstrapPlan;
  seed: number;
  resamples: number;
  workers: number;
  /** The worker entry (see {@link findBootstrapWorker}). */
  entry: URL;
  /** Resamples done so far, over all workers. */
  onProgress?: ((done: number) => void) | undefined;
}

/**
 * Runs the bootstrap of `plan` on `workers` threads; resolves with their slices.
 * @throws the first worker error (the other workers are stopped).
 */
export async function runBootstrapOnWorkers(input: BootstrapWorkersInput): Promise<ReplicateSlice[]> {
  const plan = copyToSharedMemory(input.plan);
  const ranges = splitResamples(input.resamples, input.workers);
  const done = ranges.map(() => 0);
  const workers: Worker[] = [];
  const report = (i: number, count: number) => {
    done[i] = count;
    input.onProgress?.(done.reduce((a, b) => a + b, 0));
  };
  try {
    return await Promise.all(
      ranges.map(([from, to], i) => {
        const task: BootstrapTask = { plan, seed: input.seed, from, to };
        const worker = startWorker(input.entry, task);
        workers.push(worker);
        return collectSlice(worker, (count) => report(i, count));
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * [from, to) per part: contiguous, covering [0, resamples), as even as whole batches of LANES
 * allow (a slice ends at a multiple of LANES, except the last); never empty.
 */
export function splitResamples(resamples: number, parts: number): [number, number][] {
  const count = Math.max(1, Math.min(parts, Math.ceil(resamples / LANES)));
  const ranges: [number, number][] = [];
  let from = 0;
  for (let p = 1; p <= count; p++) {
    const to =
      p === count ? resamples : Math.min(resamples, Math.round((resamples * p) / count / LANES) * LANES);
    if (to > from) ranges.push([from, to]);
    from = Math.max(from, to);
  }
  return ranges;
}

function collectSlice(worker: Worker, onProgress: (done: number) => void): Promise<ReplicateSlice> {
  return new Promise((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.done);
      else resolve(message.slice);
    });
    worker.on('error', reject);
    worker.on('exit', (code) =>
      reject(new Error(`bootstrap worker exited with code ${code} before its result`)),
    );
  });
}

function startWorker(entry: URL, task: BootstrapTask): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: task });
  // Source runs (tsx, jest): Node 20 does not give a worker its parent's TypeScript loader, so the
  // worker loads tsx itself and imports the TypeScript entry through it.
  const tsx = path.join(
    path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
    'dist/esm/api/index.mjs',
  );
  const code = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}));`;
  return new Worker(code, { eval: true, workerData: task });
}

/**
 * The worker entry next to this module: `bootstrap-worker.js` beside it or one folder up (the
 * bundle's entry and chunk folders), or `bootstrap-worker.ts` when running from source; null when
 * there is none (then the bootstrap runs in-process).
 */
export function findBootstrapWorker(base: string = import.meta.url): URL | null {
  const candidates = ['./bootstrap-worker.js', '../bootstrap-worker.js'];
  if (base.endsWith('.ts')) candidates.push('./bootstrap-worker.ts');
  for (const candidate of candidates) {
    const url = new URL(candidate, base);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}
