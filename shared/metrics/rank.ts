/**
 * Rank metrics of a binary score: ROC AUC and average precision, scikit-learn 1.2 definitions.
 * Both walk a presorted order once, one threshold per run of equal scores, so the bootstrap sorts
 * once and re-evaluates each resample as per-row multiplicities without re-sorting.
 */
import type { MetricValue } from '../evaluate/types.js';
import { assertSameLength, type RowWeights } from './check-input.js';
import { sortOrderDescending } from './sort-order-descending.js';

export type { RowWeights } from './check-input.js';
export { sortOrderDescending } from './sort-order-descending.js';

/** Totals of one pass over the runs of equal scores. */
interface RankSums {
  pos: number;
  neg: number;
  /** Σ over runs of negatives · (positives above + ½ positives in the run). */
  area: number;
  /** Σ over runs of positives in the run · precision at the run's threshold. */
  precisionSum: number;
}

/**
 * One pass over `order`, one threshold per run of equal scores (compared with `===`, so -0 ties
 * with +0 as in numpy's `diff`). Branch-free per row: with y ∈ {0, 1}, `y·w` is exactly w or 0,
 * so integer and real weights both stay exact.
 */
function scanRuns(y: Uint8Array, score: Float64Array, order: Uint32Array, weights?: RowWeights): RankSums {
  const n = order.length;
  let pos = 0;
  let neg = 0;
  let area = 0;
  let precisionSum = 0;
  let i = 0;
  let row = n > 0 ? order[0]! : 0;
  let value = n > 0 ? score[row]! : 0;
  while (i < n) {
    let runPos = 0;
    let runNeg = 0;
    const runValue = value;
    do {
      const w = weights === undefined ? 1 : weights[row]!;
      const p = y[row]! * w;
      runPos += p;
      runNeg += w - p;
      if (++i === n) break;
      row = order[i]!;
      value = score[row]!;
    } while (value === runValue);
    area += runNeg * (pos + runPos / 2);
    pos += runPos;
    neg += runNeg;
    // A run without positives moves recall by 0 (and may weigh 0): it adds nothing.
    if (runPos > 0) precisionSum += runPos * (pos / (pos + neg));
  }
  return { pos, neg, area, precisionSum };
}

function scan(y: Uint8Array, score: Float64Array, order?: Uint32Array, weights?: RowWeights): RankSums {
  assertSameLength({ y, score, order, weights });
  return scanRuns(y, score, order ?? sortOrderDescending(score), weights);
}

function rocAucOf(s: RankSums): MetricValue {
  if (s.pos === 0 || s.neg === 0) {
    return {
      value: null,
      reason: `only one class present (${s.pos === 0 ? 'no positives' : 'no negatives'})`,
    };
  }
  return { value: s.area / (s.pos * s.neg) };
}

function averagePrecisionOf(s: RankSums): MetricValue {
  return s.pos === 0 ? { value: null, reason: 'no actual positives' } : { value: s.precisionSum / s.pos };
}

/**
 * ROC AUC: the area under the ROC curve with one point per distinct score, which equals the
 * Mann–Whitney probability that a random positive outscores a random negative, ties counting ½
 * (scikit-learn `roc_auc_score`). Computed exactly from counts: Σ negatives·(positives above +
 * ½ positives tied) / (P·N).
 *
 * @param y 0/1 labels (other values are a precondition violation).
 * @param score higher = more positive; NaN must be rejected upstream (NaN never ties).
 * @param order `sortOrderDescending(score)`, when already computed; it is trusted, not checked.
 * @param weights per-row multiplicities (bootstrap counts); the result equals the metric on the
 *   rows repeated that many times. Rows with weight 0 are ignored.
 * @returns `null` when only one class is present (scikit-learn raises).
 */
export function computeRocAuc(
  y: Uint8Array,
  score: Float64Array,
  order?: Uint32Array,
  weights?: RowWeights,
): MetricValue {
  return rocAucOf(scan(y, score, order, weights));
}

/**
 * Average precision: scikit-learn's step sum Σₙ (Rₙ − Rₙ₋₁)·Pₙ over distinct score thresholds in
 * descending order (no interpolation), where Pₙ, Rₙ are the precision and recall of "score ≥
 * threshold n". Ties form one threshold.
 *
 * Parameters as for {@link computeRocAuc}.
 * @returns `null` when there are no positives (scikit-learn warns and returns a meaningless value).
 */
export function computeAveragePrecision(
  y: Uint8Array,
  score: Float64Array,
  order?: Uint32Array,
  weights?: RowWeights,
): MetricValue {
  return averagePrecisionOf(scan(y, score, order, weights));
}

/**
 * ROC AUC and average precision from one shared pass (what the binary evaluation and the bootstrap
 * need); each equals {@link computeRocAuc} / {@link computeAveragePrecision} on the same inputs.
 */
export function computeRankMetrics(
  y: Uint8Array,
  score: Float64Array,
  order?: Uint32Array,
  weights?: RowWeights,
): { roc_auc: MetricValue; average_precision: MetricValue } {
  const sums = scan(y, score, order, weights);
  return { roc_auc: rocAucOf(sums), average_precision: averagePrecisionOf(sums) };
}
