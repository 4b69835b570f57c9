import { computeVerdict, evaluateGate } from '../../../shared/gate/evaluate-gate.js';
import type { GateModel } from '../../../shared/gate/types.js';
import type { CheckStatus } from '../../../shared/report/schema.js';
import { checkSchema } from '../../../shared/report/schema.js';
import { cmp, fg, gap, mg, model, opSide, thresholds } from './gate-builders.js';

describe('computeVerdict', () => {
  it.each<[CheckStatus[], string]>([
    [[], 'error'],
    [['pass'], 'pass'],
    [['pass', 'skipped'], 'pass'],
    [['skipped'], 'inconclusive'],
    [['skipped', 'skipped'], 'inconclusive'],
    [['pass', 'warn'], 'inconclusive'],
    [['warn', 'fail'], 'fail'],
    [['pass', 'fail', 'skipped'], 'fail'],
    [['fail', 'error'], 'error'],
    [['error', 'pass', 'warn'], 'error'],
  ])('%p → %s', (statuses, verdict) => {
    expect(computeVerdict(statuses.map((status) => ({ status })))).toBe(verdict);
  });
});

describe('operational', () => {
  const operational = {
    candidate: opSide({ size_mb: 55, latency_p95_ms: 4, latency_p50_ms: null }),
    production: opSide({ size_mb: 50, latency_p95_ms: 2 }),
  };

  it.each<[string, string, { max?: number; maxIncreaseRelative?: number }, string, number | null]>([
    ['size under the maximum', 'size_mb', { max: 60 }, 'pass', 55],
    ['size equal to the maximum', 'size_mb', { max: 55 }, 'pass', 55],
    ['size over the maximum', 'size_mb', { max: 50 }, 'fail', 55],
    ['size +10% equal to tolerance', 'size_mb', { maxIncreaseRelative: 0.1 }, 'pass', 0.1],
    ['latency doubled', 'latency_p95_ms', { maxIncreaseRelative: 0.5 }, 'fail', 1],
    ['latency not measured', 'latency_p50_ms', { max: 5 }, 'error', null],
    ['unknown measurement', 'gpu_memory', { max: 5 }, 'error', null],
  ])('%s', (_name, name, t, status, observed) => {
    const { checks } = evaluateGate({
      model: model({ operational }),
      thresholds: thresholds({ operational: { [name]: t } }),
    });
    expect(checks).toHaveLength(1);
    expect(checks[0]!.kind).toBe('operational');
    expect(checks[0]!.status).toBe(status);
    if (observed === null) expect(checks[0]!.observed).toBeNull();
    else expect(checks[0]!.observed).toBeCloseTo(observed, 12);
  });

  it('messages carry units', () => {
    const { checks } = evaluateGate({
      model: model({ operational }),
      thresholds: thresholds({ operational: { size_mb: { max: 50, maxIncreaseRelative: 0.05 } } }),
    });
    expect(checks.map((c) => c.message)).toEqual([
      'Model size is 55 MB; at most 50 MB is allowed.',
      'Model size rose by 10% (from 50 MB to 55 MB); at most 5% is allowed.',
    ]);
  });

  it('relative increase is skipped on first promotion', () => {
    const first = model({ firstPromotion: true, operational: { candidate: opSide(), production: null } });
    const { checks } = evaluateGate({
      model: first,
      thresholds: thresholds({ operational: { size_mb: { maxIncreaseRelative: 0.1 } } }),
    });
    expect(checks[0]!.status).toBe('skipped');
  });

  it('relative increase without a production measurement is an error', () => {
    const m = model({
      operational: {
        candidate: opSide(),
        production: opSide({ load_error: 'bad file', latency_p95_ms: null }),
      },
    });
    const { checks } = evaluateGate({
      model: m,
      thresholds: thresholds({ operational: { latency_p95_ms: { maxIncreaseRelative: 0.1 } } }),
    });
    expect(checks[0]!.status).toBe('error');
    expect(checks[0]!.message).toContain('production model could not be loaded (bad file)');
  });
});

describe('evaluateGate', () => {
  const good: GateModel = model({
    metrics: { roc_auc: cmp(0.85, 0.84), accuracy: cmp(0.8, 0.79) },
    fairness: { equalized_odds_difference: { gender: gap(0.04, 0.05) } },
  });
  const full = thresholds({
    gates: { roc_auc: mg({ min: 0.8, maxRegression: 0.01 }), accuracy: mg({ maxRegression: 0.02 }) },
    fairness: { equalized_odds_difference: fg({ max: 0.1, maxIncrease: 0.02 }) },
    operational: { size_mb: { max: 50 } },
  });

  it('orders checks: metrics, fairness, operational; all valid against the report schema', () => {
    const { checks, verdict } = evaluateGate({ model: good, thresholds: full });
    expect(verdict).toBe('pass');
    expect(checks.map((c) => c.id)).toEqual([
      'gates.roc_auc.min',
      'gates.roc_auc.max_regression',
      'gates.accuracy.max_regression',
      'fairness.equalized_odds_difference.gender.max',
      'fairness.equalized_odds_difference.gender.max_increase',
      'operational.size_mb.max',
    ]);
    for (const check of checks) expect(checkSchema.parse(check)).toEqual(check);
  });

  it('no thresholds at all → error with a clear message', () => {
    const { checks, verdict } = evaluateGate({ model: good, thresholds: thresholds({}) });
    expect(verdict).toBe('error');
    expect(checks).toHaveLength(1);
    expect(checks[0]!.message).toMatch(/^No thresholds are configured for model churn/);
    expect(checkSchema.parse(checks[0])).toEqual(checks[0]);
  });

  it('threshold entries with no bounds count as no thresholds', () => {
    const { verdict } = evaluateGate({
      model: good,
      thresholds: thresholds({ gates: { roc_auc: mg({}) }, operational: { size_mb: {} } }),
    });
    expect(verdict).toBe('error');
  });

  it('first promotion: absolute thresholds decide, comparisons are skipped', () => {
    const first = model({
      ...good,
      firstPromotion: true,
      operational: { candidate: opSide(), production: null },
    });
    const { checks, verdict } = evaluateGate({ model: first, thresholds: full });
    expect(checks.map((c) => c.status)).toEqual(['pass', 'skipped', 'skipped', 'pass', 'skipped', 'pass']);
    expect(verdict).toBe('pass');
  });

  it('first promotion with comparison thresholds only → inconclusive', () => {
    const first = model({ ...good, firstPromotion: true });
    const { verdict } = evaluateGate({
      model: first,
      thresholds: thresholds({ gates: { accuracy: mg({ maxRegression: 0.02 }) } }),
    });
    expect(verdict).toBe('inconclusive');
  });

  it('a candidate load failure fails the gate, other checks not evaluated', () => {
    const broken = model({
      operational: {
        candidate: opSide({ load_error: 'invalid ONNX model', latency_p95_ms: null }),
        production: opSide(),
      },
    });
    const { checks, verdict } = evaluateGate({ model: broken, thresholds: full });
    expect(verdict).toBe('fail');
    expect(checks[0]).toMatchObject({ id: 'operational.load', status: 'fail', observed: 1, threshold: 0 });
    expect(checks[0]!.message).toBe(
      'The candidate model could not be loaded (invalid ONNX model); a model that cannot be loaded cannot be promoted.',
    );
    expect(checks.slice(1).every((c) => c.status === 'skipped' && c.observed === null)).toBe(true);
    expect(checks).toHaveLength(7);
  });

  it('a load failure fails the gate even with no thresholds', () => {
    const broken = model({
      operational: { candidate: opSide({ load_error: 'truncated file' }), production: null },
    });
    expect(evaluateGate({ model: broken, thresholds: thresholds({}) }).verdict).toBe('fail');
  });

  it('verdict precedence across real checks: error beats fail beats warn', () => {
    const mixed = model({
      metrics: {
        roc_auc: cmp(0.75, 0.84), // fail on min
        accuracy: cmp(0.805, 0.8, { candidateCi: [0.79, 0.82] }), // warn on min
      },
    });
    const failing = thresholds({ gates: { roc_auc: mg({ min: 0.8 }), accuracy: mg({ min: 0.8 }) } });
    expect(evaluateGate({ model: mixed, thresholds: failing }).verdict).toBe('fail');
    const warnOnly = thresholds({ gates: { accuracy: mg({ min: 0.8 }) } });
    expect(evaluateGate({ model: mixed, thresholds: warnOnly }).verdict).toBe('inconclusive');
    const withError = thresholds({ gates: { roc_auc: mg({ min: 0.8 }), recall: mg({ min: 0.5 }) } });
    expect(evaluateGate({ model: mixed, thresholds: withError }).verdict).toBe('error');
  });

  it('uses the given confidence level in messages', () => {
    const m = model({ metrics: { accuracy: cmp(0.805, 0.8, { candidateCi: [0.79, 0.82] }) } });
    const { checks } = evaluateGate({
      model: m,
      thresholds: thresholds({ gates: { accuracy: mg({ min: 0.8 }) } }),
      confidence: 0.9,
    });
    expect(checks[0]!.message).toContain('the 90% interval');
  });
});
