/** `workflow_run` completed: find the pull request of the run and ingest its report. */
import { isAllowedWorkflow } from '../core/verify-provenance.js';
import { findReportArtifact } from '../github/artifacts.js';
import { findOpenPullForHead, type PullHead } from '../github/pulls.js';
import type { RunInfo } from '../github/runs.js';
import { ingestReport } from './ingest-report.js';
import { resolvePullHead } from './resolve-pull.js';
import type { Session } from './session.js';

/** Events whose runs evaluate a pull request. */
export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

export async function handleWorkflowRun(
  session: Session,
  input: { run: RunInfo; repoUrl: string },
): Promise<void> {
  const { run } = input;
  const { log } = session.ctx;
  // 1. Only runs for pull requests carry reports the App turns into checks.
  if (!PULL_REQUEST_EVENTS.has(run.event))
    return log.debug({ run: run.id, event: run.event }, 'not a pull request run');
  // 2. Trusted configuration.
  const config = await session.config();
  if (config === null) return log.info('no ModelGate configuration on the default branch; nothing to do');
  // 3. A workflow the policy does not trust matters only if it carries a report (to reject it).
  if (
    !isAllowedWorkflow(run.path, config.policy.workflows) &&
    (await findReportArtifact(session.ctx, run.id)) === null
  ) {
    return log.debug({ run: run.id, path: run.path }, 'workflow run without a report; ignored');
  }
  // 4. The pull request and its current head (fork runs list none: found from the head).
  const pull = await resolvePull(session, input);
  if (pull === null) return log.info({ run: run.id, sha: run.headSha }, 'no open pull request for this run');
  // 5. Verify and publish.
  await ingestReport(session, { run, pull, config });
}

async function resolvePull(
  session: Session,
  { run, repoUrl }: { run: RunInfo; repoUrl: string },
): Promise<PullHead | null> {
  const number = run.pullNumbers[0];
  // State and author: from the checks on the pull request's head (see resolvePullHead) or the API.
  if (number !== undefined) {
    const hints = { number, state: null, author: null, htmlUrl: `${repoUrl}/pull/${number}` };
    return resolvePullHead(session, hints);
  }
  if (run.headOwner === null || run.headBranch === null) return null;
  return findOpenPullForHead(session.ctx, { owner: run.headOwner, branch: run.headBranch, sha: run.headSha });
}
