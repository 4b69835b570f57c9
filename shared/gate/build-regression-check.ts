/**
 * Tolerated worsening versus production: absolute or relative, for metrics, fairness gaps and
 * operational measurements. `observed` is the worsening in the quantity's bad direction
 * (positive = worse; for relative bounds a fraction of |production|).
 */
import type { TestKind } from '../config/types.js';
import type { Direction } from '../metrics/registry.js';
import { formatNumber, formatPercent } from '../render/format-number.js';
import type { Check } from '../report/schema.js';
import { decideBound, satisfies } from './decide-bound.js';
import {
  type CheckHead,
  errorCheck,
  FIRST_PROMOTION_SKIP,
  finite,
  finiteInterval,
  sentences,
  skippedCheck,
} from './types.js';

/** What one regression check needs. */
export interface RegressionCheckInput {
  head: CheckHead;
  relative: boolean;
  direction: Direction;
  /** Subject of the sentence, e.g. "ROC AUC" or "Model size". */
  subject: string;
  candidate: number | null | undefined;
  production: number | null | undefined;
  /** Paired difference candidate − production and its interval, when the report has one. */
  delta: number | null | undefined;
  deltaInterval: readonly [number, number] | null | undefined;
  /** Why the comparison is impossible, when it is (quoted in the error). */
  missingReason: string;
  firstPromotion: boolean;
  test: TestKind;
  warnWithinNoise: boolean;
  confidence: number;
  /** Formats values of the quantity (with unit), e.g. `12.4 MB`. */
  format?: (x: number) => string;
}

/** One regression check; skipped on first promotion, `error` when either side is missing. */
export function buildRegressionCheck(input: RegressionCheckInput): Check {
  const { head } = input;
  if (input.firstPromotion) return skippedCheck(head, FIRST_PROMOTION_SKIP);
  const delta = finite(input.delta);
  if (delta === null) {
    return errorCheck(
      head,
      `${input.subject} could not be compared with production: ${input.missingReason}.`,
    );
  }
  const sign = input.direction === 'higher' ? -1 : 1;
  const worsening = sign * delta;
  const ci = finiteInterval(input.deltaInterval);
  const interval: [number, number] | null = ci ? orderPair(sign * ci[0], sign * ci[1]) : null;
  return input.relative
    ? relativeCheck(input, worsening, interval)
    : absoluteCheck(input, worsening, interval);
}

function absoluteCheck(
  input: RegressionCheckInput,
  worsening: number,
  interval: [number, number] | null,
): Check {
  const fmt = input.format ?? formatNumber;
  const decision = decideBound({
    value: worsening,
    interval,
    threshold: input.head.threshold,
    side: 'max',
    test: input.test,
    warnWithinNoise: input.warnWithinNoise,
    confidence: input.confidence,
    limitName: 'tolerance',
    quantity: 'the worsening (below 0 = better)',
    format: fmt,
  });
  const change = describeChange(input, worsening, fmt(Math.abs(worsening)));
  const allowed = `${allowance(input.direction, worsening)} ${fmt(input.head.threshold)} is allowed`;
  const message = sentences(`${change}; ${allowed}.`, decision.note);
  return { ...input.head, observed: worsening, interval, status: decision.status, message };
}

function relativeCheck(
  input: RegressionCheckInput,
  worsening: number,
  interval: [number, number] | null,
): Check {
  const { head } = input;
  const production = finite(input.production);
  if (production === null) {
    return errorCheck(
      head,
      `${input.subject} has no production value, so a relative change cannot be computed: ${input.missingReason}.`,
    );
  }
  const allowed = `${allowance(input.direction, worsening)} ${formatPercent(head.threshold)} is allowed`;
  if (production === 0) return relativeFromZero(input, worsening, allowed);
  const scale = Math.abs(production);
  const relative = worsening / scale;
  const relInterval: [number, number] | null = interval ? [interval[0] / scale, interval[1] / scale] : null;
  const decision = decideBound({
    value: relative,
    interval: relInterval,
    threshold: head.threshold,
    side: 'max',
    test: input.test,
    warnWithinNoise: input.warnWithinNoise,
    confidence: input.confidence,
    limitName: 'tolerance',
    quantity: 'the relative worsening (below 0 = better)',
    format: formatPercent,
  });
  const message = sentences(
    `${describeChange(input, worsening, formatPercent(Math.abs(relative)))}; ${allowed}.`,
    decision.note,
  );
  return { ...head, observed: relative, interval: relInterval, status: decision.status, message };
}

/**
 * A relative change from 0 is undefined: no change passes (observed 0), an improvement passes,
 * and any worsening fails, since it is an unbounded relative increase (observed null).
 */
function relativeFromZero(input: RegressionCheckInput, worsening: number, allowed: string): Check {
  const { head } = input;
  const change = describeChange(input, worsening, '');
  if (satisfies(worsening, 0, 'max') && satisfies(worsening, 0, 'min')) {
    return { ...head, observed: 0, interval: null, status: 'pass', message: `${change}; ${allowed}.` };
  }
  if (worsening < 0) {
    const message = `${change}; a change relative to 0 is undefined, and an improvement is always allowed.`;
    return { ...head, observed: null, interval: null, status: 'pass', message };
  }
  const message = `${change}; any worsening from 0 is an unbounded relative change, and ${allowed}.`;
  return { ...head, observed: null, interval: null, status: 'fail', message };
}

/** "ROC AUC fell by 0.012 (from 0.842 to 0.830)" / "Log loss is unchanged at 0.4". */
function describeChange(input: RegressionCheckInput, worsening: number, amount: string): string {
  const fmt = input.format ?? formatNumber;
  const production = finite(input.production);
  const candidate = finite(input.candidate);
  const span =
    production !== null && candidate !== null ? ` (from ${fmt(production)} to ${fmt(candidate)})` : '';
  if (satisfies(worsening, 0, 'max') && satisfies(worsening, 0, 'min')) {
    return candidate !== null
      ? `${input.subject} is unchanged at ${fmt(candidate)}`
      : `${input.subject} is unchanged`;
  }
  const verb = worsening > 0 === (input.direction === 'higher') ? 'fell' : 'rose';
  if (amount === '') {
    return production !== null && candidate !== null
      ? `${input.subject} ${verb} from ${fmt(production)} to ${fmt(candidate)}`
      : `${input.subject} ${verb}`;
  }
  return `${input.subject} ${verb} by ${amount}${span}`;
}

/** "at most" when it got worse; "a fall of at most" when it did not (the limit is on falls). */
function allowance(direction: Direction, worsening: number): string {
  if (worsening > 0) return 'at most';
  return direction === 'higher' ? 'a fall of at most' : 'a rise of at most';
}

function orderPair(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}
