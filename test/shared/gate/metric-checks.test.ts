import type { MetricThresholds } from '../../../shared/config/types.js';
import { evaluateGate } from '../../../shared/gate/evaluate-gate.js';
import type { GateModel } from '../../../shared/gate/types.js';
import type { Check } from '../../../shared/report/schema.js';
import { cmp, est, mg, model, thresholds } from './gate-builders.js';

function only(m: GateModel, gates: Record<string, MetricThresholds>, confidence?: number): Check {
  const { checks } = evaluateGate({
    model: m,
    thresholds: thresholds({ gates }),
    ...(confidence ? { confidence } : {}),
  });
  expect(checks).toHaveLength(1);
  return checks[0]!;
}

describe('absolute bounds', () => {
  it.each<[string, number | null, Partial<MetricThresholds>, string]>([
    ['above the minimum', 0.85, { min: 0.8 }, 'pass'],
    ['equal to the minimum (inclusive)', 0.8, { min: 0.8 }, 'pass'],
    ['below the minimum', 0.799, { min: 0.8 }, 'fail'],
    ['below the maximum', 0.3, { max: 0.5 }, 'pass'],
    ['equal to the maximum (inclusive)', 0.5, { max: 0.5 }, 'pass'],
    ['above the maximum', 0.51, { max: 0.5 }, 'fail'],
    ['undefined value fails closed', null, { min: 0.8 }, 'error'],
    ['NaN value fails closed', Number.NaN, { min: 0.8 }, 'error'],
  ])('%s → %s', (_name, value, t, status) => {
    const check = only(model({ metrics: { roc_auc: cmp(value, 0.84) } }), { roc_auc: mg(t) });
    expect(check.status).toBe(status);
    expect(check.kind).toBe('metric');
    expect(check.observed).toBe(status === 'error' ? null : value);
  });

  it('ids, bound and threshold follow the configuration', () => {
    const { checks } = evaluateGate({
      model: model({ metrics: { log_loss: cmp(0.4, 0.41) } }),
      thresholds: thresholds({ gates: { log_loss: mg({ min: 0.1, max: 0.5 }) } }),
    });
    expect(checks.map((c) => [c.id, c.bound, c.threshold, c.metric])).toEqual([
      ['gates.log_loss.min', 'min', 0.1, 'log_loss'],
      ['gates.log_loss.max', 'max', 0.5, 'log_loss'],
    ]);
  });

  it('says which value was required', () => {
    const check = only(model({ metrics: { roc_auc: cmp(0.78, 0.84) } }), { roc_auc: mg({ min: 0.8 }) });
    expect(check.message).toBe('ROC AUC is 0.780; at least 0.8 is required.');
  });

  it('names the reason for an undefined value', () => {
    const metrics = {
      roc_auc: { candidate: est(null, null, 'only one class present'), production: null, delta: null },
    };
    const check = only(model({ metrics }), { roc_auc: mg({ min: 0.8 }) });
    expect(check.status).toBe('error');
    expect(check.message).toContain('only one class present');
  });

  it('a gated metric absent from the report is an error', () => {
    const check = only(model(), { recall: mg({ min: 0.5 }) });
    expect(check.status).toBe('error');
    expect(check.message).toMatch(/Recall is gated but was not computed/);
  });

  it('within noise: a passing point estimate becomes warn with the interval', () => {
    const metrics = { roc_auc: cmp(0.805, 0.81, { candidateCi: [0.79, 0.82] }) };
    const check = only(model({ metrics }), { roc_auc: mg({ min: 0.8 }) });
    expect(check.status).toBe('warn');
    expect(check.interval).toEqual([0.79, 0.82]);
    expect(check.message).toBe(
      'ROC AUC is 0.805; at least 0.8 is required. Within noise: the 95% interval 0.790 to 0.820 straddles the minimum 0.8.',
    );
  });

  it('noninferiority on an absolute bound needs the whole interval', () => {
    const metrics = { roc_auc: cmp(0.85, 0.84, { candidateCi: [0.79, 0.9] }) };
    expect(only(model({ metrics }), { roc_auc: mg({ min: 0.8, test: 'noninferiority' }) }).status).toBe(
      'fail',
    );
    const tight = { roc_auc: cmp(0.85, 0.84, { candidateCi: [0.81, 0.9] }) };
    expect(
      only(model({ metrics: tight }), { roc_auc: mg({ min: 0.8, test: 'noninferiority' }) }).status,
    ).toBe('pass');
  });
});

describe('regression vs production', () => {
  it.each<[string, string, number, number, Partial<MetricThresholds>, string, number | null]>([
    // higher is better: worsening = production − candidate
    ['higher-better, fall within tolerance', 'roc_auc', 0.835, 0.842, { maxRegression: 0.01 }, 'pass', 0.007],
    ['higher-better, fall equal to tolerance', 'roc_auc', 0.83, 0.84, { maxRegression: 0.01 }, 'pass', 0.01],
    ['higher-better, fall beyond tolerance', 'roc_auc', 0.83, 0.842, { maxRegression: 0.01 }, 'fail', 0.012],
    ['higher-better, improvement', 'roc_auc', 0.9, 0.84, { maxRegression: 0 }, 'pass', -0.06],
    // lower is better: worsening = candidate − production
    ['lower-better, rise beyond tolerance', 'log_loss', 0.45, 0.4, { maxRegression: 0.02 }, 'fail', 0.05],
    ['lower-better, fall is an improvement', 'log_loss', 0.3, 0.4, { maxRegression: 0.02 }, 'pass', -0.1],
    [
      'relative, lower-better, 6.25% rise',
      'log_loss',
      0.425,
      0.4,
      { maxRegressionRelative: 0.05 },
      'fail',
      0.0625,
    ],
    ['relative, equal to tolerance', 'log_loss', 0.42, 0.4, { maxRegressionRelative: 0.05 }, 'pass', 0.05],
    [
      'relative, higher-better fall of 1%',
      'accuracy',
      0.792,
      0.8,
      { maxRegressionRelative: 0.02 },
      'pass',
      0.01,
    ],
    [
      'relative, negative production uses |production|',
      'r2',
      -0.3,
      -0.2,
      { maxRegressionRelative: 0.1 },
      'fail',
      0.5,
    ],
  ])('%s', (_name, metric, candidate, production, t, status, observed) => {
    const check = only(model({ metrics: { [metric]: cmp(candidate, production) } }), { [metric]: mg(t) });
    expect(check.kind).toBe('regression');
    expect(check.status).toBe(status);
    expect(check.observed).toBeCloseTo(observed!, 12);
  });

  it('reads like a sentence', () => {
    const check = only(model({ metrics: { roc_auc: cmp(0.83, 0.842) } }), {
      roc_auc: mg({ maxRegression: 0.01 }),
    });
    expect(check.message).toBe('ROC AUC fell by 0.012 (from 0.842 to 0.830); at most 0.010 is allowed.');
    const better = only(model({ metrics: { log_loss: cmp(0.3, 0.4) } }), {
      log_loss: mg({ maxRegressionRelative: 0.05 }),
    });
    expect(better.message).toBe(
      'Log loss fell by 25% (from 0.400 to 0.300); a rise of at most 5% is allowed.',
    );
  });

  it('uses the paired delta and its interval, not the difference of the two estimates', () => {
    // The paired delta (−0.004, interval [−0.012, 0.003]) differs from 0.83 − 0.842 on purpose.
    const metrics = { roc_auc: cmp(0.83, 0.842, { delta: -0.004, deltaCi: [-0.012, 0.003] }) };
    const check = only(model({ metrics }), { roc_auc: mg({ maxRegression: 0.01 }) });
    expect(check.observed).toBeCloseTo(0.004, 12);
    expect(check.interval![0]).toBeCloseTo(-0.003, 12);
    expect(check.interval![1]).toBeCloseTo(0.012, 12);
    expect(check.status).toBe('warn');
    expect(check.message).toContain(
      'Within noise: the 95% interval of the worsening (below 0 = better), -0.003 to 0.012, straddles the tolerance 0.010.',
    );
  });

  it.each<[string, [number, number], string]>([
    ['noninferiority shown (worst end 0.010 = tolerance)', [-0.01, 0.004], 'pass'],
    ['noninferiority not shown (worst end 0.012)', [-0.012, 0.004], 'fail'],
  ])('%s', (_name, deltaCi, status) => {
    const metrics = { accuracy: cmp(0.8, 0.804, { deltaCi }) };
    const check = only(model({ metrics }), { accuracy: mg({ maxRegression: 0.01, test: 'noninferiority' }) });
    expect(check.status).toBe(status);
    expect(check.test).toBe('noninferiority');
  });

  it('noninferiority without an interval is an error', () => {
    const check = only(model({ metrics: { accuracy: cmp(0.8, 0.804) } }), {
      accuracy: mg({ maxRegression: 0.01, test: 'noninferiority' }),
    });
    expect(check.status).toBe('error');
  });

  it.each<[string, number, string, number | null]>([
    ['unchanged from 0 passes', 0, 'pass', 0],
    ['improvement from 0 passes', 0.1, 'pass', null],
  ])('relative with production 0, higher-better: %s', (_name, candidate, status, observed) => {
    const check = only(model({ metrics: { recall: cmp(candidate, 0) } }), {
      recall: mg({ maxRegressionRelative: 0.05 }),
    });
    expect(check.status).toBe(status);
    expect(check.observed).toBe(observed);
  });

  it('relative with production 0: any worsening fails (unbounded relative change)', () => {
    const check = only(model({ metrics: { fpr: cmp(0.01, 0) } }), {
      fpr: mg({ maxRegressionRelative: 0.5 }),
    });
    expect(check.status).toBe('fail');
    expect(check.observed).toBeNull();
    expect(check.message).toBe(
      'False positive rate rose from 0 to 0.010; any worsening from 0 is an unbounded relative change, and at most 50% is allowed.',
    );
  });

  it('is skipped on first promotion', () => {
    const m = model({ firstPromotion: true, metrics: { roc_auc: cmp(0.8, null) } });
    const check = only(m, { roc_auc: mg({ maxRegression: 0.01 }) });
    expect(check.status).toBe('skipped');
    expect(check.message).toMatch(/first promotion/);
  });

  it.each<[string, Partial<GateModel>, RegExp]>([
    ['no production value', { metrics: { roc_auc: cmp(0.8, null) } }, /no production value/],
    [
      'production failed to load',
      {
        metrics: { roc_auc: cmp(0.8, null) },
        operational: {
          candidate: {
            size_mb: 1,
            load_ms: 1,
            latency_p50_ms: 1,
            latency_p95_ms: 1,
            batches: 1,
            load_error: null,
          },
          production: {
            size_mb: 1,
            load_ms: null,
            latency_p50_ms: null,
            latency_p95_ms: null,
            batches: 0,
            load_error: 'corrupt protobuf',
          },
        },
      },
      /production model could not be loaded \(corrupt protobuf\)/,
    ],
    ['metric absent', {}, /not computed/],
    [
      'delta undefined with its reason',
      {
        metrics: {
          roc_auc: {
            candidate: est(0.8),
            production: est(0.7),
            delta: est(null, null, 'no positives in resamples'),
          },
        },
      },
      /no positives in resamples/,
    ],
  ])('not first promotion, %s → error', (_name, overrides, message) => {
    const check = only(model(overrides), { roc_auc: mg({ maxRegression: 0.01 }) });
    expect(check.status).toBe('error');
    expect(check.message).toMatch(message);
  });

  it('an unknown metric cannot be compared (direction unknown)', () => {
    const check = only(model({ metrics: { custom: cmp(0.8, 0.8) } }), {
      custom: mg({ maxRegression: 0.01 }),
    });
    expect(check.status).toBe('error');
  });
});
