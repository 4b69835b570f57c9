/**
 * The paired bootstrap loop, in slices. Resample b of source i draws from its own seeded stream
 * (seed, (i + 1)·2^26 + b): every resample depends only on the seed, the source and its index —
 * not on how many resamples run, in what order, or in which slice — so slices [from, to) can run
 * anywhere (another thread) and their merge is identical, bit for bit, to one run of [0, B).
 */
import { createRng, type Rng } from '../stats/rng.js';
import { type BootstrapPlan, buildReplicateSources } from './bootstrap-plan.js';
import { LANES } from './lane-row-counts.js';
import { type ReplicateSource, ReplicateStore, type SourceReplicates } from './replicates.js';

/** Upper bound on resamples (stream ids must stay distinct per source). */
export const MAX_RESAMPLES = 1_000_000;
const STREAMS_PER_SOURCE = 2 ** 26;

/** Replicates of resamples [from, to), per source in the plan's order. Plain data. */
export interface ReplicateSlice {
  from: number;
  to: number;
  sources: SourceReplicates[];
}

/** Input of {@link runBootstrapSlice}. */
export interface BootstrapSliceInput {
  plan: BootstrapPlan;
  seed: number;
  from: number;
  to: number;
  /** Resamples of this slice done so far (called after each batch, and at the end). */
  onProgress?: ((done: number) => void) | undefined;
}

/**
 * Runs resamples [from, to) of a plan.
 * @throws RangeError when the range is not within [0, MAX_RESAMPLES].
 */
export function runBootstrapSlice(input: BootstrapSliceInput): ReplicateSlice {
  return runSourcesSlice({ ...input, sources: buildReplicateSources(input.plan) });
}

/** {@link runBootstrapSlice} on sources already built. */
export function runSourcesSlice(input: {
  sources: readonly ReplicateSource[];
  seed: number;
  from: number;
  to: number;
  onProgress?: ((done: number) => void) | undefined;
}): ReplicateSlice {
  const { sources, seed, from, to, onProgress } = input;
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= MAX_RESAMPLES))
    throw new RangeError(`resamples [${from}, ${to}) must lie within [0, ${MAX_RESAMPLES}]`);
  const outs = sources.map((s) => ({
    keys: s.keys,
    models: s.models,
    values: new Float64Array((to - from) * s.keys.length * s.models),
  }));
  // Batches of LANES resamples: the score source evaluates a batch in one pass over its rows.
  for (let b = from; b < to; b += LANES) {
    const count = Math.min(LANES, to - b);
    sources.forEach((source, i) => {
      const rngs: Rng[] = [];
      for (let r = 0; r < count; r++) rngs.push(createRng(seed, (i + 1) * STREAMS_PER_SOURCE + b + r));
      const width = source.keys.length * source.models;
      source.resample(rngs, outs[i]!.values.subarray((b - from) * width, (b - from + count) * width));
    });
    onProgress?.(b + count - from);
  }
  return { from, to, sources: outs };
}

/**
 * Merges slices that exactly cover [0, resamples) (in any order) into one store.
 * @throws RangeError when the slices overlap, leave a gap, or disagree on their sources.
 */
export function mergeReplicateSlices(resamples: number, slices: readonly ReplicateSlice[]): ReplicateStore {
  const sorted = [...slices].sort((a, b) => a.from - b.from);
  let next = 0;
  for (const slice of sorted) {
    if (slice.from !== next)
      throw new RangeError(`bootstrap slices leave [${next}, ${slice.from}) uncovered or overlap`);
    next = slice.to;
  }
  if (next !== resamples)
    throw new RangeError(`bootstrap slices cover [0, ${next}), expected [0, ${resamples})`);
  const shape = (s: ReplicateSlice) => s.sources.map((x) => `${x.models}:${x.keys.join(',')}`).join(';');
  if (sorted.some((s) => shape(s) !== shape(sorted[0]!)))
    throw new RangeError('bootstrap slices disagree on their sources');
  const store = new ReplicateStore(resamples);
  for (const slice of sorted) for (const source of slice.sources) store.record(source, slice.from);
  return store;
}

/**
 * Runs `resamples` resamples of every source in one slice; reports progress in (0, 1] about 100
 * times.
 */
export function runBootstrap(input: {
  sources: readonly ReplicateSource[];
  resamples: number;
  seed: number;
  onProgress?: ((fraction: number) => void) | undefined;
}): ReplicateStore {
  const { resamples } = input;
  const slice = runSourcesSlice({
    sources: input.sources,
    seed: input.seed,
    from: 0,
    to: resamples,
    onProgress: throttleProgress(resamples, input.onProgress),
  });
  return mergeReplicateSlices(resamples, [slice]);
}

/**
 * Turns counts of resamples done into fractions in (0, 1], reported about 100 times and always at
 * the end; undefined without a listener.
 */
export function throttleProgress(
  total: number,
  onProgress: ((fraction: number) => void) | undefined,
): ((done: number) => void) | undefined {
  if (onProgress === undefined) return undefined;
  const every = Math.max(1, Math.ceil(total / 100));
  let reported = 0;
  return (done) => {
    if (done === total || done - reported >= every) {
      reported = done;
      onProgress(done / total);
    }
  };
}
