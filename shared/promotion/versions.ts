/**
 * Promotion versions and tags (PRODUCT.md §5): which tag is a model's production version, what the
 * next version is, and how tags are named. Pure: tags and labels arrive as arguments.
 */
import { ModelGateError } from '../errors.js';
import { compareSemver, formatSemver, parseSemver, type SemVer } from './semver.js';
import {
  buildTagRegex,
  parseTagPattern,
  renderPattern,
  type TagPattern,
  validateTagName,
} from './tag-pattern.js';

export { compareSemver, formatSemver, isReleaseVersion, parseSemver, type SemVer } from './semver.js';
export { parseTagPattern, type TagPattern, validateTagName } from './tag-pattern.js';

export type Bump = 'major' | 'minor' | 'patch';

const BUMP_RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

function toPattern(pattern: string | TagPattern): TagPattern {
  return typeof pattern === 'string' ? parseTagPattern(pattern) : pattern;
}

/**
 * Reads a tag against the pattern.
 * @returns the model name and the version text (valid semver 2.0.0, pre-releases included), or
 *   null when the tag does not fit the pattern or its version is malformed.
 * @throws ConfigError when `pattern` is a string that is not a valid pattern.
 */
export function matchPromotionTag(
  pattern: string | TagPattern,
  tag: string,
): { model: string; version: string } | null {
  const m = buildTagRegex(toPattern(pattern)).exec(tag);
  const model = m?.groups?.model;
  const version = m?.groups?.version;
  if (model === undefined || version === undefined || parseSemver(version) === null) return null;
  return { model, version };
}

/**
 * The newest promotion of `model` among `tags`: the highest semver precedence (`1.10.0` > `1.9.0`).
 * Pre-releases, malformed versions and tags of other models (including names that share a prefix,
 * `churn` vs `churn-eu` or `team/churn`) are ignored. Ties in precedence (differing only in build
 * metadata) go to the lexicographically greatest tag, so the answer never depends on tag order.
 * @returns null when the model has no release tag.
 */
export function resolveLatestVersion(
  pattern: string | TagPattern,
  model: string,
  tags: readonly string[],
): { tag: string; version: string } | null {
  const regex = buildTagRegex(toPattern(pattern), model);
  let best: { tag: string; version: string; parsed: SemVer } | null = null;
  for (const tag of tags) {
    const version = regex.exec(tag)?.groups?.version;
    const parsed = version === undefined ? null : parseSemver(version);
    if (version === undefined || parsed === null || parsed.prerelease.length > 0) continue;
    const order = best === null ? 1 : compareSemver(parsed, best.parsed) || (tag > best.tag ? 1 : -1);
    if (order > 0) best = { tag, version, parsed };
  }
  return best && { tag: best.tag, version: best.version };
}

/**
 * The version of the next promotion: `firstVersion` when there is none yet, else `current` bumped
 * (major → `X+1.0.0`, minor → `X.Y+1.0`, patch → `X.Y.Z+1`). A pre-release `current` bumps to its
 * release the way npm's semver does (`1.2.0-rc.1` + minor → `1.2.0`). Build metadata is dropped.
 * @throws ModelGateError (`version_invalid`) when `current` or `firstVersion` is not semver.
 */
export function nextVersion(current: string | null, bump: Bump, firstVersion: string): string {
  if (current === null) return formatSemver(requireSemver(firstVersion, 'first version'));
  const v = requireSemver(current, 'current version');
  const pre = v.prerelease.length > 0;
  const next: SemVer = { major: v.major, minor: v.minor, patch: v.patch, prerelease: [], build: [] };
  if (bump === 'major' && !(pre && v.minor === 0 && v.patch === 0)) {
    Object.assign(next, { major: v.major + 1, minor: 0, patch: 0 });
  } else if (bump === 'minor' && !(pre && v.patch === 0)) {
    Object.assign(next, { minor: v.minor + 1, patch: 0 });
  } else if (bump === 'patch' && !pre) {
    next.patch = v.patch + 1;
  }
  return formatSemver(next);
}

function requireSemver(text: string, what: string): SemVer {
  const v = parseSemver(text);
  if (v === null) {
    throw new ModelGateError(
      'version_invalid',
      `The ${what} "${text}" is not a semantic version (MAJOR.MINOR.PATCH).`,
    );
  }
  return v;
}

/**
 * The bump requested by pull request labels `modelgate:major`, `modelgate:minor`,
 * `modelgate:patch` (case-insensitive, surrounding spaces ignored); the highest wins. Other labels
 * are ignored.
 * @returns `fallback` (the configured `release.bump`) when no such label is present.
 */
export function bumpFromLabels(labels: readonly string[], fallback: Bump): Bump {
  let best: Bump | null = null;
  for (const label of labels) {
    const m = /^modelgate:(major|minor|patch)$/.exec(label.trim().toLowerCase());
    const bump = m?.[1] as Bump | undefined;
    if (bump !== undefined && (best === null || BUMP_RANK[bump] > BUMP_RANK[best])) best = bump;
  }
  return best ?? fallback;
}

/**
 * The tag naming `version` of `model` (`churn@v1.2.0`).
 * @throws ModelGateError (`tag_invalid`) when the version is not semver, the result is not a valid
 *   git tag name, or the tag would not read back as the same model and version (an ambiguous
 *   pattern for this name); ConfigError for an invalid pattern string.
 */
export function formatTag(pattern: string | TagPattern, model: string, version: string): string {
  const parsed = toPattern(pattern);
  const tag = renderPattern(parsed.parts, model, version);
  const fail = (why: string): never => {
    throw new ModelGateError(
      'tag_invalid',
      `Cannot name a tag for ${model} ${version} with "${parsed.source}": ${why}.`,
    );
  };
  if (parseSemver(version) === null) fail('the version is not a semantic version');
  const problem = validateTagName(tag);
  if (problem !== null) fail(`"${tag}" is not a valid git tag name (${problem})`);
  const back = matchPromotionTag(parsed, tag);
  if (back?.model !== model || back.version !== version)
    fail(`"${tag}" would not read back as this model and version`);
  return tag;
}
