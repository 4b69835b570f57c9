/**
 * Operational checks: `max` on the candidate's measurement and `max_increase_relative` vs
 * production (skipped on first promotion), for latency p50/p95 per row and model size. They have
 * no interval, so they decide on the measured value. A candidate that failed to load is one
 * failed check (see `buildLoadCheck`).
 */
import type { OperationalThresholds } from '../config/types.js';
import { OPERATIONAL, type OperationalName } from '../metrics/registry.js';
import type { Check } from '../report/schema.js';
import { buildRegressionCheck } from './build-regression-check.js';
import { satisfies } from './decide-bound.js';
import { operationalWords, withUnit } from './labels.js';
import { type CheckHead, errorCheck, finite, type GateContext } from './types.js';

/** Checks configured for operational measurement `name`. */
export function buildOperationalChecks(ctx: GateContext, name: string, t: OperationalThresholds): Check[] {
  const checks: Check[] = [];
  const { noun, unit } = operationalWords(name);
  const known = Object.hasOwn(OPERATIONAL, name);
  const candidate = known ? finite(ctx.model.operational.candidate[name as OperationalName]) : null;
  if (t.max !== undefined) {
    const head: CheckHead = {
      id: `operational.${name}.max`,
      kind: 'operational',
      metric: name,
      bound: 'max',
      threshold: t.max,
      test: 'point',
    };
    if (!known) checks.push(errorCheck(head, `${name} is not a known operational measurement.`));
    else if (candidate === null)
      checks.push(
        errorCheck(head, `${noun} was not measured for the candidate, so its maximum cannot be checked.`),
      );
    else {
      const status = satisfies(candidate, t.max, 'max') ? 'pass' : 'fail';
      const message = `${noun} is ${withUnit(candidate, unit)}; at most ${withUnit(t.max, unit)} is allowed.`;
      checks.push({ ...head, observed: candidate, interval: null, status, message });
    }
  }
  if (t.maxIncreaseRelative !== undefined) {
    checks.push(increaseCheck(ctx, name, t.maxIncreaseRelative, candidate));
  }
  return checks;
}

function increaseCheck(ctx: GateContext, name: string, threshold: number, candidate: number | null): Check {
  const { noun, unit } = operationalWords(name);
  const head: CheckHead = {
    id: `operational.${name}.max_increase_relative`,
    kind: 'operational',
    metric: name,
    bound: 'max_increase_relative',
    threshold,
    test: 'point',
  };
  if (!Object.hasOwn(OPERATIONAL, name))
    return errorCheck(head, `${name} is not a known operational measurement.`);
  const productionSide = ctx.model.operational.production;
  const production = finite(productionSide?.[name as OperationalName]);
  const missingReason = productionSide?.load_error
    ? `the production model could not be loaded (${productionSide.load_error})`
    : candidate === null
      ? 'it was not measured for the candidate'
      : 'it was not measured for production';
  return buildRegressionCheck({
    head,
    relative: true,
    direction: 'lower',
    subject: noun,
    candidate,
    production,
    delta: candidate !== null && production !== null ? candidate - production : null,
    deltaInterval: null,
    missingReason,
    firstPromotion: ctx.model.firstPromotion,
    test: 'point',
    warnWithinNoise: false,
    confidence: 0.95,
    format: (x) => withUnit(x, unit),
  });
}

/**
 * A candidate that cannot be loaded is unavailable: one failed check, `operational.load`
 * (threshold 0 failures, observed 1), whatever thresholds are configured.
 */
export function buildLoadCheck(loadError: string): Check {
  return {
    id: 'operational.load',
    kind: 'operational',
    metric: 'load_error',
    bound: 'max',
    threshold: 0,
    observed: 1,
    interval: null,
    test: 'point',
    status: 'fail',
    message: `The candidate model could not be loaded (${loadError}); a model that cannot be loaded cannot be promoted.`,
  };
}
