/**
 * The App's comments about promotions: one sticky comment per pull request after its merge
 * (promoted models linking their releases, refusals and failures explained), and one status
 * comment per rollback request.
 */
import {
  buildRollbackMarker,
  type RollbackRequest,
  type RollbackState,
} from '../../promotion/rollback-request.js';
import { escapeMarkdown, markup, safeLink } from '../escape-markdown.js';
import { compileTemplate } from './render-release.js';

/** Hidden first line of the promotion comment on a merged pull request. */
export const PROMOTION_COMMENT_MARKER = '<!-- modelgate:promotion -->';

/** What happened to one model. */
export type PromotionOutcome =
  | { model: string; status: 'promoted'; tag: string; url: string }
  | { model: string; status: 'refused'; reasons: string[] }
  /** An API failure or an invalid template: the promotion may be incomplete. */
  | { model: string; status: 'failed'; reasons: string[] };

const COMMENT_TEMPLATE = `{{{marker}}}
### ModelGate promotion

{{#each outcomes}}
{{emoji}} {{headline}}
{{#each reasons}}
  - {{this}}
{{/each}}
{{/each}}
{{#if footer}}

{{footer}}
{{/if}}
`;

/** The sticky comment on a merged pull request. */
export function renderPromotionComment(outcomes: readonly PromotionOutcome[]): string {
  const failed = outcomes.some((o) => o.status === 'failed');
  return renderWith(COMMENT_TEMPLATE, {
    marker: PROMOTION_COMMENT_MARKER,
    outcomes: outcomes.map(outcomeView),
    footer: failed
      ? markup(
          'A failed promotion is completed, without duplicating anything, when GitHub redelivers this pull request\u2019s `closed` event (the App\u2019s advanced settings, Recent Deliveries).',
        )
      : null,
  });
}

function outcomeView(outcome: PromotionOutcome) {
  const model = escapeMarkdown(outcome.model);
  switch (outcome.status) {
    case 'promoted':
      return {
        emoji: markup('🚀'),
        headline: markup(`**${model}** promoted as ${safeLink(outcome.tag, outcome.url)}.`),
        reasons: [],
      };
    case 'refused':
      return {
        emoji: markup('⛔'),
        headline: markup(`**${model}** was not promoted:`),
        reasons: outcome.reasons,
      };
    case 'failed':
      return {
        emoji: markup('❌'),
        headline: markup(`The promotion of **${model}** failed:`),
        reasons: outcome.reasons,
      };
  }
}

const ROLLBACK_TEMPLATE = `{{{marker}}}
### ModelGate rollback

{{headline}}

{{#each lines}}
- {{this}}
{{/each}}
`;

export interface RollbackStatus {
  request: RollbackRequest;
  state: RollbackState;
  /** Done: the new release. */
  release: { tag: string; url: string } | null;
  /** Refused: why; pending: who is still needed. */
  lines: string[];
}

/** The status comment of a rollback request. */
export function renderRollbackComment(status: RollbackStatus): string {
  const { request } = status;
  const subject = `${escapeMarkdown(request.model)} ${escapeMarkdown(`v${request.version}`)}`;
  const headline =
    status.state === 'done' && status.release
      ? `🔁 Rolled back: the artifact of ${subject} is production again as ${safeLink(status.release.tag, status.release.url)}.`
      : status.state === 'refused'
        ? `⛔ The rollback to ${subject} was refused:`
        : `⏳ The rollback to ${subject} waits for sign-off. Approve with \`/modelgate approve\` in this conversation:`;
  return renderWith(ROLLBACK_TEMPLATE, {
    marker: buildRollbackMarker(request.commentId, status.state),
    headline: markup(headline),
    lines: status.lines,
  });
}

function renderWith(source: string, view: unknown): string {
  // These comments are not overridable; the compiler is shared with the documents for escaping.
  return compileTemplate('release-notes', { 'release-notes': source }, true)(view);
}
