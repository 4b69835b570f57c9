import type { FairnessThresholds, MetricThresholds } from '../../../shared/config/types.js';
import { evaluateGate } from '../../../shared/gate/evaluate-gate.js';
import type { GateModel } from '../../../shared/gate/types.js';
import type { GapComparison } from '../../../shared/report/schema.js';
import { fg, gap, group, mg, model, thresholds } from './gate-builders.js';

const groups: GateModel['groups'] = {
  gender: {
    female: group(400, { recall: 0.58, fpr: 0.1 }),
    male: group(420, { recall: 0.71, fpr: 0.14 }),
    other: group(12, { recall: 0.2, fpr: 0.5 }, ['small_group']),
  },
  age_band: {
    '18-30': group(200, { recall: 0.65, fpr: null }, ['no_negatives']),
    '31+': group(600, { recall: 0.7, fpr: 0.09 }),
  },
};

function gate(m: GateModel, gates: Record<string, MetricThresholds>) {
  return evaluateGate({ model: m, thresholds: thresholds({ gates }) }).checks;
}

describe('worst group', () => {
  it('checks each sensitive column and ignores small groups', () => {
    const checks = gate(model({ groups }), { recall: mg({ worstGroupMin: 0.6 }) });
    expect(checks.map((c) => [c.id, c.column, c.group, c.observed, c.status])).toEqual([
      ['gates.recall.gender.worst_group_min', 'gender', 'female', 0.58, 'fail'],
      ['gates.recall.age_band.worst_group_min', 'age_band', '18-30', 0.65, 'pass'],
    ]);
    expect(checks[0]!.message).toBe(
      'Recall of the worst gender group (female) is 0.580; at least 0.6 is required. Not gated: other is too small to gate.',
    );
  });

  it('equal to the threshold passes', () => {
    const [check] = gate(model({ groups }), { recall: mg({ worstGroupMin: 0.58 }) });
    expect(check!.status).toBe('pass');
  });

  it('worst_group_max takes the highest value, skipping undefined ones', () => {
    const checks = gate(model({ groups }), { fpr: mg({ worstGroupMax: 0.12 }) });
    expect(checks.map((c) => [c.group, c.observed, c.status])).toEqual([
      ['male', 0.14, 'fail'],
      ['31+', 0.09, 'pass'],
    ]);
    expect(checks[1]!.message).toContain('False positive rate is undefined for 18-30');
  });

  it('decides on the point estimate even when noninferiority is configured (groups have no interval)', () => {
    const [check] = gate(model({ groups }), { recall: mg({ worstGroupMin: 0.5, test: 'noninferiority' }) });
    expect(check!.test).toBe('point');
    expect(check!.status).toBe('pass');
  });

  it.each<[string, GateModel['groups']]>([
    [
      'only small groups',
      {
        gender: {
          a: group(3, { recall: 0.9 }, ['small_group']),
          b: group(4, { recall: 0.9 }, ['small_group']),
        },
      },
    ],
    ['metric undefined everywhere', { gender: { a: group(300, { recall: null }), b: group(300, {}) } }],
    ['empty column', { gender: {} }],
  ])('no gateable group (%s) → error', (_name, g) => {
    const [check] = gate(model({ groups: g }), { recall: mg({ worstGroupMin: 0.6 }) });
    expect(check!.status).toBe('error');
    expect(check!.message).toMatch(/No group of gender can be gated/);
  });

  it('no sensitive columns at all → error', () => {
    const checks = gate(model(), { recall: mg({ worstGroupMin: 0.6 }) });
    expect(checks).toHaveLength(1);
    expect(checks[0]!.status).toBe('error');
  });
});

function fairness(m: GateModel, f: Record<string, FairnessThresholds>) {
  return evaluateGate({ model: m, thresholds: thresholds({ fairness: f }) }).checks;
}

const eod = (
  candidate: number | null,
  production: number | null,
  extra: Partial<GapComparison> = {},
): GapComparison => ({
  ...gap(candidate, production),
  ...extra,
});

describe('fairness gaps', () => {
  const fairnessReport: GateModel['fairness'] = {
    equalized_odds_difference: {
      gender: eod(0.09, 0.04, { extremes: { min: 'male', max: 'female' } }),
      age_band: eod(0.03, 0.05),
    },
    demographic_parity_ratio: { gender: eod(0.75, 0.82), age_band: eod(0.8, 0.8) },
  };

  it('checks every column by default, with plain-language messages', () => {
    const checks = fairness(model({ fairness: fairnessReport }), {
      equalized_odds_difference: fg({ max: 0.1 }),
    });
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['fairness.equalized_odds_difference.gender.max', 'pass'],
      ['fairness.equalized_odds_difference.age_band.max', 'pass'],
    ]);
    expect(checks[0]!.message).toBe(
      'Equalized odds difference on gender rose from 0.040 to 0.090; at most 0.1 is allowed. The extremes are the groups male (lowest) and female (highest).',
    );
    expect(checks[1]!.message).toMatch(/fell from 0\.050 to 0\.030/);
  });

  it('only the configured columns', () => {
    const checks = fairness(model({ fairness: fairnessReport }), {
      equalized_odds_difference: fg({ max: 0.05, columns: ['gender'] }),
    });
    expect(checks.map((c) => [c.column, c.status])).toEqual([['gender', 'fail']]);
  });

  it('ratio minimum: four-fifths rule, equal passes', () => {
    const checks = fairness(model({ fairness: fairnessReport }), {
      demographic_parity_ratio: fg({ min: 0.8 }),
    });
    expect(checks.map((c) => [c.column, c.status])).toEqual([
      ['gender', 'fail'],
      ['age_band', 'pass'],
    ]);
    expect(checks[1]!.message).toContain('is unchanged at 0.800');
  });

  it('max_increase: difference rising is worse, ratio falling is worse', () => {
    const checks = fairness(model({ fairness: fairnessReport }), {
      equalized_odds_difference: fg({ maxIncrease: 0.02 }),
      demographic_parity_ratio: fg({ maxIncrease: 0.05 }),
    });
    expect(checks.map((c) => [c.id, c.kind, c.status])).toEqual([
      ['fairness.equalized_odds_difference.gender.max_increase', 'fairness_regression', 'fail'],
      ['fairness.equalized_odds_difference.age_band.max_increase', 'fairness_regression', 'pass'],
      ['fairness.demographic_parity_ratio.gender.max_increase', 'fairness_regression', 'fail'],
      ['fairness.demographic_parity_ratio.age_band.max_increase', 'fairness_regression', 'pass'],
    ]);
    expect(checks[0]!.observed).toBeCloseTo(0.05, 12);
    expect(checks[2]!.observed).toBeCloseTo(0.07, 12);
    expect(checks[0]!.message).toBe(
      'Equalized odds difference on gender rose by 0.050 (from 0.040 to 0.090); at most 0.020 is allowed.',
    );
    expect(checks[2]!.message).toBe(
      'Demographic parity ratio (disparate impact) on gender fell by 0.070 (from 0.820 to 0.750); at most 0.050 is allowed.',
    );
  });

  it('max_increase is skipped on first promotion while max still applies', () => {
    const first = model({
      firstPromotion: true,
      fairness: { equalized_odds_difference: { gender: eod(0.09, null) } },
    });
    const checks = fairness(first, { equalized_odds_difference: fg({ max: 0.1, maxIncrease: 0.02 }) });
    expect(checks.map((c) => c.status)).toEqual(['pass', 'skipped']);
    expect(checks[0]!.message).toBe('Equalized odds difference on gender is 0.090; at most 0.1 is allowed.');
  });

  it.each<[string, GateModel['fairness'], Partial<FairnessThresholds>, RegExp]>([
    [
      'gap undefined',
      { equalized_odds_difference: { gender: eod(null, 0.04) } },
      { max: 0.1 },
      /undefined for the candidate/,
    ],
    [
      'configured column missing',
      { equalized_odds_difference: { gender: eod(0.05, 0.04) } },
      { max: 0.1, columns: ['region'] },
      /on region is gated but was not computed/,
    ],
    ['no column at all', {}, { max: 0.1 }, /no sensitive column/],
    [
      'delta missing',
      { equalized_odds_difference: { gender: { ...eod(0.05, 0.04), delta: null } } },
      { maxIncrease: 0.1 },
      /could not be compared/,
    ],
  ])('%s → error', (_name, f, t, message) => {
    const checks = fairness(model({ fairness: f }), { equalized_odds_difference: fg(t) });
    expect(checks).toHaveLength(1);
    expect(checks[0]!.status).toBe('error');
    expect(checks[0]!.message).toMatch(message);
  });

  it('an unknown gap is an error', () => {
    const checks = fairness(model(), { made_up_gap: fg({ max: 0.1 }) });
    expect(checks.map((c) => [c.id, c.status])).toEqual([['fairness.made_up_gap.max', 'error']]);
  });

  it('within noise on a gap maximum', () => {
    const f = {
      equalized_odds_difference: {
        gender: { ...eod(0.08, 0.07), candidate: { value: 0.08, ci: [0.05, 0.12] as [number, number] } },
      },
    };
    const [check] = fairness(model({ fairness: f }), { equalized_odds_difference: fg({ max: 0.1 }) });
    expect(check!.status).toBe('warn');
    expect(check!.message).toContain(
      'Within noise: the 95% interval 0.050 to 0.120 straddles the maximum 0.1.',
    );
  });
});
