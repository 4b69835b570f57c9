/** A report that failed verification: a failing evaluation check saying why; never a pass. */
import { buildRejectedOutput } from '../core/evaluation-output.js';
import { clearVerified, decodeFacts } from '../core/facts-marker.js';
import type { PullHead } from '../github/pulls.js';
import type { RunInfo } from '../github/runs.js';
import { refreshSignoff } from './refresh-signoff.js';
import type { Session } from './session.js';

export async function rejectReport(
  session: Session,
  input: { run: RunInfo; pull: PullHead; code: string; reason: string },
): Promise<void> {
  const { run, pull } = input;
  session.ctx.log.warn(
    { run: run.id, pr: pull.number, code: input.code, reason: input.reason },
    'report rejected',
  );
  // 1. The check goes on the commit the run evaluated (an older head keeps its own record).
  const checks = await session.checks(run.headSha);
  const existing = decodeFacts(checks.evaluation?.summary);
  const facts = existing?.head === run.headSha ? clearVerified(existing) : null;
  await session.writeCheck(
    run.headSha,
    'evaluation',
    buildRejectedOutput({ reason: input.reason, run, facts }),
  );
  // 2. On the current head, sign-off waits again: nothing verified to bind approvals to.
  const config = run.headSha === pull.headSha ? await session.config() : null;
  if (config !== null) await refreshSignoff(session, { pull, config });
}
