/** Check runs take at most 65,535 bytes of summary and of text. */

export const CHECK_TEXT_BYTES = 65_535;
/** GitHub shows short titles; longer ones are cut. */
export const CHECK_TITLE_CHARS = 200;

const encoder = new TextEncoder();

export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** `text` cut at a line boundary so that it and `suffix` fit in `max` bytes, with a note when cut. */
export function fitBytes(text: string, max: number, suffix = ''): string {
  const budget = max - byteLength(suffix);
  if (byteLength(text) <= budget) return text + suffix;
  const note =
    '\n\n_(Shortened to fit the size limit of a check run; the full report is in the workflow artifact.)_\n';
  let cut = text.slice(0, Math.max(0, budget - byteLength(note)));
  while (byteLength(cut) > budget - byteLength(note)) cut = cut.slice(0, Math.floor(cut.length * 0.95));
  const line = cut.lastIndexOf('\n');
  return `${line > 0 ? cut.slice(0, line) : cut}${note}${suffix}`;
}

/** A title of at most `CHECK_TITLE_CHARS` characters. */
export function fitTitle(title: string): string {
  return title.length <= CHECK_TITLE_CHARS ? title : `${title.slice(0, CHECK_TITLE_CHARS - 1)}…`;
}
