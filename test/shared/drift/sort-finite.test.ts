/** The radix sort behind the numeric statistics orders exactly as the native typed-array sort. */
import { radixSort, sortFinite } from '../../../shared/drift/sort-finite.js';

/** Deterministic doubles over many magnitudes and both signs (mulberry32). */
function doubles(n: number, seed: number): Float64Array {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Float64Array.from({ length: n }, () => (uniform() - 0.5) * 10 ** Math.floor(uniform() * 40 - 20));
}

const same = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

test('radix order equals the native order, with ±0, ±Infinity, subnormals and ties', () => {
  const values = doubles(20_000, 3);
  values.set([-0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324, -5e-324, 1, 1, 1, -1], 0);
  const expected = Float64Array.from(values).sort();
  const actual = Float64Array.from(values);
  radixSort(actual);
  expect(same(actual, expected)).toBe(true);
});

test('sortFinite drops NaN, counts it, and leaves the column untouched', () => {
  const values = doubles(5000, 4);
  values[17] = Number.NaN;
  values[4000] = Number.NaN;
  const before = Float64Array.from(values);
  const { sorted, missing } = sortFinite(values);
  expect(missing).toBe(2);
  expect(sorted.length).toBe(4998);
  expect(same(sorted, Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort())).toBe(true);
  expect(same(values, before)).toBe(true);
});

test('short arrays take the native path with the same result', () => {
  const { sorted, missing } = sortFinite(Float64Array.from([3, Number.NaN, -1, 2]));
  expect(Array.from(sorted)).toEqual([-1, 2, 3]);
  expect(missing).toBe(1);
});
