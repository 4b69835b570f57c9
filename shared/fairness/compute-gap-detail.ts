/**
 * A reported fairness gap: its value, which groups it left out and why, and the groups at its
 * extremes (for plain-language messages). The value is {@link computeGapValue}'s arithmetic.
 */
import type { GapName } from '../metrics/registry.js';
import {
  computeGapValue,
  GapScratch,
  type GroupConfusions,
  type RateRange,
  ratesOfGap,
} from './compute-gap.js';

/** A gap as reported. */
export interface GapDetail {
  value: number | null;
  reason?: string;
  /** Groups with rows that the gap leaves out, with the reason. */
  excluded: { group: string; reason: string }[];
  /** Groups at the minimum and maximum of the deciding rate; null without a value. */
  extremes: { min: string; max: string } | null;
  /** 1 for each group the gap is computed over; the bootstrap keeps this set fixed. */
  eligible: Uint8Array;
}

const RATE_LABEL = {
  selection_rate: 'selection rate',
  tpr: 'true positive rate',
  fpr: 'false positive rate',
};

/**
 * The gap of one model over the groups of one grouping (see compute-gap.ts for the conventions).
 * Eligibility depends only on group sizes and classes, so it is the same for both models.
 * Groups without rows are not groups of the data and are skipped silently.
 */
export function computeGapDetail(input: {
  gap: GapName;
  names: readonly string[];
  conf: GroupConfusions;
  minGroupSize: number;
}): GapDetail {
  const { gap, names, conf, minGroupSize } = input;
  const eligible = new Uint8Array(names.length);
  const excluded: GapDetail['excluded'] = [];
  const rates = ratesOfGap(gap);
  for (let g = 0; g < names.length; g++) {
    const why = exclusionReason({ rates, conf, g, minGroupSize });
    if (why === null) eligible[g] = 1;
    else if (why !== '') excluded.push({ group: names[g]!, reason: why });
  }
  const scratch = new GapScratch();
  const value = computeGapValue(gap, conf, eligible, scratch);
  if (Number.isNaN(value)) {
    return {
      value: null,
      reason: undefinedReason(gap, scratch, excluded.length),
      excluded,
      extremes: null,
      eligible,
    };
  }
  const range = decidingRange(gap, scratch);
  return { value, excluded, extremes: { min: names[range.argMin]!, max: names[range.argMax]! }, eligible };
}

/** null = eligible, '' = no rows (not a group of the data), else the reason. */
function exclusionReason(input: {
  rates: string[];
  conf: GroupConfusions;
  g: number;
  minGroupSize: number;
}): string | null {
  const { conf, g } = input;
  const tp = conf[4 * g]!;
  const fp = conf[4 * g + 1]!;
  const tn = conf[4 * g + 2]!;
  const fn = conf[4 * g + 3]!;
  const n = tp + fp + tn + fn;
  if (n === 0) return '';
  if (n < input.minGroupSize) return `${n} rows, fewer than the minimum group size ${input.minGroupSize}`;
  if (input.rates.includes('tpr') && tp + fn === 0)
    return 'no actual positives: true positive rate undefined';
  if (input.rates.includes('fpr') && fp + tn === 0)
    return 'no actual negatives: false positive rate undefined';
  return null;
}

/** The range that decides the value: the larger difference, or the smaller defined ratio. */
function decidingRange(gap: GapName, scratch: GapScratch): RateRange {
  const { first, second } = scratch;
  if (ratesOfGap(gap).length === 1) return first;
  if (gap.endsWith('_ratio')) {
    const a = first.ratio();
    const b = second.ratio();
    return Number.isNaN(a) || b < a ? second : first;
  }
  return second.difference() > first.difference() ? second : first;
}

function undefinedReason(gap: GapName, scratch: GapScratch, excluded: number): string {
  const rates = ratesOfGap(gap);
  if (scratch.first.count < 2 || (rates.length === 2 && scratch.second.count < 2)) {
    const left = excluded > 0 ? ` (${excluded} excluded)` : '';
    return `fewer than two groups to compare${left}`;
  }
  const label = rates.map((r) => RATE_LABEL[r]).join(' and the ');
  return `the ${label} is 0 in every group (ratio 0/0)`;
}
