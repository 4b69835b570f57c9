/**
 * Number formatting shared by gate messages and rendered reports: short, stable, locale-free.
 * Output contains only digits, `.`, `-`, `+`, `e`, `%`, `[`, `]`, `,` and spaces, so it is
 * safe to place in markdown without escaping.
 */

/**
 * A measured value with 3–4 significant decimals: `0.842`, `0.012`, `0.0012`, `12.35`, `1235`,
 * `123457` (whole numbers from 1000 on).
 * Values in [0.01, 1) keep three decimals (trailing zeros included) so metric columns align;
 * `null`, NaN and ±Infinity give `n/a`.
 */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1000) return Math.round(x).toString();
  if (abs >= 1) return Number(x.toPrecision(4)).toString();
  if (abs >= 0.01) return x.toFixed(3);
  return Number(x.toPrecision(2)).toString();
}

/** A difference with its sign: `+0.004`, `-0.012`, `0`. */
export function formatSigned(x: number | null | undefined): string {
  const text = formatNumber(x);
  return x !== null && x !== undefined && Number.isFinite(x) && x > 0 ? `+${text}` : text;
}

/** An interval as `[lo, hi]`; `null` gives an empty string. */
export function formatInterval(ci: readonly [number, number] | null | undefined, signed = false): string {
  if (!ci) return '';
  const f = signed ? formatSigned : formatNumber;
  return `[${f(ci[0])}, ${f(ci[1])}]`;
}

/** A configured threshold as written (`0.1`, `0.05`, `5`), rounded to 6 significant digits. */
export function formatThreshold(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return Number(x.toPrecision(6)).toString();
}

/** A fraction as a percentage with up to 3 significant digits: 0.0625 → `6.25%`, 0.05 → `5%`. */
export function formatPercent(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  return `${Number((x * 100).toPrecision(3)).toString()}%`;
}

/** A confidence level as a percentage: 0.95 → `95%`, 0.975 → `97.5%`. */
export function formatConfidence(level: number): string {
  return formatPercent(level);
}
