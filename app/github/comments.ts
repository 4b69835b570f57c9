/** Sticky comments: found by a hidden marker and by this App's authorship, updated in place. */
import { type EventContext, repoParams } from '../event-context.js';
import { call } from './api-error.js';
import type { Timeline, TimelineComment } from './timeline.js';

/** The oldest comment by this App that carries `marker` (older ones may be pages back). */
export function findSticky(timeline: Timeline, appId: number, marker: string): TimelineComment | null {
  return timeline.comments.find((c) => c.appId === appId && c.body.includes(marker)) ?? null;
}

/**
 * Creates the comment, or updates the existing one; nothing when its body is already `body`.
 * @returns the comment id.
 */
export async function upsertComment(
  ctx: EventContext,
  target: { number: number; existing: TimelineComment | null },
  body: string,
): Promise<number> {
  const { existing } = target;
  if (existing !== null) {
    if (existing.body === body) return existing.id;
    await call('updating the ModelGate comment', () =>
      ctx.octokit.rest.issues.updateComment({ ...repoParams(ctx), comment_id: existing.id, body }),
    );
    return existing.id;
  }
  const created = await call('posting the ModelGate comment', () =>
    ctx.octokit.rest.issues.createComment({ ...repoParams(ctx), issue_number: target.number, body }),
  );
  return created.data.id;
}
