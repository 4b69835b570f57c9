/**
 * The model dashboard issue, refreshed after promotions, rollbacks and sign-off changes: built
 * from GitHub alone (promotion releases, alert issues, sign-off checks), written only when its
 * text changes, never duplicated.
 */
import { ModelGateError } from '../../shared/errors.js';
import { findAlertIssue } from '../../shared/monitor/find-alert-issue.js';
import { findDashboardIssues, planDashboardUpdate } from '../../shared/promotion/plan-dashboard-update.js';
import { parseReleaseRecord } from '../../shared/promotion/release-record.js';
import type { DashboardFacts, DashboardRelease } from '../../shared/render/release/build-dashboard-view.js';
import { renderDashboard } from '../../shared/render/release/render-release.js';
import type { Session } from '../handlers/session.js';
import {
  closeDuplicateDashboard,
  createDashboardIssue,
  listAwaitingPulls,
  listDashboardIssues,
  listOpenAlerts,
  updateDashboardIssue,
} from './dashboard-issue.js';
import { loadReleaseTemplates } from './load-release-templates.js';
import { listRecentReleases } from './releases.js';

/** Refreshes the dashboard when the configuration keeps one. @returns the issue number, or null. */
export async function refreshDashboard(session: Session): Promise<number | null> {
  const { ctx } = session;
  // 1. Trusted configuration: `dashboard: false` keeps none.
  const config = await session.config();
  if (config === null || !config.dashboard) return null;
  // 2. What it shows, read from GitHub.
  const [releases, alerts, awaiting] = await Promise.all([
    listRecentReleases(ctx),
    listOpenAlerts(ctx),
    listAwaitingPulls(ctx),
  ]);
  const records: DashboardRelease[] = releases.flatMap((release) => {
    const record = parseReleaseRecord(release.body);
    return record === null ? [] : [{ record, url: release.url, publishedAt: release.publishedAt }];
  });
  const facts: DashboardFacts = {
    models: config.models.map((model) => {
      const alert = findAlertIssue(alerts, model.name) as (typeof alerts)[number] | null;
      return {
        name: model.name,
        primaryMetric: model.primaryMetric,
        releases: records.filter((r) => r.record.model === model.name),
        alert: alert === null ? null : { number: alert.number, title: alert.title, url: alert.url },
      };
    }),
    awaiting,
  };
  // 3. Rendered with the repository's template when it has a usable one.
  const body = await render(session, facts);
  // 4. Created once, then updated in place.
  return writeDashboard(session, body);
}

async function render(session: Session, facts: DashboardFacts): Promise<string> {
  const templates = await loadReleaseTemplates(session);
  try {
    return renderDashboard(facts, templates);
  } catch (error) {
    if (!(error instanceof ModelGateError) || error.code !== 'template_invalid') throw error;
    session.ctx.log.warn({ err: error }, 'dashboard template override rejected; default used');
    return renderDashboard(facts);
  }
}

async function writeDashboard(session: Session, body: string): Promise<number> {
  const { ctx } = session;
  const plan = planDashboardUpdate(await listDashboardIssues(ctx), { appId: ctx.appId, body });
  if (plan.action === 'none') return plan.number;
  if (plan.action === 'update') {
    await updateDashboardIssue(ctx, { number: plan.number, body, reopen: plan.reopen });
    return plan.number;
  }
  const created = await createDashboardIssue(ctx, body);
  // A concurrent event may have created one too: the oldest stays, the newer is closed.
  const keep = findDashboardIssues(await listDashboardIssues(ctx), ctx.appId)[0]?.number ?? created;
  if (keep !== created) {
    await closeDuplicateDashboard(ctx, { number: created, keep });
    await updateDashboardIssue(ctx, { number: keep, body, reopen: false });
  }
  return keep;
}
