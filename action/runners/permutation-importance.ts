/**
 * Permutation feature importance (Breiman; scikit-learn's `permutation_importance`): shuffle one
 * feature column at a time, re-predict, and measure how much a metric gets worse. The mean and the
 * population standard deviation (numpy's default, as scikit-learn reports) over `repeats` shuffles.
 *
 * Cost: features × repeats full predictions. Above `maxRows` rows (default 20,000) a seeded
 * subsample of that many rows is used for the baseline and every shuffle, which keeps the cost
 * bounded on large data; the rows used are passed to the metric so it can slice its target.
 */
import type { Column, Table } from '../../shared/data/table.js';
import type { Predictions } from '../../shared/evaluate/types.js';
import type { Direction } from '../../shared/metrics/registry.js';
import { createRng, type Rng } from '../../shared/stats/rng.js';

export const DEFAULT_IMPORTANCE_MAX_ROWS = 20_000;

export interface PermutationImportanceOptions {
  /** Runs the model on a table with the same columns. */
  predict: (table: Table) => Promise<Predictions>;
  table: Table;
  features: readonly string[];
  /**
   * The metric on predictions for `rows` (ascending indices into the original table, one per
   * prediction row); null when undefined on these rows.
   */
  metric: (predictions: Predictions, rows: Int32Array) => number | null;
  /** Which way the metric is better: the drop is measured so that positive = the model got worse. */
  direction: Direction;
  repeats: number;
  seed: number;
  /** Row subsample cap; default 20,000. */
  maxRows?: number;
}

export interface FeatureImportance {
  feature: string;
  /** Mean worsening of the metric over the repeats with a defined metric; null when none was. */
  drop: number | null;
  std: number | null;
  /** 1 = most important; features with a null drop rank last. */
  rank: number;
}

export interface PermutationImportanceResult {
  baseline: number | null;
  /** Rows used (after subsampling). */
  rows: number;
  sampled: boolean;
  features: FeatureImportance[];
}

/** Runs the permutation importance of every feature. Model errors propagate. */
export async function runPermutationImportance(
  options: PermutationImportanceOptions,
): Promise<PermutationImportanceResult> {
  const { features, repeats, direction } = options;
  if (!Number.isInteger(repeats) || repeats < 1)
    throw new RangeError(`repeats must be a positive integer, got ${repeats}`);
  const rng = createRng(options.seed);
  const rows = selectRows(options.table.rowCount, options.maxRows ?? DEFAULT_IMPORTANCE_MAX_ROWS, rng);
  const table = rows.length === options.table.rowCount ? options.table : sliceTable(options.table, rows);
  const baseline = options.metric(await options.predict(table), rows);
  const results: Omit<FeatureImportance, 'rank'>[] = [];
  for (const feature of features) {
    const drops: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const shuffled = replaceColumn(table, shuffleColumn(requireColumn(table, feature), rng));
      const value = options.metric(await options.predict(shuffled), rows);
      if (value !== null && baseline !== null)
        drops.push(direction === 'higher' ? baseline - value : value - baseline);
    }
    results.push({ feature, ...meanAndStd(drops) });
  }
  return {
    baseline,
    rows: rows.length,
    sampled: rows.length < options.table.rowCount,
    features: rankImportances(results),
  };
}

/** All rows, or `max` distinct rows drawn without replacement (partial Fisher–Yates), ascending. */
function selectRows(n: number, max: number, rng: Rng): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (n <= max) return all;
  for (let i = 0; i < max; i++) {
    const j = i + rng.nextInt(n - i);
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, max).sort();
}

function requireColumn(table: Table, name: string): Column {
  const column = table.columns.get(name);
  if (!column) throw new RangeError(`feature column '${name}' is not in ${table.source}`);
  return column;
}

function sliceTable(table: Table, rows: Int32Array): Table {
  const columns = new Map<string, Column>();
  for (const [name, c] of table.columns) {
    if (c.kind === 'numeric') {
      const values = new Float64Array(rows.length);
      rows.forEach((r, i) => {
        values[i] = c.values[r]!;
      });
      columns.set(name, { kind: 'numeric', name, values });
    } else {
      const codes = new Int32Array(rows.length);
      rows.forEach((r, i) => {
        codes[i] = c.codes[r]!;
      });
      columns.set(name, { kind: 'categorical', name, codes, levels: c.levels });
    }
  }
  return { source: table.source, rowCount: rows.length, names: table.names, columns };
}

/** A copy of the column with its cells in a uniformly random order (Fisher–Yates). */
function shuffleColumn(column: Column, rng: Rng): Column {
  const values = column.kind === 'numeric' ? column.values.slice() : column.codes.slice();
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = values[i]!;
    values[i] = values[j]!;
    values[j] = t;
  }
  return column.kind === 'numeric'
    ? { kind: 'numeric', name: column.name, values: values as Float64Array }
    : { kind: 'categorical', name: column.name, codes: values as Int32Array, levels: column.levels };
}

function replaceColumn(table: Table, column: Column): Table {
  const columns = new Map(table.columns);
  columns.set(column.name, column);
  return { ...table, columns };
}

function meanAndStd(values: readonly number[]): { drop: number | null; std: number | null } {
  if (values.length === 0) return { drop: null, std: null };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { drop: mean, std: Math.sqrt(variance) };
}

/** Ranks by mean drop, largest first; ties keep feature order; null drops last. */
function rankImportances(results: Omit<FeatureImportance, 'rank'>[]): FeatureImportance[] {
  const order = results
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) => (b.r.drop ?? Number.NEGATIVE_INFINITY) - (a.r.drop ?? Number.NEGATIVE_INFINITY) || a.i - b.i,
    );
  return order.map(({ r }, k) => ({ ...r, rank: k + 1 }));
}
