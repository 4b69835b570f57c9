import { MULTICLASS_METRICS } from '../../../shared/metrics/metric-names.js';
import {
  computeClassCounts,
  computeMulticlassCountMetricValue,
  computeMulticlassLogLoss,
  computeMulticlassMetrics,
  decideMulticlass,
  type MulticlassMetricName,
} from '../../../shared/metrics/multiclass.js';
import { expandRows, expectValue, Lcg } from './helpers.js';

/**
 * Expected values: test/shared/metrics/sklearn-reference.py `multiclass_metrics` (scikit-learn 1.2
 * with labels=None for the count metrics — classes present in y or pred — and
 * `log_loss(labels=range(k))`: clip at float64 eps, then renormalise each row).
 */
const CASES: {
  name: string;
  y: number[];
  k: number;
  proba: number[];
  pred: number[];
  expected: Record<MulticlassMetricName, number>;
}[] = [
  {
    name: 'basic (pred = argmax, first max on ties)',
    y: [0, 1, 1, 2, 0, 0],
    k: 3,
    proba: [0.7, 0.2, 0.1, 0.2, 0.5, 0.3, 0.4, 0.4, 0.2, 0.1, 0.1, 0.8, 0.3, 0.3, 0.4, 0.6, 0.3, 0.1],
    pred: [0, 1, 0, 2, 2, 0],
    expected: {
      accuracy: 0.6666666666666666,
      balanced_accuracy: 0.7222222222222222,
      log_loss: 0.6506758059631615,
      f1_macro: 0.6666666666666666,
      f1_weighted: 0.6666666666666666,
    },
  },
  {
    // class 2 only predicted (F1 0, weight 0), class 3 nowhere (not averaged); zero probabilities
    // clipped; row 3 sums to 0.6 and is renormalised.
    name: 'absent classes, zero probabilities, rows not summing to 1',
    y: [0, 0, 1, 0],
    k: 4,
    proba: [0.0, 1.0, 0.0, 0.0, 0.5, 0.5, 0.0, 0.0, 0.2, 0.2, 0.2, 0.0, 0.9, 0.0, 0.1, 0.0],
    pred: [1, 0, 0, 2],
    expected: {
      accuracy: 0.25,
      balanced_accuracy: 0.16666666666666666,
      log_loss: 9.48519334350076,
      f1_macro: 0.13333333333333333,
      f1_weighted: 0.30000000000000004,
    },
  },
  {
    name: 'single class in y',
    y: [2, 2, 2],
    k: 3,
    proba: [0.1, 0.1, 0.8, 0.5, 0.2, 0.3, 0.3, 0.3, 0.4],
    pred: [2, 0, 2],
    expected: {
      accuracy: 0.6666666666666666,
      balanced_accuracy: 0.6666666666666666,
      log_loss: 0.7811356958381003,
      f1_macro: 0.4,
      f1_weighted: 0.8000000000000002,
    },
  },
];

describe('computeMulticlassMetrics', () => {
  test.each(CASES)('$name matches scikit-learn 1.2', ({ y, k, proba, pred, expected }) => {
    const input = { y: Int32Array.from(y), k, proba: Float64Array.from(proba), pred: Int32Array.from(pred) };
    const result = computeMulticlassMetrics(input);
    expect(Object.keys(result).sort()).toEqual([...MULTICLASS_METRICS].sort());
    for (const name of MULTICLASS_METRICS) expectValue(result[name], expected[name], name);
  });

  test('no rows: every metric is null', () => {
    const result = computeMulticlassMetrics({
      y: new Int32Array(0),
      k: 3,
      proba: new Float64Array(0),
      pred: new Int32Array(0),
    });
    for (const name of MULTICLASS_METRICS) expect(result[name]).toEqual({ value: null, reason: 'no rows' });
  });

  test.each([
    { case: 'y outside 0..k-1', y: [0, 3], pred: [0, 1], message: /row 2: class index 3 is outside 0..2/ },
    { case: 'negative pred', y: [0, 1], pred: [-1, 1], message: /row 1: class index -1/ },
  ])('rejects $case', ({ y, pred, message }) => {
    const input = {
      y: Int32Array.from(y),
      k: 3,
      proba: new Float64Array(6).fill(1 / 3),
      pred: Int32Array.from(pred),
    };
    expect(() => computeMulticlassMetrics(input)).toThrow(message);
  });

  test('rejects probabilities that are not n × k', () => {
    const input = {
      y: Int32Array.from([0, 1]),
      k: 3,
      proba: new Float64Array(5),
      pred: Int32Array.from([0, 1]),
    };
    expect(() => computeMulticlassMetrics(input)).toThrow(/5 values, expected 2 rows × 3 classes/);
  });
});

describe('multiclass weights (bootstrap counts)', () => {
  test('equal the metrics on the expanded rows', () => {
    const g = new Lcg(9);
    const k = 4;
    for (let trial = 0; trial < 10; trial++) {
      const n = 30 + g.below(60);
      const y = Int32Array.from({ length: n }, () => g.below(k));
      const pred = Int32Array.from({ length: n }, (_, i) => (g.below(2) === 0 ? y[i]! : g.below(k)));
      const proba = Float64Array.from({ length: n * k }, () => g.below(11) / 10);
      const weights = Uint16Array.from({ length: n }, () => g.below(4));
      const counts = computeClassCounts({ y, pred, k, weights });
      const expandedCounts = computeClassCounts({
        y: expandRows(y, weights),
        pred: expandRows(pred, weights),
        k,
      });
      for (const name of ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted'] as const) {
        expectValue(
          computeMulticlassCountMetricValue(name, counts),
          computeMulticlassCountMetricValue(name, expandedCounts),
          name,
        );
      }
      const expanded = { y: expandRows(y, weights), k, proba: expandRows(proba, weights, k) };
      expectValue(
        computeMulticlassLogLoss({ y, k, proba, weights }),
        computeMulticlassLogLoss(expanded).value,
      );
    }
  });
});

describe('decideMulticlass', () => {
  const proba = Float64Array.from([0.2, 0.5, 0.3, 0.4, 0.4, 0.2, 0.1, 0.1, 0.1, 0.0, 0.3, 0.7]);

  test('argmax per row, first maximum on ties (numpy argmax)', () => {
    expect([...decideMulticlass(proba, 3, null)]).toEqual([1, 0, 0, 2]);
  });

  test("the model's label when given, as a copy", () => {
    const label = Int32Array.from([2, 2, 1, 0]);
    const out = decideMulticlass(proba, 3, label);
    expect([...out]).toEqual([2, 2, 1, 0]);
    out[0] = 0;
    expect(label[0]).toBe(2);
  });

  test('rejects a label array of the wrong length and a ragged matrix', () => {
    expect(() => decideMulticlass(proba, 3, Int32Array.from([0]))).toThrow(/expected 1 rows × 3 classes/);
    expect(() => decideMulticlass(proba, 5, null)).toThrow(/12 values/);
  });
});
