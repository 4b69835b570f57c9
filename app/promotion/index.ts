/**
 * Promotions as releases (PRODUCT.md §5): merge → tag and release, rollback command, model
 * dashboard. Each handler is `(context) => Promise<void>`; `registerPromotion(app, options)`
 * subscribes them.
 */
import type { Context, Probot } from 'probot';
import { toModelGateError } from '../../shared/errors.js';
import { SIGNOFF_CHECK } from '../github/checks.js';
import { toPullInfo } from '../github/pulls.js';
import { createSession, type Session } from '../handlers/session.js';
import { refreshDashboard } from './dashboard.js';
import { type MergedPull, postPromotionComment, promoteMergedPull } from './promote.js';
import {
  buildEnvironment,
  buildEventContext,
  type PromotionEnvironment,
  type PromotionOptions,
} from './promotion-context.js';
import { handleRollbackCommand } from './rollback.js';

export type { PromotionOptions } from './promotion-context.js';

export interface PromotionHandlers {
  promote: (context: Context<'pull_request.closed'>) => Promise<void>;
  rollback: (context: Context<'issue_comment.created'>) => Promise<void>;
  dashboard: (context: Context<'check_run.completed'>) => Promise<void>;
}

/** Subscribes the promotion handlers. */
export function registerPromotion(app: Probot, options: PromotionOptions = {}): void {
  const handlers = createPromotionHandlers(options, app);
  app.on('pull_request.closed', handlers.promote);
  // Rollback commands arrive through the App's comment handler (one session per event, so the
  // configuration and the timeline are read once): see `handleRollbackComment`.
  app.on('check_run.completed', handlers.dashboard);
}

/**
 * Rollback commands (and approvals of a pending rollback) in a comment, run inside the comment
 * event's session. Refreshes the dashboard when a rollback completed.
 */
export async function handleRollbackComment(
  session: Session,
  comment: { number: number; body: string; isBot: boolean },
  now: Date = new Date(),
): Promise<void> {
  const done = await handleRollbackCommand(session, { comment, now: now.toISOString() });
  if (done) await refreshDashboard(session);
}

/** The handlers, for mounting one by one. `app` is used only to ask GitHub for the App's id. */
export function createPromotionHandlers(
  options: PromotionOptions = {},
  app: Pick<Probot, 'auth'> | null = null,
): PromotionHandlers {
  const env = buildEnvironment(app, options);
  return {
    promote: (context) => withSession(context, env, (session) => onClosed(session, context.payload, env)),
    rollback: (context) =>
      withSession(context, env, async (session) => {
        const { issue, comment } = context.payload;
        const isBot = comment.user?.type === 'Bot' || comment.performed_via_github_app != null;
        const done = await handleRollbackCommand(session, {
          comment: { number: issue.number, body: comment.body, isBot },
          now: env.now().toISOString(),
        });
        if (done) await refreshDashboard(session);
      }),
    dashboard: async (context) => {
      // Sign-off state changed on some pull request: the "awaiting sign-off" list may have too.
      // Every other check run of the repository is ignored before any work.
      const run = context.payload.check_run;
      if (run.name !== SIGNOFF_CHECK || run.app?.id !== (await env.appId())) return;
      await withSession(context, env, async (session) => {
        await refreshDashboard(session);
      });
    },
  };
}

async function onClosed(
  session: Session,
  payload: Context<'pull_request.closed'>['payload'],
  env: PromotionEnvironment,
): Promise<void> {
  const raw = payload.pull_request;
  if (!raw.merged || raw.merge_commit_sha === null || raw.merged_at === null) return;
  const pull: MergedPull = {
    ...toPullInfo(raw),
    title: raw.title,
    mergedAt: raw.merged_at,
    mergeCommit: raw.merge_commit_sha,
    labels: raw.labels.map((label) => label.name),
  };
  // 1. Promote; 2. say so on the pull request; 3. refresh the dashboard.
  const outcomes = await promoteMergedPull(session, { pull, now: env.now().toISOString() });
  await postPromotionComment(session, pull.number, outcomes);
  if (outcomes.length > 0) await refreshDashboard(session);
}

/** The error boundary: a failure is logged with the event's context; the handlers say it on GitHub where they can. */
async function withSession(
  context: Context,
  env: PromotionEnvironment,
  handler: (session: Session) => Promise<void>,
): Promise<void> {
  const ctx = await buildEventContext(context, env);
  try {
    await handler(createSession(ctx));
  } catch (error) {
    const failure = toModelGateError(error);
    ctx.log.error(
      { err: error, code: failure.code },
      `ModelGate could not handle the promotion event: ${failure.message}`,
    );
    await explainOnPull(context, ctx, failure.userMessage);
  }
}

/** A merged pull request whose promotion failed as a whole gets a comment saying so. */
async function explainOnPull(
  context: Context,
  ctx: Awaited<ReturnType<typeof buildEventContext>>,
  message: string,
): Promise<void> {
  const payload = context.payload as { pull_request?: { number: number; merged?: boolean } };
  if (context.name !== 'pull_request' || payload.pull_request?.merged !== true) return;
  try {
    const session = createSession(ctx);
    await postPromotionComment(session, payload.pull_request.number, [
      { model: 'all models', status: 'failed', reasons: [message] },
    ]);
  } catch (error) {
    ctx.log.error({ err: error }, 'could not explain the failed promotion on the pull request');
  }
}
