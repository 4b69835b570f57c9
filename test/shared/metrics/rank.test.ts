import { computeAveragePrecision, computeRocAuc, sortOrderDescending } from '../../../shared/metrics/rank.js';
import { expandRows, expectValue, Lcg } from './helpers.js';

function expectDescendingPermutation(score: Float64Array, order: Uint32Array): void {
  expect(order.length).toBe(score.length);
  expect(new Set(order).size).toBe(score.length);
  for (let i = 1; i < order.length; i++) {
    if (!(score[order[i - 1]!]! >= score[order[i]!]!)) throw new Error(`not descending at ${i}`);
  }
}

describe('sortOrderDescending', () => {
  test.each([
    { name: 'comparison path (small n)', n: 300 },
    { name: 'radix path (large n)', n: 20000 },
  ])('$name: a descending permutation with ties contiguous', ({ n }) => {
    const g = new Lcg(7);
    // negatives, ±0, float32-rounded values, huge/tiny magnitudes and many ties
    const pool = [-3.5, -1e-300, -0, 0, 1e-300, Math.fround(0.1), 0.1, 0.5, 1, 2 ** 60, -(2 ** 60)];
    const score = Float64Array.from({ length: n }, (_, i) =>
      i % 3 === 0 ? pool[g.below(pool.length)]! : (g.below(1000) - 500) / 7,
    );
    const order = sortOrderDescending(score);
    expectDescendingPermutation(score, order);
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const v = score[order[i]!]!;
      const starts = i === 0 || score[order[i - 1]!] !== v;
      if (starts) {
        expect(seen.has(v)).toBe(false); // equal values (incl. -0 / +0) form one run
        seen.add(v);
      }
    }
  });

  test('float32-derived scores (constant low digits) sort correctly on the radix path', () => {
    const g = new Lcg(11);
    const score = Float64Array.from({ length: 10000 }, () => Math.fround(g.next() / 2 ** 24));
    expectDescendingPermutation(score, sortOrderDescending(score));
  });

  test('empty and one-row inputs', () => {
    expect([...sortOrderDescending(new Float64Array(0))]).toEqual([]);
    expect([...sortOrderDescending(Float64Array.of(0.3))]).toEqual([0]);
  });
});

/**
 * Expected values: test/shared/metrics/sklearn-reference.py (scikit-learn 1.2 `roc_curve` +
 * `auc`, and `precision_recall_curve` step sum; ROC AUC also checked against
 * scipy.stats.mannwhitneyu).
 */
describe.each([
  { name: 'computeRocAuc', fn: computeRocAuc },
  { name: 'computeAveragePrecision', fn: computeAveragePrecision },
])('$name', ({ name, fn }) => {
  const auc = name === 'computeRocAuc';
  test.each([
    {
      case: 'ties across classes',
      y: [0, 0, 1, 1, 0, 1, 1, 0, 1, 0],
      s: [0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.35, 0.2, 0.6, 0.7],
      roc: 0.72,
      ap: 0.8,
    },
    { case: 'all tied', y: [0, 1, 1, 0, 1], s: [0.5, 0.5, 0.5, 0.5, 0.5], roc: 0.5, ap: 0.6 },
    { case: 'perfect', y: [0, 0, 1, 1], s: [0.1, 0.2, 0.8, 0.9], roc: 1, ap: 1 },
    { case: 'inverted', y: [1, 1, 0, 0], s: [0.1, 0.2, 0.8, 0.9], roc: 0, ap: 0.41666666666666663 },
    { case: 'only positives', y: [1, 1, 1], s: [0.2, 0.7, 0.7], roc: null, ap: 1 },
    { case: 'only negatives', y: [0, 0], s: [0.2, 0.7], roc: null, ap: null },
    { case: 'no rows', y: [], s: [], roc: null, ap: null },
  ])('$case', ({ y, s, roc, ap }) => {
    const result = fn(Uint8Array.from(y), Float64Array.from(s));
    expectValue(result, auc ? roc : ap);
    if (result.value === null) expect(result.reason).toMatch(auc ? /one class/ : /no actual positives/);
  });

  test('weights equal the metric on the expanded rows (bootstrap counts)', () => {
    const g = new Lcg(3);
    for (let trial = 0; trial < 20; trial++) {
      const n = 50 + g.below(200);
      const y = Uint8Array.from({ length: n }, () => (g.below(3) === 0 ? 1 : 0));
      const score = Float64Array.from({ length: n }, () => g.below(30) / 29);
      const counts = Uint16Array.from({ length: n }, () => g.below(4));
      const order = sortOrderDescending(score);
      const weighted = fn(y, score, order, counts);
      const expanded = fn(expandRows(y, counts), expandRows(score, counts));
      expectValue(weighted, expanded.value, `trial ${trial}`);
      expectValue(fn(y, score, order, Uint32Array.from(counts)), expanded.value);
      expectValue(fn(y, score, undefined, Float64Array.from(counts)), expanded.value);
    }
  });

  test('scaling real-valued weights does not change the value', () => {
    const y = Uint8Array.from([0, 1, 1, 0, 1, 0]);
    const score = Float64Array.from([0.3, 0.8, 0.3, 0.6, 0.5, 0.1]);
    const w = Float64Array.from([0.5, 1.25, 2, 0.75, 1, 3]);
    expectValue(
      fn(
        y,
        score,
        undefined,
        w.map((v) => v * 3),
      ),
      fn(y, score, undefined, w).value,
    );
  });

  test('rows with weight 0 are ignored, also when they lead the order', () => {
    const y = Uint8Array.from([0, 1, 0, 1, 0]);
    const score = Float64Array.from([0.99, 0.7, 0.4, 0.4, 0.1]);
    const w = Uint16Array.from([0, 1, 1, 1, 1]);
    const rest = fn(Uint8Array.from([1, 0, 1, 0]), Float64Array.from([0.7, 0.4, 0.4, 0.1]));
    expectValue(fn(y, score, undefined, w), rest.value);
  });

  test('rejects an order of the wrong length', () => {
    expect(() => fn(new Uint8Array(3), new Float64Array(3), new Uint32Array(2))).toThrow(/order has 2/);
  });
});
