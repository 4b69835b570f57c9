/** Pull requests: one by number, the open one for a head commit, and its changed files. */
import { type EventContext, repoParams } from '../event-context.js';
import { call, orNull } from './api-error.js';

type Ctx = Pick<EventContext, 'octokit' | 'owner' | 'repo'>;

/** What the App needs of a pull request. */
export interface PullInfo {
  number: number;
  state: string;
  headSha: string;
  headRef: string;
  author: string;
  htmlUrl: string;
  /** When GitHub last updated it (the push time, for opened/synchronize events). */
  updatedAt: string;
}

/**
 * What verifying a report and deciding the sign-off need of a pull request: its number, state,
 * current head, author and address.
 */
export type PullHead = Pick<PullInfo, 'number' | 'state' | 'headSha' | 'author' | 'htmlUrl'>;

interface PullLike {
  number: number;
  state: string;
  head: { sha: string; ref: string };
  user: { login: string } | null;
  html_url: string;
  updated_at: string;
}

/** Maps a pull request object of the API or of a webhook payload. */
export function toPullInfo(pull: PullLike): PullInfo {
  return {
    number: pull.number,
    state: pull.state,
    headSha: pull.head.sha,
    headRef: pull.head.ref,
    author: pull.user?.login ?? '',
    htmlUrl: pull.html_url,
    updatedAt: pull.updated_at,
  };
}

/** The pull request, or null when it does not exist. */
export async function fetchPull(ctx: Ctx, number: number): Promise<PullInfo | null> {
  const response = await orNull(`reading pull request ${number}`, () =>
    ctx.octokit.rest.pulls.get({ ...repoParams(ctx), pull_number: number }),
  );
  return response === null ? null : toPullInfo(response.data);
}

/**
 * The open pull request from `owner:branch`, preferring the one whose head is `sha` (another one
 * means the run is stale). Needed for runs of pull requests from forks, whose
 * `workflow_run.pull_requests` is empty.
 */
export async function findOpenPullForHead(
  ctx: Ctx,
  head: { owner: string; branch: string; sha: string },
): Promise<PullInfo | null> {
  const pulls = await call('finding the pull request of a workflow run', () =>
    ctx.octokit.paginate(ctx.octokit.rest.pulls.list, {
      ...repoParams(ctx),
      state: 'open',
      head: `${head.owner}:${head.branch}`,
      per_page: 100,
    }),
  );
  const match = pulls.find((pull) => pull.head.sha === head.sha) ?? pulls[0];
  return match === undefined ? null : toPullInfo(match);
}

/** Paths changed by the pull request (renames: both paths). */
export async function listPullFiles(ctx: Ctx, number: number): Promise<string[]> {
  const files = await call(`listing the files of pull request ${number}`, () =>
    ctx.octokit.paginate(ctx.octokit.rest.pulls.listFiles, {
      ...repoParams(ctx),
      pull_number: number,
      per_page: 100,
    }),
  );
  return files.flatMap((file) =>
    file.previous_filename ? [file.filename, file.previous_filename] : [file.filename],
  );
}
