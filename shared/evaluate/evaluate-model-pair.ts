/**
 * The numeric engine: ground truth + candidate (+ production) predictions → the report's
 * `metrics`, `groups` and `fairness`, each metric and gap with a percentile bootstrap interval and
 * a paired interval for the difference candidate − production. Pure and deterministic for a seed.
 */
import { GAP_NAMES, metricsForTask } from '../metrics/registry.js';
import type { Comparison, GapComparison, GroupEntry } from '../report/schema.js';
import { buildComparison, buildGapComparison } from './build-comparison.js';
import { evaluateBinary } from './evaluate-binary.js';
import { evaluateMulticlass } from './evaluate-multiclass.js';
import { evaluateRegression } from './evaluate-regression.js';
import { gapKey, type ReplicateStore } from './replicates.js';
import { runBootstrap } from './run-bootstrap.js';
import type { TaskEvaluation, TaskInput } from './task-evaluation.js';
import type { EngineSettings, Grouping, Predictions, Target } from './types.js';
import { validateEngineInput } from './validate-engine-input.js';

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

const TASKS = { binary: evaluateBinary, multiclass: evaluateMulticlass, regression: evaluateRegression };

/**
 * Evaluates candidate and production on the same rows.
 * 1. validate; 2. decisions, point metrics, group tables and gaps (the task's evaluation);
 * 3. the paired bootstrap (skipped when `settings.bootstrap` is 0: every ci is null);
 * 4. assemble comparisons.
 * @throws ModelGateError (`engine_input`) on inconsistent input (see validateEngineInput).
 */
export function evaluateModelPair(input: EvaluateModelPairInput): EngineResult {
  const now = input.now ?? (() => 0);
  const timings: Record<string, number> = {};
  const start = now();
  let last = start;
  const lap = (name: string) => {
    const t = now();
    timings[name] = (timings[name] ?? 0) + (t - last);
    last = t;
  };
  validateEngineInput(input);
  const { settings } = input;
  const task: TaskInput = { ...input, lap };
  const evaluation = TASKS[settings.task](task);
  const store =
    settings.bootstrap > 0
      ? runBootstrap({
          sources: evaluation.buildSources(),
          resamples: settings.bootstrap,
          seed: settings.seed,
          onProgress: input.onProgress,
        })
      : null;
  lap('engine_bootstrap_ms');
  const result = assemble(evaluation, store, settings);
  timings.engine_total_ms = now() - start;
  return { ...result, timings };
}

function assemble(
  evaluation: TaskEvaluation,
  store: ReplicateStore | null,
  settings: EngineSettings,
): Omit<EngineResult, 'timings'> {
  const { confidence } = settings;
  const [pointC, pointP] = evaluation.metrics;
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
  return { metrics, groups: evaluation.groups, fairness };
}
