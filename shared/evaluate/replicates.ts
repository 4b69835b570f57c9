/**
 * Bootstrap replicate series: per statistic, one value per resample for the candidate and (paired,
 * from the same resample) for production. NaN marks a resample where the statistic is undefined.
 */
import type { Rng } from '../stats/rng.js';

/** A component of the bootstrap: draws resamples, writes `keys.length` values per model for each. */
export interface ReplicateSource {
  /** Statistic keys, in output order. */
  readonly keys: readonly string[];
  /** 1 (candidate only) or 2 (candidate, production). */
  readonly models: number;
  /**
   * Draws one resample per generator (in order) and writes resample r's value of keys[i] for model m
   * to out[r · width + m · keys.length + i], width = keys.length · models. A resample's values
   * depend only on its generator, never on the other resamples of the call.
   */
  resample(rngs: readonly Rng[], out: Float64Array): void;
}

/** One statistic's replicates; `production` is null without production. */
export interface ReplicateSeries {
  candidate: Float64Array;
  production: Float64Array | null;
}

/** The replicates of one source for resamples [from, to): `(to − from) · width` values (see ReplicateSource). */
export interface SourceReplicates {
  keys: readonly string[];
  models: number;
  values: Float64Array;
}

/** Replicates of many statistics over `size` resamples. */
export class ReplicateStore {
  private readonly series = new Map<string, ReplicateSeries>();

  constructor(readonly size: number) {}

  /** Records the values of resamples [from, from + count) of one source. */
  record(source: SourceReplicates, from: number): void {
    const k = source.keys.length;
    const width = k * source.models;
    const count = source.values.length / width;
    source.keys.forEach((key, i) => {
      let s = this.series.get(key);
      if (s === undefined) {
        s = {
          candidate: new Float64Array(this.size),
          production: source.models > 1 ? new Float64Array(this.size) : null,
        };
        this.series.set(key, s);
      }
      for (let r = 0; r < count; r++) {
        s.candidate[from + r] = source.values[r * width + i]!;
        if (s.production !== null) s.production[from + r] = source.values[r * width + k + i]!;
      }
    });
  }

  get(key: string): ReplicateSeries | undefined {
    return this.series.get(key);
  }
}

/** Key of a gap's replicates: grouping column and gap name. */
export function gapKey(column: string, gap: string): string {
  return `${column}\u0000${gap}`;
}
