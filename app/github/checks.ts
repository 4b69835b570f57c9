/**
 * This App's check runs on a commit: listed once per event (only the App's own, by app id), then
 * created or updated in place, never duplicated.
 */
import { type EventContext, repoParams } from '../event-context.js';
import { call, orNull, statusOf } from './api-error.js';

export const EVALUATION_CHECK = 'ModelGate / evaluation';
export const SIGNOFF_CHECK = 'ModelGate / sign-off';

export type Conclusion = 'success' | 'failure' | 'neutral' | 'action_required';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

/** What a check run should show. `conclusion: null` = still in progress. */
export interface CheckContent {
  conclusion: Conclusion | null;
  title: string;
  summary: string;
  text?: string;
  annotations?: CheckAnnotation[];
  detailsUrl?: string;
}

/** An existing check run of this App. */
export interface ExistingCheck {
  id: number;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
}

export interface OurChecks {
  evaluation: ExistingCheck | null;
  signoff: ExistingCheck | null;
}

/** The App's latest `ModelGate / …` check runs on `sha`. */
export async function listOurChecks(ctx: EventContext, sha: string): Promise<OurChecks> {
  const runs = await call(`listing the check runs of ${sha.slice(0, 7)}`, () => listRuns(ctx, sha));
  return pickOurs(runs.filter((run) => run.app?.id === ctx.appId && run.head_sha === sha));
}

/** The App's checks on a pull request's head, and the open pull requests GitHub lists with them. */
export interface PullHeadChecks {
  sha: string;
  checks: OurChecks;
  /**
   * Numbers of the open pull requests of this repository whose head is this commit or branch
   * (GitHub's `pull_requests` of a check run; empty for pull requests from forks).
   */
  openPulls: number[];
}

/**
 * The App's check runs on a pull request's current head, listed through GitHub's own
 * `refs/pull/N/head`: one request names the head commit and gives the checks. Null when the App
 * has no check run there (the head is then not known from this request) or the ref does not exist.
 */
export async function listOurChecksAtPullHead(
  ctx: EventContext,
  number: number,
): Promise<PullHeadChecks | null> {
  const runs = await orNull(`listing the check runs of pull request ${number}`, async () => {
    try {
      return await listRuns(ctx, `refs/pull/${number}/head`);
    } catch (error) {
      // GitHub answers 422 ("No commit found") for a ref that does not exist.
      if (statusOf(error) === 422) return null;
      throw error;
    }
  });
  const ours = (runs ?? []).filter((run) => run.app?.id === ctx.appId);
  const heads = new Set(ours.map((run) => run.head_sha));
  const [sha] = heads;
  if (sha === undefined || heads.size !== 1) return null;
  const openPulls = new Set(ours.flatMap((run) => (run.pull_requests ?? []).map((pull) => pull.number)));
  return { sha, checks: pickOurs(ours), openPulls: [...openPulls] };
}

function listRuns(ctx: EventContext, ref: string) {
  return ctx.octokit.paginate(ctx.octokit.rest.checks.listForRef, {
    ...repoParams(ctx),
    ref,
    app_id: ctx.appId,
    filter: 'latest',
    per_page: 100,
  });
}

type ListedRun = Awaited<ReturnType<typeof listRuns>>[number];

function pickOurs(ours: readonly ListedRun[]): OurChecks {
  const pick = (name: string): ExistingCheck | null => {
    const run = ours.filter((r) => r.name === name).sort((a, b) => b.id - a.id)[0];
    if (run === undefined) return null;
    const { output } = run;
    return {
      id: run.id,
      status: run.status,
      conclusion: run.conclusion,
      title: output.title,
      summary: output.summary,
      text: output.text,
    };
  };
  return { evaluation: pick(EVALUATION_CHECK), signoff: pick(SIGNOFF_CHECK) };
}

/**
 * Creates the check run, or updates the existing one; does nothing when it already shows exactly
 * this (so redelivered webhooks write nothing twice).
 * @returns the check run id.
 */
export async function upsertCheck(
  ctx: EventContext,
  target: { name: string; sha: string; existing: ExistingCheck | null },
  content: CheckContent,
): Promise<number> {
  const { existing } = target;
  if (existing !== null && isSame(existing, content)) return existing.id;
  const output = {
    title: content.title,
    summary: content.summary,
    ...(content.text === undefined ? {} : { text: content.text }),
    ...(content.annotations?.length ? { annotations: content.annotations.slice(0, 50) } : {}),
  };
  const state =
    content.conclusion === null
      ? { status: 'in_progress' as const }
      : {
          status: 'completed' as const,
          conclusion: content.conclusion,
          completed_at: new Date().toISOString(),
        };
  const body = { ...state, output, ...(content.detailsUrl ? { details_url: content.detailsUrl } : {}) };
  if (existing !== null) {
    await call(`updating the ${target.name} check`, () =>
      ctx.octokit.rest.checks.update({ ...repoParams(ctx), check_run_id: existing.id, ...body }),
    );
    return existing.id;
  }
  const created = await call(`creating the ${target.name} check`, () =>
    ctx.octokit.rest.checks.create({ ...repoParams(ctx), name: target.name, head_sha: target.sha, ...body }),
  );
  return created.data.id;
}

function isSame(existing: ExistingCheck, content: CheckContent): boolean {
  const status = content.conclusion === null ? 'in_progress' : 'completed';
  return (
    existing.status === status &&
    (existing.conclusion ?? null) === content.conclusion &&
    existing.title === content.title &&
    existing.summary === content.summary &&
    (existing.text ?? undefined) === (content.text ?? undefined)
  );
}
