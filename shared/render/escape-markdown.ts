/**
 * Escaping for every value that comes from data or users (model, group and column names, paths,
 * branch names, messages quoting them). The result is inert in GitHub-flavoured markdown:
 * no formatting, links, images, HTML, comments, math, @-mentions or #-references, and safe
 * inside a table cell.
 */

const ZWJ = '\u200D';

/** One replacement per character, applied in a single pass (so escapes never get re-escaped). */
const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\\': '\\\\',
  '`': '\\`',
  '*': '\\*',
  _: '\\_',
  '~': '\\~',
  '[': '\\[',
  ']': '\\]',
  '|': '\\|',
  $: '\\$',
  // A zero-width joiner after @ and # stops GitHub from mentioning users/teams or linking issues.
  '@': `@${ZWJ}`,
  '#': `#${ZWJ}`,
};

const SPECIAL = /[&<>"\\`*_~[\]|$@#]/g;
// Line breaks would end a table row or start a block; other controls and bidi overrides hide text.
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;
// Block syntax only matters at the start of a line: bullet, setext and ordered-list starts.
// Parentheses and `!` stay: with `[` and `]` escaped they cannot form a link or an image.
const LEADING_BLOCK = /^(\s*)([-+=]|\d{1,9}(?=[.)](\s|$)))/;

// GFM turns bare `www.` and `scheme://` text into links; a zero-width joiner breaks both.
const BARE_LINK = /(www)(\.)|(:)(\/\/)/gi;

/**
 * Escapes untrusted text for inline use in markdown (prose or table cells). `null`/`undefined`
 * give ''. Newlines and control characters become spaces.
 */
export function escapeMarkdown(text: string | number | boolean | null | undefined): string {
  if (text === null || text === undefined) return '';
  const flat = String(text).replace(CONTROL, ' ').replace(BIDI, '');
  const escaped = flat.replace(SPECIAL, (ch) => REPLACEMENTS[ch] ?? ch).replace(BARE_LINK, `$1$3${ZWJ}$2$4`);
  return escaped.replace(LEADING_BLOCK, (_match, space: string, lead: string) =>
    /\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`,
  );
}

/**
 * Escapes untrusted text for HTML contexts where markdown is not parsed (e.g. `<summary>`):
 * entities for `& < > " '`, and the same mention/reference breaking.
 */
export function escapeHtmlText(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text)
    .replace(CONTROL, ' ')
    .replace(BIDI, '')
    .replace(/[&<>"'@#]/g, (ch) => (ch === '@' || ch === '#' ? `${ch}${ZWJ}` : `&#${ch.charCodeAt(0)};`));
}

/**
 * Markdown built by the renderer itself (formatted numbers, fixed words, already-escaped
 * fragments). Templates output it as is; everything else is escaped with `escapeMarkdown`.
 */
export class Markup {
  constructor(readonly markdown: string) {}

  toHTML(): string {
    return this.markdown;
  }

  toString(): string {
    return this.markdown;
  }
}

/** Wraps trusted markdown. */
export function markup(markdown: string): Markup {
  return new Markup(markdown);
}

/** A link to an http(s) URL, or the plain escaped text when the URL is not one. */
export function safeLink(text: string, url: string | null | undefined): Markup {
  const href = safeUrl(url);
  return href ? markup(`[${escapeMarkdown(text)}](${href})`) : markup(escapeMarkdown(text));
}

/**
 * An http(s) URL made safe for a markdown link destination (characters outside the URL set are
 * percent-encoded, including parentheses and spaces), or null.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s/]/i.test(url)) return null;
  return url.replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/g, (ch) =>
    Array.from(new TextEncoder().encode(ch), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(
      '',
    ),
  );
}
