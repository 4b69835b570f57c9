/**
 * The fixed binning of numeric columns for PSI (and its chi-square guard): 10 bins cut at the
 * reference's deciles.
 *
 * Edges are the reference quantiles at 0.1, 0.2, …, 0.9 with numpy's default ("linear") method,
 * duplicates removed (a column with ties at a decile has fewer bins); a value x falls in bin
 * `#{edges < x}`, i.e. bins are (−∞, e₁], (e₁, e₂], …, (e_k, +∞) — numpy's
 * `np.searchsorted(edges, x, side="left")`. Missing values are counted in a separate last bin.
 */
import { computeSortedQuantile } from '../stats/interval.js';

/** The quantile levels the edges are cut at. */
export const DECILE_LEVELS: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * Distinct decile edges of a reference already sorted ascending (missing values removed).
 * @returns an empty array for an empty reference (every value then falls in one bin).
 */
export function computeDecileEdges(sortedReference: Float64Array): Float64Array {
  if (sortedReference.length === 0) return new Float64Array(0);
  const edges: number[] = [];
  for (const level of DECILE_LEVELS) {
    const edge = computeSortedQuantile(sortedReference, level);
    if (edges.length === 0 || edge !== edges[edges.length - 1]) edges.push(edge);
  }
  return Float64Array.from(edges);
}

/**
 * Counts sorted values into the bins of `edges` (one pass: both are ascending), and appends the
 * missing count as the last bin.
 * @returns `edges.length + 2` counts: the value bins, then the missing bin.
 */
export function countSortedBins(sorted: Float64Array, edges: Float64Array, missing: number): Float64Array {
  const counts = new Float64Array(edges.length + 2);
  let p = 0;
  for (let j = 0; j < edges.length; j++) {
    const start = p;
    const edge = edges[j]!;
    while (p < sorted.length && sorted[p]! <= edge) p++;
    counts[j] = p - start;
  }
  counts[edges.length] = sorted.length - p;
  counts[edges.length + 1] = missing;
  return counts;
}
