/**
 * Bootstrap replicates of the binary score metrics (ROC AUC, average precision, log loss, Brier)
 * for candidate and production on the same resamples, without re-sorting and without per-row
 * allocation.
 *
 * Rows get "slots": the candidate layout's positions (see score-layout.ts). Resamples are drawn in
 * batches of LANES, as slot counts side by side (see lane-row-counts.ts). Each model's layout is
 * then walked once per batch, chunk by chunk, and every resample of the batch is evaluated on a
 * chunk while its data is in cache: the per-row loss terms and layout arrays are read from memory
 * once per batch instead of once per resample, and log loss and Brier are summed in the same
 * passes as the rank metrics. The candidate reads the counts in place; for production, the
 * batch's counts are first permuted into production order (see shuffle-plan.ts). (Walking the
 * candidate while each segment of counts is drawn, still in cache, measured slower.)
 *
 * Each resample's arithmetic is the same whatever batch or lane it falls in, so results do not
 * depend on how the resamples are split (across batches or threads).
 */
import type { Rng } from '../stats/rng.js';
import { LANES, LaneRowCountSampler } from './lane-row-counts.js';
import type { ReplicateSource } from './replicates.js';
import { sumChunk, writeScoreReplicate } from './score-kernel.js';
import { buildScoreLayout, type ScoreLayout } from './score-layout.js';
import { type ChunkPass, QUAD, QUAD_STATE, ROW_WORDS } from './score-state.js';
import {
  buildShufflePlan,
  placeWindow,
  SHUFFLE_ROW_WORDS,
  type ShufflePlan,
  scatterToWindows,
  WINDOW_SHIFT,
} from './shuffle-plan.js';

/** Replicate order written by {@link BinaryScoreBootstrap.resample}, per model. */
export const BINARY_SCORE_REPLICATES = ['roc_auc', 'average_precision', 'log_loss', 'brier'] as const;

/** Everything the score bootstrap needs, as plain data (typed arrays): built once, shareable. */
export interface BinaryScorePlan {
  /** The candidate's layout; its positions are the slots. */
  candidate: ScoreLayout;
  /** Production's layout and the permutation from slots to its positions; null without production. */
  production: { layout: ScoreLayout; shuffle: ShufflePlan } | null;
}

/** Builds the plan; `order*` = sortOrderDescending(score*). */
export function buildBinaryScorePlan(input: {
  y: Uint8Array;
  scoreC: Float64Array;
  orderC: Uint32Array;
  scoreP: Float64Array | null;
  orderP: Uint32Array | null;
}): BinaryScorePlan {
  const { y } = input;
  const candidate = buildScoreLayout({ y, score: input.scoreC, order: input.orderC });
  if (input.scoreP === null || input.orderP === null) return { candidate, production: null };
  const layout = buildScoreLayout({ y, score: input.scoreP, order: input.orderP });
  const positionOfRow = new Uint32Array(y.length);
  for (let j = 0; j < layout.rows.length; j++) positionOfRow[layout.rows[j]!] = j;
  const positionOfSlot = new Uint32Array(y.length);
  for (let slot = 0; slot < candidate.rows.length; slot++)
    positionOfSlot[slot] = positionOfRow[candidate.rows[slot]!]!;
  return { candidate, production: { layout, shuffle: buildShufflePlan(positionOfSlot) } };
}

/** Byte of lane r within its count word: the words are read as int32 in platform byte order. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const byteOfLane = (lane: number) => (LITTLE_ENDIAN ? lane : lane ^ 3);
const LANE_BYTES = Array.from({ length: LANES }, (_, lane) => byteOfLane(lane));

/** Replicate source of the binary score metrics (see the file comment). Built once; resampled B times. */
export class BinaryScoreBootstrap implements ReplicateSource {
  readonly keys = BINARY_SCORE_REPLICATES;
  readonly models: number;
  private readonly plan: BinaryScorePlan;
  private readonly sampler: LaneRowCountSampler;
  private readonly counts: Uint8Array;
  /** The counts as words of four lanes (ROW_WORDS = 4 per row); in production order after the shuffle. */
  private readonly words: Int32Array;
  /** The shuffle buffer (production only). */
  private readonly shuffled: Int32Array;
  /** Per model and quad: QUAD_STATE running totals. */
  private readonly state: Float64Array;
  private readonly pass: ChunkPass;

  constructor(plan: BinaryScorePlan) {
    if (ROW_WORDS !== SHUFFLE_ROW_WORDS)
      throw new Error('unreachable: the shuffle moves four count words per row');
    this.plan = plan;
    this.models = plan.production === null ? 1 : 2;
    const n = plan.candidate.rows.length;
    this.sampler = new LaneRowCountSampler(n);
    this.counts = this.sampler.createCounts();
    this.words = new Int32Array(this.counts.buffer);
    this.shuffled = new Int32Array(plan.production === null ? 0 : n * ROW_WORDS);
    this.state = new Float64Array(2 * ROW_WORDS * QUAD_STATE);
    const longest = Math.max(plan.candidate.maxChunk, plan.production?.layout.maxChunk ?? 0);
    this.pass = {
      layout: plan.candidate,
      k: 0,
      words: this.words,
      quad: 0,
      state: this.state,
      offset: 0,
      neg: new Float64Array(QUAD * (longest + 1)),
      pos: new Float64Array(QUAD * (longest + 1)),
    };
  }

  /**
   * Draws one resample per generator; resample r writes, per model (candidate, then production),
   * [roc_auc, average_precision, log_loss, brier] to out[r · 4 · models …] (NaN where undefined).
   */
  resample(rngs: readonly Rng[], out: Float64Array): void {
    const rows = this.plan.candidate.rows.length;
    for (let first = 0; first < rngs.length; first += LANES) {
      const lanes = Math.min(LANES, rngs.length - first);
      const quads = Math.ceil(lanes / QUAD);
      this.state.fill(0);
      this.sampleAndSumCandidate(rngs.slice(first, first + lanes), quads);
      if (this.plan.production !== null) this.sumProduction(quads);
      for (let lane = 0; lane < lanes; lane++) {
        const byte = byteOfLane(lane);
        for (let m = 0; m < this.models; m++) {
          const offset = (m * ROW_WORDS + (byte >> 2)) * QUAD_STATE;
          const at = (first + lane) * 4 * this.models + 4 * m;
          writeScoreReplicate({ state: this.state, offset, r: byte & 3, rows, out, at });
        }
      }
    }
  }

  /** Draws the batch, then walks the candidate's chunks. */
  private sampleAndSumCandidate(rngs: readonly Rng[], quads: number): void {
    this.sampler.sample(rngs, this.counts, LANE_BYTES.slice(0, rngs.length));
    const layout = this.plan.candidate;
    for (let k = 0; k + 1 < layout.starts.length; k++) this.sumChunk(0, k, quads);
  }

  /**
   * Scatters the counts to the shuffle buffer, then walks production's chunks, placing each window
   * (into `words`, in production order) just before it is needed.
   */
  private sumProduction(quads: number): void {
    const { layout, shuffle } = this.plan.production!;
    scatterToWindows(shuffle, this.words, this.shuffled);
    let placed = 0;
    for (let k = 0; k + 1 < layout.starts.length; k++) {
      const end = layout.starts[k + 1]!;
      for (; placed << WINDOW_SHIFT < end; placed++) placeWindow(shuffle, placed, this.shuffled, this.words);
      this.sumChunk(1, k, quads);
    }
  }

  /** Chunk k of model m, every quad of the batch. */
  private sumChunk(m: number, k: number, quads: number): void {
    const pass = this.pass;
    pass.layout = m === 0 ? this.plan.candidate : this.plan.production!.layout;
    pass.k = k;
    for (let quad = 0; quad < quads; quad++) {
      pass.quad = quad;
      pass.offset = (m * ROW_WORDS + quad) * QUAD_STATE;
      sumChunk(pass);
    }
  }

  /** Lane `lane` of the last batch as per-row multiplicities (for checks against the metric functions). */
  rowWeights(lane = 0): Float64Array {
    const rows = this.plan.candidate.rows;
    const weights = new Float64Array(rows.length);
    const byte = byteOfLane(lane);
    const shuffle = this.plan.production?.shuffle ?? null;
    // With production, the slot-order counts survive only in the shuffle buffer.
    const counts = shuffle === null ? this.counts : new Uint8Array(this.shuffled.buffer);
    for (let slot = 0; slot < rows.length; slot++) {
      const at = shuffle === null ? slot : shuffle.entry[slot]!;
      weights[rows[slot]!] = counts[at * LANES + byte]!;
    }
    return weights;
  }
}
