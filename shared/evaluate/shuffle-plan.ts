/**
 * A fixed permutation of rows (slot order → production order) applied to the count words of a
 * batch as two sequential passes, radix style: a direct gather reads one random row of a
 * many-megabyte array per row (a cache and TLB miss each, at memory latency); here the first pass
 * writes each row to the next entry of its target window (a few hundred sequential write streams)
 * and the second places a window's rows within a 64 KiB span that stays in cache.
 */

/** Target positions per window: 2^12 rows of four count words (64 KiB). */
export const WINDOW_SHIFT = 12;
/** Int32 words per row moved by the passes. */
export const SHUFFLE_ROW_WORDS = 4;

/** See the file comment; built once by {@link buildShufflePlan}. */
export interface ShufflePlan {
  /** For each source position, its entry in the shuffle buffer. */
  entry: Uint32Array;
  /** For each entry of the shuffle buffer, its target position. */
  target: Uint32Array;
  /** Window w's entries: [windowStarts[w], windowStarts[w + 1]); their targets lie in window w. */
  windowStarts: Uint32Array;
}

/** The plan of the permutation sending source position s to `targetOf[s]` (a permutation of 0…n−1). */
export function buildShufflePlan(targetOf: Uint32Array): ShufflePlan {
  const n = targetOf.length;
  const windows = Math.ceil(n / 2 ** WINDOW_SHIFT);
  const windowStarts = new Uint32Array(windows + 1);
  for (let s = 0; s < n; s++) windowStarts[(targetOf[s]! >>> WINDOW_SHIFT) + 1]!++;
  for (let w = 0; w < windows; w++) windowStarts[w + 1]! += windowStarts[w]!;
  const next = windowStarts.slice(0, windows);
  const entry = new Uint32Array(n);
  const target = new Uint32Array(n);
  for (let s = 0; s < n; s++) {
    const e = next[targetOf[s]! >>> WINDOW_SHIFT]!++;
    entry[s] = e;
    target[e] = targetOf[s]!;
  }
  return { entry, target, windowStarts };
}

/** First pass: rows of `from` (four int32 words each) to their entries in `to`. */
export function scatterToWindows(plan: ShufflePlan, from: Int32Array, to: Int32Array): void {
  const entry = plan.entry;
  for (let s = 0, q = 0; s < entry.length; s++, q += 4) {
    const e = 4 * entry[s]!;
    to[e] = from[q]!;
    to[e + 1] = from[q + 1]!;
    to[e + 2] = from[q + 2]!;
    to[e + 3] = from[q + 3]!;
  }
}

/** Second pass for window w: its entries of `from` (the shuffle buffer) to their targets in `to`. */
export function placeWindow(plan: ShufflePlan, w: number, from: Int32Array, to: Int32Array): void {
  const target = plan.target;
  const end = plan.windowStarts[w + 1]!;
  for (let e = plan.windowStarts[w]!, q = 4 * e; e < end; e++, q += 4) {
    const t = 4 * target[e]!;
    to[t] = from[q]!;
    to[t + 1] = from[q + 1]!;
    to[t + 2] = from[q + 2]!;
    to[t + 3] = from[q + 3]!;
  }
}
