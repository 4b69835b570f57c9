/**
 * Bootstrap replicate series: per statistic, one value per resample for the candidate and (paired,
 * from the same resample) for production. NaN marks a resample where the statistic is undefined.
 */
import type { Rng } from '../stats/rng.js';

/** A component of the bootstrap: draws one resample, writes `keys.length` values per model. */
export interface ReplicateSource {
  /** Statistic keys, in output order. */
  readonly keys: readonly string[];
  /** 1 (candidate only) or 2 (candidate, production). */
  readonly models: number;
  /** Writes model m's value of keys[i] to out[m · keys.length + i]. */
  resample(rng: Rng, out: Float64Array): void;
}

/** One statistic's replicates; `production` is null without production. */
export interface ReplicateSeries {
  candidate: Float64Array;
  production: Float64Array | null;
}

/** Replicates of many statistics over `size` resamples. */
export class ReplicateStore {
  private readonly series = new Map<string, ReplicateSeries>();

  constructor(readonly size: number) {}

  /** Records resample `b` of a source's output. */
  record(source: ReplicateSource, b: number, out: Float64Array): void {
    const k = source.keys.length;
    source.keys.forEach((key, i) => {
      let s = this.series.get(key);
      if (s === undefined) {
        s = {
          candidate: new Float64Array(this.size),
          production: source.models > 1 ? new Float64Array(this.size) : null,
        };
        this.series.set(key, s);
      }
      s.candidate[b] = out[i]!;
      if (s.production !== null) s.production[b] = out[k + i]!;
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
