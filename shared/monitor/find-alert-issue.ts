/**
 * Which issue is a model's alert: the one whose body carries the model's hidden marker. The
 * shells list the issues labelled `modelgate-monitor` (open and closed) and pass them here.
 */

/** Label of every alert issue (what the shells list by). */
export const ALERT_LABEL = 'modelgate-monitor';

/** An issue as the REST API returns it (the fields used here). */
export interface IssueSummary {
  number: number;
  state: 'open' | 'closed';
  title: string;
  body: string | null;
  /** Present on pull requests, which the issues listing includes. */
  pull_request?: unknown;
}

/** The hidden first line of a model's alert issue. */
export function buildAlertMarker(model: string): string {
  return `<!-- modelgate:monitor:${model} -->`;
}

/**
 * The model's alert issue among `issues`: bodies whose first line is the model's marker (so
 * `churn` never matches `churn-eu`); an open one before closed ones, then the most recent.
 * @returns null when there is none.
 */
export function findAlertIssue(issues: readonly IssueSummary[], model: string): IssueSummary | null {
  const marker = buildAlertMarker(model);
  const mine = issues.filter(
    (i) => i.pull_request === undefined && (i.body ?? '').split(/\r?\n/, 1)[0]?.trim() === marker,
  );
  mine.sort((a, b) => (a.state === b.state ? b.number - a.number : a.state === 'open' ? -1 : 1));
  return mine[0] ?? null;
}
