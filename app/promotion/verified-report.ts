/**
 * The latest verified report of a pull request, read back from what the App itself wrote: its
 * evaluation check on the head commit carries the verified facts (models, evaluation digests and
 * the workflow run), and that run's `modelgate-report` artifact holds the report. The report is
 * accepted only if it still matches those facts; its verdicts are recomputed with the default
 * branch's thresholds.
 */
import type { Config } from '../../shared/config/types.js';
import { ModelGateError } from '../../shared/errors.js';
import type { ModelFacts } from '../../shared/policy/types.js';
import type { Report } from '../../shared/report/schema.js';
import { decodeFacts, type HeadFacts } from '../core/facts-marker.js';
import { parseReport } from '../core/parse-report.js';
import { trustReport } from '../core/trust-report.js';
import { isAllowedWorkflow, verifyReportIdentity } from '../core/verify-provenance.js';
import { repoParams } from '../event-context.js';
import { call } from '../github/api-error.js';
import { downloadReportText, findReportArtifact } from '../github/artifacts.js';
import type { ExistingCheck } from '../github/checks.js';
import type { PullInfo } from '../github/pulls.js';
import { type RunInfo, toRunInfo } from '../github/runs.js';
import type { Session } from '../handlers/session.js';
import { sha256Text } from './artifact-digest.js';

/** What the App verified for the head, with the report it came from. */
export interface VerifiedEvidence {
  kind: 'verified';
  facts: HeadFacts;
  /** Model facts as verified before the merge (verdicts under the thresholds of that time). */
  verifiedModels: ModelFacts[];
  /** The report with checks and verdicts recomputed under the current default branch. */
  report: Report;
  trustedModels: ModelFacts[];
  /** The report's text as the workflow uploaded it, and its SHA-256. */
  text: string;
  sha256: string;
  run: RunInfo;
  signoffCheck: ExistingCheck | null;
}

export type Evidence =
  | VerifiedEvidence
  /** The App never evaluated this head, or found no model changed. */
  | { kind: 'none' }
  /** No report can be stood behind; `models` are those known to be affected ([] = see the changed files). */
  | { kind: 'unverified'; reason: string; models: string[] };

export async function readVerifiedReport(
  session: Session,
  input: { pull: PullInfo; config: Config },
): Promise<Evidence> {
  const { pull, config } = input;
  // 1. The facts in the App's own evaluation check on the head.
  const checks = await session.checks(pull.headSha);
  const facts = decodeFacts(checks.evaluation?.summary);
  // The App found no model changed: nothing to promote. (No check at all: unverified, and the
  // caller looks at the changed files, so a merge the App never saw is not promoted silently.)
  if (facts !== null && facts.head === pull.headSha && facts.models?.length === 0) return { kind: 'none' };
  if (
    facts === null ||
    facts.head !== pull.headSha ||
    facts.pr !== pull.number ||
    facts.models === null ||
    facts.run === null
  ) {
    return {
      kind: 'unverified',
      reason: 'The merged head has no verified evaluation report.',
      models: facts?.models?.map((m) => m.name) ?? [],
    };
  }
  const names = facts.models.map((m) => m.name);
  // 2. The run: this head, a workflow the policy trusts.
  const run = await fetchRun(session, facts.run);
  if (run.headSha !== pull.headSha || !isAllowedWorkflow(run.path, config.policy.workflows)) {
    return {
      kind: 'unverified',
      reason: `Workflow run ${run.id} is not a trusted run for the merged head.`,
      models: names,
    };
  }
  // 3. Its report, unchanged since it was verified.
  const artifact = await findReportArtifact(session.ctx, run.id);
  if (artifact === null)
    return {
      kind: 'unverified',
      reason: `The report artifact of workflow run ${run.id} is gone (expired or deleted).`,
      models: names,
    };
  let text: string;
  let report: Report;
  try {
    text = await downloadReportText(session.ctx, artifact);
    report = parseReport(text);
  } catch (error) {
    if (
      error instanceof ModelGateError &&
      (error.code === 'artifact_invalid' || error.code === 'report_invalid')
    ) {
      return { kind: 'unverified', reason: error.userMessage, models: names };
    }
    throw error;
  }
  const identity = verifyReportIdentity({ report, run, pull, fullName: session.ctx.fullName });
  if (!identity.ok) return { kind: 'unverified', reason: identity.reason, models: names };
  const changed = facts.models.filter(
    (m) => report.models.find((r) => r.name === m.name)?.evaluationDigest !== m.evaluationDigest,
  );
  if (changed.length > 0) {
    return {
      kind: 'unverified',
      reason: `The report no longer matches what was verified for ${changed.map((m) => m.name).join(', ')}.`,
      models: names,
    };
  }
  // 4. Verdicts under the thresholds of the default branch as it is now.
  const trusted = trustReport(report, config);
  return {
    kind: 'verified',
    facts,
    verifiedModels: facts.models,
    report: trusted.report,
    trustedModels: trusted.models,
    text,
    sha256: sha256Text(text),
    run,
    signoffCheck: checks.signoff,
  };
}

async function fetchRun(session: Session, runId: number): Promise<RunInfo> {
  const { data } = await call(`reading workflow run ${runId}`, () =>
    session.ctx.octokit.rest.actions.getWorkflowRun({ ...repoParams(session.ctx), run_id: runId }),
  );
  return toRunInfo(data as Parameters<typeof toRunInfo>[0]);
}
