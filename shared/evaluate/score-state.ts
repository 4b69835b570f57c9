/**
 * The running totals of the batched score bootstrap's chunk passes (see score-kernel.ts): per model
 * and per quad of resamples (four byte lanes of one int32 count word), six statistics × four
 * resamples, and the arguments every pass shares.
 */
import { LANES } from './lane-row-counts.js';
import type { ScoreLayout } from './score-layout.js';

/** Resamples per pass (bytes of one int32 count word). */
export const QUAD = 4;
/** Count words per row (one per quad of lanes). */
export const ROW_WORDS = LANES / QUAD;
/** Running totals of one model and one quad: six statistics × four resamples. */
export const QUAD_STATE = 6 * QUAD;
/** Offsets of the statistics in a quad's totals (each followed by its four resamples). */
export const NEG = 0;
export const LOG_LOSS = 4;
export const BRIER = 8;
export const POS = 12;
/** Σ positive weight · weight of the negatives above (ties: the mean of strictly above and above-or-tied). */
export const ABOVE = 16;
export const AP = 20;

/** Arguments of a chunk pass. */
export interface ChunkPass {
  layout: ScoreLayout;
  k: number;
  /** Count words: position j's quad is words[j · ROW_WORDS + quad]. */
  words: Int32Array;
  quad: number;
  /** Totals of this model and quad at state[offset …] (QUAD_STATE values). */
  state: Float64Array;
  offset: number;
  /** Scratch of at least QUAD · (layout.maxChunk + 1) doubles each: prefix sums of the chunk's negatives, positives. */
  neg: Float64Array;
  pos: Float64Array;
}

/** Index of position j's count word in the pass. */
export function firstWord(pass: ChunkPass, j: number): number {
  return j * ROW_WORDS + pass.quad;
}

/** Writes four values to state[at …]. */
export function storeQuad(state: Float64Array, at: number, a: number, b: number, c: number, d: number): void {
  state[at] = a;
  state[at + 1] = b;
  state[at + 2] = c;
  state[at + 3] = d;
}
