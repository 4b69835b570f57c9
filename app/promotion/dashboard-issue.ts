/**
 * GitHub side of the dashboard: the App's dashboard issues (by label, then marker and authorship),
 * open monitoring alerts, and open pull requests whose sign-off check has not passed.
 */
import { ALERT_LABEL } from '../../shared/monitor/find-alert-issue.js';
import type { DashboardIssue } from '../../shared/promotion/plan-dashboard-update.js';
import { type EventContext, repoParams } from '../event-context.js';
import { call, statusOf, toGitHubApiError } from '../github/api-error.js';
import { listOurChecks } from '../github/checks.js';

export const DASHBOARD_LABEL = 'modelgate-dashboard';
export const DASHBOARD_TITLE = 'ModelGate model dashboard';
/** Open pull requests whose sign-off check is looked at (one call each), most recently updated first. */
export const MAX_PULLS_CHECKED = 10;

type Ctx = Pick<EventContext, 'octokit' | 'owner' | 'repo'>;

/** Issues labelled as dashboards, open and closed. */
export async function listDashboardIssues(ctx: Ctx): Promise<DashboardIssue[]> {
  const issues = await call('listing dashboard issues', () =>
    ctx.octokit.paginate(ctx.octokit.rest.issues.listForRepo, {
      ...repoParams(ctx),
      labels: DASHBOARD_LABEL,
      state: 'all',
      per_page: 100,
    }),
  );
  return issues
    .filter((issue) => issue.pull_request === undefined)
    .map((issue) => ({
      number: issue.number,
      state: issue.state === 'closed' ? 'closed' : 'open',
      body: issue.body ?? null,
      appId: issue.performed_via_github_app?.id ?? null,
    }));
}

/** Creates the dashboard issue (and its label, which may exist already). @returns its number. */
export async function createDashboardIssue(ctx: Ctx, body: string): Promise<number> {
  try {
    await ctx.octokit.rest.issues.createLabel({
      ...repoParams(ctx),
      name: DASHBOARD_LABEL,
      color: '0e8a16',
      description: 'ModelGate model dashboard (one issue per repository)',
    });
  } catch (error) {
    if (statusOf(error) !== 422) throw toGitHubApiError(error, 'creating the dashboard label');
  }
  const { data } = await call('creating the dashboard issue', () =>
    ctx.octokit.rest.issues.create({
      ...repoParams(ctx),
      title: DASHBOARD_TITLE,
      body,
      labels: [DASHBOARD_LABEL],
    }),
  );
  return data.number;
}

/** Updates the dashboard in place (reopening it when asked). */
export async function updateDashboardIssue(
  ctx: Ctx,
  input: { number: number; body: string; reopen: boolean },
): Promise<void> {
  await call(`updating dashboard issue #${input.number}`, () =>
    ctx.octokit.rest.issues.update({
      ...repoParams(ctx),
      issue_number: input.number,
      body: input.body,
      ...(input.reopen ? { state: 'open' as const } : {}),
    }),
  );
}

/** Closes a duplicate made by a concurrent event, pointing at the one kept (the marker goes). */
export async function closeDuplicateDashboard(
  ctx: Ctx,
  input: { number: number; keep: number },
): Promise<void> {
  await call(`closing duplicate dashboard #${input.number}`, () =>
    ctx.octokit.rest.issues.update({
      ...repoParams(ctx),
      issue_number: input.number,
      body: `Duplicate of #${input.keep}, the model dashboard.`,
      state: 'closed',
      state_reason: 'not_planned',
    }),
  );
}

/** Open monitoring alert issues (as the Action files them). */
export async function listOpenAlerts(ctx: Ctx) {
  const issues = await call('listing monitoring alerts', () =>
    ctx.octokit.paginate(ctx.octokit.rest.issues.listForRepo, {
      ...repoParams(ctx),
      labels: ALERT_LABEL,
      state: 'open',
      per_page: 100,
    }),
  );
  return issues.map((issue) => ({
    number: issue.number,
    state: 'open' as const,
    title: issue.title,
    body: issue.body ?? null,
    url: issue.html_url,
    ...(issue.pull_request === undefined ? {} : { pull_request: issue.pull_request }),
  }));
}

/** Open pull requests whose `ModelGate / sign-off` check exists and has not passed. */
export async function listAwaitingPulls(
  ctx: EventContext,
): Promise<{ number: number; title: string; url: string; waiting: string }[]> {
  const { data } = await call('listing open pull requests', () =>
    ctx.octokit.rest.pulls.list({
      ...repoParams(ctx),
      state: 'open',
      sort: 'updated',
      direction: 'desc',
      per_page: MAX_PULLS_CHECKED,
    }),
  );
  const checked = await Promise.all(
    data.map(async (pull) => ({ pull, signoff: (await listOurChecks(ctx, pull.head.sha)).signoff })),
  );
  return checked
    .filter(({ signoff }) => signoff !== null && signoff.conclusion !== 'success')
    .map(({ pull, signoff }) => ({
      number: pull.number,
      title: pull.title,
      url: pull.html_url,
      waiting: signoff?.title ?? 'sign-off',
    }))
    .sort((a, b) => a.number - b.number);
}
