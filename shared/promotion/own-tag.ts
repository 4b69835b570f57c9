/**
 * How a retry recognises the tag its earlier attempt made, without state of its own: it reads
 * the model's newest tags, newest first, until it finds its own or one made before the promotion
 * was asked for (nothing older can be its own).
 */
import type { PeeledTag, PromotionIdentity, PromotionSource } from './promotion-types.js';
import { compareSemver, parseSemver, type SemVer } from './semver.js';
import { parseTagTrailers } from './tag-annotation.js';
import { buildTagRegex, parseTagPattern, type TagPattern } from './tag-pattern.js';

/** Most tags read per model before giving up the search (each read is one API call). */
export const MAX_TAGS_SCANNED = 5;

/** The key written into the tag annotation: `pull/<number>` or `rollback/<comment id>`. */
export function buildPromotionKey(source: PromotionSource): string {
  return source.kind === 'merge'
    ? `pull/${source.pullRequest.number}`
    : `rollback/${source.request.commentId}`;
}

/** The identity a retry looks for. */
export function buildPromotionIdentity(source: PromotionSource): PromotionIdentity {
  const key = buildPromotionKey(source);
  return source.kind === 'merge'
    ? { kind: 'merge', commit: source.pullRequest.mergeCommit, key }
    : { kind: 'rollback', key };
}

/**
 * The model's release tags (pre-releases and malformed versions left out), newest version first;
 * equal precedence in tag order descending, as `resolveLatestVersion` decides.
 */
export function listModelVersions(
  pattern: string | TagPattern,
  model: string,
  tags: readonly string[],
): { tag: string; version: string }[] {
  const regex = buildTagRegex(typeof pattern === 'string' ? parseTagPattern(pattern) : pattern, model);
  const found: { tag: string; version: string; parsed: SemVer }[] = [];
  for (const tag of tags) {
    const version = regex.exec(tag)?.groups?.version;
    const parsed = version === undefined ? null : parseSemver(version);
    if (version !== undefined && parsed !== null && parsed.prerelease.length === 0)
      found.push({ tag, version, parsed });
  }
  found.sort((a, b) => compareSemver(b.parsed, a.parsed) || (a.tag < b.tag ? 1 : a.tag > b.tag ? -1 : 0));
  return found.map(({ tag, version }) => ({ tag, version }));
}

/**
 * `own`: the tag is this promotion's (a merge: it points at the merge commit; a rollback: its
 * annotation carries the key). `older`: tagged before `since`, so neither it nor any older tag
 * can be this promotion's. `other`: keep looking.
 */
export function classifyTag(
  tag: PeeledTag,
  identity: PromotionIdentity,
  since: string,
): 'own' | 'older' | 'other' {
  const key = parseTagTrailers(tag.message).promotion;
  if (identity.kind === 'merge' && tag.commit === identity.commit) return 'own';
  if (identity.kind === 'rollback' && key === identity.key) return 'own';
  const taggedAt = tag.taggedAt === null ? Number.NaN : Date.parse(tag.taggedAt);
  return taggedAt < Date.parse(since) ? 'older' : 'other';
}
