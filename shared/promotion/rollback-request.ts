/**
 * Rollbacks requested in a conversation: `/modelgate rollback <model> <version> <reason>` on an
 * issue or pull request, approved there by `/modelgate approve` comments written after it. The
 * App keeps no state: the request, the approvals and the App's own status comment are all in
 * the thread.
 */

import { buildCommentApproval } from '../policy/comment-approval.js';
import { parseCommand } from '../policy/parse-command.js';
import type { ApprovalEvent } from '../policy/types.js';

/** A comment of the thread (the fields used here). */
export interface ThreadComment {
  id: number;
  login: string;
  isBot: boolean;
  body: string;
  createdAt: string;
  updatedAt: string;
  url: string;
  /** The GitHub App that posted it, if any. */
  appId: number | null;
}

export interface RollbackRequest {
  commentId: number;
  login: string;
  at: string;
  url: string;
  model: string;
  /** Without a leading `v`. */
  version: string;
  reason: string;
}

/** The state the App's status comment records for a request. */
export type RollbackState = 'pending' | 'refused' | 'done';

/**
 * Whether a comment can carry a command: written by a person (not a bot, not an App) and never
 * edited, so an edited comment cannot forge or backdate a command.
 */
export function isCommandComment(comment: ThreadComment): boolean {
  return !comment.isBot && comment.appId === null && comment.updatedAt === comment.createdAt;
}

/** The newest rollback command of the thread, or null. */
export function findRollbackRequest(comments: readonly ThreadComment[]): RollbackRequest | null {
  let found: RollbackRequest | null = null;
  for (const comment of comments) {
    if (!isCommandComment(comment)) continue;
    const command = parseCommand(comment.body);
    if (command?.kind !== 'rollback') continue;
    if (found !== null && Date.parse(comment.createdAt) < Date.parse(found.at)) continue;
    const { model, version, reason } = command;
    found = {
      commentId: comment.id,
      login: comment.login,
      at: comment.createdAt,
      url: comment.url,
      model,
      version,
      reason,
    };
  }
  return found;
}

/**
 * `/modelgate approve [rule]` and `/modelgate revoke` written after the request, each bound to
 * the evaluation digest of the version being re-promoted (the content the approvers sign off).
 */
export function buildRollbackApprovals(
  comments: readonly ThreadComment[],
  target: { request: RollbackRequest; model: string; digest: string | null },
): ApprovalEvent[] {
  const after = Date.parse(target.request.at);
  const digests = target.digest === null ? null : { [target.model]: target.digest };
  const events: ApprovalEvent[] = [];
  for (const comment of comments) {
    if (comment.appId !== null || comment.updatedAt !== comment.createdAt) continue;
    if (comment.id === target.request.commentId || !(Date.parse(comment.createdAt) > after)) continue;
    const event = buildCommentApproval(comment, digests);
    if (event) events.push(event);
  }
  return events;
}

/** The hidden first line of the App's status comment for a request. */
export function buildRollbackMarker(commentId: number, state: RollbackState): string {
  return `<!-- modelgate:rollback ${commentId} ${state} -->`;
}

/** The request and state a status comment records, or null when it is not one. */
export function parseRollbackMarker(body: string): { commentId: number; state: RollbackState } | null {
  const match = /^<!-- modelgate:rollback (\d+) (pending|refused|done) -->/.exec(body);
  return match ? { commentId: Number(match[1]), state: match[2] as RollbackState } : null;
}
