/**
 * The bootstrap on worker threads gives exactly the single-threaded engine's results (same seed),
 * for every task, and falls back to the in-process engine when workers are not available.
 * Here the workers run the TypeScript entry (the source tree, loaded through tsx).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  evaluateModelPairParallel,
  PARALLEL_MIN_WORK,
} from '../../../action/parallel/evaluate-model-pair-parallel.js';
import { findBootstrapWorker } from '../../../action/parallel/run-bootstrap-workers.js';
import { type EngineResult, evaluateModelPair } from '../../../shared/evaluate/evaluate-model-pair.js';
import type { EngineSettings } from '../../../shared/evaluate/types.js';
import { createRng } from '../../../shared/stats/rng.js';
import { binarySettings, buildBinaryFixture } from '../../shared/evaluate/fixtures.js';

const withoutTimings = ({ timings: _, ...rest }: EngineResult) => rest;

const binary = buildBinaryFixture(3000, { decimals: 2 });
const continuous = buildBinaryFixture(2500, { seed: 4 });

function multiclassInput() {
  const rng = createRng(12);
  const n = 1500;
  const k = 3;
  const classes = ['a', 'b', 'c'];
  const y = Int32Array.from({ length: n }, () => rng.nextInt(k));
  const proba = () =>
    Float64Array.from(
      { length: n * k },
      (_, i) => rng.nextFloat() + (i % k === y[Math.floor(i / k)] ? 1 : 0),
    );
  const normalise = (p: Float64Array) => {
    for (let i = 0; i < n; i++) {
      const s = p[i * k]! + p[i * k + 1]! + p[i * k + 2]!;
      for (let c = 0; c < k; c++) p[i * k + c]! /= s;
    }
    return p;
  };
  return {
    target: { task: 'multiclass' as const, y, classes },
    candidate: { task: 'multiclass' as const, classes, proba: normalise(proba()), label: null },
    production: { task: 'multiclass' as const, classes, proba: normalise(proba()), label: null },
    groupings: binary.groupings.map((g) => ({ ...g, codes: g.codes.subarray(0, n) })),
    settings: { ...binarySettings(), task: 'multiclass', threshold: undefined } as EngineSettings,
  };
}

function regressionInput() {
  const rng = createRng(13);
  const n = 1800;
  const y = Float64Array.from({ length: n }, () => rng.nextFloat() * 10);
  const noisy = (s: number) => Float64Array.from(y, (t) => t + s * (rng.nextFloat() - 0.5));
  return {
    target: { task: 'regression' as const, y },
    candidate: { task: 'regression' as const, prediction: noisy(1) },
    production: { task: 'regression' as const, prediction: noisy(2) },
    groupings: binary.groupings.map((g) => ({ ...g, codes: g.codes.subarray(0, n) })),
    settings: { ...binarySettings(), task: 'regression', threshold: undefined } as EngineSettings,
  };
}

describe('evaluateModelPairParallel: identical to evaluateModelPair', () => {
  // 200 resamples on 2 workers: slices [0, 96) and [96, 200) (whole batches of 16).
  test.each([
    ['binary, tied scores, paired', { ...binary, settings: binarySettings() }],
    [
      'binary, continuous scores, first promotion',
      { ...continuous, production: null, settings: binarySettings() },
    ],
    ['binary, odd resample count', { ...binary, settings: binarySettings({ bootstrap: 37, seed: 3 }) }],
    ['multiclass', multiclassInput()],
    ['regression', regressionInput()],
  ])('%s', async (_name, input) => {
    const expected = evaluateModelPair(input);
    const seen: number[] = [];
    const parallel = await evaluateModelPairParallel(
      { ...input, onProgress: (f) => seen.push(f) },
      { workers: 2, minWork: 0 },
    );
    expect(parallel.fallback).toBeNull();
    expect(parallel.threads).toBe(2);
    expect(withoutTimings(parallel.engine)).toEqual(withoutTimings(expected));
    expect(seen.at(-1)).toBe(1);
    expect(Object.keys(parallel.engine.timings)).toEqual(Object.keys(expected.timings));
  });
});

describe('evaluateModelPairParallel: when the workers are not used', () => {
  const input = { ...binary, settings: binarySettings({ bootstrap: 40 }) };
  const expected = withoutTimings(evaluateModelPair(input));

  test('small work (rows × resamples ≤ minWork), one core, or no bootstrap: in-process, no fallback', async () => {
    for (const options of [{ workers: 2 }, { workers: 1, minWork: 0 }]) {
      const r = await evaluateModelPairParallel(input, options);
      expect([r.threads, r.fallback]).toEqual([1, null]);
      expect(withoutTimings(r.engine)).toEqual(expected);
    }
    expect(3000 * 40).toBeLessThanOrEqual(PARALLEL_MIN_WORK);
    const none = await evaluateModelPairParallel(
      { ...input, settings: binarySettings({ bootstrap: 0 }) },
      { workers: 2, minWork: 0 },
    );
    expect([none.threads, none.fallback]).toEqual([1, null]);
  });

  test('no worker entry: in-process, and says why', async () => {
    const r = await evaluateModelPairParallel(input, { workers: 2, minWork: 0, entry: null });
    expect(r.threads).toBe(1);
    expect(r.fallback).toBe('the bootstrap worker entry was not found');
    expect(withoutTimings(r.engine)).toEqual(expected);
  });

  test('a worker that fails: in-process, same results, the error quoted', async () => {
    const missing = pathToFileURL(path.join(__dirname(), 'no-such-worker.js'));
    const r = await evaluateModelPairParallel(input, { workers: 2, minWork: 0, entry: missing });
    expect(r.threads).toBe(1);
    expect(r.fallback).toMatch(/^bootstrap workers failed \(.*no-such-worker/);
    expect(withoutTimings(r.engine)).toEqual(expected);
  });
});

describe('findBootstrapWorker', () => {
  test('from the source tree: the TypeScript entry beside the module', () => {
    const base = new URL('../../../action/parallel/run-bootstrap-workers.ts', import.meta.url).href;
    expect(findBootstrapWorker(base)?.href).toBe(
      new URL('../../../action/parallel/bootstrap-worker.ts', import.meta.url).href,
    );
  });

  test('none beside a module elsewhere', () => {
    expect(findBootstrapWorker(new URL('./somewhere.js', import.meta.url).href)).toBeNull();
  });
});

function __dirname(): string {
  return path.dirname(new URL(import.meta.url).pathname);
}
