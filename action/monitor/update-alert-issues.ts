/**
 * Step 3 of monitor mode: list the alert issues once, plan each model's action (shared/), carry
 * it out. A failed write is reported per model and fails the step; the others still proceed.
 */
import { toModelGateError } from '../../shared/errors.js';
import { buildAlertPlan } from '../../shared/monitor/build-alert-plan.js';
import { findAlertIssue } from '../../shared/monitor/find-alert-issue.js';
import type { MonitorReport } from '../../shared/monitor/schema.js';
import { applyAlertPlan, listAlertIssues } from './alert-issues.js';
import type { GitHubApi } from './github-api.js';

export interface AlertOutcome {
  model: string;
  action: 'create' | 'update' | 'reopen' | 'close' | 'none';
  issue: number | null;
  url: string | null;
  failed: boolean;
  message: string;
}

export async function updateAlertIssues(input: {
  api: GitHubApi;
  repository: string;
  report: MonitorReport;
  runUrl: string | null;
  version: string;
  log: (line: string) => void;
}): Promise<AlertOutcome[]> {
  const judged = input.report.models.filter((m) => m.status !== 'error');
  if (judged.length === 0) return [];
  const issues = await listAlertIssues(input.api, input.repository);
  const outcomes: AlertOutcome[] = [];
  for (const model of judged) {
    const existing = findAlertIssue(issues, model.name);
    const plan = buildAlertPlan({
      model,
      existing,
      at: input.report.createdAt,
      runUrl: input.runUrl,
      version: input.version,
      confidence: input.report.settings.confidence,
    });
    try {
      const applied = await applyAlertPlan(input.api, input.repository, plan);
      const where = applied.number === null ? '' : ` (#${applied.number})`;
      outcomes.push({
        model: model.name,
        action: plan.action,
        issue: applied.number,
        url: applied.url,
        failed: false,
        message: `${plan.reason}${where}`,
      });
      input.log(`${plan.reason}${where}`);
    } catch (error) {
      const e = toModelGateError(error);
      const message = `${model.name}: the alert issue could not be ${plan.action === 'create' ? 'created' : 'updated'}: ${e.userMessage}`;
      outcomes.push({
        model: model.name,
        action: plan.action,
        issue: plan.issueNumber,
        url: null,
        failed: true,
        message,
      });
      input.log(`::error title=ModelGate monitor::${message.replace(/\r?\n/g, ' ')}`);
    }
  }
  input.log(`GitHub API requests: ${input.api.calls}`);
  return outcomes;
}
