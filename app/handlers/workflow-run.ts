/** `workflow_run` completed: find the pull request of the run and ingest its report. */
import { isAllowedWorkflow } from '../core/verify-provenance.js';
import { findReportArtifact } from '../github/artifacts.js';
import type { PullInfo } from '../github/pulls.js';
import { fetchPull, findOpenPullForHead } from '../github/pulls.js';
import type { RunInfo } from '../github/runs.js';
import { ingestReport } from './ingest-report.js';
import type { Session } from './session.js';

/** Events whose runs evaluate a pull request. */
export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

export async function handleWorkflowRun(session: Session, run: RunInfo): Promise<void> {
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
  // 4. The pull request (fork runs have no pull_requests: resolve it from the head).
  const pull = await resolvePull(session, run);
  if (pull === null) return log.info({ run: run.id, sha: run.headSha }, 'no open pull request for this run');
  // 5. Verify and publish.
  await ingestReport(session, { run, pull, config });
}

async function resolvePull(session: Session, run: RunInfo): Promise<PullInfo | null> {
  const number = run.pullNumbers[0];
  if (number !== undefined) return fetchPull(session.ctx, number);
  if (run.headOwner === null || run.headBranch === null) return null;
  return findOpenPullForHead(session.ctx, { owner: run.headOwner, branch: run.headBranch, sha: run.headSha });
}
