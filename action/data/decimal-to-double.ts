/**
 * Correctly rounded `digits × 10^exponent` for decimal mantissas of 16–19 digits (what float
 * writers such as `repr` and `%.17g` produce), without building a string for `Number`. The
 * mantissa and the result are carried as double-double pairs (~104 bits, exact products by
 * Dekker's split); a result is returned only when that precision proves the rounding, otherwise
 * NaN tells the caller to fall back to `Number(text)` (near-ties, about one in 2^40).
 */

/** 2^27 + 1: splits a double into two 26-bit halves whose products are exact. */
const SPLITTER = 134217729;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Bound on |error| / |result| of the pair arithmetic below (actual ≈ 2^-102), with slack. */
const RELATIVE_ERROR = 2 ** -96;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the high 32-bit word of a double on this platform. */
const HIGH = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;

/** Product error: `a * b - fl(a * b)`, exact (Dekker). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * `(head × 10^tailDigits + tail) × 10^exponent`, correctly rounded, or NaN when unproven.
 * Requires head < 10^15, tail < 10^tailDigits, tailDigits ≤ 4, |exponent| ≤ 22.
 */
export function decimalToDouble(head: number, tailDigits: number, tail: number, exponent: number): number {
  // The mantissa exactly, as hi + lo.
  const scaled = head * POW10[tailDigits]!;
  const scaledError = productError(head, POW10[tailDigits]!, scaled);
  let hi = scaled + tail;
  const tailError = tail - (hi - scaled);
  let lo = tailError + scaledError;
  const renormalised = hi + lo;
  lo = lo - (renormalised - hi);
  hi = renormalised;
  // Scale by the power of ten (exact as a double): q1 + q2.
  const power = POW10[Math.abs(exponent)]!;
  let q1: number;
  let q2: number;
  if (exponent >= 0) {
    q1 = hi * power;
    q2 = productError(hi, power, q1) + lo * power;
  } else {
    q1 = hi / power;
    const p = q1 * power;
    q2 = (hi - p - productError(q1, power, p) + lo) / power;
  }
  return roundPair(q1, q2);
}

/** fl(q1 + q2) when the pair's error cannot change the rounding; NaN otherwise. q1 > 0. */
function roundPair(q1: number, q2: number): number {
  const s = q1 + q2;
  const v = s - q1;
  const t = q1 - (s - v) + (q2 - v);
  bits[0] = s;
  const high = words[HIGH]!;
  const exponentBits = (high >>> 20) & 0x7ff;
  if (exponentBits < 54 || exponentBits === 0x7ff) return Number.NaN;
  const powerOfTwo = (high & 0xfffff) === 0 && words[1 - HIGH] === 0;
  // ulp(s) = 2^(E - 1075): the double with biased exponent E - 52 and a zero mantissa.
  words[HIGH] = (exponentBits - 52) << 20;
  words[1 - HIGH] = 0;
  let halfUlp = bits[0]! / 2;
  // Just below a power of two the spacing halves, and so does the rounding interval on that side.
  if (powerOfTwo && t < 0) halfUlp /= 2;
  return halfUlp - Math.abs(t) > s * RELATIVE_ERROR ? s : Number.NaN;
}
