/**
 * The one decision every check makes: is a value on the allowed side of a bound, on the point
 * estimate or (non-inferiority) over its whole interval?
 */

import type { TestKind } from '../config/types.js';
import { formatConfidence } from '../render/format-number.js';
import type { CheckStatus } from '../report/schema.js';

/**
 * Float rounding must not decide a gate: a value equal to the threshold in decimal passes even
 * when arithmetic left it one ulp over. 1e-12 is far below any metric's meaningful precision.
 */
const EPSILON = 1e-12;

/** Which side of the threshold is allowed: `min` → value ≥ threshold, `max` → value ≤ threshold. */
export type Side = 'min' | 'max';

/** One value (and its interval) against one bound. */
export interface BoundInput {
  value: number;
  interval: readonly [number, number] | null;
  threshold: number;
  /** `min`: value must be ≥ threshold; `max`: value must be ≤ threshold (both inclusive). */
  side: Side;
  test: TestKind;
  warnWithinNoise: boolean;
  confidence: number;
  /** How the bound is called in sentences: "minimum", "maximum", "tolerance". */
  limitName: string;
  /** What the interval measures, when it is not the value itself (e.g. the worsening). */
  quantity?: string;
  format: (x: number) => string;
  /** Formats the threshold (default: `format`). */
  formatLimit?: (x: number) => string;
}

/** The decision and the sentence explaining it. */
export interface BoundDecision {
  status: Extract<CheckStatus, 'pass' | 'fail' | 'warn' | 'error'>;
  /** A sentence to append to the check's message, or '' when nothing needs saying. */
  note: string;
}

/** True when `x` satisfies the bound (inclusive, with rounding tolerance). */
export function satisfies(x: number, threshold: number, side: Side): boolean {
  const slack = EPSILON * Math.max(1, Math.abs(threshold));
  return side === 'min' ? x >= threshold - slack : x <= threshold + slack;
}

/**
 * Decides one bound.
 * - `point`: pass/fail on the estimate. When the interval reaches the failing side and
 *   `warnWithinNoise` is set, a pass becomes `warn`; a fail stays `fail` (the note says the
 *   interval straddles the limit).
 * - `noninferiority`: pass only when the interval's worst end satisfies the bound, otherwise
 *   `fail` ("non-inferiority not shown"); without an interval (bootstrap 0) it is `error`,
 *   because nothing can be shown.
 */
export function decideBound(input: BoundInput): BoundDecision {
  const { value, interval, threshold, side, format } = input;
  const level = formatConfidence(input.confidence);
  const limit = `the ${input.limitName} ${(input.formatLimit ?? format)(threshold)}`;
  const bounds = interval ? `${format(interval[0])} to ${format(interval[1])}` : '';
  const range = input.quantity ? `of ${input.quantity}, ${bounds},` : bounds;
  if (input.test === 'noninferiority') {
    if (!interval) {
      return {
        status: 'error',
        note: 'Non-inferiority needs a confidence interval, but none was computed; set defaults.bootstrap above 0.',
      };
    }
    const worst = side === 'min' ? interval[0] : interval[1];
    return satisfies(worst, threshold, side)
      ? {
          status: 'pass',
          note: `Non-inferiority shown: the whole ${level} interval ${range} is within ${limit}.`,
        }
      : {
          status: 'fail',
          note: `Non-inferiority not shown: the ${level} interval ${range} reaches past ${limit}.`,
        };
  }
  const passes = satisfies(value, threshold, side);
  const crosses = interval !== null && straddles(interval, threshold, side);
  if (!passes) {
    return {
      status: 'fail',
      note: crosses ? `The ${level} interval ${range} straddles ${limit}; the point estimate decides.` : '',
    };
  }
  if (crosses && input.warnWithinNoise) {
    return { status: 'warn', note: `Within noise: the ${level} interval ${range} straddles ${limit}.` };
  }
  return { status: 'pass', note: '' };
}

function straddles(interval: readonly [number, number], threshold: number, side: Side): boolean {
  const [lo, hi] = interval;
  return side === 'min'
    ? !satisfies(lo, threshold, side) && satisfies(hi, threshold, side)
    : !satisfies(hi, threshold, side) && satisfies(lo, threshold, side);
}
