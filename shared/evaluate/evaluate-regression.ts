/** The regression task: point metrics, group tables, bootstrap source. */
import { computeRegressionMetrics } from '../metrics/regression.js';
import { computeRegressionGroupTables } from './compute-group-tables.js';
import { RegressionBootstrap } from './linear-bootstrap.js';
import type { TaskEvaluation, TaskInput } from './task-evaluation.js';
import type { Predictions } from './types.js';

type Regression = Extract<Predictions, { task: 'regression' }>;

/** Regression: point metrics and group tables; one source (mae, rmse, r2, mape). No gaps. */
export function evaluateRegression(input: TaskInput): TaskEvaluation {
  const { target, groupings, settings, lap } = input;
  if (target.task !== 'regression') throw new Error('unreachable: regression target expected');
  const y = target.y;
  const predictions = [input.candidate, input.production]
    .filter((p): p is Regression => p?.task === 'regression')
    .map((p) => p.prediction);
  lap('engine_prepare_ms');
  const metrics = predictions.map((prediction) => computeRegressionMetrics({ y, prediction }));
  lap('engine_metrics_ms');
  const groups = computeRegressionGroupTables({
    groupings,
    y,
    predictions,
    minGroupSize: settings.minGroupSize,
  });
  lap('engine_groups_ms');
  const buildSources = () => [new RegressionBootstrap({ y, predictions })];
  return { metrics: [metrics[0]!, metrics[1] ?? null], groups, gaps: [], buildSources };
}
