/**
 * Row counts of several bootstrap resamples side by side: slot-major, one byte lane per resample
 * (`counts[slot · LANES + lane]`), so a pass over the slots reads every resample of a slot from one
 * cache line and the per-row data (loss terms, rank layout) is read once per batch, not once per
 * resample. Each lane is drawn exactly as {@link RowCountSampler} draws (same algorithm, same use of
 * the generator: a lane equals RowCountSampler's counts for the same generator state), except that
 * a count past 255 (probability below 1e-500 per slot) wraps instead of throwing: a lane's counts
 * then sum to less than n, which the consumer checks (see {@link validateLaneTotal}).
 */
import { sampleBinomial } from '../stats/multinomial.js';
import type { Rng } from '../stats/rng.js';

/** Resamples per batch (byte lanes per slot). */
export const LANES = 16;
const LANE_SHIFT = 4;
/** Slots per block (see RowCountSampler): one uint32 gives four 8-bit positions. */
const BLOCK = 256;
/** Slot-lane indices are int32: n · LANES < 2^31. */
export const MAX_LANE_ROWS = 2 ** 27 - 1;

/** Blocks per segment: a segment's counts (all lanes) stay in cache while every lane is drawn. */
const SEGMENT_BLOCKS = 16;

/** Draws batches of resamples of n rows into slot-major counts; buffers allocated once. */
export class LaneRowCountSampler {
  readonly n: number;
  private readonly blocks: number;
  /** Per lane, per block: the lane's draws in that block. */
  private readonly totals: Int32Array;
  private words = new Uint32Array(SEGMENT_BLOCKS * 80);

  constructor(n: number) {
    if (!(n >= 0 && n <= MAX_LANE_ROWS) || !Number.isInteger(n))
      throw new RangeError(`row count must be an integer in [0, ${MAX_LANE_ROWS}], got ${n}`);
    this.n = n;
    this.blocks = Math.ceil(n / BLOCK);
    this.totals = new Int32Array(LANES * this.blocks);
  }

  /** Counts of n slots and LANES lanes. */
  createCounts(): Uint8Array {
    return new Uint8Array(this.n * LANES);
  }

  /**
   * Overwrites `counts` with one resample per generator: n draws with replacement over the n slots
   * from rngs[i] into lane lanes[i] (distinct lanes); other lanes get zero. Each generator is used
   * exactly as RowCountSampler uses it (block totals, then the words of the draws in block order,
   * then the ragged block); the lanes are filled a segment of blocks at a time. A count past 255
   * wraps (see the file comment).
   * @throws RangeError for a wrong `counts` length or lanes.
   */
  sample(rngs: readonly Rng[], counts: Uint8Array, lanes: readonly number[]): void {
    const { n } = this;
    if (counts.length !== n * LANES)
      throw new RangeError(`counts has length ${counts.length}, expected ${n * LANES}`);
    if (
      rngs.length !== lanes.length ||
      new Set(lanes).size !== lanes.length ||
      lanes.some((l) => !(l >= 0 && l < LANES) || !Number.isInteger(l))
    )
      throw new RangeError(
        `lanes ${lanes.join(',')} must be distinct integers in [0, ${LANES}), one per generator`,
      );
    rngs.forEach((rng, i) => {
      this.drawTotals(rng, i);
    });
    for (let first = 0; first < this.blocks; first += SEGMENT_BLOCKS) {
      const end = Math.min(first + SEGMENT_BLOCKS, this.blocks);
      counts.fill(0, first * BLOCK * LANES, Math.min(end * BLOCK, n) * LANES);
      rngs.forEach((rng, i) => {
        this.spreadSegment({ rng, i, first, end, counts, lane: lanes[i]! });
      });
    }
    const full = Math.floor(n / BLOCK);
    const size = n - full * BLOCK;
    rngs.forEach((rng, i) => {
      // The ragged last block (fewer than 256 slots): exact uniform picks by rejection.
      for (let t = size > 0 ? this.totals[i * this.blocks + full]! : 0; t > 0; t--)
        counts[((full * BLOCK + rng.nextInt(size)) << LANE_SHIFT) | lanes[i]!]!++;
    });
  }

  /** Block totals of generator i: one multinomial draw by conditional binomials. */
  private drawTotals(rng: Rng, i: number): void {
    const { n, blocks, totals } = this;
    let left = n;
    for (let b = 0; b < blocks; b++) {
      const total = b === blocks - 1 ? left : sampleBinomial(rng, left, BLOCK / (n - b * BLOCK));
      totals[i * blocks + b] = total;
      left -= total;
    }
  }

  /** The draws of generator i in the full blocks [first, end), 8 bits each, into lane `lane`. */
  private spreadSegment(input: {
    rng: Rng;
    i: number;
    first: number;
    end: number;
    counts: Uint8Array;
    lane: number;
  }): void {
    const { i, first, counts, lane } = input;
    const end = Math.min(input.end, Math.floor(this.n / BLOCK));
    const totals = this.totals;
    const at = i * this.blocks;
    let needed = 0;
    for (let b = first; b < end; b++) needed += (totals[at + b]! + 3) >>> 2;
    if (needed > this.words.length) this.words = new Uint32Array(needed);
    const words = this.words;
    input.rng.fillUint32(words, needed);
    // Module constants as locals: a bundler turns top-level consts into vars, which V8 reloads per iteration.
    const shift = LANE_SHIFT;
    const block = BLOCK;
    let w = 0;
    for (let b = first; b < end; b++) {
      const base = ((b * block) << shift) | lane;
      let t = totals[at + b]!;
      for (; t >= 4; t -= 4) {
        const r = words[w++]!;
        counts[base + ((r & 255) << shift)]!++;
        counts[base + (((r >>> 8) & 255) << shift)]!++;
        counts[base + (((r >>> 16) & 255) << shift)]!++;
        counts[base + ((r >>> 24) << shift)]!++;
      }
      for (let r = t > 0 ? words[w++]! : 0; t > 0; t--, r >>>= 8) counts[base + ((r & 255) << shift)]!++;
    }
  }
}

/**
 * Checks that a lane's counts, summed (`total`), are the n draws: a smaller sum means a count
 * wrapped past 255.
 * @throws RangeError when `total` is not n.
 */
export function validateLaneTotal(total: number, n: number): void {
  if (total !== n)
    throw new RangeError(`bootstrap row count exceeded 255 (a resample of ${n} rows summed to ${total})`);
}
