/**
 * Absolute bounds (`min`, `max`, inclusive) on a candidate estimate: metrics and fairness gaps.
 */
import type { TestKind } from '../config/types.js';
import { formatNumber, formatThreshold } from '../render/format-number.js';
import type { Check, Estimate } from '../report/schema.js';
import { decideBound, type Side } from './decide-bound.js';
import { type CheckHead, errorCheck, finite, finiteInterval, sentences } from './types.js';

/** What one absolute-bound check needs. */
export interface BoundCheckInput {
  head: CheckHead;
  side: Side;
  /** The candidate's estimate; undefined when the report does not have the quantity at all. */
  estimate: Estimate | undefined;
  /** Sentence for a quantity absent from the report. */
  absent: string;
  /** Subject of the sentences, e.g. "ROC AUC" or "Equalized odds difference on gender". */
  subject: string;
  /** The value phrase, e.g. "is 0.842" or "rose from 0.040 to 0.090". */
  describe: (value: number) => string;
  test: TestKind;
  warnWithinNoise: boolean;
  confidence: number;
  /** Extra sentence appended to every decided message ('' for none). */
  extra?: string;
}

/** Requirement sentence for a bound: "at least 0.8 is required" / "the limit is 0.1". */
export function requirement(side: Side, threshold: number): string {
  return side === 'min'
    ? `at least ${formatThreshold(threshold)} is required`
    : `at most ${formatThreshold(threshold)} is allowed`;
}

/** One absolute-bound check. A missing or undefined value is an `error` (fail closed). */
export function buildBoundCheck(input: BoundCheckInput): Check {
  const { head, side, estimate } = input;
  if (!estimate) return errorCheck(head, input.absent);
  const value = finite(estimate.value);
  if (value === null) {
    const why = estimate.reason ? ` (${estimate.reason})` : '';
    return errorCheck(
      head,
      `${input.subject} is undefined for the candidate${why}, so the ${side === 'min' ? 'minimum' : 'maximum'} cannot be checked.`,
    );
  }
  const interval = finiteInterval(estimate.ci);
  const decision = decideBound({
    value,
    interval,
    threshold: head.threshold,
    side,
    test: input.test,
    warnWithinNoise: input.warnWithinNoise,
    confidence: input.confidence,
    limitName: side === 'min' ? 'minimum' : 'maximum',
    format: formatNumber,
    formatLimit: formatThreshold,
  });
  const message = sentences(
    `${input.subject} ${input.describe(value)}; ${requirement(side, head.threshold)}.`,
    decision.note,
    input.extra ?? '',
  );
  return { ...head, observed: value, interval, status: decision.status, message };
}
