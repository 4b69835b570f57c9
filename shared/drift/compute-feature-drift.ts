/**
 * Feature drift of a model: every feature column compared between the reference data (by default
 * the promotion's evaluation data) and the fresh data, and the share of drifted features.
 */
import type { Column, Table } from '../data/table.js';
import { DataError } from '../errors.js';
import { computeColumnDrift } from './compute-column-drift.js';
import type { DriftThresholds, FeatureDrift } from './schema.js';

/**
 * Judges each of `features` (in that order). The feature set is `drifted` when the share of
 * drifted features among those that could be judged is above `maxShareDrifted` (so 0 alerts on
 * any drifted feature), `insufficient` when none could be judged, else `stable`.
 * @throws DataError naming the file and column when a feature is missing from either table.
 */
export function computeFeatureDrift(input: {
  reference: Table;
  current: Table;
  features: readonly string[];
  thresholds: DriftThresholds;
}): FeatureDrift {
  const { reference, current, thresholds } = input;
  const columns = input.features.map((name) =>
    computeColumnDrift({
      name,
      role: 'feature',
      reference: requireColumn(reference, name),
      current: requireColumn(current, name),
      thresholds,
    }),
  );
  const judged = columns.filter((c) => c.status !== 'insufficient').length;
  const drifted = columns.filter((c) => c.status === 'drifted').length;
  const share = judged === 0 ? null : drifted / judged;
  const status = share === null ? 'insufficient' : share > thresholds.maxShareDrifted ? 'drifted' : 'stable';
  return { status, judged, drifted, share, maxShare: thresholds.maxShareDrifted, columns };
}

function requireColumn(table: Table, name: string): Column {
  const column = table.columns.get(name);
  if (column) return column;
  throw new DataError(
    `the feature column "${name}" is missing; drift compares the same columns in the reference and the fresh data`,
    {
      file: table.source,
      column: name,
    },
  );
}
