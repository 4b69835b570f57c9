/**
 * Sums cell counts (the rows, or one bootstrap resample of them) into what the metrics need:
 * binary confusion counts overall and per group, multiclass class counts overall and per group.
 */
import type { Confusion } from '../metrics/confusion.js';
import type { ClassCounts } from '../metrics/multiclass.js';
import type { CellTable } from './build-cells.js';

/** Binary confusion counts: overall (tp, fp, tn, fn) and per grouping, group g at 4g … 4g + 3. */
export interface BinaryTotals {
  overall: Float64Array;
  groups: Float64Array[];
}

/** Position of each cell's count in a confusion: 0 tp, 1 fp, 2 tn, 3 fn. */
export function computeConfusionSlots(y: Int32Array, pred: Int32Array): Uint8Array {
  return Uint8Array.from(y, (t, i) => (t === 1 ? (pred[i] === 1 ? 0 : 3) : pred[i] === 1 ? 1 : 2));
}

/** Zeroed totals sized for `cells`' groupings (`groupSizes[g]` = names.length + 1). */
export function createBinaryTotals(groupSizes: readonly number[]): BinaryTotals {
  return { overall: new Float64Array(4), groups: groupSizes.map((size) => new Float64Array(4 * size)) };
}

/** Fills `out` with the confusion counts of one model for cell counts `counts`. */
export function sumBinaryCells(
  cells: CellTable,
  slots: Uint8Array,
  counts: Float64Array,
  out: BinaryTotals,
): void {
  out.overall.fill(0);
  for (const g of out.groups) g.fill(0);
  for (let c = 0; c < cells.size; c++) {
    const w = counts[c]!;
    if (w === 0) continue;
    const s = slots[c]!;
    out.overall[s]! += w;
    for (let g = 0; g < out.groups.length; g++) out.groups[g]![4 * cells.group[g]![c]! + s]! += w;
  }
}

/** Copies four confusion counts at `offset` into a reusable {@link Confusion}. */
export function readConfusion(from: Float64Array, offset: number, into: Confusion): Confusion {
  into.tp = from[offset]!;
  into.fp = from[offset + 1]!;
  into.tn = from[offset + 2]!;
  into.fn = from[offset + 3]!;
  return into;
}

/** Zeroed class counts for k classes. */
export function createClassCounts(k: number): ClassCounts {
  return { tp: new Float64Array(k), trueSum: new Float64Array(k), predSum: new Float64Array(k) };
}

/**
 * Fills `out` with one model's class counts over the cells where `select(c)` holds (all cells when
 * `group` is omitted; else the cells of group index `group.index` in grouping `group.grouping`).
 */
export function sumClassCells(input: {
  cells: CellTable;
  pred: Int32Array;
  counts: Float64Array;
  out: ClassCounts;
  group?: { grouping: number; index: number };
}): void {
  const { cells, pred, counts, out, group } = input;
  out.tp.fill(0);
  out.trueSum.fill(0);
  out.predSum.fill(0);
  const membership = group === undefined ? null : cells.group[group.grouping]!;
  for (let c = 0; c < cells.size; c++) {
    const w = counts[c]!;
    if (w === 0 || (membership !== null && membership[c] !== group!.index)) continue;
    const t = cells.y[c]!;
    const p = pred[c]!;
    out.trueSum[t]! += w;
    out.predSum[p]! += w;
    if (t === p) out.tp[t]! += w;
  }
}
