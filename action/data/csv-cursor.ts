/**
 * Walks RFC 4180 fields over the bytes of a whole file: quoted fields with "" escapes, embedded
 * commas and line breaks, CRLF or LF (a lone CR also ends a record). Each field is exposed as a
 * byte range (`src[start, end)`), never as a string.
 */

import { numberEnd, parseNumberBytes, parseNumberPrefix } from './parse-number-bytes.js';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const MINUS = 0x2d;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** Digits below 10^15 < 2^53 are exact in a double. */
const MAX_FAST_DIGITS = 15;
const POW10 = Array.from({ length: MAX_FAST_DIGITS + 1 }, (_, i) => 10 ** i);

/** Reports a malformed field at a byte offset; must throw. */
export type CsvFail = (message: string, offset: number) => never;

export class CsvCursor {
  /** The current field's bytes: `src[start, end)` (`src` is the file or, for escaped quotes, a scratch copy). */
  src: Uint8Array;
  start = 0;
  end = 0;
  /** Whether the current field ended its record (line break or end of file). */
  recordEnded = false;
  /** Offset of the next unread byte. */
  pos: number;
  private scratch = new Uint8Array(256);

  constructor(
    private readonly buf: Buffer,
    pos: number,
    private readonly fail: CsvFail,
  ) {
    this.src = buf;
    this.pos = pos;
  }

  /** True once every byte has been read. */
  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** Skips one blank line at the cursor; false when the line is not blank. */
  skipBlankLine(): boolean {
    const b = this.buf[this.pos];
    if (b === LF) this.pos++;
    else if (b === CR) this.pos += this.buf[this.pos + 1] === LF ? 2 : 1;
    else return false;
    return true;
  }

  /** Reads one field and its terminator. */
  readField(): void {
    const buf = this.buf;
    const n = buf.length;
    let p = this.pos;
    if (p < n && buf[p] === QUOTE) {
      this.readQuoted(p);
      return;
    }
    const start = p;
    // Hot loop: a quote inside an unquoted field is kept as text, as most readers do.
    while (p < n) {
      const b = buf[p]!;
      if (b === COMMA || b === LF || b === CR) break;
      p++;
    }
    this.src = buf;
    this.start = start;
    this.end = p;
    this.endField(p);
  }

  /**
   * Reads one field as a number: the value, or NaN when the field is empty (`start === end`) or
   * not a number (`start < end`). The common shape (sign, ≤15 digits, one '.') is parsed while
   * it is scanned: `digits / 10^k` on exact operands is correctly rounded, so it equals
   * `Number(text)`. Longer numbers and exponents go through `parseNumberPrefix`, still in one pass;
   * quotes, text and empty cells are re-read as a field.
   */
  readNumber(): number {
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    let b = buf[p];
    const negative = b === MINUS;
    if (negative) b = buf[++p];
    let mantissa = 0;
    let digits = 0;
    let decimals = -1;
    for (;;) {
      if (b !== undefined && b >= DIGIT_0 && b <= DIGIT_9) {
        if (++digits > MAX_FAST_DIGITS) return this.readLongNumber(start);
        mantissa = mantissa * 10 + (b - DIGIT_0);
        if (decimals >= 0) decimals++;
      } else if (b === DOT && decimals < 0) decimals = 0;
      else break;
      b = buf[++p];
    }
    if (digits === 0 || (b !== COMMA && b !== LF && b !== CR && b !== undefined))
      return this.readLongNumber(start);
    this.setField(start, p);
    const value = decimals > 0 ? mantissa / POW10[decimals]! : mantissa;
    return negative ? -value : value;
  }

  private readLongNumber(start: number): number {
    const buf = this.buf;
    const value = parseNumberPrefix(buf, start, buf.length);
    const p = numberEnd.offset;
    const b = buf[p];
    if (!Number.isNaN(value) && (b === COMMA || b === LF || b === CR || p === buf.length)) {
      this.setField(start, p);
      return value;
    }
    this.pos = start;
    this.readField();
    return this.start === this.end ? Number.NaN : parseNumberBytes(this.src, this.start, this.end);
  }

  private setField(start: number, end: number): void {
    this.src = this.buf;
    this.start = start;
    this.end = end;
    this.endField(end);
  }

  /** Reads fields up to the end of the record; returns how many there were. */
  skipRecord(): number {
    let count = 0;
    do {
      this.readField();
      count++;
    } while (!this.recordEnded);
    return count;
  }

  private readQuoted(open: number): void {
    const buf = this.buf;
    const n = buf.length;
    let close = open + 1;
    let escapes = 0;
    // A byte loop beats a native indexOf call per field for the short fields of typical data.
    for (;;) {
      while (close < n && buf[close] !== QUOTE) close++;
      if (close === n) this.fail('unterminated quoted field (a " is never closed)', open);
      if (buf[close + 1] !== QUOTE) break;
      escapes++;
      close += 2;
    }
    if (escapes === 0) {
      this.src = buf;
      this.start = open + 1;
      this.end = close;
    } else this.unescape(open + 1, close, escapes);
    const after = buf[close + 1];
    if (close + 1 < buf.length && after !== COMMA && after !== LF && after !== CR) {
      this.fail(
        'unexpected character after a closing quote (quotes inside a field must be doubled)',
        close + 1,
      );
    }
    this.endField(close + 1);
  }

  /** Copies `buf[from, to)` into the scratch buffer, turning each "" into ". */
  private unescape(from: number, to: number, escapes: number): void {
    const length = to - from - escapes;
    if (this.scratch.length < length) this.scratch = new Uint8Array(length * 2);
    const out = this.scratch;
    let o = 0;
    for (let i = from; i < to; i++) {
      out[o++] = this.buf[i]!;
      if (this.buf[i] === QUOTE) i++;
    }
    this.src = out;
    this.start = 0;
    this.end = o;
  }

  /** Consumes the terminator at `p`: a comma, a line break (CRLF, LF or CR) or the end of the file. */
  private endField(p: number): void {
    const buf = this.buf;
    const b = buf[p];
    if (b === COMMA) {
      this.pos = p + 1;
      this.recordEnded = false;
      return;
    }
    this.recordEnded = true;
    if (b === CR) this.pos = buf[p + 1] === LF ? p + 2 : p + 1;
    else this.pos = p < buf.length ? p + 1 : p;
  }
}
