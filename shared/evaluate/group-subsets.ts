/**
 * Rows of each group gathered into contiguous segments (a counting sort by group), keeping a given
 * row order — so a group's rows in descending score order come straight out of the model's global
 * order, and the rank metrics run per group without sorting again.
 */

/** Rows grouped into contiguous segments, one per group. */
export interface GroupSegments {
  /** Segment of group g: [start[g], start[g + 1]). */
  start: Uint32Array;
  /** Rows, grouped, each segment in the order given. */
  rows: Uint32Array;
}

/**
 * Groups `rowOrder` (every row once, e.g. a descending score order, or null for 0..n−1) by
 * `codes` (group index per row, 0..groups−1).
 */
export function buildGroupSegments(input: {
  codes: Int32Array;
  groups: number;
  rowOrder: Uint32Array | null;
}): GroupSegments {
  const { codes, groups, rowOrder } = input;
  const n = codes.length;
  const start = new Uint32Array(groups + 1);
  for (let i = 0; i < n; i++) start[codes[i]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const next = start.slice(0, groups);
  const rows = new Uint32Array(n);
  for (let j = 0; j < n; j++) {
    const row = rowOrder === null ? j : rowOrder[j]!;
    rows[next[codes[row]!]!++] = row;
  }
  return { start, rows };
}

/** `values` reordered by `rows` (a gather), into a new array of the same type. */
export function gatherRows(values: Float64Array, rows: Uint32Array): Float64Array;
export function gatherRows(values: Uint8Array, rows: Uint32Array): Uint8Array;
export function gatherRows(values: Float64Array | Uint8Array, rows: Uint32Array): Float64Array | Uint8Array {
  const out = values instanceof Float64Array ? new Float64Array(rows.length) : new Uint8Array(rows.length);
  for (let j = 0; j < rows.length; j++) out[j] = values[rows[j]!]!;
  return out;
}
