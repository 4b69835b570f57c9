import { computeWorstGroup } from '../../../shared/fairness/compute-worst-group.js';
import type { GroupEntry } from '../../../shared/report/schema.js';

const entry = (
  n: number,
  candidate: Record<string, number | null>,
  production: Record<string, number | null> | null = null,
  flags: GroupEntry['flags'] = [],
): GroupEntry => ({
  n,
  flags,
  candidate,
  production,
});

const GROUPS: Record<string, GroupEntry> = {
  a: entry(100, { recall: 0.8, fpr: 0.1 }, { recall: 0.7, fpr: 0.2 }),
  b: entry(80, { recall: 0.6, fpr: 0.3 }, { recall: 0.75, fpr: 0.05 }),
  tiny: entry(5, { recall: 0.1, fpr: 0.9 }, { recall: 0.1, fpr: 0.9 }, ['small_group']),
  c: entry(60, { recall: null, fpr: 0.25 }, { recall: null, fpr: 0.3 }, [
    'no_positives',
    'undefined_metrics',
  ]),
  d: entry(70, { recall: 0.6, fpr: 0.3 }, null),
};

describe('computeWorstGroup', () => {
  test.each([
    ['recall', 'higher', 'candidate', { group: 'b', value: 0.6 }],
    ['fpr', 'lower', 'candidate', { group: 'b', value: 0.3 }],
    ['recall', 'higher', 'production', { group: 'a', value: 0.7 }],
    ['fpr', 'lower', 'production', { group: 'c', value: 0.3 }],
  ] as const)('%s (%s is better), %s', (metric, direction, side, expected) => {
    expect(computeWorstGroup({ groups: GROUPS, metric, direction, side })).toEqual(expected);
  });

  test('small groups and undefined values are skipped; ties keep the first group', () => {
    expect(computeWorstGroup({ groups: GROUPS, metric: 'recall', direction: 'higher' })).toEqual({
      group: 'b',
      value: 0.6,
    });
  });

  test('no qualifying group → null', () => {
    expect(
      computeWorstGroup({ groups: { tiny: GROUPS.tiny! }, metric: 'recall', direction: 'higher' }),
    ).toBeNull();
    expect(computeWorstGroup({ groups: GROUPS, metric: 'auc', direction: 'higher' })).toBeNull();
  });
});
