/**
 * The sign-off state a promotion decides on, computed with the shared engine from the trusted
 * policy, the approvals and the directory lookups of this event (the same steps as the sign-off
 * check, returning the state instead of writing a check run).
 */
import type { Policy } from '../../shared/config/types.js';
import {
  evaluateSignoff,
  listDirectoryNeeds,
  type SignoffInput,
} from '../../shared/policy/evaluate-signoff.js';
import type { ApprovalEvent, ModelFacts, SignoffState } from '../../shared/policy/types.js';
import type { Session } from '../handlers/session.js';

/** Teams, then permissions: the loop ends long before this. */
const MAX_LOOKUP_ROUNDS = 3;

export interface SignoffRequest {
  policy: Policy;
  author: string;
  models: ModelFacts[];
  approvals: ApprovalEvent[];
  changedFiles: readonly string[] | null;
}

export async function computeSignoffState(session: Session, request: SignoffRequest): Promise<SignoffState> {
  const input: SignoffInput = {
    policy: request.policy,
    facts: {
      author: request.author,
      owner: session.ctx.owner,
      models: request.models,
      changedFiles: request.changedFiles,
      approvals: request.approvals,
      directory: session.directory.directory,
    },
  };
  for (let round = 0; round < MAX_LOOKUP_ROUNDS; round++) {
    const needs = listDirectoryNeeds(input);
    if (needs.teams.length === 0 && needs.permissions.length === 0) break;
    await session.directory.fill(needs);
  }
  return evaluateSignoff(input);
}
