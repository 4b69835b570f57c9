/**
 * `pull_request` opened, synchronize, reopened, ready_for_review: create both checks on the head
 * at once (so branch protection can require them), in progress when a model changed, concluded
 * "no model changed" otherwise; simulate a proposed policy.
 */
import { buildNoModelOutput, buildWaitingOutput } from '../core/evaluation-output.js';
import { decodeFacts, type HeadFacts, startFacts } from '../core/facts-marker.js';
import { findChangedModels } from '../core/find-changed-models.js';
import {
  buildSignoffNotNeededOutput,
  buildSignoffWaitingOutput,
  NO_MODEL_SIGNOFF,
} from '../core/signoff-output.js';
import { CONFIG_PATH } from '../github/load-config.js';
import type { PullInfo } from '../github/pulls.js';
import { refreshSignoff } from './refresh-signoff.js';
import type { Session } from './session.js';
import { simulatePolicy } from './simulate-policy.js';

const NO_MODEL =
  'This pull request changes no configured model artifact, evaluation data or ModelGate configuration.';

export async function handlePullRequest(
  session: Session,
  input: { pull: PullInfo; before: string | null },
): Promise<void> {
  const { pull } = input;
  // 1. Trusted configuration (default branch); no configuration: the repository does not use ModelGate.
  const config = await session.config();
  if (config === null)
    return session.ctx.log.info('no ModelGate configuration on the default branch; nothing to do');
  // 2. What the pull request changes.
  const changed = findChangedModels(config, await session.files(pull.number), CONFIG_PATH);
  // 3. The head's checks: a verified report (redelivery, reopened, ready_for_review) stands, and so
  //    does a decided rejection; only a head without a decision is (re)set to waiting.
  const checks = await session.checks(pull.headSha);
  const existing = decodeFacts(checks.evaluation?.summary);
  const known = existing?.head === pull.headSha ? existing : null;
  if (known !== null && known.run !== null) {
    if (known.models !== null && known.models.length > 0) await refreshSignoff(session, { pull, config });
  } else if (!changed.touched) {
    // 4a. Nothing to evaluate: both checks succeed right away.
    const facts: HeadFacts = { ...(known ?? (await startFor(session, pull, input.before))), models: [] };
    await session.writeCheck(pull.headSha, 'evaluation', buildNoModelOutput(facts, NO_MODEL));
    await session.writeCheck(pull.headSha, 'signoff', buildSignoffNotNeededOutput(NO_MODEL_SIGNOFF));
  } else if (known === null || checks.evaluation?.status !== 'completed') {
    // 4b. Waiting for the evaluation workflow's report.
    const facts = known ?? (await startFor(session, pull, input.before));
    await session.writeCheck(pull.headSha, 'evaluation', buildWaitingOutput(facts, changed.models));
    await session.writeCheck(pull.headSha, 'signoff', buildSignoffWaitingOutput(pull.htmlUrl));
  }
  // 5. A pull request that edits the configuration learns what its policy would require.
  if (changed.configChanged) await simulatePolicy(session, { pull, config });
}

/** New facts for the head, carrying the binding history of the previous head (synchronize). */
async function startFor(session: Session, pull: PullInfo, before: string | null): Promise<HeadFacts> {
  const previous = before === null ? null : decodeFacts((await session.checks(before)).evaluation?.summary);
  return startFacts({
    pr: pull.number,
    author: pull.author,
    head: pull.headSha,
    at: pull.updatedAt,
    previous,
  });
}
