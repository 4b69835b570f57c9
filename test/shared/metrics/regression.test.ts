import { REGRESSION_METRICS, type RegressionMetricName } from '../../../shared/metrics/metric-names.js';
import { computeRegressionMetrics } from '../../../shared/metrics/regression.js';
import { expandRows, expectValue, Lcg } from './helpers.js';

/**
 * Expected values: test/shared/metrics/sklearn-reference.py `regression_metrics` (scikit-learn 1.2
 * `mean_absolute_error`, `mean_squared_error(squared=False)`, `r2_score`,
 * `mean_absolute_percentage_error`). `null` r2: scikit-learn gives NaN (< 2 rows) or 0.0 (constant
 * y, imperfect prediction; force_finite=True).
 */
const CASES: {
  name: string;
  y: number[];
  yhat: number[];
  expected: Record<RegressionMetricName, number | null>;
}[] = [
  {
    name: 'basic',
    y: [3.0, -0.5, 2.0, 7.0, 4.0],
    yhat: [2.5, 0.0, 2.0, 8.0, 4.25],
    expected: { mae: 0.45, rmse: 0.5590169943749475, r2: 0.9482615894039735, mape: 0.27440476190476193 },
  },
  {
    name: 'y = 0: mape divides by float64 eps',
    y: [0.0, 1.0],
    yhat: [0.25, 1.0],
    expected: { mae: 0.125, rmse: 0.1767766952966369, r2: 0.875, mape: 562949953421312.0 },
  },
  {
    name: 'constant y, imperfect prediction: r2 undefined',
    y: [2.0, 2.0, 2.0],
    yhat: [1.0, 2.0, 3.0],
    expected: { mae: 0.6666666666666666, rmse: 0.816496580927726, r2: null, mape: 0.3333333333333333 },
  },
  {
    // scikit-learn's two-pass mean of [0.1, 0.1, 0.1] is 0.10000000000000002, leaving SS_tot =
    // 5.8e-34 and r2 = -1.7e31; the constant target is detected exactly here.
    name: 'constant y = 0.1 (rounding residue in the mean)',
    y: [0.1, 0.1, 0.1],
    yhat: [0.1, 0.1, 0.2],
    expected: { mae: 0.03333333333333333, rmse: 0.05773502691896258, r2: null, mape: 0.3333333333333333 },
  },
  {
    name: 'constant y, perfect prediction: r2 = 1 (scikit-learn force_finite)',
    y: [2.0, 2.0],
    yhat: [2.0, 2.0],
    expected: { mae: 0.0, rmse: 0.0, r2: 1.0, mape: 0.0 },
  },
  {
    name: 'one row: r2 undefined',
    y: [4.0],
    yhat: [3.0],
    expected: { mae: 1.0, rmse: 1.0, r2: null, mape: 0.25 },
  },
];

describe('computeRegressionMetrics', () => {
  test.each(CASES)('$name matches scikit-learn 1.2', ({ y, yhat, expected }) => {
    const result = computeRegressionMetrics({ y: Float64Array.from(y), prediction: Float64Array.from(yhat) });
    expect(Object.keys(result)).toEqual([...REGRESSION_METRICS]);
    for (const name of REGRESSION_METRICS) expectValue(result[name], expected[name], name);
  });

  test('r2 null reasons', () => {
    const constant = computeRegressionMetrics({
      y: Float64Array.from([2, 2]),
      prediction: Float64Array.from([1, 2]),
    });
    expect(constant.r2).toEqual({ value: null, reason: 'constant target (zero variance)' });
    const one = computeRegressionMetrics({ y: Float64Array.of(1), prediction: Float64Array.of(1) });
    expect(one.r2).toEqual({ value: null, reason: 'fewer than two rows' });
  });

  test('no rows: every metric is null', () => {
    const result = computeRegressionMetrics({ y: new Float64Array(0), prediction: new Float64Array(0) });
    for (const name of REGRESSION_METRICS) expect(result[name]).toEqual({ value: null, reason: 'no rows' });
  });

  test('weights equal the metrics on the expanded rows', () => {
    const g = new Lcg(13);
    for (let trial = 0; trial < 10; trial++) {
      const n = 10 + g.below(80);
      const y = Float64Array.from({ length: n }, () => g.below(2001) / 10 - 100);
      const prediction = Float64Array.from(y, (v) => v + (g.below(41) - 20) / 4);
      const weights = Uint16Array.from({ length: n }, () => g.below(4));
      const weighted = computeRegressionMetrics({ y, prediction, weights });
      const expanded = computeRegressionMetrics({
        y: expandRows(y, weights),
        prediction: expandRows(prediction, weights),
      });
      for (const name of REGRESSION_METRICS) expectValue(weighted[name], expanded[name].value, name);
    }
  });

  test('rejects arrays of different lengths', () => {
    expect(() =>
      computeRegressionMetrics({ y: new Float64Array(2), prediction: new Float64Array(1) }),
    ).toThrow(/prediction has 1/);
  });
});
