/**
 * Repository-relative paths from the configuration: normalised, and rejected when they could
 * leave the checkout. Pure string logic; symbolic links are checked where files are read.
 */
import { PathError } from '../errors.js';

const EXAMPLE = 'such as models/churn/model.onnx';

/**
 * Normalises a repository-relative POSIX path (`./a//b/../c` → `a/c`, a trailing `/` dropped).
 * Glob characters pass through unchanged.
 * @param repoRelative the path as configured.
 * @param key the configuration key it came from, named in errors (e.g. `models.churn.artifact`).
 * @returns the normalised path, never empty, never starting with `/` or `..`.
 * @throws PathError naming the key for: an empty path or one naming the repository root; NUL or
 *   other control characters; backslashes; absolute paths (`/x`, `C:\x`, `C:x`, `//host`), URLs
 *   and `~`; and `..` segments that climb above the repository root.
 */
export function resolveRepoPath(repoRelative: string, key: string): string {
  const fail = (why: string): never => {
    throw new PathError(`${key}: ${JSON.stringify(repoRelative)} ${why}`);
  };
  if (repoRelative.trim() === '') fail(`is empty; expected a repository-relative path ${EXAMPLE}`);
  // Control characters: NUL truncates paths in native code; the rest are never intended.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
  if (/[\u0000-\u001f\u007f]/.test(repoRelative))
    fail('contains a control character (such as NUL); expected a plain path');
  if (repoRelative.includes('\\')) fail(`contains a backslash; use forward slashes, ${EXAMPLE}`);
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(repoRelative))
    fail(`is a URL; expected a repository-relative path ${EXAMPLE}`);
  if (repoRelative.startsWith('/')) fail(`is absolute; expected a repository-relative path ${EXAMPLE}`);
  if (/^[A-Za-z]:/.test(repoRelative))
    fail(`is a drive path; expected a repository-relative path ${EXAMPLE}`);
  if (repoRelative.startsWith('~'))
    fail(`starts with ~ (a home directory); expected a repository-relative path ${EXAMPLE}`);
  const segments: string[] = [];
  for (const segment of repoRelative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0)
        fail('escapes the repository (too many ".."); paths must stay inside the checkout');
      segments.pop();
    } else segments.push(segment);
  }
  if (segments.length === 0) fail(`names the repository root; expected a file path ${EXAMPLE}`);
  return segments.join('/');
}
