/**
 * Multiclass alignment: the engine works in the candidate's class order (the columns of its
 * probabilities). The true classes and production's columns and labels are mapped onto it by
 * class name.
 */
import { ModelGateError } from '../errors.js';
import type { Predictions } from './types.js';

type Multiclass = Extract<Predictions, { task: 'multiclass' }>;

/** Ground truth and predictions in the candidate's class order (k classes). */
export interface AlignedMulticlass {
  k: number;
  y: Int32Array;
  candidate: Multiclass;
  production: Multiclass | null;
}

/**
 * Maps y (indices into `targetClasses`) and production onto the candidate's classes.
 * @throws ModelGateError (`engine_input`) when a true class, or one of production's classes, is not
 *   among the candidate's, or the candidate lists a class twice.
 */
export function alignMulticlass(input: {
  y: Int32Array;
  targetClasses: readonly string[];
  candidate: Multiclass;
  production: Multiclass | null;
}): AlignedMulticlass {
  const { candidate } = input;
  const index = new Map(candidate.classes.map((c, i) => [c, i]));
  if (index.size !== candidate.classes.length)
    throw mismatch('the candidate lists a class twice', candidate.classes);
  const toCandidate = (classes: readonly string[], who: string): Int32Array =>
    Int32Array.from(classes, (c) => {
      const i = index.get(c);
      if (i === undefined)
        throw mismatch(`${who} has class "${c}", which the candidate does not`, candidate.classes);
      return i;
    });
  const yMap = toCandidate(input.targetClasses, 'the target');
  const y = new Int32Array(input.y.length);
  for (let i = 0; i < y.length; i++) y[i] = yMap[input.y[i]!]!;
  const production =
    input.production === null
      ? null
      : reorder(input.production, toCandidate(input.production.classes, 'production'), candidate.classes);
  return { k: candidate.classes.length, y, candidate, production };
}

/** Production's probabilities and labels in the candidate's class order. */
function reorder(p: Multiclass, map: Int32Array, classes: string[]): Multiclass {
  const k = classes.length;
  if (map.length !== k) throw mismatch(`production has ${map.length} classes`, classes);
  const n = p.proba.length / k;
  const proba = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) proba[i * k + map[c]!] = p.proba[i * k + c]!;
  }
  const label = p.label === null ? null : remap(p.label, map);
  return { task: 'multiclass', classes, proba, label };
}

function remap(codes: Int32Array, map: Int32Array): Int32Array {
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = map[codes[i]!]!;
  return out;
}

function mismatch(what: string, classes: readonly string[]): ModelGateError {
  return new ModelGateError(
    'engine_input',
    `multiclass classes do not match: ${what} (candidate classes: ${classes.map((c) => `"${c}"`).join(', ')})`,
  );
}
