/**
 * The bundled worker entry: `node scripts/bundle.mjs`, then dist/ copied into an empty folder (no
 * node_modules or package.json above it, as on a runner). The worker file must sit where the
 * bundles look for it, run on its own chunks, and return exactly the in-process replicates.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type BootstrapTask,
  findBootstrapWorker,
  type WorkerMessage,
} from '../../../action/parallel/run-bootstrap-workers.js';
import { buildModelPairPlan, prepareModelPair } from '../../../shared/evaluate/model-pair-steps.js';
import { type ReplicateSlice, runBootstrapSlice } from '../../../shared/evaluate/run-bootstrap.js';
import { binarySettings, buildBinaryFixture } from '../../shared/evaluate/fixtures.js';
import { type ActionBuild, buildAction } from '../run/action-bundle.js';

let build: ActionBuild;

beforeAll(async () => {
  build = await buildAction();
}, 120_000);

afterAll(() => {
  rmSync(build.dir, { recursive: true, force: true });
});

function runWorker(entry: URL, task: BootstrapTask): Promise<ReplicateSlice> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: task });
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'done') resolve(message.slice);
    });
    worker.on('error', reject);
  });
}

test.each(['action', 'cli'])('dist/%s: the entry and its chunks find the worker beside them', (bundle) => {
  const dir = path.join(build.dir, 'dist', bundle);
  const worker = pathToFileURL(path.join(dir, 'bootstrap-worker.js')).href;
  expect(findBootstrapWorker(pathToFileURL(path.join(dir, 'index.js')).href)?.href).toBe(worker);
  if (bundle === 'action')
    expect(findBootstrapWorker(pathToFileURL(path.join(dir, 'chunks', 'chunk-any.js')).href)?.href).toBe(
      worker,
    );
});

test.each(['action', 'cli'])(
  'dist/%s/bootstrap-worker.js runs a slice identical to the in-process one',
  async (bundle) => {
    const data = buildBinaryFixture(2000, { decimals: 2 });
    const plan = buildModelPairPlan(
      prepareModelPair({ ...data, settings: binarySettings({ bootstrap: 50 }) }),
    );
    const task: BootstrapTask = { plan: plan!, seed: 7, from: 16, to: 50 };
    const entry = pathToFileURL(path.join(build.dir, 'dist', bundle, 'bootstrap-worker.js'));
    const slice = await runWorker(entry, task);
    const expected = runBootstrapSlice(task);
    expect(slice.from).toBe(16);
    expect(slice.sources.map((s) => Array.from(s.values))).toEqual(
      expected.sources.map((s) => Array.from(s.values)),
    );
    expect(slice.sources.map((s) => s.keys)).toEqual(expected.sources.map((s) => s.keys));
  },
);
