import {
  COUNT_METRICS,
  type Confusion,
  type CountMetricName,
  computeConfusion,
  computeCountMetrics,
  computeCountMetricValue,
} from '../../../shared/metrics/confusion.js';
import { METRICS } from '../../../shared/metrics/registry.js';
import { expectValue } from './helpers.js';

/**
 * Expected values: test/shared/metrics/sklearn-reference.py `confusion_cases()` — scikit-learn
 * 1.2 formulas (numpy re-implementation) on the rows each matrix expands to. `null` marks a zero
 * denominator, where scikit-learn returns 0 with a warning.
 */
const CASES: { c: Confusion; expected: Record<CountMetricName, number | null> }[] = [
  {
    c: { tp: 40, fp: 10, tn: 45, fn: 5 },
    expected: {
      accuracy: 0.85,
      balanced_accuracy: 0.8535353535353536,
      precision: 0.8,
      recall: 0.8888888888888888,
      f1: 0.8421052631578948,
      mcc: 0.7035264706814484,
      selection_rate: 0.5,
      tpr: 0.8888888888888888,
      fpr: 0.18181818181818182,
      tnr: 0.8181818181818182,
      fnr: 0.1111111111111111,
    },
  },
  {
    // everything predicted positive: mcc's denominator is 0 → 0 (scikit-learn)
    c: { tp: 7, fp: 3, tn: 0, fn: 0 },
    expected: {
      accuracy: 0.7,
      balanced_accuracy: 0.5,
      precision: 0.7,
      recall: 1.0,
      f1: 0.8235294117647058,
      mcc: 0.0,
      selection_rate: 1.0,
      tpr: 1.0,
      fpr: 1.0,
      tnr: 0.0,
      fnr: 0.0,
    },
  },
  {
    // only true negatives: f1 undefined (sklearn 0); balanced accuracy = recall of class 0
    c: { tp: 0, fp: 0, tn: 12, fn: 0 },
    expected: {
      accuracy: 1.0,
      balanced_accuracy: 1.0,
      precision: null,
      recall: null,
      f1: null,
      mcc: 0.0,
      selection_rate: 0.0,
      tpr: null,
      fpr: 0.0,
      tnr: 1.0,
      fnr: null,
    },
  },
  {
    // only false negatives: precision undefined, recall 0 → f1 = 2tp/(2tp+fp+fn) = 0
    c: { tp: 0, fp: 0, tn: 0, fn: 9 },
    expected: {
      accuracy: 0.0,
      balanced_accuracy: 0.0,
      precision: null,
      recall: 0.0,
      f1: 0.0,
      mcc: 0.0,
      selection_rate: 0.0,
      tpr: 0.0,
      fpr: null,
      tnr: null,
      fnr: 1.0,
    },
  },
  {
    c: { tp: 3, fp: 0, tn: 5, fn: 0 },
    expected: {
      accuracy: 1.0,
      balanced_accuracy: 1.0,
      precision: 1.0,
      recall: 1.0,
      f1: 1.0,
      mcc: 1.0,
      selection_rate: 0.375,
      tpr: 1.0,
      fpr: 0.0,
      tnr: 1.0,
      fnr: 0.0,
    },
  },
  {
    // no actual positives, some predicted: recall undefined, precision 0 → f1 = 0
    c: { tp: 0, fp: 4, tn: 6, fn: 0 },
    expected: {
      accuracy: 0.6,
      balanced_accuracy: 0.6,
      precision: 0.0,
      recall: null,
      f1: 0.0,
      mcc: 0.0,
      selection_rate: 0.4,
      tpr: null,
      fpr: 0.4,
      tnr: 0.6,
      fnr: null,
    },
  },
  {
    c: { tp: 0, fp: 0, tn: 6, fn: 3 },
    expected: {
      accuracy: 0.6666666666666666,
      balanced_accuracy: 0.5,
      precision: null,
      recall: 0.0,
      f1: 0.0,
      mcc: 0.0,
      selection_rate: 0.0,
      tpr: 0.0,
      fpr: 0.0,
      tnr: 1.0,
      fnr: 1.0,
    },
  },
  {
    c: { tp: 1234, fp: 567, tn: 8910, fn: 111 },
    expected: {
      accuracy: 0.9373498429125855,
      balanced_accuracy: 0.928821529565024,
      precision: 0.6851749028317601,
      recall: 0.9174721189591079,
      f1: 0.7844882390336936,
      mcc: 0.759659480017712,
      selection_rate: 0.1664202550360377,
      tpr: 0.9174721189591079,
      fpr: 0.05982905982905983,
      tnr: 0.9401709401709402,
      fnr: 0.08252788104089219,
    },
  },
];

const label = ({ c }: { c: Confusion }) => `tp=${c.tp} fp=${c.fp} tn=${c.tn} fn=${c.fn}`;

describe('computeCountMetrics', () => {
  test.each(CASES.map((x) => ({ ...x, name: label(x) })))(
    '$name matches scikit-learn 1.2',
    ({ c, expected }) => {
      const metrics = computeCountMetrics(c);
      expect(Object.keys(metrics)).toEqual([...COUNT_METRICS]);
      for (const name of COUNT_METRICS) {
        expectValue(metrics[name], expected[name], name);
        expect(computeCountMetricValue(name, c)).toBe(metrics[name].value);
      }
    },
  );

  test('no rows: every count metric is null, with reason "no rows"', () => {
    const metrics = computeCountMetrics({ tp: 0, fp: 0, tn: 0, fn: 0 });
    for (const name of COUNT_METRICS) expect(metrics[name]).toEqual({ value: null, reason: 'no rows' });
  });

  test.each([
    { name: 'precision', c: { tp: 0, fp: 0, tn: 3, fn: 2 }, reason: /predicted positives/ },
    { name: 'recall', c: { tp: 0, fp: 1, tn: 3, fn: 0 }, reason: /actual positives/ },
    { name: 'fnr', c: { tp: 0, fp: 1, tn: 3, fn: 0 }, reason: /actual positives/ },
    { name: 'fpr', c: { tp: 2, fp: 0, tn: 0, fn: 1 }, reason: /actual negatives/ },
    { name: 'f1', c: { tp: 0, fp: 0, tn: 3, fn: 0 }, reason: /tp \+ fp \+ fn = 0/ },
  ] as const)('$name null reason names the zero denominator', ({ name, c, reason }) => {
    expect(computeCountMetrics(c)[name]).toEqual({ value: null, reason: expect.stringMatching(reason) });
  });

  test('weighted (non-integer) cells are accepted', () => {
    expect(computeCountMetricValue('precision', { tp: 1.5, fp: 0.5, tn: 2, fn: 0 })).toBe(0.75);
  });

  test('COUNT_METRICS are the binary count-basis metrics of the registry', () => {
    const registry = Object.values(METRICS)
      .filter((m) => m.basis === 'count' && (m.tasks as readonly string[]).includes('binary'))
      .map((m) => m.name);
    expect([...COUNT_METRICS].sort()).toEqual(registry.sort());
  });
});

describe('computeConfusion', () => {
  test('counts each cell', () => {
    const y = Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 1, 0]);
    const pred = Uint8Array.from([1, 0, 1, 1, 0, 0, 1, 0, 0]);
    expect(computeConfusion(y, pred)).toEqual({ tp: 2, fp: 2, tn: 3, fn: 2 });
  });

  test('no rows', () => {
    expect(computeConfusion(new Uint8Array(0), new Uint8Array(0))).toEqual({ tp: 0, fp: 0, tn: 0, fn: 0 });
  });

  test('rejects arrays of different lengths', () => {
    expect(() => computeConfusion(new Uint8Array(2), new Uint8Array(3))).toThrow(/y has 2 rows, pred has 3/);
  });
});
