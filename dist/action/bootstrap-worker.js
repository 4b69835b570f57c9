import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  runBootstrapSlice
} from "./chunks/chunk-JFJ4BKRH.js";
import "./chunks/chunk-MIO7ENFF.js";
import "./chunks/chunk-4ZI2KDSH.js";
import "./chunks/chunk-ZGDBGMMU.js";

// action/parallel/bootstrap-worker.ts
import { parentPort, workerData } from "node:worker_threads";
if (parentPort !== null) {
  const port = parentPort;
  const task = workerData;
  const post = (message, transfer = []) => port.postMessage(message, transfer);
  const slice = runBootstrapSlice({ ...task, onProgress: (done) => post({ kind: "progress", done }) });
  post(
    { kind: "done", slice },
    slice.sources.map((s) => s.values.buffer)
  );
}
