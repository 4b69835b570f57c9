/**
 * Cheap shape checks for metric inputs. Values (NaN, labels outside the set) are validated where the
 * data is read, with file/row/column; a length mismatch here is a defect in the caller.
 */
import { ModelGateError } from '../errors.js';

/** Per-row weights: integer resample counts (bootstrap) or real-valued weights, indexed by row. */
export type RowWeights = Uint16Array | Uint32Array | Float64Array;

/**
 * Asserts that every array has the length of the first one.
 * @throws ModelGateError (`metric_input`) naming the arrays and their lengths.
 */
export function assertSameLength(arrays: Record<string, ArrayLike<unknown> | undefined>): void {
  let expected = -1;
  let first = '';
  for (const [name, array] of Object.entries(arrays)) {
    if (array === undefined) continue;
    if (expected === -1) {
      expected = array.length;
      first = name;
    } else if (array.length !== expected) {
      throw new ModelGateError(
        'metric_input',
        `metric inputs differ in length: ${first} has ${expected} rows, ${name} has ${array.length}`,
      );
    }
  }
}
