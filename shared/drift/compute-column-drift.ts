/**
 * Drift of one column between the reference and the current data, and its decision.
 *
 * Numeric columns (numeric on both sides): PSI over the reference-decile bins (see decile-bins.ts)
 * and the two-sample KS statistic over the non-missing values. Categorical columns (or a column
 * numeric on one side only, compared as text): PSI and Jensen–Shannon distance over the categories,
 * and Cramér's V. Both kinds carry Pearson's chi-square test on their bins or categories (the
 * missing bin included), which guards PSI, Jensen–Shannon and Cramér's V against sampling noise.
 *
 * Decision (effect size first, p-values only as a guard, see {@link decideColumnDrift}).
 */
import { type CategoricalColumn, type Column, toCategoricalColumn } from '../data/table.js';
import { type ChiSquareResult, computeChiSquare } from './compute-chi-square.js';
import { computeJensenShannon } from './compute-jensen-shannon.js';
import { computeKs, type KsResult } from './compute-ks.js';
import { computePsi } from './compute-psi.js';
import { computeDecileEdges, countSortedBins } from './decile-bins.js';
import type { ColumnDrift, DriftStatistic, DriftThresholds } from './schema.js';
import { computeMean, sortFinite } from './sort-finite.js';

/** One column on both sides, with the thresholds that decide it. */
export interface ColumnDriftInput {
  /** Name shown in the report (the column, or e.g. "score" for predictions). */
  name: string;
  role: ColumnDrift['role'];
  reference: Column;
  current: Column;
  thresholds: DriftThresholds;
  /** Compare as categories even when both sides are numeric (class labels). */
  categorical?: boolean;
  /** Binary labels: the positive label, whose rate summarises the shift. */
  positive?: string;
}

type Statistics = Pick<
  ColumnDrift,
  'kind' | 'rows' | 'missing' | 'bins' | 'psi' | 'ks' | 'jensenShannon' | 'chiSquare' | 'shift'
>;

/** Computes every statistic of one column and decides whether it drifted. */
export function computeColumnDrift(input: ColumnDriftInput): ColumnDrift {
  const { reference, current } = input;
  const numeric = !input.categorical && reference.kind === 'numeric' && current.kind === 'numeric';
  const stats =
    numeric && reference.kind === 'numeric' && current.kind === 'numeric'
      ? computeNumericStatistics(reference.values, current.values)
      : computeCategoricalStatistics(toCategorical(reference), toCategorical(current), input.positive);
  return { column: input.name, role: input.role, ...stats, ...decideColumnDrift(stats, input.thresholds) };
}

/**
 * The decision rule. With fewer than `minRows` rows on either side: `insufficient` ("too little
 * data to judge"). Otherwise a statistic counts as exceeded when its effect size is above its
 * threshold *and* its test is significant at `alpha`: PSI > psi_max (chi-square on the bins),
 * KS D > ks_max (KS p-value; numeric), Jensen–Shannon > js_max or, with `categorical:
 * chi_square`, Cramér's V > cramers_v_max (chi-square on the categories). Any exceeded statistic
 * makes the column `drifted`. At large n every p-value is tiny, so the effect sizes decide; at
 * small n the tests stop noise from deciding.
 */
export function decideColumnDrift(
  stats: Pick<ColumnDrift, 'kind' | 'rows' | 'psi' | 'ks' | 'jensenShannon' | 'chiSquare'>,
  t: DriftThresholds,
): { status: ColumnDrift['status']; exceeded: DriftStatistic[] } {
  if (stats.rows.reference < t.minRows || stats.rows.current < t.minRows)
    return { status: 'insufficient', exceeded: [] };
  const significant = stats.chiSquare !== null && stats.chiSquare.pValue < t.alpha;
  const exceeded: DriftStatistic[] = [];
  if (significant && stats.psi !== null && stats.psi > t.psiMax) exceeded.push('psi');
  if (stats.kind === 'numeric') {
    if (stats.ks !== null && stats.ks.statistic > t.ksMax && stats.ks.pValue < t.alpha) exceeded.push('ks');
  } else if (t.categorical === 'jensen_shannon') {
    if (significant && stats.jensenShannon !== null && stats.jensenShannon > t.jsMax)
      exceeded.push('jensen_shannon');
  } else if (significant && stats.chiSquare !== null && stats.chiSquare.cramersV > t.cramersVMax) {
    exceeded.push('cramers_v');
  }
  return { status: exceeded.length > 0 ? 'drifted' : 'stable', exceeded };
}

function computeNumericStatistics(referenceValues: Float64Array, currentValues: Float64Array): Statistics {
  const reference = sortFinite(referenceValues);
  const current = sortFinite(currentValues);
  const edges = computeDecileEdges(reference.sorted);
  const refCounts = countSortedBins(reference.sorted, edges, reference.missing);
  const curCounts = countSortedBins(current.sorted, edges, current.missing);
  const ks: KsResult | null = computeKs(reference.sorted, current.sorted);
  return {
    kind: 'numeric',
    rows: { reference: referenceValues.length, current: currentValues.length },
    missing: { reference: reference.missing, current: current.missing },
    bins: refCounts.length,
    psi: computePsi(refCounts, curCounts),
    ks,
    jensenShannon: null,
    chiSquare: computeChiSquare(refCounts, curCounts),
    shift: {
      statistic: 'mean',
      reference: finiteOrNull(computeMean(reference.sorted)),
      current: finiteOrNull(computeMean(current.sorted)),
    },
  };
}

function computeCategoricalStatistics(
  reference: CategoricalColumn,
  current: CategoricalColumn,
  positive: string | undefined,
): Statistics {
  const categories = [...reference.levels];
  const index = new Map(categories.map((level, i) => [level, i]));
  for (const level of current.levels) {
    if (!index.has(level)) {
      index.set(level, categories.length);
      categories.push(level);
    }
  }
  const refCounts = countCategories(reference, index, categories.length);
  const curCounts = countCategories(current, index, categories.length);
  const chiSquare: ChiSquareResult | null = computeChiSquare(refCounts, curCounts);
  return {
    kind: 'categorical',
    rows: { reference: reference.codes.length, current: current.codes.length },
    missing: { reference: refCounts[categories.length]!, current: curCounts[categories.length]! },
    bins: refCounts.length,
    psi: computePsi(refCounts, curCounts),
    ks: null,
    jensenShannon: computeJensenShannon(refCounts, curCounts),
    chiSquare,
    shift: summarizeShift(categories, refCounts, curCounts, positive),
  };
}

/** Counts per category of the union (`index`), plus the missing count as the last entry. */
function countCategories(column: CategoricalColumn, index: Map<string, number>, size: number): Float64Array {
  const counts = new Float64Array(size + 1);
  const map = Int32Array.from(column.levels, (level) => index.get(level)!);
  const codes = column.codes;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    const slot = code < 0 ? size : map[code]!;
    counts[slot] = counts[slot]! + 1;
  }
  return counts;
}

/** The positive rate (binary labels), else the category whose share of non-missing rows moved most. */
function summarizeShift(
  categories: string[],
  ref: Float64Array,
  cur: Float64Array,
  positive: string | undefined,
): ColumnDrift['shift'] {
  const k = categories.length;
  const refTotal = ref.reduce((a, b) => a + b, 0) - ref[k]!;
  const curTotal = cur.reduce((a, b) => a + b, 0) - cur[k]!;
  const share = (counts: Float64Array, total: number, i: number) => (total > 0 ? counts[i]! / total : null);
  if (positive !== undefined) {
    const i = categories.indexOf(positive);
    return {
      statistic: 'rate',
      reference: i < 0 ? 0 : share(ref, refTotal, i),
      current: i < 0 ? 0 : share(cur, curTotal, i),
    };
  }
  let best = -1;
  let bestMove = -1;
  for (let i = 0; i < k; i++) {
    const move = Math.abs((share(cur, curTotal, i) ?? 0) - (share(ref, refTotal, i) ?? 0));
    if (move > bestMove) [best, bestMove] = [i, move];
  }
  if (best < 0) return null;
  return {
    statistic: 'share',
    category: categories[best]!,
    reference: share(ref, refTotal, best),
    current: share(cur, curTotal, best),
  };
}

/** A numeric column as text categories (`String(value)`; NaN → missing). */
export const toCategorical = toCategoricalColumn;

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
