/**
 * A pull request's timeline, read once per event: reviews and comments in one paginated list
 * (the sticky comment, approvals and comment commands all come from it).
 */
import type { ThreadComment } from '../../shared/promotion/rollback-request.js';
import { type EventContext, repoParams } from '../event-context.js';
import { call } from './api-error.js';

/** A comment on the conversation (the same shape the promotion's rollback logic reads). */
export type TimelineComment = ThreadComment;

/** A submitted review; `state` lower case: approved, changes_requested, commented, dismissed. */
export interface TimelineReview {
  login: string;
  isBot: boolean;
  state: string;
  submittedAt: string;
  commitId: string | null;
}

export interface Timeline {
  comments: TimelineComment[];
  reviews: TimelineReview[];
}

interface RawItem {
  event?: string;
  id?: number;
  body?: string | null;
  user?: { login: string; type?: string } | null;
  actor?: { login: string; type?: string } | null;
  created_at?: string;
  updated_at?: string;
  submitted_at?: string;
  state?: string;
  commit_id?: string;
  performed_via_github_app?: { id: number } | null;
  html_url?: string;
}

/** Every comment and review of the pull request, oldest first. */
export async function listTimeline(
  ctx: Pick<EventContext, 'octokit' | 'owner' | 'repo'>,
  number: number,
): Promise<Timeline> {
  const items = await call(`reading the timeline of pull request ${number}`, () =>
    ctx.octokit.paginate(ctx.octokit.rest.issues.listEventsForTimeline, {
      ...repoParams(ctx),
      issue_number: number,
      per_page: 100,
    }),
  );
  return buildTimeline(items as RawItem[]);
}

/** Timeline items → comments and reviews (other events are ignored). */
export function buildTimeline(items: readonly RawItem[]): Timeline {
  const timeline: Timeline = { comments: [], reviews: [] };
  for (const item of items) {
    const user = item.user ?? item.actor ?? null;
    if (user === null) continue;
    const isBot = user.type === 'Bot' || user.login.endsWith('[bot]');
    if (item.event === 'commented' && typeof item.id === 'number' && item.created_at) {
      timeline.comments.push({
        id: item.id,
        login: user.login,
        isBot: isBot || (item.performed_via_github_app ?? null) !== null,
        body: item.body ?? '',
        createdAt: item.created_at,
        updatedAt: item.updated_at ?? item.created_at,
        url: item.html_url ?? '',
        appId: item.performed_via_github_app?.id ?? null,
      });
    } else if (item.event === 'reviewed' && item.submitted_at && item.state) {
      timeline.reviews.push({
        login: user.login,
        isBot,
        state: item.state.toLowerCase(),
        submittedAt: item.submitted_at,
        commitId: item.commit_id ?? null,
      });
    }
  }
  return timeline;
}
