/**
 * A completed workflow run → a verified report, or a rejection that says why. Nothing in the
 * report is trusted until every provenance check has passed; the verdict is then recomputed
 * with the default branch's thresholds.
 */
import type { Config } from '../../shared/config/types.js';
import { ModelGateError } from '../../shared/errors.js';
import type { Report } from '../../shared/report/schema.js';
import { parseReport } from '../core/parse-report.js';
import { trustReport } from '../core/trust-report.js';
import {
  normalizeWorkflowPath,
  verifyReportIdentity,
  verifyRun,
  verifyWorkflowFile,
} from '../core/verify-provenance.js';
import { downloadReportText, findReportArtifact } from '../github/artifacts.js';
import { readBlobSha } from '../github/contents.js';
import type { PullHead } from '../github/pulls.js';
import type { RunInfo } from '../github/runs.js';
import { publishReport } from './publish-report.js';
import { rejectReport } from './reject-report.js';
import type { Session } from './session.js';

/** Errors of untrusted input: they reject the report rather than fail the App. */
const REJECTING_CODES = new Set(['artifact_invalid', 'report_invalid']);

export async function ingestReport(
  session: Session,
  input: { run: RunInfo; pull: PullHead; config: Config },
): Promise<void> {
  const { run, pull, config } = input;
  const { ctx } = session;
  const reject = (code: string, reason: string) => rejectReport(session, { run, pull, code, reason });
  // 1. The run: allowed workflow, open pull request, its current head.
  const runCheck = verifyRun({
    run,
    pull,
    allowedWorkflows: config.policy.workflows,
    defaultBranch: ctx.defaultBranch,
  });
  if (!runCheck.ok && runCheck.code === 'pull_closed')
    return ctx.log.info({ run: run.id, pr: pull.number }, 'pull request closed');
  if (!runCheck.ok) return reject(runCheck.code, runCheck.reason);
  // 2. The workflow file that ran is the default branch's, unchanged by the pull request.
  const path = normalizeWorkflowPath(run.path);
  const [atHead, atDefault] = await Promise.all([
    readBlobSha(ctx, { path, ref: run.headSha }),
    readBlobSha(ctx, { path, ref: ctx.defaultBranch }),
  ]);
  const fileCheck = verifyWorkflowFile({ run, defaultBranch: ctx.defaultBranch, atHead, atDefault });
  if (!fileCheck.ok) return reject(fileCheck.code, fileCheck.reason);
  // 3. The artifact: size-limited download, safe unzip, schema validation.
  const artifact = await findReportArtifact(ctx, run.id);
  if (artifact === null) {
    return reject(
      'no_artifact',
      `Workflow run ${run.id} finished (${run.conclusion ?? 'no conclusion'}) without a modelgate-report artifact; see its logs.`,
    );
  }
  let report: Report;
  try {
    report = parseReport(await downloadReportText(ctx, artifact));
  } catch (error) {
    if (error instanceof ModelGateError && REJECTING_CODES.has(error.code))
      return reject(error.code, error.userMessage);
    throw error;
  }
  // 4. The report describes this commit, repository and pull request.
  const identity = verifyReportIdentity({ report, run, pull, fullName: ctx.fullName });
  if (!identity.ok) return reject(identity.code, identity.reason);
  // 5. Trusted verdicts, then the checks, the sign-off and the comment.
  const trusted = trustReport(report, config);
  ctx.log.info(
    { run: run.id, pr: pull.number, verdict: trusted.report.verdict, reported: report.verdict },
    'report verified',
  );
  await publishReport(session, { run, pull, config, trusted });
}
