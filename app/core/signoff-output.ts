/** The `ModelGate / sign-off` check run from a sign-off state. */
import type { RuleState, SignoffState } from '../../shared/policy/types.js';
import { escapeMarkdown } from '../../shared/render/escape-markdown.js';
import type { CheckContent } from '../github/checks.js';
import { CHECK_TEXT_BYTES, fitBytes, fitTitle } from './fit-bytes.js';

const RULE_EMOJI: Record<RuleState['status'], string> = {
  satisfied: '✅',
  pending: '⏳',
  waiting: '⏳',
  not_applicable: '➖',
};

/** Sign-off waits for a verified evaluation (nothing to bind approvals to yet). */
export function buildSignoffWaitingOutput(detailsUrl: string): CheckContent {
  return {
    conclusion: null,
    title: 'Waiting for the verified evaluation',
    summary:
      'Sign-offs are checked once the evaluation report of the head commit is verified: approvals are bound to the evaluated artifacts and data.',
    detailsUrl,
  };
}

export const NO_MODEL_SIGNOFF = 'This pull request changes no model, so no sign-off is needed.';

/** No model changed: nothing to sign off. */
export function buildSignoffNotNeededOutput(why: string): CheckContent {
  return { conclusion: 'success', title: 'No model changed', summary: why };
}

/**
 * `satisfied` → success, `pending` → action required (a person has to act), `error` → failure.
 */
export function buildSignoffOutput(state: SignoffState, detailsUrl: string): CheckContent {
  const conclusion =
    state.status === 'satisfied' ? 'success' : state.status === 'pending' ? 'action_required' : 'failure';
  const title =
    state.status === 'satisfied'
      ? 'Sign-offs complete'
      : state.status === 'pending'
        ? 'Sign-offs pending'
        : 'Sign-off error';
  const summary = [
    escapeMarkdown(state.summary),
    ...state.errors.map((e) => `> ⛔ ${escapeMarkdown(e)}`),
  ].join('\n\n');
  return {
    conclusion,
    title: fitTitle(title),
    summary: fitBytes(summary, CHECK_TEXT_BYTES),
    text: fitBytes(renderRules(state), CHECK_TEXT_BYTES),
    detailsUrl,
  };
}

function renderRules(state: SignoffState): string {
  if (state.rules.length === 0) return 'The policy has no sign-off rules.\n';
  const rows = state.rules.map((rule) => {
    const approvers = rule.approvers.map(
      (a) => `${escapeMarkdown(a.login)} (${a.via}, ${a.at.slice(0, 16).replace('T', ' ')} UTC)`,
    );
    const needed = rule.status === 'satisfied' ? '—' : escapeMarkdown(rule.needed || rule.reason);
    return `| ${RULE_EMOJI[rule.status]} | ${escapeMarkdown(rule.name)} | ${escapeMarkdown(rule.reason)} | ${approvers.join('<br>') || '—'} | ${needed} |`;
  });
  const ignored = state.rules.flatMap((rule) =>
    rule.ignored.map(
      (i) => `- ${escapeMarkdown(i.login)} for ${escapeMarkdown(rule.name)}: ${escapeMarkdown(i.reason)}`,
    ),
  );
  const notes = state.notes.map((n) => `- ${escapeMarkdown(n)}`);
  return [
    '| | Rule | Applies | Approved by | Still needed |',
    '|---|---|---|---|---|',
    ...rows,
    ...(ignored.length > 0 ? ['', '**Approvals that do not count**', '', ...ignored] : []),
    ...(notes.length > 0 ? ['', '**Notes**', '', ...notes] : []),
    '',
    'Approve with a review, or comment `/modelgate approve` (all rules) or `/modelgate approve <rule name>`; withdraw with `/modelgate revoke`. The policy is read from the default branch.',
    '',
  ].join('\n');
}
