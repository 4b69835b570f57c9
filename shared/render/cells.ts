/**
 * Table cells built from report numbers: trusted markup, untrusted reasons escaped in place.
 */
import type { Check, Estimate } from '../report/schema.js';
import { escapeMarkdown, type Markup, markup } from './escape-markdown.js';
import {
  formatInterval,
  formatNumber,
  formatPercent,
  formatSigned,
  formatThreshold,
} from './format-number.js';
import { checkTitle, STATUS_EMOJI, STATUS_WORDS } from './render-labels.js';
import type { CheckRow } from './view.js';

/** `0.842 [0.831, 0.853]`, `n/a (reason)` for undefined values, `—` when absent. */
export function estimateCell(estimate: Estimate | null | undefined, signed = false): Markup {
  if (!estimate) return markup('—');
  if (estimate.value === null || !Number.isFinite(estimate.value)) {
    return markup(estimate.reason ? `n/a (${escapeMarkdown(estimate.reason)})` : 'n/a');
  }
  const value = signed ? formatSigned(estimate.value) : formatNumber(estimate.value);
  return markup(estimate.ci ? `${value} ${formatInterval(estimate.ci, signed)}` : value);
}

/** A bare number, `—` when absent. */
export function numberCell(x: number | null | undefined): Markup {
  return markup(x === null || x === undefined ? '—' : formatNumber(x));
}

/** Status emoji and word, or `—` (not gated). */
export function statusCell(status: Check['status'] | null): Markup {
  return markup(status === null ? '—' : `${STATUS_EMOJI[status]} ${STATUS_WORDS[status]}`);
}

const RELATIVE_BOUNDS = new Set<Check['bound']>(['max_regression_relative', 'max_increase_relative']);

/** A check's threshold as configured (relative bounds as percentages). */
export function thresholdCell(check: Check): Markup {
  return markup(
    RELATIVE_BOUNDS.has(check.bound) ? formatPercent(check.threshold) : formatThreshold(check.threshold),
  );
}

/** A check's observed value and interval, in the threshold's unit. */
export function observedCell(check: Check): Markup {
  if (check.observed === null) return markup('—');
  if (RELATIVE_BOUNDS.has(check.bound)) {
    const ci = check.interval
      ? ` [${formatPercent(check.interval[0])}, ${formatPercent(check.interval[1])}]`
      : '';
    return markup(`${formatPercent(check.observed)}${ci}`);
  }
  const ci = check.interval ? ` ${formatInterval(check.interval)}` : '';
  return markup(`${formatNumber(check.observed)}${ci}`);
}

/** One row of a checks table. */
export function checkRow(check: Check): CheckRow {
  return {
    emoji: markup(STATUS_EMOJI[check.status]),
    status: statusCell(check.status),
    title: checkTitle(check),
    threshold: thresholdCell(check),
    observed: observedCell(check),
    message: check.message,
  };
}
