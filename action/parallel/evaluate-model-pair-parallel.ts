/**
 * The engine with its paired bootstrap on worker threads when the work is large enough to pay for
 * starting them: preparation and plan here → slices on workers, while this thread computes the
 * point metrics and group tables → completion. Falls back to the in-process engine (the same
 * numbers, bit for bit) when the work is small, there is one core, the worker entry is missing, or
 * a worker fails.
 */
import { availableParallelism } from 'node:os';
import { toModelGateError } from '../../shared/errors.js';
import type { EngineResult, EvaluateModelPairInput } from '../../shared/evaluate/evaluate-model-pair.js';
import {
  buildModelPairPlan,
  completeModelPair,
  computeModelPairPoints,
  prepareModelPair,
} from '../../shared/evaluate/model-pair-steps.js';
import { runBootstrapSlice, throttleProgress } from '../../shared/evaluate/run-bootstrap.js';
import { findBootstrapWorker, runBootstrapOnWorkers } from './run-bootstrap-workers.js';

/** Rows × resamples above which the bootstrap goes to worker threads (~0.1 s of work in-process). */
export const PARALLEL_MIN_WORK = 20_000_000;

export interface ParallelOptions {
  /** Worker threads (default: os.availableParallelism()); below 2 the bootstrap runs in-process. */
  workers?: number;
  /** Default {@link PARALLEL_MIN_WORK}. */
  minWork?: number;
  /** The worker entry (default: {@link findBootstrapWorker}); null: in-process. */
  entry?: URL | null;
}

export interface ParallelEngineResult {
  engine: EngineResult;
  /** Threads the bootstrap ran on (1: in-process). */
  threads: number;
  /** Why the workers were not used after all (missing entry, worker failure), or null. */
  fallback: string | null;
}

/**
 * evaluateModelPair with the bootstrap on worker threads when rows × resamples > minWork.
 * @throws ModelGateError (`engine_input`) on inconsistent input, like evaluateModelPair.
 */
export async function evaluateModelPairParallel(
  input: EvaluateModelPairInput,
  options: ParallelOptions = {},
): Promise<ParallelEngineResult> {
  const prepared = prepareModelPair(input);
  const { resamples, seed } = prepared;
  const workers = options.workers ?? availableParallelism();
  const parallel =
    workers >= 2 && resamples > 0 && prepared.rows * resamples > (options.minWork ?? PARALLEL_MIN_WORK);
  // In-process, the points come first: the same step order (and timings) as evaluateModelPair.
  if (!parallel) computeModelPairPoints(prepared);
  const plan = buildModelPairPlan(prepared);
  const inProcess = (fallback: string | null): ParallelEngineResult => {
    const onProgress = throttleProgress(resamples, input.onProgress);
    const slices =
      plan === null ? [] : [runBootstrapSlice({ plan, seed, from: 0, to: resamples, onProgress })];
    return { engine: completeModelPair(prepared, slices), threads: 1, fallback };
  };
  if (!parallel || plan === null) return inProcess(null);
  const entry = options.entry === undefined ? findBootstrapWorker() : options.entry;
  if (entry === null) return inProcess('the bootstrap worker entry was not found');
  const onProgress = throttleProgress(resamples, input.onProgress);
  const running = runBootstrapOnWorkers({ plan, seed, resamples, workers, entry, onProgress }).then(
    (slices) => ({ slices }),
    (error: unknown) => ({ error }),
  );
  // The workers started; the point metrics and group tables meanwhile, on this thread.
  let computed = false;
  try {
    computeModelPairPoints(prepared);
    computed = true;
  } finally {
    // On a failure here, the workers still finish (and are stopped) before it propagates.
    if (!computed) await running;
  }
  const outcome = await running;
  if ('error' in outcome)
    return inProcess(`bootstrap workers failed (${toModelGateError(outcome.error).message})`);
  return {
    engine: completeModelPair(prepared, outcome.slices),
    threads: outcome.slices.length,
    fallback: null,
  };
}
