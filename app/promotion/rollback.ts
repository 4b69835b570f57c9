/**
 * `/modelgate rollback <model> <version> <reason>` on an issue or pull request: a new promotion
 * (new version) whose artifact is the earlier version's, allowed to people with write permission
 * or more, under the same sign-off rules as a normal promotion — approved by `/modelgate approve`
 * comments in the same conversation after the request. The App's status comment there says what
 * is still needed, why it was refused, or links the release.
 */
import type { Config } from '../../shared/config/types.js';
import { toModelGateError } from '../../shared/errors.js';
import { parseCommand } from '../../shared/policy/parse-command.js';
import {
  findRollbackRequest,
  parseRollbackMarker,
  type RollbackRequest,
  type ThreadComment,
} from '../../shared/promotion/rollback-request.js';
import {
  type RollbackStatus,
  renderRollbackComment,
} from '../../shared/render/release/render-promotion-comments.js';
import { upsertComment } from '../github/comments.js';
import type { Session } from '../handlers/session.js';
import { decideRollback } from './decide-rollback.js';

/** The comment that may carry a command. */
export interface CommandComment {
  number: number;
  body: string;
  isBot: boolean;
}

/** @returns whether a rollback was completed (the dashboard then changes). */
export async function handleRollbackCommand(
  session: Session,
  input: { comment: CommandComment; now: string },
): Promise<boolean> {
  const { ctx } = session;
  // 1. Only rollback, approve and revoke commands written by people.
  const kind = parseCommand(input.comment.body)?.kind;
  if (input.comment.isBot || (kind !== 'rollback' && kind !== 'approve' && kind !== 'revoke')) return false;
  // 2. Trusted configuration.
  const config = await session.config();
  if (config === null) return false;
  // 3. The newest rollback request of the conversation, unless already decided.
  // The conversation's comments come from the event's timeline: read once, shared with sign-off.
  const thread = (await session.timeline(input.comment.number)).comments;
  const request = findRollbackRequest(thread);
  if (request === null) return false;
  const existing = findStatusComment(thread, ctx.appId, request);
  const recorded = existing === null ? null : parseRollbackMarker(existing.body)?.state;
  if (recorded === 'done' || recorded === 'refused') return false;
  // 4. Decide, and promote when allowed and signed off.
  const status = await decideSafely(session, {
    issue: input.comment.number,
    config,
    request,
    thread,
    now: input.now,
  });
  // 5. The status comment, updated in place.
  await upsertComment(ctx, { number: input.comment.number, existing }, renderRollbackComment(status));
  return status.state === 'done';
}

async function decideSafely(
  session: Session,
  input: { issue: number; config: Config; request: RollbackRequest; thread: ThreadComment[]; now: string },
): Promise<RollbackStatus> {
  try {
    return await decideRollback(session, input);
  } catch (error) {
    const failure = toModelGateError(error);
    session.ctx.log.error({ err: error, request: input.request.commentId }, 'rollback failed');
    const lines = [
      failure.userMessage,
      'Nothing is duplicated when you retry: write any `/modelgate approve` comment here.',
    ];
    return { request: input.request, state: 'pending', release: null, lines };
  }
}

/** The App's status comment for the request. */
function findStatusComment(
  thread: readonly ThreadComment[],
  appId: number,
  request: RollbackRequest,
): ThreadComment | null {
  return (
    thread.find((c) => c.appId === appId && parseRollbackMarker(c.body)?.commentId === request.commentId) ??
    null
  );
}
