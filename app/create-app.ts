/**
 * The Probot app: webhook events → handlers, each behind the error boundary with a per-event
 * session. Wiring only; the work is in handlers/.
 */
import type { ApplicationFunction, Context, Probot } from 'probot';
import { decodeFacts } from './core/facts-marker.js';
import { buildEventContext, DEFAULT_LIMITS, type EventContext, type Limits } from './event-context.js';
import { toPullInfo } from './github/pulls.js';
import { toRunInfo } from './github/runs.js';
import { handlePullRequest } from './handlers/pull-request.js';
import { recheck } from './handlers/recheck.js';
import { runHandler } from './handlers/run-handler.js';
import { type CommentEvent, handleComment, handleReview } from './handlers/signoff-events.js';
import { handleWorkflowRun } from './handlers/workflow-run.js';
import { healthHandler } from './health.js';
import { handleRollbackComment, registerPromotion } from './promotion/index.js';

export interface AppOptions {
  /** This App's id; default `APP_ID` from the environment, else asked from GitHub once. */
  appId?: number;
  limits?: Partial<Limits>;
}

type Contextualize = (context: Context) => Promise<EventContext>;

const BOTH = ['evaluation', 'signoff'] as const;

export function createModelGateApp(options: AppOptions = {}): ApplicationFunction {
  return (app, { addHandler }) => {
    const appId = resolveAppId(app, options.appId);
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const ctx: Contextualize = async (context) => buildEventContext(context, await appId(), limits);
    mountHealth(app, addHandler);
    registerPromotion(app, { appId, limits });
    app.on(
      [
        'pull_request.opened',
        'pull_request.synchronize',
        'pull_request.reopened',
        'pull_request.ready_for_review',
      ],
      async (context) => {
        const pull = toPullInfo(context.payload.pull_request);
        const before = context.payload.action === 'synchronize' ? context.payload.before : null;
        const target = { sha: pull.headSha, checks: BOTH };
        await runHandler(await ctx(context), target, (s) => handlePullRequest(s, { pull, before }));
      },
    );
    app.on('workflow_run.completed', async (context) => {
      const run = toRunInfo(context.payload.workflow_run);
      const repoUrl = context.payload.repository.html_url;
      await runHandler(await ctx(context), { sha: run.headSha, checks: ['evaluation'] }, (s) =>
        handleWorkflowRun(s, { run, repoUrl }),
      );
    });
    app.on(
      ['pull_request_review.submitted', 'pull_request_review.edited', 'pull_request_review.dismissed'],
      async (context) => {
        const pull = toPullInfo(context.payload.pull_request);
        await runHandler(await ctx(context), { sha: pull.headSha, checks: ['signoff'] }, (s) =>
          handleReview(s, pull),
        );
      },
    );
    app.on(['issue_comment.created', 'issue_comment.edited', 'issue_comment.deleted'], async (context) => {
      const comment = toCommentEvent(context.payload);
      await runHandler(await ctx(context), null, async (s) => {
        const outcome = await handleComment(s, comment);
        // Created comments may also be rollback commands or approvals of a rollback (same session).
        if (comment.action === 'created' && outcome !== 'gone') await handleRollbackComment(s, comment);
      });
    });
    app.on('check_run.rerequested', async (context) => onCheckRerequested(context, await ctx(context)));
  };
}

async function onCheckRerequested(
  context: Context<'check_run.rerequested'>,
  ctx: EventContext,
): Promise<void> {
  const run = context.payload.check_run;
  if (run.app?.id !== ctx.appId) return;
  const number = decodeFacts(run.output?.summary)?.pr ?? run.pull_requests[0]?.number;
  if (number === undefined) return ctx.log.info('re-requested check without a pull request');
  await runHandler(ctx, null, (s) => recheck(s, number));
}

function toCommentEvent(payload: Context<'issue_comment'>['payload']): CommentEvent {
  const changes = 'changes' in payload ? payload.changes : undefined;
  const { comment, issue } = payload;
  return {
    action: payload.action,
    number: issue.number,
    isPullRequest: issue.pull_request !== undefined,
    state: issue.state ?? '',
    htmlUrl: issue.pull_request?.html_url ?? issue.html_url,
    body: comment.body,
    previousBody: changes?.body?.from ?? null,
    login: comment.user?.login ?? '',
    association: comment.author_association,
    isBot: comment.user?.type === 'Bot' || comment.performed_via_github_app != null,
    prAuthor: issue.user?.login ?? '',
  };
}

/** The App's id: configured, from the environment, or asked from GitHub once (it never changes). */
function resolveAppId(app: Probot, configured: number | undefined): () => Promise<number> {
  const fromEnv = Number.parseInt(process.env.APP_ID ?? '', 10);
  const known = configured ?? (Number.isFinite(fromEnv) ? fromEnv : undefined);
  let asked: Promise<number> | undefined;
  return () => {
    if (known !== undefined) return Promise.resolve(known);
    asked ??= app
      .auth()
      .then(async (octokit) => (await octokit.rest.apps.getAuthenticated()).data?.id ?? Number.NaN)
      .catch((error: unknown) => {
        asked = undefined; // ask again on the next event
        throw error;
      });
    return asked;
  };
}

function mountHealth(app: Probot, addHandler: (handler: typeof healthHandler) => void): void {
  try {
    addHandler(healthHandler);
  } catch (error) {
    // Loaded without an HTTP server (tests, custom mounts without addHandler): no endpoint to add.
    app.log.debug({ err: error }, 'no server: /healthz not mounted');
  }
}
