/**
 * Recomputes the `ModelGate / sign-off` check of a pull request's head from what GitHub holds:
 * the trusted policy, the facts the App verified (in its evaluation check), reviews and comment
 * commands, and team memberships and permissions looked up for this event.
 */
import type { Config } from '../../shared/config/types.js';
import {
  evaluateSignoff,
  listDirectoryNeeds,
  type SignoffInput,
} from '../../shared/policy/evaluate-signoff.js';
import type { ModelFacts } from '../../shared/policy/types.js';
import { buildApprovalEvents } from '../core/build-approvals.js';
import { decodeFacts } from '../core/facts-marker.js';
import {
  buildSignoffNotNeededOutput,
  buildSignoffOutput,
  buildSignoffWaitingOutput,
  NO_MODEL_SIGNOFF,
} from '../core/signoff-output.js';
import type { PullHead } from '../github/pulls.js';
import type { Session } from './session.js';

/** At most teams, then permissions: the loop ends long before this. */
const MAX_LOOKUP_ROUNDS = 3;

export async function refreshSignoff(
  session: Session,
  input: { pull: PullHead; config: Config },
): Promise<void> {
  const { pull, config } = input;
  // 1. What the App verified about the head commit.
  const checks = await session.checks(pull.headSha);
  const facts = decodeFacts(checks.evaluation?.summary);
  if (facts === null || facts.head !== pull.headSha || facts.models === null) {
    await session.writeCheck(pull.headSha, 'signoff', buildSignoffWaitingOutput(pull.htmlUrl));
    return;
  }
  if (facts.models.length === 0) {
    await session.writeCheck(pull.headSha, 'signoff', buildSignoffNotNeededOutput(NO_MODEL_SIGNOFF));
    return;
  }
  // 2. Risk tiers as the default branch configures them now.
  const models: ModelFacts[] = facts.models.map((m) => ({
    ...m,
    risk: config.models.find((c) => c.name === m.name)?.risk ?? m.risk,
  }));
  // 3. Approvals from reviews and comment commands, bound to evaluated content.
  const timeline = await session.timeline(pull.number);
  const approvals = buildApprovalEvents({ timeline, facts, appId: session.ctx.appId });
  // 4. Changed paths, only if a rule asks for them.
  const needsFiles = config.policy.rules.some((rule) => rule.if.changed !== undefined);
  const changedFiles = needsFiles ? await session.files(pull.number) : null;
  // 5. Team members and permissions, only for approvers that can make a difference.
  const signoff: SignoffInput = {
    policy: config.policy,
    facts: {
      author: pull.author,
      owner: session.ctx.owner,
      models,
      changedFiles,
      approvals,
      directory: session.directory.directory,
    },
  };
  for (let round = 0; round < MAX_LOOKUP_ROUNDS; round++) {
    const needs = listDirectoryNeeds(signoff);
    if (needs.teams.length === 0 && needs.permissions.length === 0) break;
    await session.directory.fill(needs);
  }
  // 6. The decision, as a check run.
  const state = evaluateSignoff(signoff);
  session.ctx.log.info(
    { pr: pull.number, signoff: state.status, approvals: approvals.length },
    'sign-off evaluated',
  );
  await session.writeCheck(pull.headSha, 'signoff', buildSignoffOutput(state, pull.htmlUrl));
}
