import { computeBinaryMetrics, decideBinary } from '../../../shared/metrics/binary.js';
import { BINARY_METRICS } from '../../../shared/metrics/metric-names.js';
import { expectValue } from './helpers.js';

type Expected = Record<(typeof BINARY_METRICS)[number], number | null>;

/**
 * Expected values: test/shared/metrics/sklearn-reference.py (numpy re-implementation of the
 * scikit-learn 1.2 code paths, ROC AUC cross-checked with scipy.stats.mannwhitneyu), pred =
 * score >= 0.5. `null` marks where ModelGate reports "undefined" and scikit-learn gives 0, NaN or
 * raises: precision without predicted positives (sklearn 0), recall/tpr/fnr without positives
 * (sklearn 0), fpr/tnr without negatives, f1 when tp + fp + fn = 0 (sklearn 0), ROC AUC with one
 * class (sklearn raises), average precision without positives.
 */
const CASES: { name: string; y: number[]; score: number[]; expected: Expected }[] = [
  {
    name: 'basic, with tied scores',
    y: [0, 0, 1, 1, 0, 1, 1, 0, 1, 0],
    score: [0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.35, 0.2, 0.6, 0.7],
    expected: {
      accuracy: 0.7,
      balanced_accuracy: 0.7,
      precision: 0.75,
      recall: 0.6,
      f1: 0.6666666666666665,
      mcc: 0.408248290463863,
      roc_auc: 0.72,
      average_precision: 0.8,
      log_loss: 0.5493102058565336,
      brier: 0.19150000000000003,
      selection_rate: 0.4,
      tpr: 0.6,
      fpr: 0.2,
      tnr: 0.8,
      fnr: 0.4,
    },
  },
  {
    name: 'all scores tied',
    y: [0, 1, 1, 0, 1],
    score: [0.5, 0.5, 0.5, 0.5, 0.5],
    expected: {
      accuracy: 0.6,
      balanced_accuracy: 0.5,
      precision: 0.6,
      recall: 1.0,
      f1: 0.7499999999999999,
      mcc: 0.0,
      roc_auc: 0.5,
      average_precision: 0.6,
      log_loss: Math.LN2, // reference printed 0.6931471805599453
      brier: 0.25,
      selection_rate: 1.0,
      tpr: 1.0,
      fpr: 1.0,
      tnr: 0.0,
      fnr: 0.0,
    },
  },
  {
    name: 'single class: only positives',
    y: [1, 1, 1, 1],
    score: [0.2, 0.7, 0.9, 0.7],
    expected: {
      accuracy: 0.75,
      balanced_accuracy: 0.75,
      precision: 1.0,
      recall: 0.75,
      f1: 0.8571428571428571,
      mcc: 0.0,
      roc_auc: null,
      average_precision: 1.0,
      log_loss: 0.6070370789923478,
      brier: 0.20750000000000007,
      selection_rate: 0.75,
      tpr: 0.75,
      fpr: null,
      tnr: null,
      fnr: 0.25,
    },
  },
  {
    name: 'single class: only negatives',
    y: [0, 0, 0],
    score: [0.6, 0.1, 0.3],
    expected: {
      accuracy: 0.6666666666666666,
      balanced_accuracy: 0.6666666666666666,
      precision: 0.0,
      recall: null,
      f1: 0.0,
      mcc: 0.0,
      roc_auc: null,
      average_precision: null,
      log_loss: 0.4594420638235712,
      brier: 0.15333333333333332,
      selection_rate: 0.3333333333333333,
      tpr: null,
      fpr: 0.3333333333333333,
      tnr: 0.6666666666666666,
      fnr: null,
    },
  },
  {
    // precision undefined, recall defined: f1 = 2tp/(2tp+fp+fn) = 0, as scikit-learn.
    name: 'no predicted positives',
    y: [1, 0, 1, 0],
    score: [0.2, 0.1, 0.45, 0.3],
    expected: {
      accuracy: 0.5,
      balanced_accuracy: 0.5,
      precision: null,
      recall: 0.0,
      f1: 0.0,
      mcc: 0.0,
      roc_auc: 0.75,
      average_precision: 0.8333333333333333,
      log_loss: 0.7174952670621076,
      brier: 0.26062500000000005,
      selection_rate: 0.0,
      tpr: 0.0,
      fpr: 0.0,
      tnr: 1.0,
      fnr: 1.0,
    },
  },
  {
    name: 'all true negatives (tp + fp + fn = 0)',
    y: [0, 0, 0, 0],
    score: [0.1, 0.2, 0.0, 0.3],
    expected: {
      accuracy: 1.0,
      balanced_accuracy: 1.0,
      precision: null,
      recall: null,
      f1: null,
      mcc: 0.0,
      roc_auc: null,
      average_precision: null,
      log_loss: 0.17129475272769218,
      brier: 0.035,
      selection_rate: 0.0,
      tpr: null,
      fpr: 0.0,
      tnr: 1.0,
      fnr: null,
    },
  },
  {
    // log loss clips 0 and 1 at float64 eps: −log(2.22e-16) = 36.04 per saturated wrong row.
    name: 'saturated and wrong scores',
    y: [0, 1, 1, 0, 1],
    score: [1.0, 0.0, 1.0, 0.0, 0.5],
    expected: {
      accuracy: 0.6,
      balanced_accuracy: 0.5833333333333333,
      precision: 0.6666666666666666,
      recall: 0.6666666666666666,
      f1: 0.6666666666666666,
      mcc: 0.16666666666666666,
      roc_auc: 0.49999999999999994,
      average_precision: 0.5888888888888889,
      log_loss: 14.556090791758852,
      brier: 0.45,
      selection_rate: 0.6,
      tpr: 0.6666666666666666,
      fpr: 0.5,
      tnr: 0.5,
      fnr: 0.3333333333333333,
    },
  },
  {
    name: 'perfect separation',
    y: [0, 0, 1, 1],
    score: [0.1, 0.2, 0.8, 0.9],
    expected: {
      accuracy: 1.0,
      balanced_accuracy: 1.0,
      precision: 1.0,
      recall: 1.0,
      f1: 1.0,
      mcc: 1.0,
      roc_auc: 1.0,
      average_precision: 1.0,
      log_loss: 0.16425203348601802,
      brier: 0.024999999999999998,
      selection_rate: 0.5,
      tpr: 1.0,
      fpr: 0.0,
      tnr: 1.0,
      fnr: 0.0,
    },
  },
  {
    name: '-0 and +0 tie',
    y: [1, 0, 1, 0],
    score: [-0, 0, 0.5, 0.5],
    expected: {
      accuracy: 0.5,
      balanced_accuracy: 0.5,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      mcc: 0.0,
      roc_auc: 0.5,
      average_precision: 0.5,
      log_loss: 9.357486937559262,
      brier: 0.375,
      selection_rate: 0.5,
      tpr: 0.5,
      fpr: 0.5,
      tnr: 0.5,
      fnr: 0.5,
    },
  },
];

describe('computeBinaryMetrics', () => {
  test.each(CASES)('$name matches scikit-learn 1.2', ({ y, score, expected }) => {
    const s = Float64Array.from(score);
    const result = computeBinaryMetrics({
      y: Uint8Array.from(y),
      score: s,
      pred: decideBinary(s, null, undefined),
    });
    expect(Object.keys(result)).toEqual([...BINARY_METRICS]);
    for (const name of BINARY_METRICS) expectValue(result[name], expected[name], name);
  });

  test('no rows: every metric is null with a reason', () => {
    const result = computeBinaryMetrics({
      y: new Uint8Array(0),
      score: new Float64Array(0),
      pred: new Uint8Array(0),
    });
    for (const name of BINARY_METRICS) {
      expect(result[name].value).toBeNull();
      expect(result[name].reason).toMatch(/no rows|one class|positives/);
    }
  });

  test('a presorted order gives the same result', () => {
    const { y, score } = CASES[0]!;
    const s = Float64Array.from(score);
    const input = { y: Uint8Array.from(y), score: s, pred: decideBinary(s, null, 0.5) };
    const descending = Uint32Array.from([5, 3, 9, 8, 1, 4, 2, 6, 7, 0]);
    expect(computeBinaryMetrics({ ...input, order: descending })).toEqual(computeBinaryMetrics(input));
  });

  test('rejects arrays of different lengths', () => {
    expect(() =>
      computeBinaryMetrics({ y: new Uint8Array(3), score: new Float64Array(3), pred: new Uint8Array(2) }),
    ).toThrow(/pred has 2/);
  });
});

describe('decideBinary', () => {
  const score = Float64Array.from([0.2, 0.5, 0.7, 0.49999999999999994, 0.3]);
  const label = Uint8Array.from([1, 0, 0, 1, 1]);

  test.each([
    {
      rule: 'threshold: score >= threshold (equal counts as positive)',
      label,
      threshold: 0.3,
      expected: [0, 1, 1, 1, 1],
    },
    { rule: 'threshold wins over the model label', label, threshold: 0.5, expected: [0, 1, 1, 0, 0] },
    { rule: 'no threshold: the model label', label, threshold: undefined, expected: [1, 0, 0, 1, 1] },
    { rule: 'neither: score >= 0.5', label: null, threshold: undefined, expected: [0, 1, 1, 0, 0] },
  ])('$rule', ({ label: l, threshold, expected }) => {
    expect([...decideBinary(score, l, threshold)]).toEqual(expected);
  });

  test('returns a new array, never the label itself', () => {
    const out = decideBinary(score, label, undefined);
    out[0] = 0;
    expect(label[0]).toBe(1);
  });
});
