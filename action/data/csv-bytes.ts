/** Whole-file byte scans for the CSV reader: BOM, blank files, row estimate, line numbers. */

const LF = 0x0a;
const CR = 0x0d;

/** 3 when the bytes start with a UTF-8 byte order mark, else 0. */
export function startAfterBom(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** 1-based line of a byte offset, for messages only (CRLF, LF and lone CR each end a line). */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] !== LF)) line++;
  }
  return line;
}

/**
 * A guess at the number of data rows from the line feeds in the first 64 KiB, a little high so
 * that the arrays rarely grow (counting every line feed first would be another full pass; the
 * arrays grow by doubling when the guess is short).
 */
export function estimateRows(bytes: Uint8Array, from: number): number {
  const sampleEnd = Math.min(bytes.length, from + 65536);
  let feeds = 0;
  for (let i = from; i < sampleEnd; i++) if (bytes[i] === LF) feeds++;
  if (sampleEnd === bytes.length) return feeds + 1;
  const perByte = (feeds + 1) / (sampleEnd - from);
  return Math.ceil((bytes.length - from) * perByte * 1.05) + 1024;
}

/** True when nothing but spaces, tabs and line breaks follows `from`. */
export function isBlank(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== LF && b !== CR && b !== 0x20 && b !== 0x09) return false;
  }
  return true;
}
