/** The approval event a comment command stands for: one reading for sign-offs and rollbacks. */
import { parseCommand } from './parse-command.js';
import type { ApprovalEvent } from './types.js';

/**
 * `/modelgate approve [rule]` or `/modelgate revoke` in a comment, as an approval event bound to
 * `digests`; null for any other comment. Callers decide which comments are eligible (never
 * edited, not the App's own, after a request).
 */
export function buildCommentApproval(
  comment: { login: string; body: string; createdAt: string; isBot: boolean },
  digests: ApprovalEvent['digests'],
): ApprovalEvent | null {
  const command = parseCommand(comment.body);
  if (command?.kind !== 'approve' && command?.kind !== 'revoke') return null;
  return {
    login: comment.login,
    at: comment.createdAt,
    kind: command.kind,
    via: 'comment',
    isBot: comment.isBot,
    ...(command.kind === 'approve' && command.rule !== undefined ? { rule: command.rule } : {}),
    digests,
  };
}
