import {
  buildModelFacts,
  computeFairnessOutcome,
  computeRegressed,
} from '../../../shared/policy/build-model-facts.js';
import type { Check, Comparison } from '../../../shared/report/schema.js';

const check = (kind: Check['kind'], status: Check['status']) => ({ kind, status });
const delta = (value: number | null): Comparison => ({
  candidate: { value: 0.8, ci: null },
  production: { value: 0.8, ci: null },
  delta: value === null ? null : { value, ci: null },
});

describe('computeFairnessOutcome', () => {
  test.each([
    [[], 'none'],
    [[check('metric', 'fail')], 'none'],
    [[check('fairness', 'skipped')], 'none'],
    [[check('fairness', 'pass'), check('fairness_regression', 'pass')], 'pass'],
    [[check('fairness', 'pass'), check('fairness_regression', 'warn')], 'warn'],
    [[check('fairness', 'warn'), check('fairness', 'fail')], 'fail'],
    [[check('fairness', 'pass'), check('fairness', 'error')], 'fail'],
  ] as const)('%j → %s', (checks, outcome) => {
    expect(computeFairnessOutcome(checks)).toBe(outcome);
  });
});

describe('computeRegressed', () => {
  test.each([
    ['roc_auc', -0.001, true],
    ['roc_auc', 0, false],
    ['roc_auc', 0.01, false],
    ['log_loss', 0.01, true],
    ['log_loss', -0.01, false],
    ['roc_auc', null, false],
    ['roc_auc', Number.NaN, false],
    ['not_a_metric', -1, false],
  ])('%s with delta %s → %s', (metric, value, regressed) => {
    expect(computeRegressed({ metrics: { [metric]: delta(value) } }, [metric])).toBe(regressed);
  });

  test('only the listed metrics count', () => {
    expect(computeRegressed({ metrics: { roc_auc: delta(-0.1), accuracy: delta(0.1) } }, ['accuracy'])).toBe(
      false,
    );
  });
});

test('buildModelFacts: trusted risk and gate, digest from the report', () => {
  const facts = buildModelFacts({
    model: {
      name: 'churn',
      metrics: { accuracy: delta(-0.02), roc_auc: delta(0.01) },
      evaluationDigest: 'd'.repeat(64),
      primaryMetric: 'roc_auc',
    },
    gate: { checks: [check('fairness', 'warn')], verdict: 'inconclusive' },
    risk: 'medium',
    gatedMetrics: ['accuracy'],
  });
  expect(facts).toEqual({
    name: 'churn',
    risk: 'medium',
    verdict: 'inconclusive',
    fairness: 'warn',
    regressed: true,
    evaluationDigest: 'd'.repeat(64),
  });
});
