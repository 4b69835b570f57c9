/**
 * Reviews and comment commands: recompute the sign-off. An edited or deleted comment never adds
 * an approval (only never-edited comments count) but may remove one, so it triggers a recompute.
 */
import { type Command, parseCommand } from '../../shared/policy/parse-command.js';
import type { PullInfo } from '../github/pulls.js';
import { recheck } from './recheck.js';
import { refreshSignoff } from './refresh-signoff.js';
import { resolvePullHead } from './resolve-pull.js';
import type { Session } from './session.js';

/** Associations allowed to ask for a recheck (costs API calls; harmless otherwise). */
const RECHECKERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

/** `pull_request_review` submitted, edited, dismissed. */
export async function handleReview(session: Session, pull: PullInfo): Promise<void> {
  const config = await session.config();
  if (config === null) return;
  if (pull.state !== 'open') return;
  await refreshSignoff(session, { pull, config });
}

export interface CommentEvent {
  action: 'created' | 'edited' | 'deleted';
  number: number;
  isPullRequest: boolean;
  /** The pull request's state and address, as the event carries them. */
  state: string;
  htmlUrl: string;
  body: string;
  previousBody: string | null;
  login: string;
  association: string;
  isBot: boolean;
  prAuthor: string;
}

/** `issue_comment` created, edited or deleted on a pull request. */
/** Returns `'gone'` when the pull request no longer exists (nothing else should read its thread). */
export async function handleComment(session: Session, event: CommentEvent): Promise<'gone' | undefined> {
  const { log } = session.ctx;
  // 1. Only pull request conversations; bots issue no commands.
  if (!event.isPullRequest || event.isBot) return;
  const command = parseCommand(event.body);
  // 2. Edited or deleted: an approval may have gone; recompute (the edit itself never counts).
  if (event.action !== 'created') {
    const before = event.previousBody === null ? null : parseCommand(event.previousBody);
    if (isApproval(command) || isApproval(before)) return refreshFor(session, event);
    return;
  }
  // 3. New commands.
  switch (command?.kind) {
    case 'approve':
    case 'revoke':
      return refreshFor(session, event);
    case 'recheck':
      if (!RECHECKERS.has(event.association) && event.login.toLowerCase() !== event.prAuthor.toLowerCase()) {
        log.info({ login: event.login }, 'recheck ignored: not a collaborator or the author');
        return;
      }
      await recheck(session, event.number);
      return;
    case 'rollback':
      log.info({ pr: event.number }, 'rollback commands are handled by promotions');
      return;
    case 'invalid':
      log.info({ pr: event.number, message: command.message }, 'invalid ModelGate command');
      return;
    default:
      return;
  }
}

function isApproval(command: Command | null): boolean {
  return command?.kind === 'approve' || command?.kind === 'revoke';
}

async function refreshFor(session: Session, event: CommentEvent): Promise<'gone' | undefined> {
  if (event.state !== 'open') return;
  const hints = {
    number: event.number,
    state: 'open',
    author: event.prAuthor || null,
    htmlUrl: event.htmlUrl,
  } as const;
  const pull = await resolvePullHead(session, hints);
  if (pull === null) return 'gone';
  if (pull.state !== 'open') return;
  session.failureTarget = { sha: pull.headSha, checks: ['signoff'] };
  const config = await session.config();
  if (config === null) return;
  await refreshSignoff(session, { pull, config });
  return;
}
