/**
 * Fairness gaps between groups, Fairlearn conventions: difference = max − min over groups,
 * ratio = min / max. Demographic parity uses the selection rate, equal opportunity the true
 * positive rate, equalized odds both the true and the false positive rate (difference: the larger
 * of the two differences; ratio: the smaller of the two ratios).
 *
 * Differences from Fairlearn, on purpose: groups below the minimum size, or where the base rate is
 * undefined (no actual positives for TPR, no actual negatives for FPR — Fairlearn counts those as
 * 0), are left out and listed with the reason; fewer than two groups left gives no value; a ratio
 * of 0/0 (the rate is 0 in every group) is undefined rather than NaN. A group must have both rates
 * defined to take part in equalized odds. When one of equalized odds' two ratios is 0/0, that
 * component shows no disparity and the other ratio is the value.
 */
import type { GapName } from '../metrics/registry.js';

/**
 * Per-group confusion counts of one model: group g holds tp, fp, tn, fn at 4g … 4g + 3
 * (row counts or bootstrap counts).
 */
export type GroupConfusions = Float64Array;

/** The per-group rates gaps are built on. */
export type RateName = 'selection_rate' | 'tpr' | 'fpr';

/** The rate of group `g`, or NaN when undefined (no rows / no positives / no negatives). */
export function computeGroupRate(rate: RateName, conf: GroupConfusions, g: number): number {
  const tp = conf[4 * g]!;
  const fp = conf[4 * g + 1]!;
  const tn = conf[4 * g + 2]!;
  const fn = conf[4 * g + 3]!;
  if (rate === 'selection_rate') {
    const n = tp + fp + tn + fn;
    return n === 0 ? Number.NaN : (tp + fp) / n;
  }
  if (rate === 'tpr') return tp + fn === 0 ? Number.NaN : tp / (tp + fn);
  return fp + tn === 0 ? Number.NaN : fp / (fp + tn);
}

/** The rates a gap compares. */
export function ratesOfGap(gap: GapName): RateName[] {
  if (gap.startsWith('demographic_parity')) return ['selection_rate'];
  if (gap.startsWith('equal_opportunity')) return ['tpr'];
  return ['tpr', 'fpr'];
}

/** Minimum and maximum of one rate over groups; reused across calls (no allocation). */
export class RateRange {
  count = 0;
  min = Number.NaN;
  max = Number.NaN;
  argMin = -1;
  argMax = -1;

  /** Scans the groups with `eligible[g] === 1` whose rate is defined. */
  scan(rate: RateName, conf: GroupConfusions, eligible: Uint8Array): this {
    this.count = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
    this.argMin = -1;
    this.argMax = -1;
    for (let g = 0; g < eligible.length; g++) {
      if (eligible[g] !== 1) continue;
      const r = computeGroupRate(rate, conf, g);
      if (Number.isNaN(r)) continue;
      this.count++;
      if (r < this.min) {
        this.min = r;
        this.argMin = g;
      }
      if (r > this.max) {
        this.max = r;
        this.argMax = g;
      }
    }
    return this;
  }

  /** max − min, NaN with fewer than two groups. */
  difference(): number {
    return this.count < 2 ? Number.NaN : this.max - this.min;
  }

  /** min / max (0 when min = 0 < max), NaN with fewer than two groups or for 0/0. */
  ratio(): number {
    return this.count < 2 || this.max === 0 ? Number.NaN : this.min / this.max;
  }
}

/** Scratch for {@link computeGapValue}: one range per rate. */
export class GapScratch {
  readonly first = new RateRange();
  readonly second = new RateRange();
}

/**
 * The gap's value over the eligible groups, NaN when undefined. Allocation-free (the bootstrap
 * calls it per resample); `computeGap` builds the reported value from the same arithmetic.
 * After the call, `scratch.first`/`second` hold the scanned ranges.
 */
export function computeGapValue(
  gap: GapName,
  conf: GroupConfusions,
  eligible: Uint8Array,
  scratch: GapScratch,
): number {
  const ratio = gap.endsWith('_ratio');
  const rates = ratesOfGap(gap);
  const a = scratch.first.scan(rates[0]!, conf, eligible);
  if (rates.length === 1) return ratio ? a.ratio() : a.difference();
  const b = scratch.second.scan(rates[1]!, conf, eligible);
  if (!ratio) return Math.max(a.difference(), b.difference());
  const ra = a.ratio();
  const rb = b.ratio();
  if (Number.isNaN(ra)) return rb;
  if (Number.isNaN(rb)) return ra;
  return Math.min(ra, rb);
}
