import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// shared/stats/rng.ts
var TWO_POW_32 = 4294967296;
var TWO_POW_53 = 9007199254740992;
var WARM_UP = 8;
var Xoshiro128 = class {
  s;
  constructor(state) {
    this.s = state;
  }
  nextUint32() {
    const s = this.s;
    const s0 = s[0];
    const s1 = s[1];
    const s2 = s[2] ^ s0;
    const s3 = s[3] ^ s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul(x << 7 | x >>> 25, 9);
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ s1 << 9;
    s[3] = s3 << 11 | s3 >>> 21;
    return result >>> 0;
  }
  fillUint32(out, count) {
    const st = this.s;
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    for (let i = 0; i < count; i++) {
      const x = Math.imul(s1, 5);
      out[i] = Math.imul(x << 7 | x >>> 25, 9);
      s2 ^= s0;
      s3 ^= s1;
      const t = s1 << 9;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = s3 << 11 | s3 >>> 21;
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  }
  nextFloat() {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / TWO_POW_53;
  }
  nextInt(bound) {
    if (!(bound >= 1 && bound <= TWO_POW_32) || !Number.isInteger(bound)) {
      throw new RangeError(`nextInt bound must be an integer in [1, 2^32], got ${bound}`);
    }
    const reject = TWO_POW_32 % bound;
    for (; ; ) {
      const u = this.nextUint32();
      if (u >= reject) return u % bound;
    }
  }
};
function createRng(seed, stream = 0) {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(stream) || stream < 0 || stream >= TWO_POW_32) {
    throw new RangeError(`stream must be an integer in [0, 2^32), got ${stream}`);
  }
  const whole = Math.abs(seed);
  const low = whole % TWO_POW_32;
  const high = Math.floor(whole / TWO_POW_32) + (seed < 0 ? 2097152 : 0);
  const state = new Int32Array(4);
  let z = 0;
  for (let i = 0; i < 4; i++) {
    z = splitmix32(z ^ (i === 0 ? low | 0 : i === 1 ? high | 0 : i === 2 ? stream | 0 : 1779033703));
    state[i] = z;
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  const rng = new Xoshiro128(state);
  for (let i = 0; i < WARM_UP; i++) rng.nextUint32();
  return rng;
}
function splitmix32(x) {
  let t = x + 2654435769 | 0;
  t = Math.imul(t ^ t >>> 16, 2246822507);
  t = Math.imul(t ^ t >>> 13, 3266489909);
  return t ^ t >>> 16;
}

export {
  createRng
};
