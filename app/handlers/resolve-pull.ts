/**
 * The current head of a pull request, for events that do not carry it (comment commands,
 * workflow runs). GitHub's `refs/pull/N/head` names the head; listing the App's check runs on
 * that ref gives the head and the checks in one request, and the facts the App recorded there
 * confirm that this commit is this pull request's head. When they do not (the App never saw
 * that head, or recorded another pull request or no author) or the state is not known, the pull
 * request itself is read.
 */
import { decodeFacts } from '../core/facts-marker.js';
import { fetchPull, type PullHead } from '../github/pulls.js';
import type { Session } from './session.js';

/** What the event itself says about the pull request; null = not in the payload. */
export interface PullHints {
  number: number;
  state: 'open' | null;
  author: string | null;
  htmlUrl: string;
}

/** The pull request with its current head, or null when it does not exist. */
export async function resolvePullHead(session: Session, hints: PullHints): Promise<PullHead | null> {
  const { number } = hints;
  const found = await session.pullHead(number);
  if (found !== null) {
    const facts = decodeFacts(found.checks.evaluation?.summary);
    const author = hints.author ?? facts?.author ?? null;
    // Unknown state: open if GitHub lists it with the checks (it lists open pull requests only).
    const open = hints.state === 'open' || found.openPulls.includes(number);
    if (open && facts?.pr === number && facts.head === found.sha && author !== null) {
      return { number, state: 'open', headSha: found.sha, author, htmlUrl: hints.htmlUrl };
    }
  }
  return fetchPull(session.ctx, number);
}
