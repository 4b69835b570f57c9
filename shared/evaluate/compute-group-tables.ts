/**
 * Per-group tables for each task: binary (every binary metric), multiclass (accuracy, balanced
 * accuracy, macro F1), regression (mae, rmse, r2), for the candidate and production.
 */

import { computeBrier, computeLogLoss } from '../metrics/loss.js';
import { BINARY_METRICS } from '../metrics/metric-names.js';
import { computeMulticlassCountMetricValue } from '../metrics/multiclass.js';
import { computeAveragePrecision, computeRocAuc } from '../metrics/rank.js';
import { computeRegressionMetrics } from '../metrics/regression.js';
import type { BinaryTotals } from './aggregate-cells.js';
import { createClassCounts, sumClassCells } from './aggregate-cells.js';
import { type CellTable, missingLast } from './build-cells.js';
import {
  assembleGroupTable,
  computeGroupCountMetrics,
  type GroupTable,
  type MetricRecord,
} from './build-group-tables.js';
import { buildGroupSegments, type GroupSegments, gatherRows } from './group-subsets.js';
import type { Grouping } from './types.js';

type Tables = Record<string, GroupTable>;

/** Binary: count metrics from the point totals of the cells, score metrics per group. */
export function computeBinaryGroupTables(input: {
  groupings: readonly Grouping[];
  totals: BinaryTotals[];
  y: Uint8Array;
  models: { score: Float64Array; order: Uint32Array }[];
  minGroupSize: number;
}): Tables {
  const tables: Tables = {};
  input.groupings.forEach((grouping, g) => {
    const conf = input.totals[0]!.groups[g]!;
    const groups = conf.length / 4;
    const sizes = new Float64Array(groups);
    const positives = new Float64Array(groups);
    for (let j = 0; j < groups; j++) {
      positives[j] = conf[4 * j]! + conf[4 * j + 3]!;
      sizes[j] = positives[j]! + conf[4 * j + 1]! + conf[4 * j + 2]!;
    }
    const subsets = buildGroupSubsets({ codes: missingLast(grouping), groups, y: input.y });
    const records = input.models.map((model, m) => {
      const counted = computeGroupCountMetrics(input.totals[m]!.groups[g]!);
      const scored = computeGroupScoreMetrics(subsets, model);
      return counted.map((record, j) => ({ ...record, ...scored[j] }));
    });
    tables[grouping.column] = assembleGroupTable({
      grouping,
      sizes,
      positives,
      candidate: records[0]!,
      production: records[1] ?? null,
      metricOrder: BINARY_METRICS,
      minGroupSize: input.minGroupSize,
    });
  });
  return tables;
}

interface GroupSubsets {
  groups: number;
  codes: Int32Array;
  segments: GroupSegments;
  /** Labels of each group's rows, in row order (segment g of `segments`). */
  y: Uint8Array;
  /** Index of each row within its group's segment. */
  local: Uint32Array;
}

/** Each group's rows in row order, as the metric functions would see the group on its own. */
function buildGroupSubsets(input: { codes: Int32Array; groups: number; y: Uint8Array }): GroupSubsets {
  const { codes, groups } = input;
  const segments = buildGroupSegments({ codes, groups, rowOrder: null });
  const local = new Uint32Array(codes.length);
  for (let j = 0; j < segments.rows.length; j++)
    local[segments.rows[j]!] = j - segments.start[codes[segments.rows[j]!]!]!;
  return { groups, codes, segments, y: gatherRows(input.y, segments.rows), local };
}

/**
 * ROC AUC, AP, log loss, Brier of each group: the metric functions on the group's rows (row order),
 * with each group's descending order taken from the model's global order (no re-sorting).
 */
function computeGroupScoreMetrics(
  subsets: GroupSubsets,
  model: { score: Float64Array; order: Uint32Array },
): MetricRecord[] {
  const { groups, codes, segments, local } = subsets;
  const scores = gatherRows(model.score, segments.rows);
  const orders = new Uint32Array(codes.length);
  const next = segments.start.slice(0, groups);
  for (let j = 0; j < model.order.length; j++) {
    const row = model.order[j]!;
    orders[next[codes[row]!]!++] = local[row]!;
  }
  const out: MetricRecord[] = [];
  for (let g = 0; g < groups; g++) {
    const a = segments.start[g]!;
    const b = segments.start[g + 1]!;
    const y = subsets.y.subarray(a, b);
    const score = scores.subarray(a, b);
    const order = orders.subarray(a, b);
    out.push({
      roc_auc: computeRocAuc(y, score, order).value,
      average_precision: computeAveragePrecision(y, score, order).value,
      log_loss: computeLogLoss(y, score).value,
      brier: computeBrier(y, score).value,
    });
  }
  return out;
}

const MULTICLASS_GROUP_METRICS = ['accuracy', 'balanced_accuracy', 'f1_macro'] as const;

/** Multiclass: class counts per group from the cells. */
export function computeMulticlassGroupTables(input: {
  groupings: readonly Grouping[];
  cells: CellTable;
  k: number;
  minGroupSize: number;
}): Tables {
  const { cells, k } = input;
  const tables: Tables = {};
  const counts = createClassCounts(k);
  const preds = cells.predP === null ? [cells.predC] : [cells.predC, cells.predP];
  input.groupings.forEach((grouping, g) => {
    const groups = grouping.names.length + 1;
    const sizes = new Float64Array(groups);
    const records = preds.map((pred) =>
      Array.from({ length: groups }, (_, index): MetricRecord => {
        sumClassCells({ cells, pred, counts: cells.count, out: counts, group: { grouping: g, index } });
        sizes[index] = counts.trueSum.reduce((a, b) => a + b, 0);
        return Object.fromEntries(
          MULTICLASS_GROUP_METRICS.map((name) => [name, computeMulticlassCountMetricValue(name, counts)]),
        );
      }),
    );
    tables[grouping.column] = assembleGroupTable({
      grouping,
      sizes,
      positives: null,
      candidate: records[0]!,
      production: records[1] ?? null,
      metricOrder: MULTICLASS_GROUP_METRICS,
      minGroupSize: input.minGroupSize,
    });
  });
  return tables;
}

const REGRESSION_GROUP_METRICS = ['mae', 'rmse', 'r2'] as const;

/** Regression: the metric function on each group's rows. */
export function computeRegressionGroupTables(input: {
  groupings: readonly Grouping[];
  y: Float64Array;
  predictions: Float64Array[];
  minGroupSize: number;
}): Tables {
  const tables: Tables = {};
  for (const grouping of input.groupings) {
    const groups = grouping.names.length + 1;
    const segments = buildGroupSegments({ codes: missingLast(grouping), groups, rowOrder: null });
    const y = gatherRows(input.y, segments.rows);
    const sizes = new Float64Array(groups);
    for (let g = 0; g < groups; g++) sizes[g] = segments.start[g + 1]! - segments.start[g]!;
    const records = input.predictions.map((prediction) => {
      const p = gatherRows(prediction, segments.rows);
      return Array.from({ length: groups }, (_, g): MetricRecord => {
        const a = segments.start[g]!;
        const b = segments.start[g + 1]!;
        const m = computeRegressionMetrics({ y: y.subarray(a, b), prediction: p.subarray(a, b) });
        return { mae: m.mae.value, rmse: m.rmse.value, r2: m.r2.value };
      });
    });
    tables[grouping.column] = assembleGroupTable({
      grouping,
      sizes,
      positives: null,
      candidate: records[0]!,
      production: records[1] ?? null,
      metricOrder: REGRESSION_GROUP_METRICS,
      minGroupSize: input.minGroupSize,
    });
  }
  return tables;
}
