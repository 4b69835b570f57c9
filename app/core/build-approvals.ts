/**
 * Reviews and comment commands → approval events, each bound to the evaluated content of the
 * commit it was given on (a review names its commit; a comment is bound to the head of the time).
 */
import { buildCommentApproval } from '../../shared/policy/comment-approval.js';
import type { ApprovalEvent } from '../../shared/policy/types.js';
import type { Timeline } from '../github/timeline.js';
import type { CommitRecord, HeadFacts } from './facts-marker.js';

export interface ApprovalInput {
  timeline: Timeline;
  facts: HeadFacts | null;
  /** Comments by this App are never commands. */
  appId: number;
}

/**
 * Approved reviews approve, reviews requesting changes revoke, dismissed and plain-comment
 * reviews do nothing. `/modelgate approve [rule]` and `/modelgate revoke` comments count only if
 * never edited: an edited comment cannot forge (or backdate) an approval.
 */
export function buildApprovalEvents(input: ApprovalInput): ApprovalEvent[] {
  const commits = input.facts?.commits ?? [];
  const events: ApprovalEvent[] = [];
  for (const review of input.timeline.reviews) {
    if (review.state !== 'approved' && review.state !== 'changes_requested') continue;
    const bound = commits.find((c) => c.sha === review.commitId) ?? null;
    events.push({
      login: review.login,
      at: review.submittedAt,
      kind: review.state === 'approved' ? 'approve' : 'revoke',
      via: 'review',
      isBot: review.isBot,
      digests: bound?.digests ?? null,
    });
  }
  for (const comment of input.timeline.comments) {
    if (comment.appId === input.appId || comment.updatedAt !== comment.createdAt) continue;
    const event = buildCommentApproval(comment, findHeadAt(commits, comment.createdAt)?.digests ?? null);
    if (event) events.push(event);
  }
  return events;
}

/** The commit that was the head at `at`: the last one first seen at or before it. */
export function findHeadAt(commits: readonly CommitRecord[], at: string): CommitRecord | null {
  const time = Date.parse(at);
  let head: CommitRecord | null = null;
  for (const commit of commits) {
    if (Date.parse(commit.at) <= time) head = commit;
  }
  return head;
}
