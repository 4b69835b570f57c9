/**
 * Escaping for text inside Mermaid chart definitions (quoted labels and titles). Mermaid has no
 * reliable escape inside quotes, so only a safe set of characters is kept: letters, digits,
 * spaces and `_ - . & + / : , ( ) '`; anything else (quotes, brackets, backticks, `%`, `;`,
 * `#`, `<`, `>`, newlines) becomes `_`. Labels are cut to `max` characters.
 */
export function escapeMermaidLabel(text: string, max = 40): string {
  const kept = Array.from(text.replace(/[^\p{L}\p{N} _\-.&+/:,()']/gu, '_'));
  return kept.length > max ? `${kept.slice(0, max - 1).join('')}…` : kept.join('');
}
