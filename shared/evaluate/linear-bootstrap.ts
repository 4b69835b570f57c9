/**
 * Bootstrap replicates of the metrics that are sums of per-row terms: regression (mae, rmse, r2,
 * mape) and multiclass log loss. Per resample: exact multinomial row counts, then one pass over
 * precomputed terms for both models (the same resample for both: paired).
 */
import { clipProbability, FLOAT64_EPS } from '../metrics/loss.js';
import { RowCountSampler } from '../stats/multinomial.js';
import type { Rng } from '../stats/rng.js';
import type { ReplicateSource } from './replicates.js';

/** Replicate order written by {@link RegressionBootstrap.resample}, per model. */
export const REGRESSION_REPLICATES = ['mae', 'rmse', 'r2', 'mape'] as const;

/** Regression replicates of both models on the same resamples. */
export class RegressionBootstrap implements ReplicateSource {
  readonly keys = REGRESSION_REPLICATES;
  private readonly sampler: RowCountSampler;
  private readonly counts: Uint8Array;
  private readonly y: Float64Array;
  /** Per row: y − mean(y), then |e|, e², |e| / max(|y|, eps) per model. */
  private readonly terms: Float64Array;
  readonly models: number;
  private readonly sums: Float64Array;

  constructor(input: { y: Float64Array; predictions: Float64Array[] }) {
    const { y, predictions } = input;
    const n = y.length;
    this.sampler = new RowCountSampler(n);
    this.counts = new Uint8Array(n);
    this.y = y;
    this.models = predictions.length;
    this.sums = new Float64Array(3 * this.models);
    const stride = 1 + 3 * this.models;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i]!;
    mean = n === 0 ? 0 : mean / n;
    this.terms = new Float64Array(n * stride);
    for (let i = 0; i < n; i++) {
      const t = y[i]!;
      this.terms[i * stride] = t - mean;
      for (let m = 0; m < predictions.length; m++) {
        const e = t - predictions[m]![i]!;
        const a = Math.abs(e);
        const base = i * stride + 1 + 3 * m;
        this.terms[base] = a;
        this.terms[base + 1] = e * e;
        this.terms[base + 2] = a / Math.max(Math.abs(t), FLOAT64_EPS);
      }
    }
  }

  /** One resample per generator: per model [mae, rmse, r2, mape] at out[4 · (r · models + m) …] (NaN where undefined). */
  resample(rngs: readonly Rng[], out: Float64Array): void {
    rngs.forEach((rng, r) => {
      this.resampleOne(rng, out, 4 * r * this.models);
    });
  }

  private resampleOne(rng: Rng, out: Float64Array, at: number): void {
    this.sampler.sample(rng, this.counts);
    const { counts, terms, y, models, sums } = this;
    const n = counts.length;
    const stride = 1 + 3 * models;
    sums.fill(0);
    let dev = 0;
    let dev2 = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const w = counts[i]!;
      if (w === 0) continue;
      const base = i * stride;
      const d = terms[base]!;
      dev += w * d;
      dev2 += w * d * d;
      for (let s = 0; s < sums.length; s++) sums[s]! += w * terms[base + 1 + s]!;
      const t = y[i]!;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    const ssTot = dev2 - (dev * dev) / n;
    for (let m = 0; m < models; m++) {
      const abs = sums[3 * m]!;
      const sq = sums[3 * m + 1]!;
      const rel = sums[3 * m + 2]!;
      const o = at + 4 * m;
      out[o] = abs / n;
      out[o + 1] = Math.sqrt(sq / n);
      out[o + 2] = n < 2 ? Number.NaN : sq === 0 ? 1 : min === max ? Number.NaN : 1 - sq / ssTot;
      out[o + 3] = rel / n;
    }
  }

  /** The last resample as per-row multiplicities (for checks against the metric functions). */
  rowWeights(): Float64Array {
    return Float64Array.from(this.counts);
  }
}

/** Multiclass log loss of each model on the same resamples. */
export class MulticlassLossBootstrap implements ReplicateSource {
  readonly keys = ['log_loss'] as const;
  private readonly sampler: RowCountSampler;
  private readonly counts: Uint8Array;
  /** Per row, per model: −log of the true class's clipped, renormalised probability. */
  private readonly terms: Float64Array;
  readonly models: number;

  constructor(input: { y: Int32Array; k: number; probas: Float64Array[] }) {
    const { y, k, probas } = input;
    const n = y.length;
    this.sampler = new RowCountSampler(n);
    this.counts = new Uint8Array(n);
    this.models = probas.length;
    this.terms = new Float64Array(n * this.models);
    for (let i = 0; i < n; i++) {
      for (let m = 0; m < probas.length; m++) {
        const proba = probas[m]!;
        let rowSum = 0;
        for (let c = 0; c < k; c++) rowSum += clipProbability(proba[i * k + c]!);
        this.terms[i * this.models + m] = -Math.log(clipProbability(proba[i * k + y[i]!]!) / rowSum);
      }
    }
  }

  /** One resample per generator: the log loss of model m at out[r · models + m]. */
  resample(rngs: readonly Rng[], out: Float64Array): void {
    const { counts, terms, models } = this;
    const n = counts.length;
    rngs.forEach((rng, r) => {
      this.sampler.sample(rng, counts);
      for (let m = 0; m < models; m++) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += counts[i]! * terms[i * models + m]!;
        out[r * models + m] = n === 0 ? Number.NaN : sum / n;
      }
    });
  }

  /** The last resample as per-row multiplicities (for checks against the metric functions). */
  rowWeights(): Float64Array {
    return Float64Array.from(this.counts);
  }
}
