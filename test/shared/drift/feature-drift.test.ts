/** Drift decisions: effect size and significance together, too little data, the share of drifted features. */
import type { Column } from '../../../shared/data/table.js';
import { buildTable } from '../../../shared/data/table.js';
import { computeColumnDrift, decideColumnDrift } from '../../../shared/drift/compute-column-drift.js';
import { computeFeatureDrift } from '../../../shared/drift/compute-feature-drift.js';
import { DEFAULT_DRIFT_THRESHOLDS, type DriftThresholds } from '../../../shared/drift/schema.js';
import { DataError } from '../../../shared/errors.js';

const T = DEFAULT_DRIFT_THRESHOLDS;
const numeric = (name: string, values: number[]): Column => ({
  kind: 'numeric',
  name,
  values: Float64Array.from(values),
});
const categorical = (name: string, values: (string | null)[]): Column => {
  const levels = [...new Set(values.filter((v): v is string => v !== null))];
  return {
    kind: 'categorical',
    name,
    levels,
    codes: Int32Array.from(values, (v) => (v === null ? -1 : levels.indexOf(v))),
  };
};
/** n evenly spread values in [from, from + 1). */
const spread = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i / n);

describe('decideColumnDrift', () => {
  const base = {
    kind: 'numeric' as const,
    rows: { reference: 1000, current: 1000 },
    psi: 0.05,
    ks: { statistic: 0.05, pValue: 0.3 },
    jensenShannon: null,
    chiSquare: { statistic: 5, dof: 9, pValue: 0.8, cramersV: 0.05 },
  };
  const significant = { statistic: 80, dof: 9, pValue: 1e-9, cramersV: 0.2 };
  test.each<
    [string, Partial<typeof base> & Record<string, unknown>, Partial<DriftThresholds>, string, string[]]
  >([
    ['small effects: stable', {}, {}, 'stable', []],
    ['PSI above its limit and significant', { psi: 0.3, chiSquare: significant }, {}, 'drifted', ['psi']],
    ['PSI above its limit but not significant (small sample noise): stable', { psi: 0.3 }, {}, 'stable', []],
    ['PSI exactly at the limit: not above', { psi: 0.2, chiSquare: significant }, {}, 'stable', []],
    [
      'KS above its limit with a significant KS test',
      { ks: { statistic: 0.15, pValue: 1e-6 } },
      {},
      'drifted',
      ['ks'],
    ],
    [
      'KS above its limit, p = 0.06 at alpha 0.05: stable',
      { ks: { statistic: 0.15, pValue: 0.06 } },
      {},
      'stable',
      [],
    ],
    [
      'the same KS at alpha 0.1: drifted',
      { ks: { statistic: 0.15, pValue: 0.06 } },
      { alpha: 0.1 },
      'drifted',
      ['ks'],
    ],
    [
      'significant but tiny effects (huge n): stable',
      { psi: 0.01, ks: { statistic: 0.01, pValue: 1e-30 }, chiSquare: { ...significant, pValue: 1e-30 } },
      {},
      'stable',
      [],
    ],
    [
      'fewer reference rows than min_rows: too little data',
      { rows: { reference: 150, current: 1000 }, psi: 3, chiSquare: significant },
      {},
      'insufficient',
      [],
    ],
    [
      'fewer fresh rows than min_rows: too little data',
      { rows: { reference: 1000, current: 199 } },
      {},
      'insufficient',
      [],
    ],
  ])('%s', (_name, stats, thresholds, status, exceeded) => {
    expect(
      decideColumnDrift({ ...base, ...stats } as Parameters<typeof decideColumnDrift>[0], {
        ...T,
        ...thresholds,
      }),
    ).toEqual({ status, exceeded });
  });

  test("categorical: Jensen-Shannon or Cramér's V, each guarded by chi-square", () => {
    const stats = {
      kind: 'categorical' as const,
      rows: { reference: 500, current: 500 },
      psi: 0.1,
      ks: null,
      jensenShannon: 0.15,
      chiSquare: significant,
    };
    expect(decideColumnDrift(stats, T).exceeded).toEqual(['jensen_shannon']);
    expect(decideColumnDrift(stats, { ...T, categorical: 'chi_square' }).exceeded).toEqual(['cramers_v']);
    expect(decideColumnDrift({ ...stats, chiSquare: { ...significant, pValue: 0.2 } }, T).status).toBe(
      'stable',
    );
  });
});

describe('computeColumnDrift', () => {
  test('a column numeric on one side and text on the other is compared as categories', () => {
    const drift = computeColumnDrift({
      name: 'plan',
      role: 'feature',
      reference: numeric('plan', [1, 2, 1, 2]),
      current: categorical('plan', ['1', '2', 'n/a', '1']),
      thresholds: { ...T, minRows: 1 },
    });
    expect(drift.kind).toBe('categorical');
    expect(drift.bins).toBe(4); // "1", "2", "n/a", missing
  });

  test('a binary label is summarised by its positive rate', () => {
    const drift = computeColumnDrift({
      name: 'churned',
      role: 'label',
      reference: numeric('churned', [0, 0, 0, 1]),
      current: numeric('churned', [0, 1, 1, 1]),
      thresholds: { ...T, minRows: 1 },
      categorical: true,
      positive: '1',
    });
    expect(drift.shift).toEqual({ statistic: 'rate', reference: 0.25, current: 0.75 });
  });

  test('a feature that becomes missing drifts through the missing bin', () => {
    const current = numeric('x', spread(400));
    current.kind === 'numeric' && current.values.fill(Number.NaN, 0, 200);
    const drift = computeColumnDrift({
      name: 'x',
      role: 'feature',
      reference: numeric('x', spread(400)),
      current,
      thresholds: T,
    });
    expect(drift.missing).toEqual({ reference: 0, current: 200 });
    expect(drift.exceeded).toContain('psi');
  });
});

describe('computeFeatureDrift', () => {
  const reference = buildTable('ref.csv', [
    numeric('a', spread(500)),
    numeric('b', spread(500)),
    numeric('c', spread(500)),
  ]);
  const shifted = (names: string[]) =>
    buildTable(
      'fresh.csv',
      ['a', 'b', 'c'].map((n) => numeric(n, spread(500, names.includes(n) ? 0.5 : 0))),
    );

  test.each<[string[], number, string]>([
    [[], 0, 'stable'],
    [['a'], 1 / 3, 'drifted'],
    [['a', 'c'], 2 / 3, 'drifted'],
  ])('shifted %j: share %p → %s (max_share_drifted 0.3)', (names, share, status) => {
    const drift = computeFeatureDrift({
      reference,
      current: shifted(names),
      features: ['a', 'b', 'c'],
      thresholds: T,
    });
    expect(drift.share).toBeCloseTo(share, 12);
    expect(drift.status).toBe(status);
    expect(drift.columns.filter((c) => c.status === 'drifted').map((c) => c.column)).toEqual(names);
  });

  test('the share is strictly above max_share_drifted to alert; 0 alerts on any drifted feature', () => {
    expect(
      computeFeatureDrift({
        reference,
        current: shifted(['a']),
        features: ['a', 'b', 'c'],
        thresholds: { ...T, maxShareDrifted: 1 / 3 },
      }).status,
    ).toBe('stable');
    expect(
      computeFeatureDrift({
        reference,
        current: shifted(['a']),
        features: ['a', 'b', 'c'],
        thresholds: { ...T, maxShareDrifted: 0 },
      }).status,
    ).toBe('drifted');
    expect(
      computeFeatureDrift({
        reference,
        current: shifted([]),
        features: ['a', 'b', 'c'],
        thresholds: { ...T, maxShareDrifted: 0 },
      }).status,
    ).toBe('stable');
  });

  test('too little data on every column: insufficient, share null', () => {
    const drift = computeFeatureDrift({
      reference,
      current: shifted(['a']),
      features: ['a', 'b'],
      thresholds: { ...T, minRows: 501 },
    });
    expect(drift).toMatchObject({ status: 'insufficient', judged: 0, drifted: 0, share: null });
  });

  test('a feature missing from the fresh data is a DataError naming file and column', () => {
    const fresh = buildTable('data/fresh.csv', [numeric('a', spread(10))]);
    expect(() =>
      computeFeatureDrift({ reference, current: fresh, features: ['a', 'b'], thresholds: T }),
    ).toThrow(DataError);
    expect(() =>
      computeFeatureDrift({ reference, current: fresh, features: ['a', 'b'], thresholds: T }),
    ).toThrow('data/fresh.csv, column "b": the feature column "b" is missing');
  });
});
