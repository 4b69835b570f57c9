/**
 * A private Handlebars instance whose `{{x}}` escapes for markdown instead of HTML. Built with
 * `Handlebars.create()` (never the global instance): its compiler emits a call to our escape
 * helper wherever Handlebars would HTML-escape, in templates, partials and nested blocks alike.
 */
import Handlebars from 'handlebars';
import { escapeHtmlText, escapeMarkdown } from './escape-markdown.js';

type HandlebarsEnv = ReturnType<typeof Handlebars.create>;

/** The internal compiler surface we extend (not in Handlebars' type declarations). */
interface CompilerInstance {
  pushSource(source: unknown): void;
  appendToBuffer(parts: unknown[]): unknown;
  aliasable(name: string): unknown;
  popStack(): unknown;
}
type CompilerClass = new () => CompilerInstance;

// Registered as an object, not a function: Handlebars wraps function helpers to add
// `lookupProperty` to their last argument, which would be the escaped value here.
const ESCAPER = 'modelgateMarkdown';

/** Escapes a value for `{{x}}`: `Markup` (anything with `toHTML`) passes through, `null` → ''. */
export function escapeValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && typeof (value as { toHTML?: unknown }).toHTML === 'function') {
    return String((value as { toHTML: () => unknown }).toHTML());
  }
  return escapeMarkdown(String(value));
}

/**
 * A Handlebars environment for markdown. `collapse` decides what the `{{#collapsible title}}`
 * block renders: `<details>` (GitHub) or a plain `####` section (files read as text).
 */
export function createMarkdownHandlebars(collapse: boolean): HandlebarsEnv {
  const hb = Handlebars.create();
  const env = hb as unknown as { JavaScriptCompiler: CompilerClass };
  const Base = env.JavaScriptCompiler;
  class MarkdownCompiler extends Base {
    appendEscaped(): void {
      this.pushSource(
        this.appendToBuffer([this.aliasable(`helpers.${ESCAPER}.escape`), '(', this.popStack(), ')']),
      );
    }
  }
  // Child programs ({{#each}} bodies…) are compiled with `new this.compiler()`.
  (MarkdownCompiler.prototype as unknown as { compiler: CompilerClass }).compiler = MarkdownCompiler;
  env.JavaScriptCompiler = MarkdownCompiler;
  hb.registerHelper(ESCAPER, { escape: escapeValue } as unknown as Handlebars.HelperDelegate);
  hb.registerHelper(
    'collapsible',
    function (this: unknown, title: unknown, options: Handlebars.HelperOptions) {
      const body = options.fn(this).replace(/\n+$/, '');
      return collapse
        ? `<details>\n<summary>${escapeHtmlText(String(title))}</summary>\n\n${body}\n\n</details>\n\n`
        : `#### ${escapeMarkdown(String(title))}\n\n${body}\n\n`;
    },
  );
  return hb;
}
