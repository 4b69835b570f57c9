/**
 * Worker-thread entry: runs one slice of the paired bootstrap (see run-bootstrap-workers.ts) and
 * posts its replicates back, transferring their buffers. Bundled as its own entry point
 * (dist/action/bootstrap-worker.js, dist/cli/bootstrap-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runBootstrapSlice } from '../../shared/evaluate/run-bootstrap.js';
import type { BootstrapTask, WorkerMessage } from './run-bootstrap-workers.js';

if (parentPort !== null) {
  const port = parentPort;
  const task = workerData as BootstrapTask;
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const slice = runBootstrapSlice({ ...task, onProgress: (done) => post({ kind: 'progress', done }) });
  post(
    { kind: 'done', slice },
    slice.sources.map((s) => s.values.buffer as ArrayBuffer),
  );
}
