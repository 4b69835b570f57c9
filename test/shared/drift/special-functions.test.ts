/**
 * The p-value functions against SciPy 1.17 (python3):
 *   scipy.special.kolmogorov(x)      (= scipy.stats.kstwobign.sf)
 *   scipy.stats.chi2.sf(x, k)
 *   scipy.special.gammaincc(a, x)
 *   scipy.special.gammaln(a)
 */
import {
  chiSquareSurvival,
  kolmogorovSurvival,
  logGamma,
  regularizedGammaQ,
} from '../../../shared/drift/special-functions.js';

const relative = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);

describe('kolmogorovSurvival = scipy.special.kolmogorov', () => {
  test.each([
    [0.03, 1.0],
    [0.5, 0.9639452436648751],
    [0.82, 0.5119717052984973], // last point of the theta-function branch
    [0.83, 0.4961909953505036], // first point of the alternating series
    [1.0, 0.26999967167735456],
    [1.36, 0.049485876755377876],
    [2.5, 7.453306344157342e-6],
  ])('Q_KS(%p) = %p', (x, expected) => {
    expect(relative(kolmogorovSurvival(x), expected)).toBeLessThan(1e-12);
  });

  test('NaN stays NaN; the survival never leaves [0, 1]', () => {
    expect(kolmogorovSurvival(Number.NaN)).toBeNaN();
    expect(kolmogorovSurvival(0)).toBe(1);
    expect(kolmogorovSurvival(40)).toBe(0);
  });
});

describe('chiSquareSurvival = scipy.stats.chi2.sf', () => {
  test.each([
    [0.5, 1, 0.47950012218695337],
    [3.84, 1, 0.05004352124870519],
    [10, 3, 0.01856613546304325],
    [25, 9, 0.002971180485917624],
    [100, 50, 3.454931382984871e-5],
    [500, 10, 4.4147360999137545e-101],
    [1200, 1000, 1.2255942330622893e-5],
  ])('sf(%p, dof %p) = %p', (x, k, expected) => {
    expect(relative(chiSquareSurvival(x, k), expected)).toBeLessThan(1e-11);
  });

  test('edges: x ≤ 0 gives 1, dof 0 gives 1 (nothing can differ)', () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(-1, 3)).toBe(1);
    expect(chiSquareSurvival(12, 0)).toBe(1);
  });
});

describe('regularizedGammaQ = scipy.special.gammaincc; logGamma = gammaln', () => {
  test.each([
    [0.5, 0.1, 0.6547208460185768],
    [2.5, 1.0, 0.8491450360846096],
    [10, 3, 0.9988975118698845],
    [10, 20, 0.0049954123083075785],
    [100, 120, 0.027863739890520652],
  ])('Q(%p, %p) = %p', (a, x, expected) => {
    expect(relative(regularizedGammaQ(a, x), expected)).toBeLessThan(1e-12);
  });

  test.each([
    [0.1, 2.252712651734206],
    [0.5, 0.5723649429247],
    [2.5, 0.2846828704729192],
    [10, 12.801827480081469],
    [100, 359.1342053695754],
    [1e5, 1051287.7089736569],
  ])('lnΓ(%p) = %p', (a, expected) => {
    expect(logGamma(a)).toBeCloseTo(expected, 12);
  });

  test('invalid arguments give NaN', () => {
    expect(logGamma(0)).toBeNaN();
    expect(regularizedGammaQ(0, 1)).toBeNaN();
    expect(regularizedGammaQ(1, Number.NaN)).toBeNaN();
    expect(regularizedGammaQ(1, Number.POSITIVE_INFINITY)).toBe(0);
  });
});
