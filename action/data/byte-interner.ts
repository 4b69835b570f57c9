/**
 * Dictionary-encodes byte strings without making a string per cell: an open-addressing hash table
 * keyed by the bytes themselves. Strings are decoded once per distinct level, at the end.
 */

const EMPTY = -1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export class ByteInterner {
  private slots = new Int32Array(64).fill(EMPTY);
  private readonly hashes: number[] = [];
  private readonly levels: Uint8Array[] = [];

  /** Number of distinct levels so far. */
  get size(): number {
    return this.levels.length;
  }

  /** The code of `src[start, end)`, adding it as a new level on first sight. */
  intern(src: Uint8Array, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ src[i]!, FNV_PRIME);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const code = this.slots[slot]!;
      if (code === EMPTY) return this.add(slot, hash, src, start, end);
      if (this.hashes[code] === hash && sameBytes(this.levels[code]!, src, start, end)) return code;
    }
  }

  /**
   * The levels as strings, in order of first appearance. Throws (a TypeError from TextDecoder)
   * when a level is not valid UTF-8; callers wrap it with the file and column.
   */
  decodeLevels(): string[] {
    return this.levels.map((bytes) => utf8.decode(bytes));
  }

  private add(slot: number, hash: number, src: Uint8Array, start: number, end: number): number {
    const code = this.levels.length;
    // Always a copy: a Buffer's own slice() is a view, and quoted cells live in a reused scratch buffer.
    this.levels.push(Uint8Array.prototype.slice.call(src, start, end));
    this.hashes.push(hash);
    this.slots[slot] = code;
    if (this.levels.length * 2 > this.slots.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let code = 0; code < this.hashes.length; code++) {
      let slot = this.hashes[code]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = code;
    }
    this.slots = slots;
  }
}

function sameBytes(level: Uint8Array, src: Uint8Array, start: number, end: number): boolean {
  if (level.length !== end - start) return false;
  for (let i = 0; i < level.length; i++) if (level[i] !== src[start + i]) return false;
  return true;
}
