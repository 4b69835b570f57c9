/**
 * What every handler needs for one webhook event: the installation's Octokit, a logger carrying
 * the event's context, the repository and the App's identity. Built once per event.
 */
import type { Context } from 'probot';

export type Octokit = Context['octokit'];
export type Logger = Context['log'];

/** Size limits for untrusted input (bytes). */
export interface Limits {
  /** Largest report artifact (zip) downloaded. */
  artifactBytes: number;
  /** Largest uncompressed report.json accepted. */
  reportBytes: number;
}

export const DEFAULT_LIMITS: Limits = { artifactBytes: 10 * 1024 * 1024, reportBytes: 32 * 1024 * 1024 };

export interface EventContext {
  octokit: Octokit;
  log: Logger;
  owner: string;
  repo: string;
  /** `owner/repo`. */
  fullName: string;
  defaultBranch: string;
  /** This App's id: only its own check runs and comments are trusted and updated. */
  appId: number;
  limits: Limits;
}

/** The repository parameters of every repository-scoped request. */
export function repoParams(ctx: Pick<EventContext, 'owner' | 'repo'>): { owner: string; repo: string } {
  return { owner: ctx.owner, repo: ctx.repo };
}

interface RepositoryPayload {
  repository?: { owner: { login: string }; name: string; full_name: string; default_branch: string };
  action?: string;
}

/** The event's context; its logger carries the event name and the repository on every line. */
export function buildEventContext(
  context: { name: string; payload: unknown; octokit: Octokit; log: Logger },
  appId: number,
  limits: Limits,
): EventContext {
  const { repository, action } = context.payload as RepositoryPayload;
  if (repository === undefined) throw new Error(`event ${context.name} has no repository`);
  return {
    octokit: context.octokit,
    log: context.log.child({ event: `${context.name}.${action ?? ''}`, repo: repository.full_name }),
    owner: repository.owner.login,
    repo: repository.name,
    fullName: repository.full_name,
    defaultBranch: repository.default_branch,
    appId,
    limits,
  };
}
