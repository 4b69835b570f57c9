/**
 * Sorting for the distribution statistics. V8's typed-array sort takes ~200 ms per million
 * doubles, which dominated drift at a million rows; an LSD radix sort on the doubles' bit
 * patterns (4 passes of 16 bits) does the same in a fraction of that.
 */

/** Below this length the native sort is as fast (the radix passes have a fixed cost). */
const RADIX_MIN = 2048;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The values of a numeric column without its missing cells (NaN), sorted ascending, as a new
 * array (the column is not modified). −0 sorts before +0, as the native sort orders them.
 * @returns the sorted values and how many cells were missing.
 */
export function sortFinite(values: Float64Array): { sorted: Float64Array; missing: number } {
  const kept = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) kept[n++] = v;
  }
  const sorted = kept.subarray(0, n);
  if (n < RADIX_MIN || !LITTLE_ENDIAN) sorted.sort();
  else radixSort(sorted);
  return { sorted, missing: values.length - n };
}

/**
 * Sorts doubles (no NaN) in place: each is mapped to an unsigned 64-bit key that orders like the
 * number (negative: all bits flipped; positive: sign bit set), the keys are sorted by 16-bit
 * digits from the least significant, and mapped back.
 */
export function radixSort(values: Float64Array): void {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1]!;
    const negative = h >>> 31 === 1;
    lo[i] = negative ? ~words[2 * i]! >>> 0 : words[2 * i]!;
    hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  const offsets = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    offsets.fill(0);
    for (let i = 0; i < n; i++) offsets[(word[i]! >>> shift) & 0xffff]!++;
    if (offsets[(word[0]! >>> shift) & 0xffff] === n) continue; // one digit only: already in order
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const count = offsets[d]!;
      offsets[d] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const at = offsets[(word[i]! >>> shift) & 0xffff]!++;
      lo2[at] = lo[i]!;
      hi2[at] = hi[i]!;
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
  }
  for (let i = 0; i < n; i++) {
    const h = hi[i]!;
    const positive = h >>> 31 === 1;
    words[2 * i] = positive ? lo[i]! : ~lo[i]! >>> 0;
    words[2 * i + 1] = positive ? h & 0x7fffffff : ~h >>> 0;
  }
}

/** Arithmetic mean of a non-empty array; NaN when empty. */
export function computeMean(values: Float64Array): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}
