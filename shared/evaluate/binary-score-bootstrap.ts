/**
 * Bootstrap replicates of the binary score metrics (ROC AUC, average precision, log loss, Brier)
 * for candidate and production on the same resamples, without re-sorting and without per-row
 * allocation.
 *
 * Rows get "slots": the candidate's positives by descending score, then its negatives likewise.
 * A resample is a vector of slot counts (an exact multinomial draw, see RowCountSampler). For each
 * model, with its positives and negatives each in its own descending order:
 *   - ROC AUC = Σ_pos w · (negative weight below + ½ tied) / (P·N), from a prefix sum over the
 *     negatives read at each positive's precomputed "negatives above" index;
 *   - AP = Σ_pos w · precision at the end of its run of equal scores / P (scikit-learn's step sum);
 * so each model costs two branch-free passes (negatives, positives) instead of a merge whose
 * branches mispredict. The production model reads the counts through a permutation (a gather).
 * Log loss and Brier are weighted sums of per-row terms, one pass in slot order for both models.
 */
import { clipProbability } from '../metrics/loss.js';
import { RowCountSampler } from '../stats/multinomial.js';
import type { Rng } from '../stats/rng.js';
import {
  buildRankLayout,
  computeRankReplicate,
  createRankScratch,
  type RankLayout,
  type RankScratch,
} from './rank-layout.js';
import type { ReplicateSource } from './replicates.js';

/** Replicate order written by {@link BinaryScoreBootstrap.resample}. */
export const BINARY_SCORE_REPLICATES = ['roc_auc', 'average_precision', 'log_loss', 'brier'] as const;

/** Replicate source of the binary score metrics (see the file comment). Built once; resampled B times. */
export class BinaryScoreBootstrap implements ReplicateSource {
  readonly keys = BINARY_SCORE_REPLICATES;
  readonly models: number;
  private readonly sampler: RowCountSampler;
  /** Slot counts of the current resample. */
  private readonly counts: Uint8Array;
  private readonly slotOfRow: Uint32Array;
  private readonly ranks: { layout: RankLayout; toSlot: Uint32Array | null; scratch: RankScratch }[];
  /** Per slot: log loss and Brier terms of each model, interleaved (stride 2 · models). */
  private readonly terms: Float64Array;

  constructor(input: {
    y: Uint8Array;
    scoreC: Float64Array;
    orderC: Uint32Array;
    scoreP: Float64Array | null;
    orderP: Uint32Array | null;
  }) {
    const { y, scoreC, orderC } = input;
    const n = y.length;
    this.sampler = new RowCountSampler(n);
    this.counts = new Uint8Array(n);
    const slotOfRow = buildSlots(y, orderC);
    this.slotOfRow = slotOfRow;
    const scored = [{ score: scoreC, order: orderC }];
    if (input.scoreP !== null && input.orderP !== null)
      scored.push({ score: input.scoreP, order: input.orderP });
    this.models = scored.length;
    this.ranks = scored.map((side, m) => {
      const layout = buildRankLayout({ y, score: side.score, order: side.order });
      const toSlot = m === 0 ? null : mapToSlots(layout.rows, slotOfRow);
      return { layout, toSlot, scratch: createRankScratch(layout) };
    });
    this.terms = buildLossTerms(y, scored, slotOfRow);
  }

  /**
   * Draws one resample and writes, per model (candidate, then production),
   * [roc_auc, average_precision, log_loss, brier] into `out` (NaN where undefined).
   */
  resample(rng: Rng, out: Float64Array): void {
    const counts = this.counts;
    this.sampler.sample(rng, counts);
    this.ranks.forEach((rank, m) => {
      computeRankReplicate({ ...rank, counts, out, offset: 4 * m });
    });
    if (this.models === 2) sumLossTerms2(counts, this.terms, out);
    else sumLossTerms1(counts, this.terms, out);
  }

  /** The last resample as per-row multiplicities (for checks against the metric functions). */
  rowWeights(): Float64Array {
    const weights = new Float64Array(this.slotOfRow.length);
    for (let row = 0; row < weights.length; row++) weights[row] = this.counts[this.slotOfRow[row]!]!;
    return weights;
  }
}

function mapToSlots(rows: Uint32Array, slotOfRow: Uint32Array): Uint32Array {
  const out = new Uint32Array(rows.length);
  for (let j = 0; j < rows.length; j++) out[j] = slotOfRow[rows[j]!]!;
  return out;
}

/** Slot of each row: positives by descending candidate score, then negatives likewise. */
function buildSlots(y: Uint8Array, order: Uint32Array): Uint32Array {
  const slot = new Uint32Array(y.length);
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i]!;
  let p = 0;
  let q = positives;
  for (let j = 0; j < order.length; j++) {
    const row = order[j]!;
    slot[row] = y[row] === 1 ? p++ : q++;
  }
  return slot;
}

/** The loss terms exactly as loss.ts computes them per row, stored by slot. */
function buildLossTerms(
  y: Uint8Array,
  sides: { score: Float64Array }[],
  slotOfRow: Uint32Array,
): Float64Array {
  const stride = 2 * sides.length;
  const terms = new Float64Array(y.length * stride);
  for (let row = 0; row < y.length; row++) {
    const base = slotOfRow[row]! * stride;
    for (let m = 0; m < sides.length; m++) {
      const raw = sides[m]!.score[row]!;
      const p = clipProbability(raw);
      const q = 1 - p;
      terms[base + 2 * m] = -Math.log((y[row] === 1 ? p : q) / (q + p));
      const d = y[row]! - raw;
      terms[base + 2 * m + 1] = d * d;
    }
  }
  return terms;
}

/** Weighted means of the loss terms of one model (weights sum to n): out[2], out[3]. */
function sumLossTerms1(counts: Uint8Array, terms: Float64Array, out: Float64Array): void {
  let a = 0;
  let b = 0;
  for (let j = 0, k = 0; j < counts.length; j++, k += 2) {
    const w = counts[j]!;
    a += w * terms[k]!;
    b += w * terms[k + 1]!;
  }
  const n = counts.length;
  out[2] = n === 0 ? Number.NaN : a / n;
  out[3] = n === 0 ? Number.NaN : b / n;
}

/** The same for two models: out[2], out[3] and out[6], out[7]. */
function sumLossTerms2(counts: Uint8Array, terms: Float64Array, out: Float64Array): void {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let j = 0, k = 0; j < counts.length; j++, k += 4) {
    const w = counts[j]!;
    a += w * terms[k]!;
    b += w * terms[k + 1]!;
    c += w * terms[k + 2]!;
    d += w * terms[k + 3]!;
  }
  const n = counts.length;
  out[2] = n === 0 ? Number.NaN : a / n;
  out[3] = n === 0 ? Number.NaN : b / n;
  out[6] = n === 0 ? Number.NaN : c / n;
  out[7] = n === 0 ? Number.NaN : d / n;
}
