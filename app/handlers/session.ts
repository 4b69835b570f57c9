/**
 * One event's view of GitHub: every read happens at most once per event (config, timeline,
 * check runs, a pull request's head, files, directory), and the App's own writes update that
 * view, so later steps of the same event see them without reading again.
 */
import type { Config } from '../../shared/config/types.js';
import type { EventContext } from '../event-context.js';
import {
  type CheckContent,
  EVALUATION_CHECK,
  type ExistingCheck,
  listOurChecks,
  listOurChecksAtPullHead,
  type OurChecks,
  type PullHeadChecks,
  SIGNOFF_CHECK,
  upsertCheck,
} from '../github/checks.js';
import { findSticky, upsertComment } from '../github/comments.js';
import { createDirectoryLoader, type DirectoryLoader } from '../github/directory.js';
import { loadTrustedConfig } from '../github/load-config.js';
import { listPullFiles } from '../github/pulls.js';
import { listTimeline, type Timeline } from '../github/timeline.js';

export interface Session {
  ctx: EventContext;
  config(): Promise<Config | null>;
  files(number: number): Promise<string[]>;
  timeline(number: number): Promise<Timeline>;
  checks(sha: string): Promise<OurChecks>;
  /**
   * The pull request's current head as GitHub's `refs/pull/N/head` names it, when the App has
   * check runs there (which `checks(sha)` then returns without asking again); else null.
   */
  pullHead(number: number): Promise<PullHeadChecks | null>;
  directory: DirectoryLoader;
  /** Check runs written during this event, as `sha:name`. */
  written: Set<string>;
  /** Where a failure is shown, once a handler knows the head (events that do not carry it). */
  failureTarget: { sha: string; checks: readonly ('evaluation' | 'signoff')[] } | null;
  /** Creates or updates one of the App's check runs on `sha`. */
  writeCheck(sha: string, name: keyof OurChecks, content: CheckContent): Promise<void>;
  /** Creates or updates the App's comment carrying `marker`. */
  writeComment(number: number, marker: string, body: string): Promise<void>;
}

const NAMES: Record<keyof OurChecks, string> = {
  evaluation: EVALUATION_CHECK,
  signoff: SIGNOFF_CHECK,
};

export function createSession(ctx: EventContext): Session {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let value = memo.get(key) as Promise<T> | undefined;
    if (value === undefined) {
      value = load();
      memo.set(key, value);
    }
    return value;
  };
  const session: Session = {
    ctx,
    config: () => once('config', () => loadTrustedConfig(ctx)),
    files: (number) => once(`files:${number}`, () => listPullFiles(ctx, number)),
    timeline: (number) => once(`timeline:${number}`, () => listTimeline(ctx, number)),
    checks: (sha) => once(`checks:${sha}`, () => listOurChecks(ctx, sha)),
    pullHead: (number) =>
      once(`pull-head:${number}`, async () => {
        const found = await listOurChecksAtPullHead(ctx, number);
        if (found === null) return null;
        if (!memo.has(`checks:${found.sha}`)) memo.set(`checks:${found.sha}`, Promise.resolve(found.checks));
        return found;
      }),
    directory: createDirectoryLoader(ctx),
    written: new Set(),
    failureTarget: null,
    async writeCheck(sha, name, content) {
      const checks = await session.checks(sha);
      const id = await upsertCheck(ctx, { name: NAMES[name], sha, existing: checks[name] }, content);
      const written: ExistingCheck = {
        id,
        status: content.conclusion === null ? 'in_progress' : 'completed',
        conclusion: content.conclusion,
        title: content.title,
        summary: content.summary,
        text: content.text ?? null,
      };
      memo.set(`checks:${sha}`, Promise.resolve({ ...checks, [name]: written }));
      session.written.add(`${sha}:${name}`);
    },
    async writeComment(number, marker, body) {
      const timeline = await session.timeline(number);
      const existing = findSticky(timeline, ctx.appId, marker);
      const id = await upsertComment(ctx, { number, existing }, body);
      if (existing === null) {
        const now = new Date().toISOString();
        const mine = { id, login: '', isBot: true, body, createdAt: now, updatedAt: now, appId: ctx.appId };
        memo.set(
          `timeline:${number}`,
          Promise.resolve({ ...timeline, comments: [...timeline.comments, mine] }),
        );
      }
    },
  };
  return session;
}
