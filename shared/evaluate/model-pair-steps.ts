/**
 * evaluateModelPair in steps, for shells that run the bootstrap on other threads:
 * {@link prepareModelPair} → {@link buildModelPairPlan} → runBootstrapSlice on slices of [0, B)
 * elsewhere, while {@link computeModelPairPoints} runs here → {@link completeModelPair}. The result
 * is identical to evaluateModelPair's (timings aside: the bootstrap then overlaps the metrics and
 * groups steps, and engine_bootstrap_ms counts the plan and the wait for the slices).
 */
import { GAP_NAMES, metricsForTask } from '../metrics/registry.js';
import type { Comparison, GapComparison } from '../report/schema.js';
import type { BootstrapPlan } from './bootstrap-plan.js';
import { buildComparison, buildGapComparison } from './build-comparison.js';
import { evaluateBinary } from './evaluate-binary.js';
import type { EngineResult, EvaluateModelPairInput } from './evaluate-model-pair.js';
import { evaluateMulticlass } from './evaluate-multiclass.js';
import { evaluateRegression } from './evaluate-regression.js';
import { gapKey, type ReplicateStore } from './replicates.js';
import { mergeReplicateSlices, type ReplicateSlice } from './run-bootstrap.js';
import type { TaskEvaluation, TaskInput, TaskPoints } from './task-evaluation.js';
import type { EngineSettings } from './types.js';
import { validateEngineInput } from './validate-engine-input.js';

const TASKS = { binary: evaluateBinary, multiclass: evaluateMulticlass, regression: evaluateRegression };

/** An evaluation between its steps. */
export interface PreparedModelPair {
  /** `settings.bootstrap` (0: no plan, no slices). */
  resamples: number;
  seed: number;
  /** Rows of the evaluation data. */
  rows: number;
  /** Everything the later steps need (opaque to the caller). */
  state: {
    evaluation: TaskEvaluation;
    settings: EngineSettings;
    clock: EngineClock;
    points: TaskPoints | null;
  };
}

/**
 * Validation, decisions, cells and gaps (lap engine_prepare_ms).
 * @throws ModelGateError (`engine_input`) on inconsistent input (see validateEngineInput).
 */
export function prepareModelPair(input: EvaluateModelPairInput): PreparedModelPair {
  const clock = startClock(input.now ?? (() => 0));
  validateEngineInput(input);
  const { settings } = input;
  const task: TaskInput = { ...input, lap: clock.lap };
  const evaluation = TASKS[settings.task](task);
  return {
    resamples: settings.bootstrap,
    seed: settings.seed,
    rows: input.target.y.length,
    state: { evaluation, settings, clock, points: null },
  };
}

/** The bootstrap's inputs, plain data for runBootstrapSlice; null when `bootstrap` is 0. */
export function buildModelPairPlan(prepared: PreparedModelPair): BootstrapPlan | null {
  const { evaluation, clock } = prepared.state;
  const plan = prepared.resamples > 0 ? evaluation.buildPlan() : null;
  clock.lap('engine_bootstrap_ms');
  return plan;
}

/** Point metrics and group tables (laps engine_metrics_ms, engine_groups_ms); once. */
export function computeModelPairPoints(prepared: PreparedModelPair): void {
  prepared.state.points ??= prepared.state.evaluation.computePoints();
}

/**
 * The comparisons, from the replicates of slices covering [0, resamples) (none when `bootstrap`
 * is 0); computes the points first if that step was skipped.
 * @throws RangeError when the slices do not cover the resamples exactly.
 */
export function completeModelPair(
  prepared: PreparedModelPair,
  slices: readonly ReplicateSlice[],
): EngineResult {
  computeModelPairPoints(prepared);
  const { evaluation, settings, clock, points } = prepared.state;
  const store = prepared.resamples === 0 ? null : mergeReplicateSlices(prepared.resamples, slices);
  clock.lap('engine_bootstrap_ms');
  const result = assemble({ evaluation, points: points!, store, settings });
  clock.timings.engine_total_ms = clock.now() - clock.start;
  return { ...result, timings: clock.timings };
}

interface EngineClock {
  now: () => number;
  start: number;
  timings: Record<string, number>;
  /** Adds the time since the previous lap to `timings[name]`. */
  lap: (name: string) => void;
}

function startClock(now: () => number): EngineClock {
  const start = now();
  // The report lists the steps in this order, whichever runs first.
  const timings: Record<string, number> = {
    engine_prepare_ms: 0,
    engine_metrics_ms: 0,
    engine_groups_ms: 0,
    engine_bootstrap_ms: 0,
  };
  let last = start;
  const lap = (name: string) => {
    const t = now();
    timings[name] = (timings[name] ?? 0) + (t - last);
    last = t;
  };
  return { now, start, timings, lap };
}

function assemble(input: {
  evaluation: TaskEvaluation;
  points: TaskPoints;
  store: ReplicateStore | null;
  settings: EngineSettings;
}): Omit<EngineResult, 'timings'> {
  const { evaluation, points, store, settings } = input;
  const { confidence } = settings;
  const [pointC, pointP] = points.metrics;
  const metrics: Record<string, Comparison> = {};
  for (const name of metricsForTask(settings.task)) {
    const candidate = pointC[name] ?? { value: null, reason: 'not computed' };
    const production = pointP === null ? null : (pointP[name] ?? { value: null, reason: 'not computed' });
    metrics[name] = buildComparison({ candidate, production, series: store?.get(name), confidence });
  }
  const fairness: Record<string, Record<string, GapComparison>> = {};
  for (const gap of GAP_NAMES) {
    const rows = evaluation.gaps.filter((g) => g.gap === gap);
    if (rows.length === 0) continue;
    fairness[gap] = Object.fromEntries(
      rows.map((g) => [
        g.column,
        buildGapComparison({
          candidate: g.candidate,
          production: g.production,
          series: store?.get(gapKey(g.column, gap)),
          confidence,
        }),
      ]),
    );
  }
  return { metrics, groups: points.groups, fairness };
}
