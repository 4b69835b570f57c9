/**
 * Splits a command template into argv words the way a POSIX shell would for plain commands (quotes
 * and backslashes), then substitutes `{model}`, `{data}` and `{out}` inside each word. Paths are
 * substituted after splitting, so a path with spaces or quotes stays one word and is never
 * interpreted. No shell runs: pipes, redirects, `;`, `&&`, `$VAR` and backticks are rejected
 * (put them in a script and call the script).
 */

/** Characters that mean something only to a shell. Quoted, they are ordinary characters. */
const SHELL_OPERATORS = new Set(['|', '&', ';', '<', '>', '(', ')', '$', '`']);

/** Thrown for an unusable template; the runner turns it into a ModelError naming the artifact. */
export class CommandTemplateError extends Error {}

/** Splits a template into words. Throws CommandTemplateError on unbalanced quotes or shell operators. */
export function parseCommandTemplate(template: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const take = (): string => {
    if (i >= template.length) throw new CommandTemplateError('the command ends with a lone backslash');
    return template[i++]!;
  };
  while (i < template.length) {
    const ch = template[i++]!;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (ch === '\\') word += take();
    else if (ch === "'") {
      const end = template.indexOf("'", i);
      if (end < 0) throw new CommandTemplateError(`unterminated ' quote at character ${i}`);
      word += template.slice(i, end);
      i = end + 1;
    } else if (ch === '"') {
      const start = i;
      for (;;) {
        if (i >= template.length)
          throw new CommandTemplateError(`unterminated " quote at character ${start}`);
        const c = template[i++]!;
        if (c === '"') break;
        // Inside double quotes a backslash escapes only these, as in POSIX sh.
        word += c === '\\' && '"\\$`'.includes(template[i] ?? '') ? take() : c;
      }
    } else if (SHELL_OPERATORS.has(ch)) {
      throw new CommandTemplateError(
        `'${ch}' at character ${i} needs a shell, and commands run without one; quote it, or move the pipeline into a script`,
      );
    } else word += ch;
  }
  if (inWord) words.push(word);
  if (words.length === 0) throw new CommandTemplateError('the command is empty');
  return words;
}

/** Replaces `{model}`, `{data}` and `{out}` in each word; other braces are left as they are. */
export function buildCommandArgv(
  template: string,
  values: { model: string; data: string; out: string },
): string[] {
  return parseCommandTemplate(template).map((w) =>
    w.replace(/\{(model|data|out)\}/g, (_, key: 'model' | 'data' | 'out') => values[key]),
  );
}
