import { createRng } from '../../../shared/stats/rng.js';

/**
 * Expected words: test/shared/stats/rng-reference.py — chained splitmix32
 * seeding as documented in rng.ts, 8 discarded steps, then xoshiro128** transcribed from the
 * authors' reference C code (prng.di.unimi.it).
 */
const GOLDEN: [number, number, number[]][] = [
  [42, 0, [3594419603, 3644873388, 2417301445, 1780710062]],
  [42, 1, [3277147443, 4253321735, 1847573019, 966595324]],
  [0, 0, [1009184966, 665861000, 241898131, 817724342]],
  [-7, 0, [49091355, 3471957473, 1757004438, 2959316686]],
  [2 ** 40 + 5, 3, [4072148792, 1375700475, 911168311, 2191294428]],
];

describe('createRng', () => {
  test.each(GOLDEN)('seed %p stream %p gives the reference words', (seed, stream, words) => {
    const rng = createRng(seed, stream);
    expect(words.map(() => rng.nextUint32())).toEqual(words);
  });

  test('fillUint32 continues the same sequence as nextUint32', () => {
    const a = createRng(9);
    const b = createRng(9);
    const bulk = new Uint32Array(1000);
    b.nextUint32();
    a.nextUint32();
    b.fillUint32(bulk, 999);
    const one = Array.from({ length: 999 }, () => a.nextUint32());
    expect([...bulk.subarray(0, 999)]).toEqual(one);
    expect(bulk[999]).toBe(0);
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  test('nextFloat is in [0, 1) and averages 1/2', () => {
    const rng = createRng(5);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = rng.nextFloat();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    // 5 standard errors of the mean of U(0, 1): 5·sqrt(1/12/1e5) ≈ 0.0046.
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.0046);
  });

  test('nextInt covers [0, bound) evenly (bound 3 does not divide 2^32)', () => {
    const rng = createRng(11);
    const counts = [0, 0, 0];
    for (let i = 0; i < 90_000; i++) counts[rng.nextInt(3)]!++;
    // Each count ~ Binomial(90000, 1/3): sd ≈ 141; allow 5 sd.
    for (const c of counts) expect(Math.abs(c - 30_000)).toBeLessThan(710);
    expect(createRng(1).nextInt(1)).toBe(0);
  });

  test.each([0, 0.5, -1, 2 ** 32 + 1, Number.NaN])('nextInt rejects bound %p', (bound) => {
    expect(() => createRng(1).nextInt(bound)).toThrow(RangeError);
  });

  test.each([
    [0.5, 0],
    [Number.NaN, 0],
    [1, -1],
    [1, 2 ** 32],
    [1, 1.5],
  ])('rejects seed %p, stream %p', (seed, stream) => {
    expect(() => createRng(seed, stream)).toThrow(RangeError);
  });
});
