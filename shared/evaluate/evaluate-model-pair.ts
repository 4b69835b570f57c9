/**
 * The numeric engine: ground truth + candidate (+ production) predictions → the report's
 * `metrics`, `groups` and `fairness`, each metric and gap with a percentile bootstrap interval and
 * a paired interval for the difference candidate − production. Pure and deterministic for a seed.
 *
 * Also in steps (model-pair-steps.ts), for shells that run the bootstrap on other threads.
 */
import type { Comparison, GapComparison, GroupEntry } from '../report/schema.js';
import {
  buildModelPairPlan,
  completeModelPair,
  computeModelPairPoints,
  prepareModelPair,
} from './model-pair-steps.js';
import { runBootstrapSlice, throttleProgress } from './run-bootstrap.js';
import type { EngineSettings, Grouping, Predictions, Target } from './types.js';

/** Input of {@link evaluateModelPair}; every per-row array has the target's length. */
export interface EvaluateModelPairInput {
  target: Target;
  candidate: Predictions;
  /** null on a first promotion: then every `production` and `delta` is null. */
  production: Predictions | null;
  groupings: Grouping[];
  settings: EngineSettings;
  /** Bootstrap progress in (0, 1]. */
  onProgress?: (fraction: number) => void;
  /** Clock for `timings`, in milliseconds (the shell passes performance.now); default: always 0. */
  now?: () => number;
}

/** The report sections the engine fills (see shared/report/schema.ts). */
export interface EngineResult {
  /** Every metric of the task, in registry order. */
  metrics: Record<string, Comparison>;
  /** groups[column][group]: every grouping (columns and intersections). */
  groups: Record<string, Record<string, GroupEntry>>;
  /** fairness[gap][column] (binary only; empty for multiclass and regression). */
  fairness: Record<string, Record<string, GapComparison>>;
  /** Milliseconds per engine step: engine_prepare_ms, _metrics_ms, _groups_ms, _bootstrap_ms, _total_ms. */
  timings: Record<string, number>;
}

/**
 * Evaluates candidate and production on the same rows.
 * 1. validate, decisions, cells, gaps; 2. point metrics and group tables; 3. the paired bootstrap
 * (skipped when `settings.bootstrap` is 0: every ci is null); 4. assemble comparisons.
 * @throws ModelGateError (`engine_input`) on inconsistent input (see validateEngineInput).
 */
export function evaluateModelPair(input: EvaluateModelPairInput): EngineResult {
  const prepared = prepareModelPair(input);
  computeModelPairPoints(prepared);
  const plan = buildModelPairPlan(prepared);
  const { resamples, seed } = prepared;
  const onProgress = throttleProgress(resamples, input.onProgress);
  const slices = plan === null ? [] : [runBootstrapSlice({ plan, seed, from: 0, to: resamples, onProgress })];
  return completeModelPair(prepared, slices);
}
