/**
 * Semantic versions as specified by semver 2.0.0 (https://semver.org): `MAJOR.MINOR.PATCH`, an
 * optional `-pre.release` and an optional `+build` suffix. No leading `v`, no leading zeros.
 */

/** A parsed semantic version. */
export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  /** Dot-separated pre-release identifiers; numeric ones as numbers. Empty for a release. */
  prerelease: readonly (string | number)[];
  /** Build metadata identifiers; ignored for precedence. */
  build: readonly string[];
}

const NUMERIC = '0|[1-9]\\d*';
const PRERELEASE_ID = `(?:${NUMERIC}|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const BUILD_ID = '[0-9a-zA-Z-]+';

/**
 * The semver 2.0.0 grammar as regex source, without anchors or capturing groups, so it can be
 * embedded in larger patterns (tag patterns).
 */
export const SEMVER_SOURCE =
  `(?:${NUMERIC})\\.(?:${NUMERIC})\\.(?:${NUMERIC})` +
  `(?:-${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*)?` +
  `(?:\\+${BUILD_ID}(?:\\.${BUILD_ID})*)?`;

const SEMVER_RE = new RegExp(
  `^(${NUMERIC})\\.(${NUMERIC})\\.(${NUMERIC})` +
    `(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))?` +
    `(?:\\+(${BUILD_ID}(?:\\.${BUILD_ID})*))?$`,
);

/**
 * Parses a semantic version. Returns null for anything that is not exactly semver 2.0.0
 * (`v1.2.3`, `1.2`, `01.2.3`, `1.2.3-01`, surrounding spaces) or whose numbers exceed
 * `Number.MAX_SAFE_INTEGER` (they could not be compared exactly).
 */
export function parseSemver(text: string): SemVer | null {
  const m = SEMVER_RE.exec(text);
  if (!m) return null;
  const [major, minor, patch] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  if (![major, minor, patch].every(Number.isSafeInteger)) return null;
  const prerelease = m[4] === undefined ? [] : m[4].split('.').map(parseIdentifier);
  if (prerelease.some((id) => typeof id === 'number' && !Number.isSafeInteger(id))) return null;
  return { major, minor, patch, prerelease, build: m[5] === undefined ? [] : m[5].split('.') };
}

function parseIdentifier(id: string): string | number {
  return /^\d+$/.test(id) ? Number(id) : id;
}

/** True when `text` is a valid semver 2.0.0 version without a pre-release part. */
export function isReleaseVersion(text: string): boolean {
  const v = parseSemver(text);
  return v !== null && v.prerelease.length === 0;
}

/**
 * Compares by semver precedence (§11): numeric major, minor, patch; a pre-release sorts before its
 * release; pre-release identifiers compare numerically when numeric, numerics before alphanumerics,
 * then ASCII; a longer identifier list wins a tie. Build metadata is ignored.
 * @returns negative when a < b, 0 when equal precedence, positive when a > b.
 */
export function compareSemver(a: SemVer, b: SemVer): number {
  return (
    Math.sign(a.major - b.major) ||
    Math.sign(a.minor - b.minor) ||
    Math.sign(a.patch - b.patch) ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

function comparePrerelease(a: SemVer['prerelease'], b: SemVer['prerelease']): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length === 0 ? 0 : a.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareIdentifier(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return Math.sign(a.length - b.length);
}

function compareIdentifier(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Formats a version back to text (`1.2.3-rc.1+build.5`). */
export function formatSemver(v: SemVer): string {
  let out = `${v.major}.${v.minor}.${v.patch}`;
  if (v.prerelease.length > 0) out += `-${v.prerelease.join('.')}`;
  if (v.build.length > 0) out += `+${v.build.join('.')}`;
  return out;
}
