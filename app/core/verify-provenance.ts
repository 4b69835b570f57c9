/**
 * Provenance of a report (PRODUCT.md §4): the run must be for the pull request's current head,
 * from a workflow file the default branch allows and that the pull request did not change, and the
 * report must describe that very commit. Pure; the App fetches the inputs.
 */
import type { Report } from '../../shared/report/schema.js';
import type { PullHead } from '../github/pulls.js';
import type { RunInfo } from '../github/runs.js';

export type Verification = { ok: true } | { ok: false; code: string; reason: string };

export interface RunProvenance {
  run: RunInfo;
  pull: PullHead;
  /** `policy.workflows` of the default branch. */
  allowedWorkflows: readonly string[];
  defaultBranch: string;
}

export interface WorkflowIdentity {
  run: RunInfo;
  defaultBranch: string;
  /** Blob SHA of the run's workflow file at the run's head commit and on the default branch. */
  atHead: string | null;
  atDefault: string | null;
}

const OK: Verification = { ok: true };

/** Normalises a workflow path: no leading `./`, no `@ref` suffix. */
export function normalizeWorkflowPath(path: string): string {
  return path.replace(/^\.\//, '').replace(/@.*$/, '');
}

/** Whether runs of this workflow file may carry reports (before anything is downloaded). */
export function isAllowedWorkflow(path: string, allowed: readonly string[]): boolean {
  const normalized = normalizeWorkflowPath(path);
  return allowed.some((a) => normalizeWorkflowPath(a) === normalized);
}

/** Checks the run's workflow and commit against the policy and the pull request. */
export function verifyRun(input: RunProvenance): Verification {
  const { run, pull } = input;
  const path = normalizeWorkflowPath(run.path);
  if (!isAllowedWorkflow(run.path, input.allowedWorkflows)) {
    return reject(
      'workflow_not_allowed',
      `The report comes from the workflow ${path}, which is not listed in policy.workflows on ${input.defaultBranch} (${input.allowedWorkflows.join(', ') || 'none'}). Only reports from those workflows are trusted.`,
    );
  }
  if (pull.state !== 'open') return reject('pull_closed', `Pull request #${pull.number} is ${pull.state}.`);
  if (run.headSha !== pull.headSha) {
    return reject(
      'stale_head',
      `The workflow run evaluated ${short(run.headSha)}, but the pull request's head is now ${short(pull.headSha)}. The report of the current head decides.`,
    );
  }
  return OK;
}

/**
 * Checks that the workflow file at the run's head is identical to the default branch's (equal
 * blob SHAs), since for `pull_request` runs GitHub executes the pull request's own copy.
 */
export function verifyWorkflowFile(input: WorkflowIdentity): Verification {
  const { run } = input;
  const path = normalizeWorkflowPath(run.path);
  if (input.atDefault === null) {
    return reject(
      'workflow_missing',
      `The workflow ${path} does not exist on ${input.defaultBranch}, so its runs cannot be trusted.`,
    );
  }
  if (input.atHead !== input.atDefault) {
    return reject(
      'workflow_modified',
      `The workflow ${path} at ${short(run.headSha)} differs from ${input.defaultBranch}. For pull requests GitHub runs the pull request's own copy of the workflow, so a pull request that changes it cannot vouch for its own report. Merge the workflow change separately first.`,
    );
  }
  return OK;
}

/** Checks that the report describes the run's commit, repository and pull request. */
export function verifyReportIdentity(input: {
  report: Report;
  run: RunInfo;
  pull: PullHead;
  fullName: string;
}): Verification {
  const { report, run, pull } = input;
  const sha = report.head?.sha ?? null;
  if (sha !== run.headSha) {
    return reject(
      'report_head_mismatch',
      `The report claims head commit ${sha === null ? 'none' : short(sha)}, but the workflow run evaluated ${short(run.headSha)}.`,
    );
  }
  if (report.mode !== 'pr')
    return reject('report_mode', `The report was written in ${report.mode} mode, not for a pull request.`);
  if (report.repository !== null && report.repository.toLowerCase() !== input.fullName.toLowerCase()) {
    return reject(
      'report_repository',
      `The report is for the repository ${report.repository}, not ${input.fullName}.`,
    );
  }
  if (report.pullRequest !== null && report.pullRequest !== pull.number) {
    return reject(
      'report_pull',
      `The report is for pull request #${report.pullRequest}, not #${pull.number}.`,
    );
  }
  const reportRun = report.workflowRun?.id;
  if (reportRun !== undefined && reportRun !== null && reportRun !== run.id) {
    return reject(
      'report_run',
      `The report was written by workflow run ${reportRun}, but it was found in run ${run.id}.`,
    );
  }
  return OK;
}

function reject(code: string, reason: string): Verification {
  return { ok: false, code, reason };
}

function short(sha: string): string {
  return sha.slice(0, 7);
}
