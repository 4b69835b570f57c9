/**
 * The error boundary of every handler: a failure is logged with the event's context and shown on
 * the pull request as a failing check with a clear message (and GitHub's request id), never a
 * crash. Checks already decided during the event are left as they are.
 */
import { ConfigError, type ModelGateError, toModelGateError } from '../../shared/errors.js';
import { buildConfigErrorOutput, buildErrorOutput } from '../core/evaluation-output.js';
import { decodeFacts } from '../core/facts-marker.js';
import type { EventContext } from '../event-context.js';
import type { CheckContent } from '../github/checks.js';
import { CONFIG_PATH } from '../github/load-config.js';
import { createSession, type Session } from './session.js';

/** Where a failure of this event is shown: the head commit and the checks the event decides. */
export interface FailureTarget {
  sha: string;
  checks: readonly ('evaluation' | 'signoff')[];
}

export async function runHandler(
  ctx: EventContext,
  target: FailureTarget | null,
  handler: (session: Session) => Promise<void>,
): Promise<void> {
  const session = createSession(ctx);
  try {
    await handler(session);
  } catch (error) {
    const failure = toModelGateError(error);
    const level = failure instanceof ConfigError ? 'warn' : 'error';
    ctx.log[level](
      { err: error, code: failure.code },
      `ModelGate could not handle the event: ${failure.message}`,
    );
    const where = target ?? session.failureTarget;
    if (where !== null) await reportFailure(session, where, failure);
  }
}

async function reportFailure(
  session: Session,
  target: FailureTarget,
  failure: ModelGateError,
): Promise<void> {
  const pending = target.checks.filter((name) => !session.written.has(`${target.sha}:${name}`));
  for (const name of pending) {
    try {
      await session.writeCheck(
        target.sha,
        name,
        await buildFailureOutput(session, target.sha, name, failure),
      );
    } catch (error) {
      session.ctx.log.error({ err: error, check: name }, 'could not show the failure on a check run');
    }
  }
}

async function buildFailureOutput(
  session: Session,
  sha: string,
  name: 'evaluation' | 'signoff',
  failure: ModelGateError,
): Promise<CheckContent> {
  if (failure instanceof ConfigError) return buildConfigErrorOutput(failure, CONFIG_PATH);
  // Keep the facts of the head in the evaluation check (the listing may itself be what failed).
  const facts = name === 'evaluation' ? decodeFacts((await session.checks(sha)).evaluation?.summary) : null;
  return buildErrorOutput(failure, facts?.head === sha ? facts : null);
}
