import { computeGapValue, GapScratch } from '../../../shared/fairness/compute-gap.js';
import { computeGapDetail } from '../../../shared/fairness/compute-gap-detail.js';
import { GAP_NAMES, type GapName } from '../../../shared/metrics/registry.js';

/** Per-group confusion counts (tp, fp, tn, fn at 4g) of 0/1 labels and decisions. */
function confusions(y: number[], pred: number[], group: number[], groups: number): Float64Array {
  const conf = new Float64Array(4 * groups);
  y.forEach((t, i) => {
    const slot = t === 1 ? (pred[i] === 1 ? 0 : 3) : pred[i] === 1 ? 1 : 2;
    conf[4 * group[i]! + slot]!++;
  });
  return conf;
}

// Inputs and expected values: test/shared/fairness/fairlearn-reference.py (Fairlearn's formulas
// re-implemented with numpy). Group e has no actual positives.
const NAMES = ['a', 'b', 'c', 'd', 'e'];
const Y = [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0];
const PRED = [1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0];
const GROUP = [
  ...Array(8).fill(0),
  ...Array(6).fill(1),
  ...Array(9).fill(2),
  ...Array(3).fill(3),
  ...Array(3).fill(4),
];
const CONF = confusions(Y, PRED, GROUP, 5);
const NO_POSITIVES = 'no actual positives: true positive rate undefined';

const CASES: {
  gap: GapName;
  minGroupSize: number;
  value: number;
  extremes: [string, string];
  excluded: [string, string][];
}[] = [
  {
    gap: 'demographic_parity_difference',
    minGroupSize: 0,
    value: 0.3333333333333333,
    extremes: ['e', 'd'],
    excluded: [],
  },
  { gap: 'demographic_parity_ratio', minGroupSize: 0, value: 0.5, extremes: ['e', 'd'], excluded: [] },
  {
    gap: 'equal_opportunity_difference',
    minGroupSize: 0,
    value: 0.33333333333333337,
    extremes: ['b', 'd'],
    excluded: [['e', NO_POSITIVES]],
  },
  {
    gap: 'equal_opportunity_ratio',
    minGroupSize: 0,
    value: 0.6666666666666666,
    extremes: ['b', 'd'],
    excluded: [['e', NO_POSITIVES]],
  },
  // TPR difference 1/3 beats FPR difference 1/4; FPR ratio 1/2 is below TPR ratio 2/3.
  {
    gap: 'equalized_odds_difference',
    minGroupSize: 0,
    value: 0.33333333333333337,
    extremes: ['b', 'd'],
    excluded: [['e', NO_POSITIVES]],
  },
  {
    gap: 'equalized_odds_ratio',
    minGroupSize: 0,
    value: 0.5,
    extremes: ['a', 'd'],
    excluded: [['e', NO_POSITIVES]],
  },
  ...(
    [
      ['demographic_parity_difference', 0.05555555555555558, ['a', 'c']],
      ['demographic_parity_ratio', 0.8999999999999999, ['a', 'c']],
      ['equal_opportunity_difference', 0.13333333333333341, ['b', 'c']],
      ['equal_opportunity_ratio', 0.8333333333333333, ['b', 'c']],
      ['equalized_odds_difference', 0.13333333333333341, ['b', 'c']],
      ['equalized_odds_ratio', 0.75, ['a', 'b']], // FPR ratio 0.25 / (1/3) decides
    ] as const
  ).map(([gap, value, extremes]) => ({
    gap,
    minGroupSize: 4,
    value,
    extremes: [...extremes] as [string, string],
    excluded: [
      ['d', '3 rows, fewer than the minimum group size 4'],
      ['e', '3 rows, fewer than the minimum group size 4'],
    ] as [string, string][],
  })),
];

describe('computeGapDetail (Fairlearn conventions)', () => {
  test.each(CASES)(
    '$gap, min group size $minGroupSize',
    ({ gap, minGroupSize, value, extremes, excluded }) => {
      const detail = computeGapDetail({ gap, names: NAMES, conf: CONF, minGroupSize });
      expect(detail.value).toBeCloseTo(value, 14);
      expect(detail.extremes).toEqual({ min: extremes[0], max: extremes[1] });
      expect(detail.excluded).toEqual(excluded.map(([group, reason]) => ({ group, reason })));
      expect(detail.reason).toBeUndefined();
    },
  );

  test('the fast value equals the detailed one for every gap', () => {
    for (const gap of GAP_NAMES) {
      const detail = computeGapDetail({ gap, names: NAMES, conf: CONF, minGroupSize: 0 });
      expect(computeGapValue(gap, CONF, detail.eligible, new GapScratch())).toBe(detail.value);
    }
  });

  test('a group with rows exactly at the minimum size takes part', () => {
    const detail = computeGapDetail({
      gap: 'demographic_parity_difference',
      names: NAMES,
      conf: CONF,
      minGroupSize: 3,
    });
    expect(detail.excluded).toEqual([]);
  });

  test('groups without rows are not groups of the data: skipped, not listed', () => {
    const names = [...NAMES, '(missing)'];
    const conf = new Float64Array(4 * names.length);
    conf.set(CONF);
    const detail = computeGapDetail({ gap: 'demographic_parity_difference', names, conf, minGroupSize: 0 });
    expect(detail.value).toBeCloseTo(0.3333333333333333, 14);
    expect(detail.excluded).toEqual([]);
  });

  test.each(GAP_NAMES)('%s: a single group gives no value, with the reason', (gap) => {
    const one = confusions([1, 0, 1, 0], [1, 1, 0, 0], [0, 0, 0, 0], 1);
    const detail = computeGapDetail({ gap, names: ['only'], conf: one, minGroupSize: 0 });
    expect(detail.value).toBeNull();
    expect(detail.reason).toBe('fewer than two groups to compare');
    expect(detail.extremes).toBeNull();
  });

  test('only one group left after exclusions: null, the exclusions counted in the reason', () => {
    const detail = computeGapDetail({
      gap: 'equalized_odds_difference',
      names: NAMES,
      conf: CONF,
      minGroupSize: 9,
    });
    expect(detail.value).toBeNull();
    expect(detail.reason).toBe('fewer than two groups to compare (4 excluded)');
    expect(detail.excluded.map((e) => e.group)).toEqual(['a', 'b', 'd', 'e']);
  });

  test('ratio 0/0 (nobody selected anywhere) is undefined; the difference is 0', () => {
    const none = confusions([1, 0, 1, 0], [0, 0, 0, 0], [0, 0, 1, 1], 2);
    const ratio = computeGapDetail({
      gap: 'demographic_parity_ratio',
      names: ['x', 'y'],
      conf: none,
      minGroupSize: 0,
    });
    expect(ratio.value).toBeNull();
    expect(ratio.reason).toBe('the selection rate is 0 in every group (ratio 0/0)');
    const difference = computeGapDetail({
      gap: 'demographic_parity_difference',
      names: ['x', 'y'],
      conf: none,
      minGroupSize: 0,
    });
    expect(difference.value).toBe(0);
  });

  test('min 0 and max > 0 gives ratio 0', () => {
    const conf = confusions([1, 0, 1, 0], [0, 0, 1, 0], [0, 0, 1, 1], 2);
    expect(
      computeGapDetail({ gap: 'demographic_parity_ratio', names: ['x', 'y'], conf, minGroupSize: 0 }).value,
    ).toBe(0);
  });

  test('equalized odds ratio: an all-zero FPR (0/0) leaves the TPR ratio', () => {
    // No false positives anywhere; TPR 1/2 in x and 1 in y.
    const conf = confusions([1, 1, 0, 1, 0], [1, 0, 0, 1, 0], [0, 0, 0, 1, 1], 2);
    const detail = computeGapDetail({
      gap: 'equalized_odds_ratio',
      names: ['x', 'y'],
      conf,
      minGroupSize: 0,
    });
    expect(detail.value).toBe(0.5);
    expect(detail.extremes).toEqual({ min: 'x', max: 'y' });
  });

  test('equalized odds needs both rates: a group without negatives is excluded', () => {
    const conf = confusions([1, 0, 1, 0, 1, 1], [1, 0, 0, 1, 1, 0], [0, 0, 1, 1, 2, 2], 3);
    const detail = computeGapDetail({
      gap: 'equalized_odds_difference',
      names: ['x', 'y', 'z'],
      conf,
      minGroupSize: 0,
    });
    expect(detail.excluded).toEqual([
      { group: 'z', reason: 'no actual negatives: false positive rate undefined' },
    ]);
    expect(detail.value).toBe(1);
  });
});
