import { clipProbability, computeBrier, computeLogLoss, FLOAT64_EPS } from '../../../shared/metrics/loss.js';
import { expandRows, expectValue, Lcg } from './helpers.js';

/** Expected values: test/shared/metrics/sklearn-reference.py `loss_cases()` (scikit-learn 1.2 formulas). */
describe('computeLogLoss', () => {
  const y = Uint8Array.from([1, 0, 1, 1, 0, 0]);
  const p = Float64Array.from([0.9, 0.2, 0.6, 1.0, 0.0, 0.45]);

  test('matches scikit-learn 1.2, unweighted and with sample weights', () => {
    expectValue(computeLogLoss(y, p), 0.23952778191560795);
    expectValue(computeLogLoss(y, p, Uint16Array.from([1, 3, 0, 2, 1, 2])), 0.21894057456796634);
  });

  test('clips at float64 machine epsilon (scikit-learn >= 1.2), not at the old 1e-15', () => {
    expect(FLOAT64_EPS).toBe(Number.EPSILON);
    const value = computeLogLoss(Uint8Array.of(1), Float64Array.of(0)).value;
    expectValue(value, 36.04365338911715);
    expect(Math.abs(value! - 34.538776394910684)).toBeGreaterThan(1);
    expectValue(computeLogLoss(Uint8Array.of(0), Float64Array.of(1)), 36.04365338911715);
    expect(clipProbability(-0.5)).toBe(FLOAT64_EPS);
    expect(clipProbability(1)).toBe(1 - FLOAT64_EPS);
    expect(clipProbability(0.3)).toBe(0.3);
  });

  test('defined with a single class (scikit-learn with labels=[0, 1])', () => {
    expectValue(computeLogLoss(Uint8Array.from([0, 0]), Float64Array.from([0.25, 0.5])), 0.4904146265058631);
  });

  test.each([
    { case: 'no rows', y: [], p: [], w: undefined },
    { case: 'all weights 0', y: [1, 0], p: [0.5, 0.5], w: Uint16Array.from([0, 0]) },
  ])('null when $case', ({ y: yy, p: pp, w }) => {
    expect(computeLogLoss(Uint8Array.from(yy), Float64Array.from(pp), w)).toEqual({
      value: null,
      reason: 'no rows',
    });
    expect(computeBrier(Uint8Array.from(yy), Float64Array.from(pp), w)).toEqual({
      value: null,
      reason: 'no rows',
    });
  });
});

describe('computeBrier', () => {
  test('matches scikit-learn 1.2, unweighted, weighted and single class', () => {
    const y = Uint8Array.from([1, 0, 1, 1, 0, 0]);
    const p = Float64Array.from([0.9, 0.2, 0.6, 1.0, 0.0, 0.45]);
    expectValue(computeBrier(y, p), 0.06875);
    expectValue(computeBrier(y, p, Float64Array.from([1, 3, 0, 2, 1, 2])), 0.059444444444444446);
    expectValue(computeBrier(Uint8Array.from([0, 0]), Float64Array.from([0.25, 0.5])), 0.15625);
  });
});

describe.each([
  { name: 'computeLogLoss', fn: computeLogLoss },
  { name: 'computeBrier', fn: computeBrier },
])('$name with weights', ({ fn }) => {
  test('equals the metric on the expanded rows', () => {
    const g = new Lcg(5);
    for (let trial = 0; trial < 10; trial++) {
      const n = 20 + g.below(100);
      const y = Uint8Array.from({ length: n }, () => g.below(2));
      const p = Float64Array.from({ length: n }, () => g.below(101) / 100);
      const counts = Uint32Array.from({ length: n }, () => g.below(5));
      expectValue(fn(y, p, counts), fn(expandRows(y, counts), expandRows(p, counts)).value, `trial ${trial}`);
    }
  });

  test('rejects weights of the wrong length', () => {
    expect(() => fn(new Uint8Array(2), new Float64Array(2), new Uint16Array(3))).toThrow(/weights has 3/);
  });
});
