import { computePercentileInterval, computeSortedQuantile } from '../../../shared/stats/interval.js';

/** Expected values: test/shared/stats/interval-reference.py (numpy.quantile, method "linear"). */
const DATA = {
  five: [3, 1, 4, 1, 5],
  ten: [0.12, 0.5, 0.33, 0.91, 0.05, 0.77, 0.41, 0.68, 0.29, 0.84],
  one: [2.5],
};
const QUANTILES: [keyof typeof DATA, number, number][] = [
  ['five', 0, 1],
  ['five', 0.025, 1],
  ['five', 0.5, 3],
  ['five', 0.9, 4.6],
  ['five', 0.975, 4.9],
  ['five', 1, 5],
  ['ten', 0, 0.05],
  ['ten', 0.025, 0.06575],
  ['ten', 0.1, 0.113],
  ['ten', 0.5, 0.45499999999999996],
  ['ten', 0.9, 0.847],
  ['ten', 0.975, 0.89425],
  ['ten', 1, 0.91],
  ['one', 0.025, 2.5],
  ['one', 0.975, 2.5],
];

describe('computeSortedQuantile (numpy linear)', () => {
  test.each(QUANTILES)('%s q=%p → %p', (name, q, expected) => {
    const sorted = Float64Array.from(DATA[name]).sort();
    expect(computeSortedQuantile(sorted, q)).toBeCloseTo(expected, 14);
  });

  test('empty input is NaN', () => {
    expect(computeSortedQuantile(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('computePercentileInterval', () => {
  test('equal-tailed interval at 90% matches numpy quantiles 0.05 and 0.95', () => {
    const interval = computePercentileInterval(Float64Array.from(DATA.ten), 0.9);
    expect(interval![0]).toBeCloseTo(0.0815, 14);
    expect(interval![1]).toBeCloseTo(0.8785, 14);
  });

  test('does not reorder its input', () => {
    const replicates = Float64Array.from(DATA.ten);
    computePercentileInterval(replicates, 0.95);
    expect([...replicates]).toEqual(DATA.ten);
  });

  test('undefined (NaN) replicates are left out', () => {
    const withNaN = Float64Array.from([...DATA.ten, Number.NaN, Number.NaN]);
    expect(computePercentileInterval(withNaN, 0.9)).toEqual(
      computePercentileInterval(Float64Array.from(DATA.ten), 0.9),
    );
  });

  test.each([
    ['no replicates', []],
    ['a single replicate', [0.4]],
    ['fewer than half defined', [0.1, 0.2, Number.NaN, Number.NaN, Number.NaN]],
  ])('%s → null', (_name, values) => {
    expect(computePercentileInterval(Float64Array.from(values), 0.95)).toBeNull();
  });

  test('exactly half defined still gives an interval', () => {
    expect(computePercentileInterval(Float64Array.from([0.1, 0.3, Number.NaN, Number.NaN]), 0.5)).toEqual([
      0.15, 0.25,
    ]);
  });

  test.each([0, 1, -0.5, 1.5, Number.NaN])('confidence %p is rejected', (confidence) => {
    expect(() => computePercentileInterval(new Float64Array(3), confidence)).toThrow(RangeError);
  });
});
