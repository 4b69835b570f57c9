/**
 * Range checks shared by every runner: probabilities must be finite and in [0, 1], regression
 * predictions finite. The caller turns a finding into its own error type (ModelError for a model,
 * DataError for a predictions file).
 */

/**
 * Float32 softmax/sigmoid outputs and text round-trips can overshoot [0, 1] by an ulp or so; values
 * within this distance are clamped instead of rejected.
 */
export const PROBABILITY_TOLERANCE = 1e-6;

/** The first offending value: its index in the checked array and the value itself. */
export interface InvalidValue {
  index: number;
  value: number;
}

/**
 * Clamps probabilities within PROBABILITY_TOLERANCE of [0, 1] in place, and returns the first value
 * that is NaN, infinite, or further outside (null when all are valid). Checks [from, to).
 */
export function validateProbabilities(
  values: Float64Array,
  from = 0,
  to = values.length,
): InvalidValue | null {
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (v >= 0 && v <= 1) continue;
    // NaN fails both comparisons below, so it falls through to the report.
    if (v < 0 && v >= -PROBABILITY_TOLERANCE) values[i] = 0;
    else if (v > 1 && v <= 1 + PROBABILITY_TOLERANCE) values[i] = 1;
    else return { index: i, value: v };
  }
  return null;
}

/** Returns the first NaN or infinite value in [from, to), or null. */
export function validateFinite(values: Float64Array, from = 0, to = values.length): InvalidValue | null {
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) return { index: i, value: v };
  }
  return null;
}

/** Describes a bad value for messages: `NaN`, `Infinity`, or `1.5 (outside [0, 1])`. */
export function describeInvalid(value: number): string {
  return Number.isFinite(value) ? `${value} (outside [0, 1])` : String(value);
}
