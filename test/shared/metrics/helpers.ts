/** Test helpers for the metric tests: tolerant comparison and the seeded fixture generator. */
import type { MetricValue } from '../../../shared/evaluate/types.js';

/** Relative tolerance of every comparison with the scikit-learn reference values. */
export const TOLERANCE = 1e-12;

/** Asserts a value equals the expected number within {@link TOLERANCE} (relative above 1), or is null. */
export function expectValue(actual: MetricValue | number | null, expected: number | null, label = ''): void {
  const value = typeof actual === 'object' && actual !== null ? actual.value : actual;
  if (expected === null) {
    expect({ label, value }).toEqual({ label, value: null });
    if (typeof actual === 'object' && actual !== null) expect(actual.reason).toEqual(expect.any(String));
    return;
  }
  expect({ label, isNumber: typeof value === 'number' }).toEqual({ label, isNumber: true });
  const error = Math.abs((value as number) - expected) / Math.max(1, Math.abs(expected));
  if (!(error <= TOLERANCE)) throw new Error(`${label}: expected ${expected}, got ${value}`);
}

/**
 * The Numerical Recipes LCG, integers only, so that the Python reference
 * (test/shared/metrics/sklearn-reference.py, class Lcg) produces the same numbers.
 */
export class Lcg {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next 24-bit integer. */
  next(): number {
    this.state = (Math.imul(this.state, 1664525) + 1013904223) >>> 0;
    return this.state >>> 8;
  }

  /** Integer in 0..m−1. */
  below(m: number): number {
    return this.next() % m;
  }
}

/** The 500-row fixture of sklearn-reference.py `fixture()`, drawn in the same order. */
export function buildFixture(n = 500, seed = 20240607) {
  const g = new Lcg(seed);
  const ticks = Array.from({ length: n }, () => g.below(41));
  const score = Float64Array.from(ticks, (t) => t / 40);
  const y = Uint8Array.from(ticks, (t) => (g.below(50) < t + 5 ? 1 : 0));
  const weights = Uint16Array.from({ length: n }, () => g.below(4));
  const k = 3;
  const raw = Array.from({ length: n }, () => Array.from({ length: k }, () => g.below(10) + 1));
  const proba = Float64Array.from(raw.flatMap((r) => r.map((v) => v / (r[0]! + r[1]! + r[2]!))));
  const ymc = Int32Array.from(raw, (r) => (g.below(10) < 6 ? r.indexOf(Math.max(...r)) : g.below(k)));
  const yreg = Float64Array.from({ length: n }, () => g.below(4001) / 8 - 250);
  const yregHat = yreg.map((v) => v + (g.below(161) - 80) / 16);
  return { score, y, weights, k, proba, ymc, yreg, yregHat };
}

/** Repeats every row `weights[i]` times (what a bootstrap resample with those counts means). */
export function expandRows<T extends Uint8Array | Int32Array | Float64Array>(
  values: T,
  weights: ArrayLike<number>,
  width = 1,
): T {
  const out: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    for (let r = 0; r < weights[i]!; r++) {
      for (let c = 0; c < width; c++) out.push(values[i * width + c]!);
    }
  }
  const Ctor = values.constructor as unknown as { from(values: number[]): T };
  return Ctor.from(out);
}
