/**
 * What the release documents are rendered from: the model's verified report entry, where the
 * promotion came from, the sign-offs, and the provenance the App gathered.
 */
import type { ModelSignoff, PromotionSource } from '../../promotion/promotion-types.js';
import type { ModelReport, Report } from '../../report/schema.js';
import { escapeMarkdown, type Markup, markup, safeLink } from '../escape-markdown.js';

export interface ReleaseFacts {
  repository: string;
  tag: string;
  version: string;
  /** The model's entry of the verified report (checks and verdict as the App recomputed them). */
  model: ModelReport;
  report: Pick<Report, 'settings' | 'workflowRun' | 'tool' | 'head' | 'createdAt'>;
  source: PromotionSource;
  signoff: ModelSignoff;
  /** The model's newest release tag when this one is made, if it is not what the report compared against. */
  production: { tag: string; version: string } | null;
  /** The commit the tag points at. */
  commit: string;
  reportSha256: string | null;
  /** This App's version. */
  appVersion: string;
  /** ISO 8601 time of the promotion. */
  promotedAt: string;
}

/** `2025-03-14 09:26 UTC` from an ISO time; the text itself (escaped) when it does not parse. */
export function formatTime(iso: string): Markup {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return markup(match ? `${match[1]} ${match[2]} UTC` : escapeMarkdown(iso));
}

/** `2025-03-14` from an ISO time. */
export function formatDate(iso: string | null | undefined): Markup {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(iso ?? '');
  return markup(match ? (match[1] as string) : '—');
}

/** A digest in a code span when it is plain hex; escaped text otherwise. */
export function digestCell(digest: string | null | undefined): Markup {
  if (!digest) return markup('—');
  return markup(/^[0-9a-f]{6,128}$/i.test(digest) ? `\`${digest}\`` : escapeMarkdown(digest));
}

/** `#42` linked to the pull request or issue. */
export function numberLink(number: number, url: string): Markup {
  return safeLink(`#${number}`, url);
}

/** The promotion's origin in one sentence (trusted markup, values escaped). */
export function describeSource(facts: Pick<ReleaseFacts, 'source' | 'commit'>): Markup {
  const { source } = facts;
  const commit = `\`${facts.commit.slice(0, 7).replace(/[^0-9a-f]/gi, '')}\``;
  if (source.kind === 'merge') {
    const pr = source.pullRequest;
    return markup(
      `Promoted from pull request ${numberLink(pr.number, pr.url)} (${escapeMarkdown(pr.title)}) by ${escapeMarkdown(pr.author)}, merged ${formatTime(pr.mergedAt)} as ${commit}.`,
    );
  }
  const request = source.request;
  return markup(
    `Rollback to ${escapeMarkdown(source.target.tag)}, requested by ${escapeMarkdown(request.requester)} ${formatTime(request.requestedAt)} in ${safeLink(`#${request.issue}`, request.url)}; the tag points at ${commit}.`,
  );
}
