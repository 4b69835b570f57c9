/**
 * What to do with a model's alert issue after a monitoring run — a plan the shell carries out:
 *
 * | status            | no issue | open issue            | closed issue |
 * | ----------------- | -------- | --------------------- | ------------ |
 * | alert             | create   | update                | reopen       |
 * | healthy           | none     | close (body updated)  | none         |
 * | insufficient_data | none     | update (stays open)   | none         |
 * | error             | none     | none                  | none         |
 *
 * An error is not an alert about the model: the step fails instead and says why. Every action
 * but `none` writes the whole body, with the run appended to the hidden history.
 */
import { appendHistory, buildHistoryEntry, parseAlertHistory } from './alert-history.js';
import { ALERT_LABEL, type IssueSummary } from './find-alert-issue.js';
import { buildAlertTitle, renderAlertBody } from './render-monitor.js';
import type { MonitorModel } from './schema.js';

/** What happens to the model's alert issue. */
export type AlertAction = 'create' | 'update' | 'reopen' | 'close' | 'none';

/** The plan the shell carries out: the action, the issue, and the full title and body. */
export interface AlertPlan {
  model: string;
  action: AlertAction;
  /** The issue acted on (null for create and for none without an issue). */
  issueNumber: number | null;
  title: string;
  body: string;
  labels: string[];
  /** Why, in one sentence (for logs and the job summary). */
  reason: string;
}

/** The model's result, its existing alert issue (if any), and this run's time and link. */
export interface AlertPlanInput {
  model: MonitorModel;
  existing: Pick<IssueSummary, 'number' | 'state' | 'title' | 'body'> | null;
  /** ISO time of this run. */
  at: string;
  runUrl: string | null;
  version: string;
  confidence: number;
}

/** Decides the action and renders title and body (empty when the action is `none`). */
export function buildAlertPlan(input: AlertPlanInput): AlertPlan {
  const { model, existing } = input;
  const action = decideAction(model.status, existing?.state ?? null);
  const base = { model: model.name, action, issueNumber: existing?.number ?? null, labels: [ALERT_LABEL] };
  if (action === 'none')
    return { ...base, title: existing?.title ?? '', body: '', reason: noneReason(model, existing) };
  const history = appendHistory(
    parseAlertHistory(existing?.body),
    buildHistoryEntry(model, input.at, input.runUrl),
  );
  const state = action === 'close' ? 'resolved' : model.status === 'alert' ? 'open' : 'waiting';
  const body = renderAlertBody({
    model,
    history,
    state,
    at: input.at,
    runUrl: input.runUrl,
    version: input.version,
    confidence: input.confidence,
  });
  // An open issue keeps its alert title while waiting for data and when closed as resolved.
  const title = model.status === 'alert' || !existing ? buildAlertTitle(model) : existing.title;
  return { ...base, title, body, reason: actionReason(action, model) };
}

function decideAction(status: MonitorModel['status'], state: 'open' | 'closed' | null): AlertAction {
  if (status === 'alert') return state === null ? 'create' : state === 'open' ? 'update' : 'reopen';
  if (state !== 'open') return 'none';
  if (status === 'healthy') return 'close';
  return status === 'insufficient_data' ? 'update' : 'none';
}

function actionReason(action: AlertAction, model: MonitorModel): string {
  switch (action) {
    case 'create':
      return `${model.name}: ${model.headline ?? 'alert'}; opening an alert issue.`;
    case 'update':
      return model.status === 'alert'
        ? `${model.name}: still alerting (${model.headline ?? 'alert'}); updating the alert issue.`
        : `${model.name}: too little data to judge; the open alert issue records the run.`;
    case 'reopen':
      return `${model.name}: alerting again (${model.headline ?? 'alert'}); reopening the alert issue.`;
    case 'close':
      return `${model.name}: healthy again; closing the alert issue.`;
    case 'none':
      return '';
  }
}

function noneReason(model: MonitorModel, existing: AlertPlanInput['existing']): string {
  if (model.status === 'error')
    return `${model.name}: could not be monitored; the alert issue is left as it is.`;
  if (model.status === 'insufficient_data')
    return `${model.name}: too little data to judge; no alert issue is opened.`;
  return existing
    ? `${model.name}: healthy; its alert issue is already closed.`
    : `${model.name}: healthy; no alert issue.`;
}
