/**
 * Words and symbols of rendered reports: verdicts, check statuses, check titles.
 */
import { gapLabel, metricLabel, operationalWords } from '../gate/labels.js';
import type { Check, CheckStatus, Verdict } from '../report/schema.js';

/** Emoji of each verdict. */
export const VERDICT_EMOJI: Record<Verdict, string> = {
  pass: '✅',
  fail: '❌',
  inconclusive: '⚠️',
  error: '⛔',
};
/** Words of each verdict, after "ModelGate:" or a model name. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  pass: 'passed',
  fail: 'failed',
  inconclusive: 'inconclusive',
  error: 'could not be decided',
};
/** Emoji of each check status. */
export const STATUS_EMOJI: Record<CheckStatus, string> = {
  pass: '✅',
  fail: '❌',
  warn: '⚠️',
  skipped: '➖',
  error: '⛔',
};
/** Words of each check status. */
export const STATUS_WORDS: Record<CheckStatus, string> = {
  pass: 'pass',
  fail: 'fail',
  warn: 'within noise',
  skipped: 'skipped',
  error: 'error',
};

/** Worst first: error, fail, warn, pass, skipped. */
export const STATUS_RANK: Record<CheckStatus, number> = { error: 0, fail: 1, warn: 2, pass: 3, skipped: 4 };

const BOUND_WORDS: Record<Check['bound'], string> = {
  min: 'minimum',
  max: 'maximum',
  max_regression: 'regression',
  max_regression_relative: 'relative regression',
  worst_group_min: 'worst-group minimum',
  worst_group_max: 'worst-group maximum',
  max_increase: 'increase',
  max_increase_relative: 'relative increase',
};

/** "ROC AUC — regression", "Equalized odds difference, gender — maximum" (untrusted: escape it). */
export function checkTitle(check: Check): string {
  if (check.id === 'operational.load') return 'Candidate model loads';
  if (check.id === 'gates.none') return 'Thresholds configured';
  const subject =
    check.kind === 'fairness' || check.kind === 'fairness_regression'
      ? gapLabel(check.metric)
      : check.kind === 'operational'
        ? operationalWords(check.metric).noun
        : metricLabel(check.metric);
  const column = check.column === undefined ? '' : `, ${check.column}`;
  return `${subject}${column} — ${BOUND_WORDS[check.bound]}`;
}

/** The worst status of some checks, or null when there are none. */
export function worstStatus(checks: readonly Check[]): CheckStatus | null {
  let worst: CheckStatus | null = null;
  for (const check of checks) {
    if (worst === null || STATUS_RANK[check.status] < STATUS_RANK[worst]) worst = check.status;
  }
  return worst;
}
