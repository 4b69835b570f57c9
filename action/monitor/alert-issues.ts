/**
 * Carries out alert plans against the GitHub issues API: one listing of the labelled issues
 * (open and closed) per run, then at most one write per model (two when the label must be
 * created with the first alert). Needs `issues: write`.
 */

import type { AlertPlan } from '../../shared/monitor/build-alert-plan.js';
import { ALERT_LABEL, type IssueSummary } from '../../shared/monitor/find-alert-issue.js';
import type { GitHubApi } from './github-api.js';

/** Every issue labelled `modelgate-monitor`, open and closed (pull requests filtered out later). */
export async function listAlertIssues(api: GitHubApi, repository: string): Promise<IssueSummary[]> {
  return api.paginate<IssueSummary>(`/repos/${repository}/issues`, { labels: ALERT_LABEL, state: 'all' });
}

export interface AppliedPlan {
  action: AlertPlan['action'];
  number: number | null;
  url: string | null;
}

/** Executes one plan. @throws GitHubApiError when GitHub refuses a write. */
export async function applyAlertPlan(
  api: GitHubApi,
  repository: string,
  plan: AlertPlan,
): Promise<AppliedPlan> {
  const issues = `/repos/${repository}/issues`;
  type Issue = { number: number; html_url: string };
  switch (plan.action) {
    case 'none':
      return { action: 'none', number: plan.issueNumber, url: null };
    case 'create': {
      await ensureLabel(api, repository);
      const { data } = await api.request<Issue>('POST', issues, {
        body: { title: plan.title, body: plan.body, labels: plan.labels },
      });
      return { action: 'create', number: data.number, url: data.html_url };
    }
    case 'update':
    case 'reopen':
    case 'close': {
      const body: Record<string, string> = { title: plan.title, body: plan.body };
      if (plan.action === 'reopen') body.state = 'open';
      if (plan.action === 'close') Object.assign(body, { state: 'closed', state_reason: 'completed' });
      const { data } = await api.request<Issue>('PATCH', `${issues}/${plan.issueNumber}`, { body });
      return { action: plan.action, number: data.number, url: data.html_url };
    }
  }
}

/**
 * Creates the `modelgate-monitor` label (422 = it exists already). Creating it explicitly, rather
 * than relying on the issue call to create it, keeps the label — and so the next run's lookup —
 * reliable for tokens that may not create labels implicitly.
 */
async function ensureLabel(api: GitHubApi, repository: string): Promise<void> {
  await api.request('POST', `/repos/${repository}/labels`, {
    body: {
      name: ALERT_LABEL,
      color: 'd93f0b',
      description: 'ModelGate monitoring alert (one issue per model)',
    },
    allow: [422],
  });
}
