/**
 * The report's per-group tables: for every grouping and group, its size, positives (binary),
 * flags, and the metrics of both models. Count metrics come from the cells; score metrics from the
 * metric functions on each group's rows (gathered in each model's presorted order).
 */
import { MISSING_GROUP } from '../fairness/build-groupings.js';
import { COUNT_METRICS, type Confusion, computeCountMetricValue } from '../metrics/confusion.js';
import type { GroupEntry } from '../report/schema.js';
import { readConfusion } from './aggregate-cells.js';
import type { Grouping } from './types.js';

/** One grouping's table: group name → entry. */
export type GroupTable = Record<string, GroupEntry>;
/** Metric values of one group and model (null = undefined). */
export type MetricRecord = Record<string, number | null>;

/** Name of group index `g` of a grouping (missing = names.length). */
export function groupName(grouping: Grouping, g: number): string {
  return g < grouping.names.length ? grouping.names[g]! : MISSING_GROUP;
}

/** Count metrics of each group from per-group confusions (group g at 4g). */
export function computeGroupCountMetrics(conf: Float64Array): MetricRecord[] {
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  const out: MetricRecord[] = [];
  for (let g = 0; 4 * g < conf.length; g++) {
    readConfusion(conf, 4 * g, c);
    const record: MetricRecord = {};
    for (const name of COUNT_METRICS) record[name] = computeCountMetricValue(name, c);
    out.push(record);
  }
  return out;
}

/**
 * Assembles one grouping's table. `sizes[g]` rows per group (groups without rows are left out);
 * `positives` per group for binary; metric records per group for each model, merged in `order`.
 */
export function assembleGroupTable(input: {
  grouping: Grouping;
  sizes: ArrayLike<number>;
  positives: ArrayLike<number> | null;
  candidate: MetricRecord[];
  production: MetricRecord[] | null;
  metricOrder: readonly string[];
  minGroupSize: number;
}): GroupTable {
  const { grouping, sizes, positives, candidate, production, metricOrder } = input;
  const table: GroupTable = {};
  for (let g = 0; g < sizes.length; g++) {
    const n = sizes[g]!;
    if (n === 0) continue;
    const pick = (records: MetricRecord[]): MetricRecord =>
      Object.fromEntries(metricOrder.map((name) => [name, records[g]![name] ?? null]));
    const c = pick(candidate);
    const p = production === null ? null : pick(production);
    const flags: GroupEntry['flags'] = [];
    if (n < input.minGroupSize) flags.push('small_group');
    if (positives !== null && positives[g] === 0) flags.push('no_positives');
    if (positives !== null && positives[g] === n) flags.push('no_negatives');
    if ([c, p ?? {}].some((r) => Object.values(r).includes(null))) flags.push('undefined_metrics');
    table[groupName(grouping, g)] =
      positives === null
        ? { n, flags, candidate: c, production: p }
        : { n, positives: positives[g]!, flags, candidate: c, production: p };
  }
  return table;
}
