/**
 * One dashboard issue per repository, found by its hidden marker among the App's own issues and
 * updated in place. When two events created one each at the same moment, the oldest is kept and
 * the newer closed, so there is only ever one.
 */
import { DASHBOARD_MARKER } from '../render/release/build-dashboard-view.js';

/** An issue as the App lists it (the fields used here). */
export interface DashboardIssue {
  number: number;
  state: 'open' | 'closed';
  body: string | null;
  /** The GitHub App that created it, if any. */
  appId: number | null;
}

export type DashboardAction =
  | { action: 'create' }
  | { action: 'update'; number: number; reopen: boolean }
  | { action: 'none'; number: number };

/** The App's dashboard issues (first line is the marker), oldest first. */
export function findDashboardIssues(issues: readonly DashboardIssue[], appId: number): DashboardIssue[] {
  return issues
    .filter(
      (issue) =>
        issue.appId === appId && (issue.body ?? '').split(/\r?\n/, 1)[0]?.trim() === DASHBOARD_MARKER,
    )
    .sort((a, b) => a.number - b.number);
}

/**
 * What to do with `body`: create the issue, update the oldest of the App's dashboards (reopening
 * it if someone closed it while `dashboard: true`), or nothing when it already shows exactly this.
 */
export function planDashboardUpdate(
  issues: readonly DashboardIssue[],
  input: { appId: number; body: string },
): DashboardAction {
  const keep = findDashboardIssues(issues, input.appId)[0];
  if (keep === undefined) return { action: 'create' };
  if (keep.state === 'open' && keep.body === input.body) return { action: 'none', number: keep.number };
  return { action: 'update', number: keep.number, reopen: keep.state === 'closed' };
}
