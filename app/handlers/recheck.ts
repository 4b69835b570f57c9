/**
 * `/modelgate recheck` and a re-requested check: verify the newest completed run of the head again
 * (or re-create the waiting checks), then the sign-off.
 */
import { isAllowedWorkflow } from '../core/verify-provenance.js';
import { fetchPull } from '../github/pulls.js';
import { listCompletedRuns } from '../github/runs.js';
import { ingestReport } from './ingest-report.js';
import { handlePullRequest } from './pull-request.js';
import type { Session } from './session.js';
import { PULL_REQUEST_EVENTS } from './workflow-run.js';

export async function recheck(session: Session, number: number): Promise<void> {
  const { log } = session.ctx;
  // 1. The pull request as it is now (failures then show on its head), and the trusted configuration.
  const pull = await fetchPull(session.ctx, number);
  if (pull === null || pull.state !== 'open') {
    return log.info({ pr: number }, 'pull request not open; nothing to recheck');
  }
  session.failureTarget = { sha: pull.headSha, checks: ['evaluation', 'signoff'] };
  const config = await session.config();
  if (config === null) return log.info('no ModelGate configuration on the default branch; nothing to do');
  // 2. The newest completed run of an allowed workflow for the head.
  const runs = await listCompletedRuns(session.ctx, pull.headSha);
  const run = runs.find(
    (r) => PULL_REQUEST_EVENTS.has(r.event) && isAllowedWorkflow(r.path, config.policy.workflows),
  );
  // 3. Verify it again from scratch, or fall back to the opened-PR checks.
  if (run !== undefined) return ingestReport(session, { run, pull, config });
  return handlePullRequest(session, { pull, before: null });
}
