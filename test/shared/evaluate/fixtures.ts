/** Deterministic synthetic evaluation data for the engine tests (no files). */

import type { EngineSettings, Grouping, Predictions, Target } from '../../../shared/evaluate/types.js';
import { buildGroupings } from '../../../shared/fairness/build-groupings.js';
import { createRng } from '../../../shared/stats/rng.js';

export interface BinaryFixture {
  target: Extract<Target, { task: 'binary' }>;
  candidate: Extract<Predictions, { task: 'binary' }>;
  production: Extract<Predictions, { task: 'binary' }>;
  groupings: Grouping[];
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * n rows; sex (f/m, a few missing), region (4 levels, one tiny); candidate and production share
 * most of their signal (correlated), scores rounded to `decimals` (ties) when given.
 */
export function buildBinaryFixture(
  n: number,
  options: { seed?: number; decimals?: number } = {},
): BinaryFixture {
  const rng = createRng(options.seed ?? 1);
  const normal = () =>
    Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
  const round = (x: number) =>
    options.decimals === undefined ? x : Math.round(x * 10 ** options.decimals) / 10 ** options.decimals;
  const y = new Uint8Array(n);
  const scoreC = new Float64Array(n);
  const scoreP = new Float64Array(n);
  const sex = new Int32Array(n);
  const region = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    sex[i] = rng.nextFloat() < 0.005 ? -1 : rng.nextInt(2);
    const u = rng.nextFloat();
    region[i] = u < 0.01 ? 3 : u < 0.4 ? 0 : u < 0.7 ? 1 : 2;
    const risk = normal() + 0.3 * sex[i]! - 0.2 * region[i]!;
    y[i] = rng.nextFloat() < sigmoid(1.4 * risk - 0.4) ? 1 : 0;
    const shared = 1.1 * risk + 0.5 * normal();
    scoreC[i] = round(sigmoid(shared + 0.4 * normal() - 0.4));
    scoreP[i] = round(sigmoid(0.9 * shared + 0.6 * normal() - 0.3));
  }
  const groupings = buildGroupings({
    columns: [
      { name: 'sex', codes: sex, levels: ['f', 'm'] },
      { name: 'region', codes: region, levels: ['north', 'south', 'east', 'west'] },
    ],
    intersections: true,
  });
  return {
    target: { task: 'binary', y, positiveLabel: '1' },
    candidate: { task: 'binary', score: scoreC, label: null },
    production: { task: 'binary', score: scoreP, label: null },
    groupings,
  };
}

export function binarySettings(overrides: Partial<EngineSettings> = {}): EngineSettings {
  return {
    task: 'binary',
    seed: 7,
    bootstrap: 200,
    confidence: 0.95,
    minGroupSize: 30,
    threshold: 0.5,
    ...overrides,
  };
}

/** Rows of `values` where `keep` is true, in row order. */
export function subset<T extends Uint8Array | Float64Array | Int32Array>(
  values: T,
  keep: (i: number) => boolean,
): T {
  const rows: number[] = [];
  for (let i = 0; i < values.length; i++) if (keep(i)) rows.push(i);
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  rows.forEach((row, j) => {
    out[j] = values[row]!;
  });
  return out;
}
