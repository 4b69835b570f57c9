/**
 * Flags model inputs that are, or almost perfectly reveal, a sensitive attribute: the column itself,
 * a one-hot encoding of it (`gender=female`, `gender_female`), or a proxy that predicts it.
 */
import type { Column } from '../data/table.js';
import type { Flag } from '../report/schema.js';

/** Proxy strength at or above which a feature is flagged (share of the majority-guess error removed). */
export const PROXY_THRESHOLD = 0.9;
const MAX_BINS = 32;
/** Fewer rows per feature value or bin than this and a majority guess memorises rows: not judged. */
const MIN_ROWS_PER_BIN = 25;

/**
 * Returns one flag per sensitive column given directly as input (listing its encodings), and one per
 * feature that is a near-perfect proxy of a sensitive column.
 * Proxy strength = (acc − base) / (1 − base), where acc is the accuracy of guessing the sensitive group
 * from the feature's value (or its quantile bin, ≤ 32 bins) by majority, and base guesses the overall
 * majority group. 1 = the feature determines the group; 0 = it says nothing about it.
 */
export function detectSensitiveInputs(input: { features: Column[]; sensitive: Column[] }): Flag[] {
  const flags: Flag[] = [];
  for (const s of input.sensitive) {
    const groups = groupCodes(s);
    const direct: string[] = [];
    for (const f of input.features) {
      if (isDirect(f.name, s.name)) {
        direct.push(f.name);
        continue;
      }
      const strength = computeProxyStrength(binCodes(f), groups);
      if (strength !== null && strength >= PROXY_THRESHOLD) {
        flags.push({
          code: 'sensitive_proxy',
          severity: 'risk',
          message: `The input "${f.name}" predicts the sensitive attribute "${s.name}" almost perfectly (proxy strength ${strength.toFixed(2)}).`,
        });
      }
    }
    if (direct.length > 0) {
      const list = direct.map((name) => `"${name}"`).join(', ');
      flags.push({
        code: 'sensitive_input',
        severity: 'risk',
        message: `The model inputs include the sensitive attribute "${s.name}" directly (${list}); check the feature importance to see whether each model uses it.`,
      });
    }
  }
  return flags;
}

function isDirect(feature: string, sensitive: string): boolean {
  const f = feature.toLowerCase();
  const s = sensitive.toLowerCase();
  return f === s || f.startsWith(`${s}=`) || f.startsWith(`${s}_`) || f.startsWith(`${s}.`);
}

interface Codes {
  codes: Int32Array;
  k: number;
}

function groupCodes(column: Column): Codes {
  if (column.kind === 'categorical') {
    // Missing (-1) becomes its own group k.
    const k = column.levels.length + 1;
    const codes = column.codes.map((c) => (c < 0 ? k - 1 : c));
    return { codes, k };
  }
  return binCodes(column);
}

/** Distinct values when there are at most 32, else quantile bins. */
function binCodes(column: Column): Codes {
  if (column.kind === 'categorical') return groupCodes(column);
  const values = column.values;
  const maxBins = Math.max(2, Math.min(MAX_BINS, Math.floor(values.length / MIN_ROWS_PER_BIN)));
  const distinct = new Map<number, number>();
  for (let i = 0; i < values.length && distinct.size <= maxBins; i++) {
    const v = values[i]!;
    if (!distinct.has(v)) distinct.set(v, distinct.size);
  }
  const codes = new Int32Array(values.length);
  if (distinct.size <= maxBins) {
    for (let i = 0; i < values.length; i++) codes[i] = distinct.get(values[i]!) ?? 0;
    return { codes, k: distinct.size };
  }
  const sorted = Float64Array.from(values).sort();
  const edges = new Float64Array(maxBins - 1);
  for (let b = 1; b < maxBins; b++) edges[b - 1] = sorted[Math.floor((b * sorted.length) / maxBins)]!;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v < edges[mid]!) hi = mid;
      else lo = mid + 1;
    }
    codes[i] = Number.isNaN(v) ? maxBins - 1 : lo;
  }
  return { codes, k: maxBins };
}

/**
 * Normalised majority-guess accuracy gain of predicting `target` from `feature`; null if the target
 * is constant or the feature has too many values for the rows (fewer than 25 rows per value).
 */
export function computeProxyStrength(feature: Codes, target: Codes): number | null {
  const n = feature.codes.length;
  if (n === 0 || feature.k * MIN_ROWS_PER_BIN > n) return null;
  const table = new Float64Array(feature.k * target.k);
  const totals = new Float64Array(target.k);
  for (let i = 0; i < n; i++) {
    table[feature.codes[i]! * target.k + target.codes[i]!]! += 1;
    totals[target.codes[i]!]! += 1;
  }
  const base = Math.max(...totals) / n;
  if (base >= 1) return null;
  let correct = 0;
  for (let f = 0; f < feature.k; f++) {
    let best = 0;
    for (let t = 0; t < target.k; t++) best = Math.max(best, table[f * target.k + t]!);
    correct += best;
  }
  return (correct / n - base) / (1 - base);
}
