/**
 * One model's descending score order split into positives and negatives, with, for each positive,
 * where it sits among the negatives — all that ROC AUC and average precision need to be
 * re-evaluated for any row multiplicities in two branch-free passes (see binary-score-bootstrap.ts).
 */

/** See the file comment; built once per model by {@link buildRankLayout}. */
export interface RankLayout {
  /** Number of positives (they come first in `rows`). */
  positives: number;
  /** Rows of this layout: positives by descending score, then negatives by descending score. */
  rows: Uint32Array;
  /** For the i-th positive: negatives scored strictly higher. */
  negAbove: Uint32Array;
  /**
   * Only when some positive ties another row: negatives scored higher or equal, and the index of
   * the last positive of its run of equal scores (AP's precision is taken at the end of a run).
   */
  ties: { negAboveOrTied: Uint32Array; runEnd: Uint32Array } | null;
}

/** Builds the layout from `order` = sortOrderDescending(score); ties compare with `===`. */
export function buildRankLayout(input: {
  y: Uint8Array;
  score: Float64Array;
  order: Uint32Array;
}): RankLayout {
  const { y, score, order } = input;
  const n = order.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i]!;
  const rows = new Uint32Array(n);
  const negAbove = new Uint32Array(positives);
  const negAboveOrTied = new Uint32Array(positives);
  const runEnd = new Uint32Array(positives);
  let p = 0;
  let q = 0;
  let tied = false;
  for (let start = 0; start < n; ) {
    const value = score[order[start]!]!;
    let end = start + 1;
    while (end < n && score[order[end]!] === value) end++;
    const pBefore = p;
    const qBefore = q;
    for (let j = start; j < end; j++) {
      const row = order[j]!;
      if (y[row] === 1) rows[p++] = row;
      else rows[positives + q++] = row;
    }
    for (let i = pBefore; i < p; i++) {
      negAbove[i] = qBefore;
      negAboveOrTied[i] = q;
      runEnd[i] = p - 1;
    }
    if (p - pBefore > 1 || (p > pBefore && q > qBefore)) tied = true;
    start = end;
  }
  return { positives, rows, negAbove, ties: tied ? { negAboveOrTied, runEnd } : null };
}

/** Scratch of {@link computeRankReplicate}, allocated once per layout. */
export interface RankScratch {
  /** Prefix sums of the negatives' counts (exact integers, stored as doubles: see below). */
  neg: Float64Array;
  /** Prefix sums of the positives' counts (used with ties). */
  pos: Float64Array;
}

/** Scratch sized for `layout`. */
export function createRankScratch(layout: RankLayout): RankScratch {
  return {
    neg: new Float64Array(layout.rows.length - layout.positives + 1),
    pos: new Float64Array(layout.positives + 1),
  };
}

/**
 * ROC AUC and average precision from slot counts, written to out[offset] and out[offset + 1] (NaN
 * when undefined: no positive or no negative weight for AUC, no positive weight for AP).
 * `toSlot` maps layout positions to slots (null: the layout is the slot order, no gather).
 * Counts are integers, so max(denominator, 1) only guards 0/0 terms whose weight is 0. All
 * arithmetic is in doubles (exact for these integer sums): int32 arithmetic here makes V8 speculate
 * on integer results and deoptimise when a product overflows or a quotient is fractional.
 */
export function computeRankReplicate(input: {
  layout: RankLayout;
  counts: Uint8Array;
  toSlot: Uint32Array | null;
  scratch: RankScratch;
  out: Float64Array;
  offset: number;
}): void {
  const { layout, counts, toSlot, scratch, out, offset } = input;
  const nPos = layout.positives;
  const negTotal =
    toSlot === null
      ? prefixSums(counts, nPos, scratch.neg)
      : gatheredPrefixSums(counts, toSlot, nPos, scratch.neg);
  const sums = SUMS;
  if (layout.ties !== null) sumTied({ layout, counts, toSlot, scratch, negTotal });
  else if (toSlot === null) sumUntied(counts, layout.negAbove, scratch.neg, negTotal);
  else sumGatheredUntied(counts, toSlot, layout.negAbove, scratch.neg, negTotal);
  const posTotal = sums[0]!;
  out[offset] = posTotal > 0 && negTotal > 0 ? sums[1]! / (posTotal * negTotal) : Number.NaN;
  out[offset + 1] = posTotal > 0 ? sums[2]! / posTotal : Number.NaN;
}

/** [positive weight, AUC area, AP sum] of the last call (single-threaded scratch). */
const SUMS = new Float64Array(3);

/** nw[j + 1] = Σ counts[from … from + j]; returns the total. */
function prefixSums(counts: Uint8Array, from: number, nw: Float64Array): number {
  let s = 0;
  nw[0] = 0;
  for (let j = from; j < counts.length; j++) {
    s += counts[j]!;
    nw[j - from + 1] = s;
  }
  return s;
}

/** The same through slots: nw[j + 1] = Σ_{i ≤ j} counts[toSlot[from + i]]. */
function gatheredPrefixSums(counts: Uint8Array, toSlot: Uint32Array, from: number, nw: Float64Array): number {
  let s = 0;
  nw[0] = 0;
  for (let j = from; j < toSlot.length; j++) {
    s += counts[toSlot[j]!]!;
    nw[j - from + 1] = s;
  }
  return s;
}

/** No positive ties another row: each positive is its own threshold. */
function sumUntied(counts: Uint8Array, negAbove: Uint32Array, nw: Float64Array, negTotal: number): void {
  let p = 0;
  let area = 0;
  let ap = 0;
  for (let i = 0; i < negAbove.length; i++) {
    const w = counts[i]!;
    const above = nw[negAbove[i]!]!;
    p += w;
    area += w * (negTotal - above);
    ap += w * (p / Math.max(p + above, 1));
  }
  SUMS[0] = p;
  SUMS[1] = area;
  SUMS[2] = ap;
}

function sumGatheredUntied(
  counts: Uint8Array,
  toSlot: Uint32Array,
  negAbove: Uint32Array,
  nw: Float64Array,
  negTotal: number,
): void {
  let p = 0;
  let area = 0;
  let ap = 0;
  for (let i = 0; i < negAbove.length; i++) {
    const w = counts[toSlot[i]!]!;
    const above = nw[negAbove[i]!]!;
    p += w;
    area += w * (negTotal - above);
    ap += w * (p / Math.max(p + above, 1));
  }
  SUMS[0] = p;
  SUMS[1] = area;
  SUMS[2] = ap;
}

/** With ties: half credit for tied negatives, precision at the end of each run of equal scores. */
function sumTied(input: {
  layout: RankLayout;
  counts: Uint8Array;
  toSlot: Uint32Array | null;
  scratch: RankScratch;
  negTotal: number;
}): void {
  const { layout, counts, toSlot, negTotal } = input;
  const { negAboveOrTied, runEnd } = layout.ties!;
  const negAbove = layout.negAbove;
  const nw = input.scratch.neg;
  const pw = input.scratch.pos;
  let p = 0;
  pw[0] = 0;
  for (let i = 0; i < negAbove.length; i++) {
    p += counts[toSlot === null ? i : toSlot[i]!]!;
    pw[i + 1] = p;
  }
  let area = 0;
  let ap = 0;
  for (let i = 0; i < negAbove.length; i++) {
    const w = pw[i + 1]! - pw[i]!;
    const strict = nw[negAbove[i]!]!;
    const tied = nw[negAboveOrTied[i]!]!;
    const posAtEnd = pw[runEnd[i]! + 1]!;
    area += w * (negTotal - 0.5 * (strict + tied));
    ap += w * (posAtEnd / Math.max(posAtEnd + tied, 1));
  }
  SUMS[0] = p;
  SUMS[1] = area;
  SUMS[2] = ap;
}
