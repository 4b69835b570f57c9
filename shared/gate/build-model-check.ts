/** A check about the model as a whole, not one metric: why there is no verdict to give. */
import type { Check } from '../report/schema.js';

/** An `error` check of kind `model` (fail closed): `id` names the reason, `message` says what to do. */
export function buildModelErrorCheck(id: string, message: string): Check {
  return {
    id,
    kind: 'model',
    metric: 'none',
    bound: 'min',
    threshold: 0,
    observed: null,
    interval: null,
    test: 'point',
    status: 'error',
    message,
  };
}
