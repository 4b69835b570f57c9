/**
 * Drift statistics against SciPy/NumPy on the same inputs. Expected numbers were computed with
 * python3, numpy 2.4 and scipy 1.17 (seeded inputs written out below):
 *
 *   rng = np.random.default_rng(7)
 *   ref = np.round(rng.normal(0, 1, 40), 1); cur = np.round(rng.normal(0.5, 1.2, 30), 1)
 *   ref[[3, 17]] = nan; cur[[0, 11, 29]] = nan           # missing cells
 *   rf, cf = ref[~isnan(ref)], cur[~isnan(cur)]
 *   stats.ks_2samp(rf, cf, method="asymp").statistic    # KS D
 *   stats.kstwobign.sf(sqrt(n*m/(n+m)) * D)             # asymptotic p-value
 *   edges = np.unique(np.quantile(rf, np.arange(1, 10) / 10))
 *   counts = bincount(searchsorted(edges, x, side="left")) + [missing]
 *   p, q = maximum(counts / total, 1e-4); psi = sum((q - p) * log(q / p))
 *   stats.chi2_contingency([rc, cc][:, nonempty], correction=False)
 *   stats.contingency.association(table, method="cramer")
 *   scipy.spatial.distance.jensenshannon(rc, cc, base=2)
 */
import { computeChiSquare } from '../../../shared/drift/compute-chi-square.js';
import { computeColumnDrift } from '../../../shared/drift/compute-column-drift.js';
import { computeJensenShannon } from '../../../shared/drift/compute-jensen-shannon.js';
import { computeKs } from '../../../shared/drift/compute-ks.js';
import { computePsi, PSI_EPSILON } from '../../../shared/drift/compute-psi.js';
import { computeDecileEdges, countSortedBins } from '../../../shared/drift/decile-bins.js';
import { DEFAULT_DRIFT_THRESHOLDS } from '../../../shared/drift/schema.js';
import { sortFinite } from '../../../shared/drift/sort-finite.js';

const REF: (number | null)[] = [
  0.0,
  0.3,
  -0.3,
  null,
  -0.5,
  -1.0,
  0.1,
  1.3,
  -0.5,
  -0.6,
  0.5,
  0.4,
  0.1,
  -0.9,
  -0.0,
  0.7,
  -1.3,
  null,
  -1.9,
  -1.3,
  -1.8,
  -0.2,
  -1.3,
  0.3,
  0.2,
  -0.2,
  -2.5,
  -0.5,
  -0.0,
  0.1,
  -1.5,
  -0.5,
  -1.0,
  -0.8,
  1.1,
  -0.8,
  -0.0,
  0.9,
  -0.6,
  -0.1,
];
const CUR: (number | null)[] = [
  null,
  0.6,
  -1.0,
  0.6,
  2.1,
  -1.4,
  1.5,
  0.6,
  -0.3,
  2.9,
  1.4,
  null,
  0.6,
  1.2,
  0.3,
  1.3,
  0.4,
  1.3,
  2.2,
  -0.3,
  0.7,
  -0.1,
  0.7,
  -0.9,
  -0.2,
  0.3,
  1.6,
  1.9,
  -1.1,
  null,
];

const floats = (values: (number | null)[]) => Float64Array.from(values, (v) => (v === null ? Number.NaN : v));
const numeric = (name: string, values: (number | null)[]) => ({
  kind: 'numeric' as const,
  name,
  values: floats(values),
});
const LOOSE = { ...DEFAULT_DRIFT_THRESHOLDS, minRows: 1 };

describe('numeric column against SciPy', () => {
  const drift = computeColumnDrift({
    name: 'x',
    role: 'feature',
    reference: numeric('x', REF),
    current: numeric('x', CUR),
    thresholds: LOOSE,
  });

  test('decile edges and bin counts (missing last)', () => {
    const ref = sortFinite(floats(REF));
    const edges = computeDecileEdges(ref.sorted);
    expect(Array.from(edges)).toEqual(
      [
        -1.36, -1.0, -0.7800000000000001, -0.5, -0.25, 0.0, 0.08999999999999986, 0.2600000000000001,
        0.5600000000000008,
      ].map((x) => expect.closeTo(x, 12)),
    );
    expect(Array.from(countSortedBins(ref.sorted, edges, ref.missing))).toEqual([
      4, 5, 3, 6, 1, 7, 0, 4, 4, 4, 2,
    ]);
    const cur = sortFinite(floats(CUR));
    expect(Array.from(countSortedBins(cur.sorted, edges, cur.missing))).toEqual([
      1, 2, 1, 0, 2, 2, 0, 0, 3, 16, 3,
    ]);
  });

  test("PSI, KS, chi-square and Cramér's V", () => {
    expect(drift.kind).toBe('numeric');
    expect(drift.rows).toEqual({ reference: 40, current: 30 });
    expect(drift.missing).toEqual({ reference: 2, current: 3 });
    expect(drift.bins).toBe(11);
    expect(drift.psi).toBeCloseTo(2.835500367970943, 12);
    expect(drift.ks!.statistic).toBeCloseTo(0.49317738791423005, 14);
    expect(drift.ks!.pValue).toBeCloseTo(0.0009254361832450774, 14);
    expect(drift.chiSquare!.statistic).toBeCloseTo(23.79675925925926, 10);
    expect(drift.chiSquare!.dof).toBe(9);
    expect(drift.chiSquare!.pValue).toBeCloseTo(0.00463446311256274, 13);
    expect(drift.chiSquare!.cramersV).toBeCloseTo(0.5830554893864766, 12);
    expect(drift.jensenShannon).toBeNull();
  });

  test('decision: both effect sizes above their limits and significant', () => {
    expect(drift.status).toBe('drifted');
    expect(drift.exceeded).toEqual(['psi', 'ks']);
    expect(drift.shift).toEqual({
      statistic: 'mean',
      reference: expect.closeTo(-0.371052631578947, 12),
      current: expect.closeTo(0.625925925925926, 12),
    });
  });
});

describe('KS at a moderate n', () => {
  // a = [(i*37 % 101)/10 for i in range(300)]; b = [(i*53 % 97)/10 * 1.25 for i in range(250)]
  // ks_2samp(a, b, method="asymp"): D = 0.16600000000000004, p = 0.0009607814459770227;
  // kstwobign.sf(sqrt(300*250/550) * D) = 0.0010894028827090592.
  const a = Float64Array.from({ length: 300 }, (_, i) => ((i * 37) % 101) / 10).sort();
  const b = Float64Array.from({ length: 250 }, (_, i) => (((i * 53) % 97) / 10) * 1.25).sort();

  test("statistic equals ks_2samp; the p-value is the Kolmogorov limit, within 15% of SciPy's finite-n asymp here", () => {
    const ks = computeKs(a, b)!;
    expect(ks.statistic).toBeCloseTo(0.16600000000000004, 14);
    expect(ks.pValue).toBeCloseTo(0.0010894028827090592, 15);
    expect(Math.abs(ks.pValue / 0.0009607814459770227 - 1)).toBeLessThan(0.15);
  });

  test('identical samples: D = 0, p = 1', () => {
    expect(computeKs(a, a)).toEqual({ statistic: 0, pValue: 1 });
  });
});

describe('categorical column against SciPy', () => {
  // ref: a×50, b×30, c×15, missing×5; cur: a×30, b×35, c×10, d×20 (new), missing×5.
  const levels = (counts: Record<string, number>, missing: number) => {
    const names = Object.keys(counts);
    const codes: number[] = [];
    names.forEach((name, i) => {
      for (let k = 0; k < counts[name]!; k++) codes.push(i);
    });
    for (let k = 0; k < missing; k++) codes.push(-1);
    return { kind: 'categorical' as const, name: 'plan', codes: Int32Array.from(codes), levels: names };
  };
  const reference = levels({ a: 50, b: 30, c: 15 }, 5);
  const current = levels({ b: 35, a: 30, d: 20, c: 10 }, 5);
  const drift = computeColumnDrift({ name: 'plan', role: 'feature', reference, current, thresholds: LOOSE });

  test('categories matched by name, a new category and missing cells included', () => {
    expect(drift.bins).toBe(5);
    expect(drift.missing).toEqual({ reference: 5, current: 5 });
    expect(drift.psi).toBeCloseTo(1.6495663158124316, 12);
    expect(drift.jensenShannon).toBeCloseTo(0.3510643140445631, 12);
    expect(drift.chiSquare!.statistic).toBeCloseTo(26.384615384615387, 10);
    expect(drift.chiSquare!.dof).toBe(4);
    expect(drift.chiSquare!.pValue).toBeCloseTo(2.6467113747775138e-5, 15);
    expect(drift.chiSquare!.cramersV).toBeCloseTo(0.36321216516393956, 12);
    expect(drift.ks).toBeNull();
    // "a" (50/95 → 30/95) and the new "d" (0 → 20/95) moved equally; the first in order is named.
    expect(drift.shift).toEqual({
      statistic: 'share',
      category: 'a',
      reference: expect.closeTo(50 / 95, 12),
      current: expect.closeTo(30 / 95, 12),
    });
  });

  test("Jensen-Shannon decides by default; Cramér's V with categorical: chi_square", () => {
    expect(drift.exceeded).toEqual(['psi', 'jensen_shannon']);
    const chi = computeColumnDrift({
      name: 'plan',
      role: 'feature',
      reference,
      current,
      thresholds: { ...LOOSE, categorical: 'chi_square', psiMax: 5 },
    });
    expect(chi.exceeded).toEqual(['cramers_v']);
    const strict = computeColumnDrift({
      name: 'plan',
      role: 'feature',
      reference,
      current,
      thresholds: { ...LOOSE, categorical: 'chi_square', psiMax: 5, cramersVMax: 0.4 },
    });
    expect(strict.status).toBe('stable');
  });
});

describe('building blocks', () => {
  test('chi-square without Yates correction on a 2 × 2 table (chi2_contingency(correction=False))', () => {
    expect(computeChiSquare([90, 10], [70, 30])).toEqual({
      statistic: 12.5,
      dof: 1,
      pValue: expect.closeTo(0.00040695201744495946, 16),
      cramersV: expect.closeTo(0.25, 15),
    });
  });

  test('chi-square: categories empty on both sides are dropped; a single category cannot differ', () => {
    expect(computeChiSquare([90, 0, 10], [70, 0, 30])!.dof).toBe(1);
    expect(computeChiSquare([5, 0], [9, 0])).toEqual({ statistic: 0, dof: 0, pValue: 1, cramersV: 0 });
    expect(computeChiSquare([0, 0], [1, 2])).toBeNull();
  });

  test('Jensen-Shannon: 0 for equal shares, 1 (base 2) for disjoint supports', () => {
    expect(computeJensenShannon([3, 4, 5], [6, 8, 10])).toBeCloseTo(0, 8);
    expect(computeJensenShannon([5, 0], [0, 7])).toBeCloseTo(1, 15);
    expect(computeJensenShannon([0, 0], [1, 1])).toBeNull();
  });

  test('PSI: empty bins are floored at the documented epsilon', () => {
    expect(PSI_EPSILON).toBe(1e-4);
    // p = [0.5, 0.5, 0] → [0.5, 0.5, 1e-4]; q = [0.5, 0.25, 0.25]
    const expected = (0.25 - 0.5) * Math.log(0.25 / 0.5) + (0.25 - 1e-4) * Math.log(0.25 / 1e-4);
    expect(computePsi([2, 2, 0], [2, 1, 1])).toBeCloseTo(expected, 14);
    expect(computePsi([1, 1], [1, 1])).toBe(0);
    expect(() => computePsi([1], [1, 2])).toThrow(RangeError);
  });

  test('deciles with ties collapse to fewer bins; searchsorted-left bins (np.searchsorted(edges, x, "left"))', () => {
    // ref has six zeros: the 0.1 and 0.2 deciles are both 0, so one edge is dropped.
    const ref = Float64Array.from([0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 5, 5, 8, 9, 10, 12, 15, 20]).sort();
    const cur = Float64Array.from([
      0, 0, 1, 2, 2, 3, 3, 3, 4, 6, 7, 8, 9, 11, 13, 14, 18, 21, 25, 30, 40,
    ]).sort();
    const edges = computeDecileEdges(ref);
    expect(Array.from(edges)).toEqual(
      [0, 0.7, 1.6, 3.5, 5, 5.9, 9.2, 12.3].map((x) => expect.closeTo(x, 12)),
    );
    expect(Array.from(countSortedBins(ref, edges, 0))).toEqual([6, 0, 2, 2, 4, 0, 2, 2, 2, 0]);
    expect(Array.from(countSortedBins(cur, edges, 0))).toEqual([2, 0, 1, 5, 1, 0, 4, 1, 7, 0]);
    expect(computeKs(ref, cur)!.statistic).toBeCloseTo(0.2714285714285714, 15);
  });

  test('an empty side gives no statistic', () => {
    expect(computeKs(new Float64Array(0), Float64Array.from([1]))).toBeNull();
    expect(computePsi([0, 0], [1, 2])).toBeNull();
    expect(computeDecileEdges(new Float64Array(0)).length).toBe(0);
  });
});
