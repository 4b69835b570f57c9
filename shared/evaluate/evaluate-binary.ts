/** The binary task: decisions, point metrics, cells, group tables, gaps and bootstrap sources. */
import { MISSING_GROUP } from '../fairness/build-groupings.js';
import { computeGapDetail } from '../fairness/compute-gap-detail.js';
import { computeBinaryMetrics, decideBinary } from '../metrics/binary.js';
import { sortOrderDescending } from '../metrics/rank.js';
import { GAP_NAMES } from '../metrics/registry.js';
import {
  type BinaryTotals,
  computeConfusionSlots,
  createBinaryTotals,
  sumBinaryCells,
} from './aggregate-cells.js';
import { buildBinaryScorePlan } from './binary-score-bootstrap.js';
import type { BootstrapPlan } from './bootstrap-plan.js';
import { buildCells } from './build-cells.js';
import type { GapPlan } from './cell-bootstrap.js';
import { computeBinaryGroupTables } from './compute-group-tables.js';
import type { GapResult, TaskEvaluation, TaskInput, TaskPoints } from './task-evaluation.js';
import type { Predictions } from './types.js';

type Binary = Extract<Predictions, { task: 'binary' }>;

/**
 * Binary: decisions (threshold or the model's labels), one descending order per model, the cells
 * and every gap per grouping up front; the point metrics and group tables on demand; bootstrap
 * plan: cells (count metrics, gaps) and scores (ROC AUC, AP, log loss, Brier).
 */
export function evaluateBinary(input: TaskInput): TaskEvaluation {
  const { target, groupings, settings, lap } = input;
  if (target.task !== 'binary') throw new Error('unreachable: binary target expected');
  const y = target.y;
  const sides = [input.candidate, input.production].filter((p): p is Binary => p?.task === 'binary');
  const models = sides.map((p) => ({
    score: p.score,
    pred: decideBinary(p.score, p.label, settings.threshold),
    order: sortOrderDescending(p.score),
  }));
  const predP = models[1]?.pred ?? null;
  const cells = buildCells({ y, k: 2, predC: models[0]!.pred, predP, groupings });
  const sizes = groupings.map((g) => g.names.length + 1);
  const totals = models.map((_, m) => {
    const t = createBinaryTotals(sizes);
    sumBinaryCells(
      cells,
      computeConfusionSlots(cells.y, m === 0 ? cells.predC : cells.predP!),
      cells.count,
      t,
    );
    return t;
  });
  const gaps = computeGaps(groupings, totals, settings.minGroupSize);
  lap('engine_prepare_ms');
  const computePoints = () => {
    const metrics = models.map((m) =>
      computeBinaryMetrics({ y, score: m.score, pred: m.pred, order: m.order }),
    );
    lap('engine_metrics_ms');
    const groups = computeBinaryGroupTables({
      groupings,
      totals,
      y,
      models,
      minGroupSize: settings.minGroupSize,
    });
    lap('engine_groups_ms');
    return { metrics: [metrics[0]!, metrics[1] ?? null] as TaskPoints['metrics'], groups };
  };
  const buildPlan = (): BootstrapPlan => ({
    task: 'binary',
    rows: y.length,
    cells,
    groupSizes: sizes,
    gaps: gaps.map(
      (d): GapPlan => ({
        column: d.column,
        grouping: d.grouping,
        gap: d.gap,
        eligible: d.candidate.eligible,
      }),
    ),
    scores: buildBinaryScorePlan({
      y,
      scoreC: models[0]!.score,
      orderC: models[0]!.order,
      scoreP: models[1]?.score ?? null,
      orderP: models[1]?.order ?? null,
    }),
  });
  return { gaps, computePoints, buildPlan };
}

/** Every gap of every grouping, for each model, from the confusion totals. */
function computeGaps(
  groupings: TaskInput['groupings'],
  totals: BinaryTotals[],
  minGroupSize: number,
): GapResult[] {
  return groupings.flatMap((grouping, g) =>
    GAP_NAMES.map((gap) => {
      const names = [...grouping.names, MISSING_GROUP];
      const [candidate, production] = totals.map((t) =>
        computeGapDetail({ gap, names, conf: t.groups[g]!, minGroupSize }),
      );
      return {
        column: grouping.column,
        grouping: g,
        gap,
        candidate: candidate!,
        production: production ?? null,
      };
    }),
  );
}
