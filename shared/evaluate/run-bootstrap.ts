/**
 * The paired bootstrap loop. Resample b of source i draws from its own seeded stream
 * (seed, (i + 1)·2^26 + b): every resample depends only on the seed, the source and its index —
 * not on how many resamples run, nor in what order, so the loop could be split across threads and
 * give identical replicates.
 */
import { createRng } from '../stats/rng.js';
import { type ReplicateSource, ReplicateStore } from './replicates.js';

/** Upper bound on resamples (stream ids must stay distinct per source). */
export const MAX_RESAMPLES = 1_000_000;
const STREAMS_PER_SOURCE = 2 ** 26;

/** Runs `resamples` resamples of every source; reports progress in (0, 1] about 100 times. */
export function runBootstrap(input: {
  sources: readonly ReplicateSource[];
  resamples: number;
  seed: number;
  onProgress?: ((fraction: number) => void) | undefined;
}): ReplicateStore {
  const { sources, resamples, onProgress } = input;
  if (resamples > MAX_RESAMPLES) throw new RangeError(`at most ${MAX_RESAMPLES} resamples, got ${resamples}`);
  const store = new ReplicateStore(resamples);
  const outs = sources.map((s) => new Float64Array(s.keys.length * s.models));
  const every = Math.max(1, Math.ceil(resamples / 100));
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < sources.length; i++) {
      sources[i]!.resample(createRng(input.seed, (i + 1) * STREAMS_PER_SOURCE + b), outs[i]!);
      store.record(sources[i]!, b, outs[i]!);
    }
    if (onProgress !== undefined && ((b + 1) % every === 0 || b + 1 === resamples))
      onProgress((b + 1) / resamples);
  }
  return store;
}
