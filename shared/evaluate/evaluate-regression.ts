/** The regression task: point metrics, group tables, bootstrap plan. */
import { computeRegressionMetrics } from '../metrics/regression.js';
import type { BootstrapPlan } from './bootstrap-plan.js';
import { computeRegressionGroupTables } from './compute-group-tables.js';
import type { TaskEvaluation, TaskInput, TaskPoints } from './task-evaluation.js';
import type { Predictions } from './types.js';

type Regression = Extract<Predictions, { task: 'regression' }>;

/** Regression: point metrics and group tables; bootstrap of mae, rmse, r2, mape. No gaps. */
export function evaluateRegression(input: TaskInput): TaskEvaluation {
  const { target, groupings, settings, lap } = input;
  if (target.task !== 'regression') throw new Error('unreachable: regression target expected');
  const y = target.y;
  const predictions = [input.candidate, input.production]
    .filter((p): p is Regression => p?.task === 'regression')
    .map((p) => p.prediction);
  lap('engine_prepare_ms');
  const computePoints = () => {
    const metrics = predictions.map((prediction) => computeRegressionMetrics({ y, prediction }));
    lap('engine_metrics_ms');
    const groups = computeRegressionGroupTables({
      groupings,
      y,
      predictions,
      minGroupSize: settings.minGroupSize,
    });
    lap('engine_groups_ms');
    return { metrics: [metrics[0]!, metrics[1] ?? null] as TaskPoints['metrics'], groups };
  };
  const buildPlan = (): BootstrapPlan => ({ task: 'regression', rows: y.length, y, predictions });
  return { gaps: [], computePoints, buildPlan };
}
