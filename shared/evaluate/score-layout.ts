/**
 * One model's rows laid out for the batched score bootstrap (see binary-score-bootstrap.ts).
 *
 * The model's descending score order is cut into chunks of about {@link CHUNK} rows, never inside
 * a run of equal scores; a chunk holds its positives, then its negatives, each by descending score.
 * ROC AUC and average precision then need, for each positive, only the weight of the chunk's
 * negatives scored higher (plus the totals carried over from earlier chunks): every array a chunk
 * touches stays in cache while all the resamples of a batch are evaluated on it.
 */
import { clipProbability } from '../metrics/loss.js';

/** Minimum rows per chunk (a run of equal scores longer than this makes a longer chunk). */
export const CHUNK = 4096;

/** See the file comment; built once per model by {@link buildScoreLayout}. */
export interface ScoreLayout {
  /** Row at each position: chunk after chunk, its positives then its negatives. */
  rows: Uint32Array;
  /** Chunk k covers positions [starts[k], starts[k + 1]); length chunks + 1. */
  starts: Uint32Array;
  /** Chunk k's positives are positions [starts[k], posEnds[k]). */
  posEnds: Uint32Array;
  /** At a positive's position: how many of its chunk's negatives score strictly higher. */
  negAbove: Uint32Array;
  /**
   * Only when some positive ties another row; at 2·j and 2·j + 1 for a positive's position j: its
   * chunk's negatives scored higher or equal, and the index (among its chunk's positives) of the
   * last positive of its run of equal scores (average precision is read at the end of a run).
   */
  ties: Uint32Array | null;
  /** Per position: the row's log loss term, then its Brier term (as loss.ts computes them). */
  terms: Float64Array;
  /** Rows in the longest chunk. */
  maxChunk: number;
}

/** Builds the layout from `order` = sortOrderDescending(score); ties compare with `===`. */
export function buildScoreLayout(input: {
  y: Uint8Array;
  score: Float64Array;
  order: Uint32Array;
}): ScoreLayout {
  const { y, score, order } = input;
  const n = order.length;
  const bounds = chunkBounds(score, order);
  const chunks = bounds.length - 1;
  const layout: ScoreLayout = {
    rows: new Uint32Array(n),
    starts: Uint32Array.from(bounds),
    posEnds: new Uint32Array(chunks),
    negAbove: new Uint32Array(n),
    ties: new Uint32Array(2 * n),
    terms: new Float64Array(2 * n),
    maxChunk: 0,
  };
  let tied = false;
  for (let k = 0; k < chunks; k++) {
    tied = fillChunk({ y, score, order, layout, k }) || tied;
    layout.maxChunk = Math.max(layout.maxChunk, bounds[k + 1]! - bounds[k]!);
  }
  if (!tied) layout.ties = null;
  fillTerms(y, score, layout);
  return layout;
}

/** Chunk starts in `order` (then n): cut at the first run boundary at or past CHUNK rows. */
function chunkBounds(score: Float64Array, order: Uint32Array): number[] {
  const n = order.length;
  const bounds = [0];
  for (let j = 0, start = 0; j < n; ) {
    const value = score[order[j]!]!;
    j++;
    while (j < n && score[order[j]!] === value) j++;
    if (j - start >= CHUNK || j === n) {
      bounds.push(j);
      start = j;
    }
  }
  return bounds;
}

/** Lays out chunk k (positions = its range of `order`); returns whether a positive ties a row. */
function fillChunk(input: {
  y: Uint8Array;
  score: Float64Array;
  order: Uint32Array;
  layout: ScoreLayout;
  k: number;
}): boolean {
  const { y, score, order, layout, k } = input;
  const { rows, negAbove } = layout;
  const ties = layout.ties!;
  const start = layout.starts[k]!;
  const end = layout.starts[k + 1]!;
  let positives = 0;
  for (let j = start; j < end; j++) positives += y[order[j]!]!;
  layout.posEnds[k] = start + positives;
  let p = 0;
  let q = 0;
  let tied = false;
  for (let j = start; j < end; ) {
    const value = score[order[j]!]!;
    const pBefore = p;
    const qBefore = q;
    do {
      const row = order[j]!;
      if (y[row] === 1) rows[start + p++] = row;
      else rows[start + positives + q++] = row;
      j++;
    } while (j < end && score[order[j]!] === value);
    for (let i = start + pBefore; i < start + p; i++) {
      negAbove[i] = qBefore;
      ties[2 * i] = q;
      ties[2 * i + 1] = p - 1;
    }
    if (p - pBefore > 1 || (p > pBefore && q > qBefore)) tied = true;
  }
  return tied;
}

/** The loss terms exactly as loss.ts computes them per row, by position. */
function fillTerms(y: Uint8Array, score: Float64Array, layout: ScoreLayout): void {
  const { rows, terms } = layout;
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]!;
    const raw = score[row]!;
    const p = clipProbability(raw);
    const q = 1 - p;
    terms[2 * j] = -Math.log((y[row] === 1 ? p : q) / (q + p));
    const d = y[row]! - raw;
    terms[2 * j + 1] = d * d;
  }
}
