/** Degradation since promotion: the independent-sample change (MOVER) and the checks decided on it. */
import { compareFairness, compareMetrics } from '../../../shared/monitor/compare-metrics.js';
import { computeIndependentChange } from '../../../shared/monitor/compute-independent-change.js';
import { baseline, current, MONITOR } from './monitor-fixtures.js';

describe('computeIndependentChange (MOVER, Zou & Donner 2008)', () => {
  test('symmetric intervals: d ± √(h_c² + h_b²)', () => {
    const change = computeIndependentChange(
      { value: 0.8, ci: [0.78, 0.82] },
      { value: 0.85, ci: [0.83, 0.87] },
    )!;
    expect(change.value).toBeCloseTo(-0.05, 15);
    expect(change.ci![0]).toBeCloseTo(-0.05 - Math.sqrt(0.02 ** 2 + 0.02 ** 2), 15);
    expect(change.ci![1]).toBeCloseTo(-0.05 + Math.sqrt(0.02 ** 2 + 0.02 ** 2), 15);
  });

  test('asymmetric intervals keep their asymmetry', () => {
    // c = 0.9 [0.85, 0.92], b = 0.8 [0.79, 0.86]: L = 0.1 − √(0.05² + 0.06²), U = 0.1 + √(0.02² + 0.01²)
    const change = computeIndependentChange(
      { value: 0.9, ci: [0.85, 0.92] },
      { value: 0.8, ci: [0.79, 0.86] },
    )!;
    expect(change.ci![0]).toBeCloseTo(0.1 - Math.hypot(0.05, 0.06), 15);
    expect(change.ci![1]).toBeCloseTo(0.1 + Math.hypot(0.02, 0.01), 15);
  });

  test('no interval on either side: the point change only; an undefined side: null', () => {
    expect(computeIndependentChange({ value: 0.9, ci: null }, { value: 0.8, ci: [0.7, 0.9] })).toEqual({
      value: expect.closeTo(0.1, 15),
      ci: null,
    });
    expect(
      computeIndependentChange({ value: null, ci: null, reason: 'one class' }, { value: 0.8, ci: null }),
    ).toBeNull();
    expect(computeIndependentChange(undefined, { value: 0.8, ci: null })).toBeNull();
  });
});

const input = (values: Parameters<typeof current>[0], monitor = MONITOR, enough = true) => ({
  baseline: baseline(),
  current: current(values),
  monitor,
  confidence: 0.95,
  enough,
});

describe('compareMetrics', () => {
  test('every metric of the evaluation appears beside its promotion value', () => {
    const { metrics } = compareMetrics(input({ roc_auc: 0.84 }));
    expect(metrics.map((m) => m.metric)).toEqual([
      'roc_auc',
      'accuracy',
      'log_loss',
      'recall',
      'selection_rate',
    ]);
    expect(metrics[0]).toMatchObject({
      direction: 'higher',
      baseline: { value: 0.851 },
      current: { value: 0.84 },
      change: { value: expect.closeTo(-0.011, 12) },
    });
  });

  test.each<[string, Parameters<typeof current>[0], string, string]>([
    [
      'ROC AUC within the tolerance',
      { roc_auc: 0.845, width: 0.002 },
      'pass',
      'ROC AUC fell by 0.006 (from 0.851 to 0.845); at most 0.020 is allowed.',
    ],
    [
      'ROC AUC past the tolerance',
      { roc_auc: 0.79 },
      'fail',
      'ROC AUC fell by 0.061 (from 0.851 to 0.790); at most 0.020 is allowed.',
    ],
    [
      'ROC AUC within the tolerance, interval reaching past it',
      { roc_auc: 0.84, width: 0.03 },
      'warn',
      'Within noise',
    ],
    ['ROC AUC improved', { roc_auc: 0.9 }, 'pass', 'ROC AUC rose by 0.049'],
  ])('absolute degradation: %s', (_name, values, status, message) => {
    const check = compareMetrics(input(values)).checks[0]!;
    expect(check).toMatchObject({
      id: 'monitor.roc_auc.max_degradation',
      kind: 'degradation',
      bound: 'max_degradation',
      threshold: 0.02,
      status,
    });
    expect(check.message).toContain(message);
  });

  test('relative degradation of a lower-is-better metric (log loss up 12% > 10%)', () => {
    const check = compareMetrics(input({ log_loss: 0.412 * 1.12 })).checks[1]!;
    expect(check).toMatchObject({
      id: 'monitor.log_loss.max_degradation_relative',
      status: 'fail',
      observed: expect.closeTo(0.12, 12),
    });
    expect(check.message).toMatch(/^Log loss rose by 12%/);
  });

  test('non-inferiority: the whole interval of the change must be within the tolerance', () => {
    const monitor = {
      ...MONITOR,
      gates: { roc_auc: { maxDegradation: 0.02, test: 'noninferiority' as const } },
    };
    expect(compareMetrics(input({ roc_auc: 0.845, width: 0.002 }, monitor)).checks[0]!.status).toBe('pass');
    expect(compareMetrics(input({ roc_auc: 0.845, width: 0.03 }, monitor)).checks[0]!.status).toBe('fail');
  });

  test('too little fresh data: every check says so instead of deciding', () => {
    const { checks } = compareMetrics(input({ roc_auc: 0.5, rows: 120 }, MONITOR, false));
    expect(checks.map((c) => c.status)).toEqual(['insufficient', 'insufficient']);
    expect(checks[0]!.message).toBe(
      'Too little data to judge: the fresh data has 120 rows; at least 200 are needed (monitor.min_rows).',
    );
  });

  test('a gated metric missing from the promotion report fails closed (error)', () => {
    const monitor = { ...MONITOR, gates: { mcc: { maxDegradation: 0.05, test: 'point' as const } } };
    const check = compareMetrics(input({}, monitor)).checks[0]!;
    expect(check.status).toBe('error');
    expect(check.message).toContain('the promotion report has no value for it');
  });

  test('an undefined value on the fresh data fails closed, with the reason', () => {
    const cur = current();
    cur.metrics.roc_auc!.candidate = { value: null, ci: null, reason: 'only one class in the labels' };
    const check = compareMetrics({
      baseline: baseline(),
      current: cur,
      monitor: MONITOR,
      confidence: 0.95,
      enough: true,
    }).checks[0]!;
    expect(check.status).toBe('error');
    expect(check.message).toContain('undefined on the fresh data (only one class in the labels)');
  });
});

describe('compareFairness', () => {
  test('each sensitive column of the gap, its increase against max_increase', () => {
    const { fairness, checks } = compareFairness(input({ eod_gender: 0.09 }));
    expect(fairness.map((f) => [f.metric, f.column])).toEqual([
      ['equalized_odds_difference', 'gender'],
      ['equalized_odds_difference', 'age_band'],
    ]);
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['monitor.equalized_odds_difference.gender.max_increase', 'fail'],
      ['monitor.equalized_odds_difference.age_band.max_increase', expect.stringMatching(/^(pass|warn)$/)],
    ]);
    expect(checks[0]!.message).toMatch(
      /^Equalized odds difference on gender rose by 0\.038 \(from 0\.052 to 0\.090\)/,
    );
  });

  test('a gap the reports do not have is an error naming it', () => {
    const monitor = { ...MONITOR, fairness: { equal_opportunity_ratio: { maxIncrease: 0.05 } } };
    const { checks } = compareFairness(input({}, monitor));
    expect(checks).toHaveLength(1);
    expect(checks[0]!.status).toBe('error');
  });
});
