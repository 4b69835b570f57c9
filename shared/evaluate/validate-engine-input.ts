/**
 * Shape and value checks on what the engine receives. The readers validate files with file, row
 * and column; these checks catch a defect between reader and engine with the row and the array.
 */
import { ModelGateError } from '../errors.js';
import { MAX_RESAMPLES } from './run-bootstrap.js';
import type { EngineSettings, Grouping, Predictions, Target } from './types.js';

/**
 * @throws ModelGateError (`engine_input`) naming the side, array and 1-based row of the first
 *   problem: task mismatch, length mismatch, a non-finite or out-of-range score, a group code outside
 *   its names, or settings out of range.
 */
export function validateEngineInput(input: {
  target: Target;
  candidate: Predictions;
  production: Predictions | null;
  groupings: readonly Grouping[];
  settings: EngineSettings;
}): void {
  const { target, settings } = input;
  const n = target.y.length;
  validateSettings(settings);
  if (target.task !== settings.task) fail(`the target is ${target.task} but the task is ${settings.task}`);
  for (const [side, p] of [
    ['candidate', input.candidate],
    ['production', input.production],
  ] as const) {
    if (p === null) continue;
    if (p.task !== settings.task) fail(`${side} predictions are ${p.task} but the task is ${settings.task}`);
    validatePredictions(side, p, n);
  }
  for (const g of input.groupings) {
    if (g.codes.length !== n) fail(`grouping ${g.column} has ${g.codes.length} rows, the target ${n}`);
    const row = findFirst(g.codes, (c) => c < -1 || c >= g.names.length);
    if (row >= 0)
      fail(
        `grouping ${g.column}, row ${row + 1}: group code ${g.codes[row]} outside its ${g.names.length} names`,
      );
  }
}

function validateSettings(s: EngineSettings): void {
  if (!Number.isInteger(s.bootstrap) || s.bootstrap < 0 || s.bootstrap > MAX_RESAMPLES) {
    fail(`bootstrap must be an integer in [0, ${MAX_RESAMPLES}], got ${s.bootstrap}`);
  }
  if (!(s.confidence > 0 && s.confidence < 1)) fail(`confidence must be in (0, 1), got ${s.confidence}`);
  if (!(s.minGroupSize >= 0)) fail(`minGroupSize must be non-negative, got ${s.minGroupSize}`);
  if (!Number.isInteger(s.seed)) fail(`seed must be an integer, got ${s.seed}`);
}

function validatePredictions(side: string, p: Predictions, n: number): void {
  if (p.task === 'binary') {
    if (p.score.length !== n) fail(`${side} has ${p.score.length} scores for ${n} rows`);
    if (p.label !== null && p.label.length !== n) fail(`${side} has ${p.label.length} labels for ${n} rows`);
    const row = findFirst(p.score, isProbability, true);
    if (row >= 0)
      fail(`${side} score at row ${row + 1} is ${p.score[row]}, expected a probability in [0, 1]`);
  } else if (p.task === 'multiclass') {
    const k = p.classes.length;
    if (p.proba.length !== n * k)
      fail(`${side} has ${p.proba.length} probabilities for ${n} rows × ${k} classes`);
    if (p.label !== null && p.label.length !== n) fail(`${side} has ${p.label.length} labels for ${n} rows`);
    const at = findFirst(p.proba, isProbability, true);
    if (at >= 0)
      fail(`${side} probability at row ${Math.floor(at / k) + 1} is ${p.proba[at]}, expected [0, 1]`);
  } else {
    if (p.prediction.length !== n) fail(`${side} has ${p.prediction.length} predictions for ${n} rows`);
    const row = findFirst(p.prediction, Number.isFinite, true);
    if (row >= 0)
      fail(`${side} prediction at row ${row + 1} is ${p.prediction[row]}, expected a finite number`);
  }
}

const isProbability = (v: number): boolean => v >= 0 && v <= 1;

/** Index of the first value where `test` holds (or, with `negate`, fails); -1 if none. A plain loop. */
function findFirst(values: ArrayLike<number>, test: (v: number) => boolean, negate = false): number {
  for (let i = 0; i < values.length; i++) if (test(values[i]!) !== negate) return i;
  return -1;
}

function fail(message: string): never {
  throw new ModelGateError('engine_input', `engine input: ${message}`);
}
