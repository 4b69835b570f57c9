/**
 * `monitor.data`: a repository path or a glob (`*`, `?`, `[abc]` within a path segment, `**` for
 * any depth). A glob picks the **last** match in path order, so date-stamped extracts
 * (`data/churn/monthly/2024-05.csv`) pick the newest. Matches are checked to stay inside the
 * checkout (no symbolic links out of it). `.git` and `node_modules` are never searched.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { resolveRepoPath } from '../../shared/config/paths.js';
import { DataError } from '../../shared/errors.js';
import { resolveInsideRepo } from '../repo-files.js';

const GLOB = /[*?[]/;
const SKIPPED = new Set(['.git', 'node_modules']);

/** The file `configured` names, as an absolute path and a repository-relative display path. */
export async function resolveDataFile(
  root: string,
  configured: string,
  key: string,
): Promise<{ path: string; displayPath: string }> {
  const relative = resolveRepoPath(configured, key);
  if (!GLOB.test(relative))
    return { path: await resolveInsideRepo(root, relative, key), displayPath: relative };
  const matches = await matchGlob(root, relative.split('/'));
  if (matches.length === 0) {
    throw new DataError(
      `no file matches the pattern ${JSON.stringify(relative)} (${key}); commit the fresh data or produce it in an earlier step`,
      { file: relative },
    );
  }
  matches.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chosen = matches[matches.length - 1]!;
  return { path: await resolveInsideRepo(root, chosen, key), displayPath: chosen };
}

/** Repository-relative files matching the segments, walking only the directories the pattern needs. */
async function matchGlob(root: string, segments: string[]): Promise<string[]> {
  const out = new Set<string>();
  const walk = async (dir: string, rest: string[]): Promise<void> => {
    const [segment, ...tail] = rest;
    if (segment === undefined) return;
    const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
    const join = (name: string) => (dir ? `${dir}/${name}` : name);
    if (segment === '**') {
      await walk(dir, tail);
      for (const e of entries) if (e.isDirectory() && !SKIPPED.has(e.name)) await walk(join(e.name), rest);
      return;
    }
    const matcher = segmentRegex(segment);
    for (const e of entries) {
      if (SKIPPED.has(e.name) || !matcher.test(e.name)) continue;
      if (tail.length === 0 && (e.isFile() || e.isSymbolicLink())) out.add(join(e.name));
      else if (tail.length > 0 && e.isDirectory()) await walk(join(e.name), tail);
    }
  };
  await walk('', segments);
  return [...out];
}

/** One path segment of a glob as an anchored regex; a leading dot is matched only literally. */
export function segmentRegex(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) source += '\\[';
      else {
        const body = segment.slice(i + 1, end).replace(/\\/g, '\\\\');
        source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else source += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(segment.startsWith('.') ? `^${source}$` : `^(?!\\.)${source}$`);
}
