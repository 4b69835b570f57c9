/**
 * The per-event context of the promotion handlers: the same `EventContext` the other handlers
 * use (installation Octokit, logger, repository, this App's id, limits), plus the clock.
 */
import type { Context, Probot } from 'probot';
import { DEFAULT_LIMITS, type EventContext, type Limits } from '../event-context.js';

export interface PromotionOptions {
  /** This App's id, or how to find it; default `APP_ID` from the environment, else asked from GitHub once. */
  appId?: number | (() => Promise<number>);
  limits?: Partial<Limits>;
  /** The clock (tests fix it). */
  now?: () => Date;
}

/** What the handlers are built with. */
export interface PromotionEnvironment {
  appId: () => Promise<number>;
  limits: Limits;
  now: () => Date;
}

/** Resolves the options once, when the handlers are registered. */
export function buildEnvironment(
  app: Pick<Probot, 'auth'> | null,
  options: PromotionOptions,
): PromotionEnvironment {
  return {
    appId: resolveAppId(app, options.appId),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    now: options.now ?? (() => new Date()),
  };
}

/** The event's context. @throws Error when the event has no repository. */
export async function buildEventContext(context: Context, env: PromotionEnvironment): Promise<EventContext> {
  const payload = context.payload as {
    repository?: { owner: { login: string }; name: string; full_name: string; default_branch: string };
    action?: string;
  };
  const repository = payload.repository;
  if (repository === undefined) throw new Error(`event ${context.name} has no repository`);
  const log = context.log.child({
    event: `${context.name}.${payload.action ?? ''}`,
    repo: repository.full_name,
  });
  return {
    octokit: context.octokit,
    log,
    owner: repository.owner.login,
    repo: repository.name,
    fullName: repository.full_name,
    defaultBranch: repository.default_branch,
    appId: await env.appId(),
    limits: env.limits,
  };
}

function resolveAppId(
  app: Pick<Probot, 'auth'> | null,
  configured: PromotionOptions['appId'],
): () => Promise<number> {
  if (typeof configured === 'function') return configured;
  const fromEnv = Number.parseInt(process.env.APP_ID ?? '', 10);
  const known = configured ?? (Number.isFinite(fromEnv) ? fromEnv : undefined);
  let asked: Promise<number> | undefined;
  return () => {
    if (known !== undefined) return Promise.resolve(known);
    if (app === null) return Promise.reject(new Error('the App id is unknown: set APP_ID'));
    asked ??= app
      .auth()
      .then(async (octokit) => (await octokit.rest.apps.getAuthenticated()).data?.id ?? Number.NaN);
    return asked;
  };
}
