/**
 * A small glob matcher for the `changed` condition of sign-off rules: repository-relative paths
 * with `/` separators. Dotfiles are matched like any other name (policies target `.github/**`).
 */

const cache = new Map<string, RegExp>();

/**
 * Whether `path` matches `pattern`.
 * - `*` any characters within one path segment, `?` one character (never `/`);
 * - `**` as a whole segment: zero or more segments (`models/**` matches `models/a/b.onnx`);
 * - `{a,b}` alternatives (not nested), `[abc]` / `[a-z]` / `[!abc]` character classes;
 * - a pattern without `/` matches the base name anywhere (`*.onnx` matches `models/a.onnx`),
 *   like `.gitignore`.
 * Matching is case-sensitive (as git paths are).
 */
export function matchGlob(pattern: string, path: string): boolean {
  let regex = cache.get(pattern);
  if (regex === undefined) {
    regex = compileGlob(pattern);
    cache.set(pattern, regex);
  }
  return regex.test(path.replace(/^\.\//, ''));
}

/** Whether any of `paths` matches any of `patterns`. */
export function matchAnyGlob(patterns: readonly string[], paths: readonly string[]): boolean {
  return paths.some((path) => patterns.some((pattern) => matchGlob(pattern, path)));
}

/** Compiles a glob to an anchored regular expression (see `matchGlob`). */
export function compileGlob(pattern: string): RegExp {
  const trimmed = pattern.replace(/^\.\//, '').replace(/^\//, '');
  const anywhere = !trimmed.includes('/');
  const body = trimmed
    .split('/')
    .map((segment, i, all) => compileSegment(segment, i === all.length - 1))
    .join('');
  return new RegExp(`^${anywhere ? '(?:.*/)?' : ''}${body}$`);
}

/** One segment with the separator that follows it (a `**` segment swallows its own separator). */
function compileSegment(segment: string, last: boolean): string {
  if (segment === '**') return last ? '.*' : '(?:[^/]*/)*';
  return compileText(segment) + (last ? '' : '/');
}

function compileText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '*') {
      while (text[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = text.indexOf(']', i + 2);
      if (end === -1) out += '\\[';
      else {
        out += compileClass(text.slice(i + 1, end));
        i = end;
      }
    } else if (ch === '{') {
      const end = text.indexOf('}', i + 1);
      if (end === -1) out += '\\{';
      else {
        out += `(?:${text
          .slice(i + 1, end)
          .split(',')
          .map(compileText)
          .join('|')})`;
        i = end;
      }
    } else out += escapeRegex(ch);
  }
  return out;
}

function compileClass(inner: string): string {
  const negated = inner.startsWith('!') || inner.startsWith('^');
  const chars = (negated ? inner.slice(1) : inner).replace(/[\\\]^]/g, '\\$&');
  return negated ? `[^/${chars}]` : `[${chars}]`;
}

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
