/**
 * A pull request that edits `.github/modelgate.yml` gets a comment simulating the proposed
 * policy ("under the proposed policy this pull request would need …"), while the default
 * branch's policy keeps deciding.
 */

import type { Config } from '../../shared/config/types.js';
import { ConfigError } from '../../shared/errors.js';
import { escapeMarkdown } from '../../shared/render/escape-markdown.js';
import { describePolicyChange } from '../core/describe-policy-change.js';
import { decodeFacts } from '../core/facts-marker.js';
import { findChangedModels } from '../core/find-changed-models.js';
import { readText } from '../github/contents.js';
import { CONFIG_PATH, parseConfigText } from '../github/load-config.js';
import type { PullInfo } from '../github/pulls.js';
import type { Session } from './session.js';

export const SIMULATION_MARKER = '<!-- modelgate:policy-simulation -->';

export async function simulatePolicy(
  session: Session,
  input: { pull: PullInfo; config: Config },
): Promise<void> {
  const { pull, config } = input;
  try {
    // 1. The proposed configuration, as the pull request's head has it.
    const text = await readText(session.ctx, { path: CONFIG_PATH, ref: pull.headSha });
    // 2. Models the pull request changes, with verified gate facts when the head has them.
    const files = await session.files(pull.number);
    const facts = decodeFacts((await session.checks(pull.headSha)).evaluation?.summary);
    const body =
      text === null ? deletedBody() : buildBody({ text, config, files, facts, owner: session.ctx.owner });
    // 3. One sticky simulation comment.
    await session.writeComment(pull.number, SIMULATION_MARKER, `${SIMULATION_MARKER}\n${body}`);
  } catch (error) {
    // The simulation is advice: its failure must not block the checks, but it is logged.
    session.ctx.log.warn({ err: error, pr: pull.number }, 'policy simulation failed');
  }
}

function buildBody(input: {
  text: string;
  config: Config;
  files: string[];
  facts: ReturnType<typeof decodeFacts>;
  owner: string;
}): string {
  let proposed: Config;
  try {
    proposed = parseConfigText(input.text);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return `### ModelGate: proposed configuration\n\nThe configuration in this pull request is invalid, so it would stop ModelGate from deciding once merged:\n\n${error.issues.map((i) => `- ${escapeMarkdown(`${i.location.file}:${i.location.line ?? '?'} ${i.location.path ?? ''}: ${i.message}`)}`).join('\n')}\n\nThe configuration on the default branch still decides for this pull request.\n`;
  }
  const verified = input.facts?.models ?? null;
  const names = new Set([
    ...findChangedModels(input.config, input.files, CONFIG_PATH).models,
    ...findChangedModels(proposed, input.files, CONFIG_PATH).models,
  ]);
  const models =
    verified ?? [...names].map((name) => ({ name, verdict: null, fairness: null, regressed: null }));
  const change = describePolicyChange({
    current: input.config,
    proposed,
    models,
    changedFiles: input.files,
    owner: input.owner,
  });
  const list = (lines: string[], none: string) =>
    lines.length > 0 ? lines.map((l) => `- ${escapeMarkdown(l)}`).join('\n') : `- ${none}`;
  return [
    '### ModelGate: proposed configuration',
    '',
    'This pull request changes `.github/modelgate.yml`. **The policy and thresholds on the default branch still decide for this pull request**; the proposed ones apply once it is merged.',
    '',
    '**Under the proposed policy this pull request would need:**',
    list(change.proposed, 'no sign-off'),
    '',
    '**Under the current policy it needs:**',
    list(change.current, 'no sign-off'),
    '',
    '**Other changes:**',
    list(change.changes, 'none to thresholds, risk tiers or trusted workflows'),
    '',
  ].join('\n');
}

function deletedBody(): string {
  return '### ModelGate: proposed configuration\n\nThis pull request deletes `.github/modelgate.yml`; once merged, ModelGate stops gating this repository. The configuration on the default branch still decides for this pull request.\n';
}
