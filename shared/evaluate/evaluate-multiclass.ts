/** The multiclass task: class alignment, decisions, point metrics, cells, groups, bootstrap sources. */
import { computeMulticlassMetrics, decideMulticlass } from '../metrics/multiclass.js';
import { alignMulticlass } from './align-multiclass.js';
import type { BootstrapPlan } from './bootstrap-plan.js';
import { buildCells } from './build-cells.js';
import { computeMulticlassGroupTables } from './compute-group-tables.js';
import type { TaskEvaluation, TaskInput, TaskPoints } from './task-evaluation.js';

/**
 * Multiclass, in the candidate's class order: argmax (or the model's labels) decisions, cells,
 * point metrics and group tables; bootstrap plan: cells (count metrics) and per-row log loss. No gaps.
 * @throws ModelGateError when the classes do not match.
 */
export function evaluateMulticlass(input: TaskInput): TaskEvaluation {
  const { target, groupings, settings, lap } = input;
  if (target.task !== 'multiclass' || input.candidate.task !== 'multiclass') {
    throw new Error('unreachable: multiclass input expected');
  }
  const production = input.production?.task === 'multiclass' ? input.production : null;
  const aligned = alignMulticlass({
    y: target.y,
    targetClasses: target.classes,
    candidate: input.candidate,
    production,
  });
  const { k, y } = aligned;
  const sides = aligned.production === null ? [aligned.candidate] : [aligned.candidate, aligned.production];
  const preds = sides.map((p) => decideMulticlass(p.proba, k, p.label));
  const cells = buildCells({ y, k, predC: preds[0]!, predP: preds[1] ?? null, groupings });
  lap('engine_prepare_ms');
  const computePoints = () => {
    const metrics = sides.map((p, m) => computeMulticlassMetrics({ y, k, proba: p.proba, pred: preds[m]! }));
    lap('engine_metrics_ms');
    const groups = computeMulticlassGroupTables({ groupings, cells, k, minGroupSize: settings.minGroupSize });
    lap('engine_groups_ms');
    return { metrics: [metrics[0]!, metrics[1] ?? null] as TaskPoints['metrics'], groups };
  };
  const buildPlan = (): BootstrapPlan => ({
    task: 'multiclass',
    rows: y.length,
    cells,
    k,
    y,
    probas: sides.map((p) => p.proba),
  });
  return { gaps: [], computePoints, buildPlan };
}
