/**
 * The engine's cells: rows that agree on (every grouping's group, true class, candidate decision,
 * production decision) are interchangeable for every count metric and every gap, so those only need
 * the K non-empty cells and their counts — and a bootstrap resample of the rows is, for them, one
 * multinomial draw of n over the K cells (O(K) per resample instead of O(n)).
 */
import { combineDenseCodes, replaceMissingCodes } from '../fairness/dense-codes.js';
import type { Grouping } from './types.js';

/** The non-empty cells and, per cell, its count, class, decisions and groups. */
export interface CellTable {
  /** Number of non-empty cells, K. */
  size: number;
  /** Rows per cell. */
  count: Float64Array;
  /** True class of the cell (binary: 0/1). */
  y: Int32Array;
  /** Candidate decision (binary: 0/1; multiclass: class index). */
  predC: Int32Array;
  /** Production decision, or null without production. */
  predP: Int32Array | null;
  /** Per grouping (same order as the groupings): the cell's group index; missing = names.length. */
  group: Int32Array[];
}

/**
 * Builds the cells of n rows. `k` is the number of classes (2 for binary); decisions and classes
 * are integers in 0..k−1. Cost O(n · (groupings + 3)).
 */
export function buildCells(input: {
  y: ArrayLike<number>;
  k: number;
  predC: ArrayLike<number>;
  predP: ArrayLike<number> | null;
  groupings: readonly Grouping[];
}): CellTable {
  const { y, k, predC, predP, groupings } = input;
  const n = y.length;
  let ids: Int32Array = new Int32Array(n);
  let range = 1;
  const components: { codes: ArrayLike<number>; range: number }[] = groupings.map((g) => ({
    codes: missingLast(g),
    range: g.names.length + 1,
  }));
  components.push({ codes: y, range: k }, { codes: predC, range: k });
  if (predP !== null) components.push({ codes: predP, range: k });
  for (const c of components) {
    const next = combineDenseCodes({ ids, idRange: range, codes: c.codes, codeRange: c.range });
    ids = next.ids;
    range = next.parentId.length;
  }
  return describeCells({ ids, size: range, input });
}

/** Grouping codes with missing (-1) mapped to `names.length`. */
export function missingLast(grouping: Grouping): Int32Array {
  const missing = grouping.names.length;
  return replaceMissingCodes(grouping.codes, missing);
}

function describeCells(input: {
  ids: Int32Array;
  size: number;
  input: Parameters<typeof buildCells>[0];
}): CellTable {
  const { ids, size } = input;
  const { y, predC, predP, groupings } = input.input;
  const count = new Float64Array(size);
  const first = new Int32Array(size).fill(-1);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (count[id] === 0) first[id] = i;
    count[id]!++;
  }
  const pick = (values: ArrayLike<number>, missingAs = -1): Int32Array =>
    Int32Array.from(first, (row) => {
      const v = values[row]!;
      return v < 0 ? missingAs : v;
    });
  return {
    size,
    count,
    y: pick(y),
    predC: pick(predC),
    predP: predP === null ? null : pick(predP),
    group: groupings.map((g) => pick(g.codes, g.names.length)),
  };
}
