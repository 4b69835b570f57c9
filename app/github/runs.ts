/** Workflow runs of a head commit (for `/modelgate recheck` and re-requested checks). */
import { type EventContext, repoParams } from '../event-context.js';
import { call } from './api-error.js';

export interface RunInfo {
  id: number;
  path: string;
  event: string;
  status: string | null;
  conclusion: string | null;
  headSha: string;
  headBranch: string | null;
  headOwner: string | null;
  htmlUrl: string;
  createdAt: string;
  pullNumbers: number[];
}

interface RunLike {
  id: number;
  path: string;
  event: string;
  status: string | null;
  conclusion: string | null;
  head_sha: string;
  head_branch: string | null;
  head_repository?: { owner?: { login: string } | null } | null;
  html_url: string;
  created_at: string;
  pull_requests?: ({ number: number } | null)[] | null;
}

/** Maps a workflow run of the API or of a webhook payload. */
export function toRunInfo(run: RunLike): RunInfo {
  return {
    id: run.id,
    path: run.path,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    headSha: run.head_sha,
    headBranch: run.head_branch,
    headOwner: run.head_repository?.owner?.login ?? null,
    htmlUrl: run.html_url,
    createdAt: run.created_at,
    pullNumbers: (run.pull_requests ?? []).flatMap((pr) => (pr === null ? [] : [pr.number])),
  };
}

/** Completed runs for `sha`, newest first. */
export async function listCompletedRuns(ctx: EventContext, sha: string): Promise<RunInfo[]> {
  const response = await call(`listing the workflow runs of ${sha.slice(0, 7)}`, () =>
    ctx.octokit.rest.actions.listWorkflowRunsForRepo({
      ...repoParams(ctx),
      head_sha: sha,
      status: 'completed',
      per_page: 100,
    }),
  );
  return response.data.workflow_runs.map(toRunInfo).sort((a, b) => b.id - a.id);
}
