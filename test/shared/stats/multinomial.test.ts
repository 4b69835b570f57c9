import { RowCountSampler, sampleBinomial, sampleMultinomial } from '../../../shared/stats/multinomial.js';
import { createRng, type Rng } from '../../../shared/stats/rng.js';

/**
 * Distribution checks with fixed seeds: deterministic (they cannot flake), and a correct sampler
 * passes them for all but a negligible share of seeds (bounds at 5 standard errors, chi-square
 * at the 1e-6 upper quantile).
 */

/** Binomial pmf by the ratio recurrence from the mode, normalised (exact enough for a GOF test). */
function binomialPmf(n: number, p: number): Map<number, number> {
  const mode = Math.floor((n + 1) * p);
  const pmf = new Map<number, number>([[mode, 1]]);
  const r = p / (1 - p);
  for (let k = mode, v = 1; k < n && v > 1e-300; k++) {
    v *= ((n - k) / (k + 1)) * r;
    pmf.set(k + 1, v);
  }
  for (let k = mode, v = 1; k > 0 && v > 1e-300; k--) {
    v *= k / (n - k + 1) / r;
    pmf.set(k - 1, v);
  }
  const total = [...pmf.values()].reduce((a, b) => a + b, 0);
  for (const [k, v] of pmf) pmf.set(k, v / total);
  return pmf;
}

/** Upper 1e-6 quantile of chi-square(df), Wilson–Hilferty (z = 4.7534). */
function chiSquareBound(df: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + 4.7534 * Math.sqrt(a)) ** 3;
}

/** Pearson chi-square of observed counts against pmf, pooling values whose expectation is < 5. */
function chiSquare(
  observed: Map<number, number>,
  pmf: Map<number, number>,
  draws: number,
): { stat: number; df: number } {
  const keys = [...new Set([...pmf.keys(), ...observed.keys()])].sort((a, b) => a - b);
  let stat = 0;
  let bins = 0;
  let poolO = 0;
  let poolE = 0;
  for (const k of keys) {
    poolO += observed.get(k) ?? 0;
    poolE += (pmf.get(k) ?? 0) * draws;
    if (poolE >= 5) {
      stat += (poolO - poolE) ** 2 / poolE;
      bins++;
      poolO = 0;
      poolE = 0;
    }
  }
  if (poolE > 0 || poolO > 0) stat += (poolO - poolE) ** 2 / Math.max(poolE, 1e-12);
  return { stat, df: Math.max(1, bins - 1) };
}

const BINOMIAL_CASES: [string, number, number][] = [
  ['inversion, small n', 20, 0.1],
  ['inversion, large n, tiny p', 1_000_000, 3e-6],
  ['BTRS at n·p = 10', 100, 0.1],
  ['BTRS', 1000, 0.3],
  ['p > 1/2 (mirrored)', 60, 0.85],
  ['p = 1/2', 41, 0.5],
  ['BTRS, huge n', 1_000_000_000, 0.37],
  ['BTRS, moderate', 300, 0.2],
];

describe('sampleBinomial', () => {
  test.each(BINOMIAL_CASES)('%s: Binomial(%p, %p) mean, variance and goodness of fit', (_name, n, p) => {
    const rng = createRng(2024);
    const draws = 400_000;
    const observed = new Map<number, number>();
    let sum = 0;
    let sumSq = 0;
    let invalid = 0;
    for (let i = 0; i < draws; i++) {
      const k = sampleBinomial(rng, n, p);
      if (!(Number.isInteger(k) && k >= 0 && k <= n)) invalid++;
      observed.set(k, (observed.get(k) ?? 0) + 1);
      sum += k;
      sumSq += k * k;
    }
    expect(invalid).toBe(0);
    const mean = sum / draws;
    const variance = (sumSq - draws * mean * mean) / (draws - 1);
    const v = n * p * (1 - p);
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(v / draws));
    // Var of the sample variance ≈ v²·(2/(m−1) + excess kurtosis/m); the binomial's is (1 − 6pq)/v.
    const seVar = v * Math.sqrt(2 / (draws - 1) + Math.abs(1 - 6 * p * (1 - p)) / v / draws);
    expect(Math.abs(variance - v)).toBeLessThan(5 * seVar);
    if (n <= 1_000_000) {
      const { stat, df } = chiSquare(observed, binomialPmf(n, p), draws);
      expect(stat).toBeLessThan(chiSquareBound(df));
    }
  });

  test.each([
    [0, 0.3, 0],
    [10, 0, 0],
    [10, 1, 10],
    [10, -0.2, 0],
    [10, 1.5, 10],
  ])('Binomial(%p, %p) = %p', (n, p, expected) => {
    expect(sampleBinomial(createRng(1), n, p)).toBe(expected);
  });

  test.each([
    [-1, 0.5],
    [2.5, 0.5],
    [10, Number.NaN],
  ])('rejects n = %p, p = %p', (n, p) => {
    expect(() => sampleBinomial(createRng(1), n, p)).toThrow(RangeError);
  });

  test('the same seed gives the same draws', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, (_, i) => sampleBinomial(rng, 10 + 97 * i, 0.3));
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });
});

describe('sampleMultinomial', () => {
  test('cell means match n·w/Σw, counts sum to n, zero-weight cells stay empty', () => {
    const weights = [5, 0, 120, 1, 874];
    const total = 1000;
    const rng = createRng(7);
    const out = new Float64Array(weights.length);
    const sums = new Float64Array(weights.length);
    const draws = 4000;
    let wrong = 0;
    for (let r = 0; r < draws; r++) {
      sampleMultinomial(rng, 500, weights, out);
      if (out.reduce((a, b) => a + b, 0) !== 500 || out[1] !== 0) wrong++;
      out.forEach((v, i) => {
        sums[i]! += v;
      });
    }
    expect(wrong).toBe(0);
    weights.forEach((w, i) => {
      const p = w / total;
      const se = Math.sqrt((500 * p * (1 - p)) / draws);
      expect(Math.abs(sums[i]! / draws - 500 * p)).toBeLessThanOrEqual(5 * se);
    });
  });

  test('fractional weights lose no draws', () => {
    const out = new Float64Array(3);
    sampleMultinomial(createRng(1), 100, [0.1, 0.2, 0.7], out);
    expect(out.reduce((a, b) => a + b, 0)).toBe(100);
  });

  test.each([
    ['length mismatch', [1, 2], new Float64Array(3)],
    ['negative weight', [1, -2], new Float64Array(2)],
    ['zero total weight', [0, 0], new Float64Array(2)],
  ])('rejects %s', (_name, weights, out) => {
    expect(() => sampleMultinomial(createRng(1), 5, weights, out)).toThrow(RangeError);
  });
});

describe('RowCountSampler', () => {
  // 1000 slots: three full blocks of 256 and a ragged block of 232.
  const n = 1000;
  const resamples = 600;
  const sampler = new RowCountSampler(n);
  const rng = createRng(99);
  const counts = new Uint8Array(n);
  const perSlot = new Float64Array(n);
  const histogram = new Map<number, number>();
  let badTotals = 0;
  for (let r = 0; r < resamples; r++) {
    sampler.sample(rng, counts);
    let total = 0;
    counts.forEach((c, i) => {
      total += c;
      perSlot[i]! += c;
      histogram.set(c, (histogram.get(c) ?? 0) + 1);
    });
    if (total !== n) badTotals++;
  }

  test('every resample has exactly n draws', () => {
    expect(badTotals).toBe(0);
  });

  test('a slot count is Binomial(n, 1/n) (chi-square over all slots and resamples)', () => {
    const { stat, df } = chiSquare(histogram, binomialPmf(n, 1 / n), n * resamples);
    expect(stat).toBeLessThan(chiSquareBound(df));
  });

  test.each([
    ['first full block', 0, 256],
    ['last full block', 512, 768],
    ['ragged last block', 768, 1000],
  ])('%s: mean count per slot is 1', (_name, from, to) => {
    let sum = 0;
    for (let i = from; i < to; i++) sum += perSlot[i]!;
    const m = (to - from) * resamples;
    // Var(count) = (n − 1)/n ≈ 1; slots are nearly independent, so SE ≈ 1/sqrt(m).
    expect(Math.abs(sum / m - 1)).toBeLessThan(5 / Math.sqrt(m));
  });

  test('n = 0 and n = 1', () => {
    const one = new Uint8Array(1);
    new RowCountSampler(1).sample(createRng(1), one);
    expect([...one]).toEqual([1]);
    expect(() => new RowCountSampler(0).sample(createRng(1), new Uint8Array(0))).not.toThrow();
  });

  test('rejects a counts array of the wrong length', () => {
    expect(() => new RowCountSampler(10).sample(createRng(1), new Uint8Array(9))).toThrow(RangeError);
  });

  test('a slot drawn more than 255 times throws instead of wrapping', () => {
    // A scripted generator: every random word is 0 (all draws of a block hit its first slot) and
    // every uniform is 0.5, which BTRS accepts as the mode: 256 draws for the first block of 512.
    const scripted: Rng = {
      nextUint32: () => 0,
      nextFloat: () => 0.5,
      nextInt: () => 0,
      fillUint32: (out, count) => out.fill(0, 0, count),
    };
    expect(() => new RowCountSampler(512).sample(scripted, new Uint8Array(512))).toThrow('exceeded 255');
  });
});
