/**
 * Seeded pseudo-random numbers for the bootstrap: xoshiro128** (Blackman & Vigna), seeded through
 * splitmix32. Pure 32-bit integer arithmetic (`Math.imul`, shifts), so a seed gives the same stream on
 * every platform and Node version.
 */

/** The generator the samplers draw from. Tests may pass a scripted one. */
export interface Rng {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** Uniform integer in [0, bound), exactly (rejection, no modulo bias). `bound` in [1, 2^32]. */
  nextInt(bound: number): number;
  /** Fills `out[0..count)` with the next `count` values of `nextUint32` (bulk, for hot loops). */
  fillUint32(out: Uint32Array, count: number): void;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const WARM_UP = 8;

/** xoshiro128** with its state in an Int32Array (no boxing of uint32 values in object fields). */
class Xoshiro128 implements Rng {
  private readonly s: Int32Array;

  constructor(state: Int32Array) {
    this.s = state;
  }

  nextUint32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9);
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  }

  fillUint32(out: Uint32Array, count: number): void {
    // Same recurrence as nextUint32 with the state in locals: several times faster per word.
    const st = this.s;
    let s0 = st[0]!;
    let s1 = st[1]!;
    let s2 = st[2]!;
    let s3 = st[3]!;
    for (let i = 0; i < count; i++) {
      const x = Math.imul(s1, 5);
      out[i] = Math.imul((x << 7) | (x >>> 25), 9);
      s2 ^= s0;
      s3 ^= s1;
      const t = s1 << 9;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  }

  nextFloat(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  nextInt(bound: number): number {
    if (!(bound >= 1 && bound <= TWO_POW_32) || !Number.isInteger(bound)) {
      throw new RangeError(`nextInt bound must be an integer in [1, 2^32], got ${bound}`);
    }
    // Reject the lowest (2^32 mod bound) values so every residue is equally likely.
    const reject = TWO_POW_32 % bound;
    for (;;) {
      const u = this.nextUint32();
      if (u >= reject) return u % bound;
    }
  }
}

/**
 * A generator for `seed` (an integer; |seed| < 2^53 gives distinct seeds) and `stream` (a small
 * integer naming an independent sequence for the same seed, e.g. one per bootstrap component).
 * The four state words come from chained splitmix32 over the seed's low and high 32 bits and the
 * stream (an injective map: distinct (seed, stream) pairs give distinct states), then the generator
 * is advanced 8 steps, so nearby seeds and streams give unrelated sequences.
 * @throws RangeError for a non-integer seed or stream.
 */
export function createRng(seed: number, stream = 0): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(stream) || stream < 0 || stream >= TWO_POW_32) {
    throw new RangeError(`stream must be an integer in [0, 2^32), got ${stream}`);
  }
  const whole = Math.abs(seed);
  const low = whole % TWO_POW_32;
  const high = Math.floor(whole / TWO_POW_32) + (seed < 0 ? 0x200000 : 0);
  const state = new Int32Array(4);
  let z = 0;
  for (let i = 0; i < 4; i++) {
    z = splitmix32(z ^ (i === 0 ? low | 0 : i === 1 ? high | 0 : i === 2 ? stream | 0 : 0x6a09e667));
    state[i] = z;
  }
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  const rng = new Xoshiro128(state);
  // The first output reads only one state word; a few (bijective) steps make every word, and so
  // every output, depend on seed and stream alike.
  for (let i = 0; i < WARM_UP; i++) rng.nextUint32();
  return rng;
}

/** One splitmix32 step: a bijective 32-bit mix of `x` plus the golden-ratio increment. */
function splitmix32(x: number): number {
  let t = (x + 0x9e3779b9) | 0;
  t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
  t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
  return t ^ (t >>> 16);
}
