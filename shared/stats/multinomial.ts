/**
 * Exact binomial and multinomial sampling for the bootstrap.
 *
 * - Binomial: inversion (sequential search) when n·min(p, 1−p) < 10; otherwise Hörmann's BTRS
 *   ("transformed rejection with squeeze", W. Hörmann 1993, the sampler of TensorFlow and PyTorch),
 *   which costs O(1) expected uniforms for any n. Its acceptance test uses log f(k)/f(m) with the
 *   Stirling series for log k!, exact to < 1e-13 — far below double-precision sampling noise.
 * - Multinomial: conditional binomials, cell by cell, with exact integer weights.
 * - Uniform row counts (resampling n rows with replacement): see {@link sampleRowCounts}.
 */
import type { Rng } from './rng.js';

/** log k! − Stirling's approximation, for k = 0..9 (exact values; the series is used beyond). */
const STIRLING_TAIL = [
  0.08106146679532733, 0.04134069595540946, 0.027677925684997717, 0.02079067210376584, 0.01664469118982126,
  0.013876128823072875, 0.011896709945893313, 0.010411265261973668, 0.00925546218270945, 0.008330563433359472,
];

function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k]!;
  const m = k + 1;
  const m2 = m * m;
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * m2)) / m2) / m2) / m;
}

/** Inversion by sequential search from 0; expected cost O(n·p + 1), used when n·p < 10. */
function binomialInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const r0 = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let r = r0;
    let u = rng.nextFloat();
    let k = 0;
    while (u > r) {
      u -= r;
      k++;
      if (k > n) break; // rounding left mass past n: draw again
      r *= a / k - s;
    }
    if (k <= n) return k;
  }
}

/** BTRS for n·p ≥ 10 and p ≤ 0.5. */
function binomialBtrs(rng: Rng, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  const logHead = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m);
  for (;;) {
    const u = rng.nextFloat() - 0.5;
    let v = rng.nextFloat();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      logHead +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

/**
 * One Binomial(n, p) variate. `n` a non-negative integer (< 2^53), `p` in [0, 1] (clamped).
 * @throws RangeError for a negative or non-integer n, or a NaN p.
 */
export function sampleBinomial(rng: Rng, n: number, p: number): number {
  if (!(n >= 0) || !Number.isInteger(n))
    throw new RangeError(`binomial n must be a non-negative integer, got ${n}`);
  if (Number.isNaN(p)) throw new RangeError('binomial p is NaN');
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(rng, n, 1 - p);
  return n * p < 10 ? binomialInversion(rng, n, p) : binomialBtrs(rng, n, p);
}

/**
 * Multinomial(n; w / Σw) into `out` (same length as `weights`): cell i gets Binomial(remaining draws,
 * w_i / remaining weight). Integer weights (counts) keep every ratio exact. Cells of weight 0 get 0.
 * @throws RangeError when the lengths differ, a weight is negative, or n > 0 with zero total weight.
 */
export function sampleMultinomial(
  rng: Rng,
  n: number,
  weights: ArrayLike<number>,
  out: { length: number; [i: number]: number },
): void {
  const k = weights.length;
  if (out.length !== k) throw new RangeError(`multinomial output has ${out.length} cells, weights ${k}`);
  let total = 0;
  for (let i = 0; i < k; i++) {
    const w = weights[i]!;
    if (!(w >= 0)) throw new RangeError(`multinomial weight ${i} is ${w}`);
    total += w;
  }
  if (n > 0 && total <= 0) throw new RangeError('multinomial weights sum to zero');
  let last = k - 1;
  while (last > 0 && weights[last] === 0) last--;
  let left = n;
  for (let i = 0; i < k; i++) {
    const w = weights[i]!;
    // The last weighted cell takes what is left, so fractional weights cannot lose draws to rounding.
    const draw =
      left === 0 || w === 0 ? 0 : i === last ? left : sampleBinomial(rng, left, Math.min(1, w / total));
    out[i] = draw;
    left -= draw;
    total -= w;
  }
}

/** Rows per block in {@link RowCountSampler}: a power of two, so one uint32 gives four row draws. */
const BLOCK = 256;

/**
 * Draws bootstrap resamples of n rows: counts of n draws with replacement over n slots
 * (Multinomial(n; 1/n, …, 1/n)). Exact and much cheaper than n calls to `nextInt(n)`: the slots are
 * split into blocks of 256; the block totals are one multinomial draw by conditional binomials
 * (≈ n/256 binomials), then each block's draws land uniformly inside the block with 8 random bits
 * each (a block picked with probability ∝ its size, then a uniform slot in it, is a uniform slot).
 * Buffers are allocated once per sampler, so resampling allocates nothing.
 */
export class RowCountSampler {
  readonly n: number;
  private readonly totals: Int32Array;
  private words: Uint32Array;

  constructor(n: number) {
    if (!(n >= 0) || !Number.isInteger(n))
      throw new RangeError(`row count must be a non-negative integer, got ${n}`);
    this.n = n;
    this.totals = new Int32Array(Math.ceil(n / BLOCK));
    this.words = new Uint32Array((n >>> 2) + this.totals.length + 1);
  }

  /**
   * Writes one resample's counts into `counts` (length n). A slot count above 255 has probability
   * below 1e-500 per slot; it throws rather than wrap.
   * @throws RangeError if `counts` has the wrong length or a count would overflow its 8 bits.
   */
  sample(rng: Rng, counts: Uint8Array): void {
    const { n, totals } = this;
    if (counts.length !== n) throw new RangeError(`counts has length ${counts.length}, expected ${n}`);
    const full = Math.floor(n / BLOCK);
    let left = n;
    let words = 0;
    for (let b = 0; b < totals.length; b++) {
      const slotsLeft = n - b * BLOCK;
      const total = b === totals.length - 1 ? left : sampleBinomial(rng, left, BLOCK / slotsLeft);
      totals[b] = total;
      left -= total;
      if (b < full) words += (total + 3) >>> 2;
    }
    if (words > this.words.length) this.words = new Uint32Array(words);
    rng.fillUint32(this.words, words);
    counts.fill(0);
    let overflow = spreadDraws(this.words, totals, full, counts);
    // The ragged last block (fewer than 256 slots): exact uniform picks by rejection.
    const size = n - full * BLOCK;
    for (let t = size > 0 ? totals[full]! : 0; t > 0; t--)
      overflow |= bump(counts, full * BLOCK + rng.nextInt(size));
    if ((overflow & 256) !== 0) throw new RangeError('bootstrap row count exceeded 255');
  }
}

/** Spreads the draws of the first `full` blocks over their 256 slots, 8 bits per draw. */
function spreadDraws(words: Uint32Array, totals: Int32Array, full: number, counts: Uint8Array): number {
  let overflow = 0;
  let w = 0;
  for (let b = 0; b < full; b++) {
    const base = b * BLOCK;
    let t = totals[b]!;
    for (; t >= 4; t -= 4) {
      const r = words[w++]!;
      overflow |= bump(counts, base + (r & 255)) | bump(counts, base + ((r >>> 8) & 255));
      overflow |= bump(counts, base + ((r >>> 16) & 255)) | bump(counts, base + (r >>> 24));
    }
    for (let r = t > 0 ? words[w++]! : 0; t > 0; t--, r >>>= 8) overflow |= bump(counts, base + (r & 255));
  }
  return overflow;
}

/** Adds one to `counts[i]` and returns the new value (256 = overflow; the cell has wrapped). */
function bump(counts: Uint8Array, i: number): number {
  const v = counts[i]! + 1;
  counts[i] = v;
  return v;
}
