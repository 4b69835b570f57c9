/** The worst group's value of a metric, as the gate's `worst_group_min` / `worst_group_max` use it. */
import type { Direction } from '../metrics/registry.js';
import type { GroupEntry } from '../report/schema.js';

/** A group and its value. */
export interface WorstGroup {
  group: string;
  value: number;
}

/**
 * The group with the worst value of `metric` for one model: the lowest when higher is better, the
 * highest when lower is better. Groups flagged `small_group` and groups where the metric is
 * undefined (null) are skipped, as they are for the gaps. On equal values the first group (in the
 * table's order) wins.
 * @returns null when no group qualifies (or the side has no values, e.g. no production).
 */
export function computeWorstGroup(input: {
  groups: Record<string, GroupEntry>;
  metric: string;
  direction: Direction;
  side?: 'candidate' | 'production';
}): WorstGroup | null {
  const side = input.side ?? 'candidate';
  let worst: WorstGroup | null = null;
  for (const [group, entry] of Object.entries(input.groups)) {
    if (entry.flags.includes('small_group')) continue;
    const value = entry[side]?.[input.metric];
    if (value === undefined || value === null) continue;
    const worse =
      worst === null || (input.direction === 'higher' ? value < worst.value : value > worst.value);
    if (worse) worst = { group, value };
  }
  return worst;
}
