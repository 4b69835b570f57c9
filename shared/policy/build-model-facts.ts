/**
 * A verified model report (with the verdict recomputed under trusted thresholds) → the facts
 * sign-off rules decide on.
 */
import type { RiskTier } from '../config/types.js';
import { isMetricName, METRICS } from '../metrics/registry.js';
import type { Check, ModelReport, Verdict } from '../report/schema.js';
import type { FairnessOutcome, ModelFacts } from './types.js';

export interface ModelFactsInput {
  model: Pick<ModelReport, 'name' | 'metrics' | 'evaluationDigest' | 'primaryMetric'>;
  /** Checks and verdict recomputed with the default branch's thresholds. */
  gate: { checks: readonly Pick<Check, 'kind' | 'status'>[]; verdict: Verdict };
  /** Risk tier from the trusted configuration. */
  risk: RiskTier;
  /** Metrics gated by the trusted configuration (with the primary metric, what "regressed" looks at). */
  gatedMetrics: readonly string[];
}

/** Builds the facts of one model. */
export function buildModelFacts(input: ModelFactsInput): ModelFacts {
  return {
    name: input.model.name,
    risk: input.risk,
    verdict: input.gate.verdict,
    fairness: computeFairnessOutcome(input.gate.checks),
    regressed: computeRegressed(input.model, [input.model.primaryMetric, ...input.gatedMetrics]),
    evaluationDigest: input.model.evaluationDigest,
  };
}

/**
 * The worst status of the fairness checks: `fail` when any fails or could not be decided
 * (`error`, fail-closed), else `warn`, else `pass`; `none` when no fairness check was evaluated.
 */
export function computeFairnessOutcome(checks: readonly Pick<Check, 'kind' | 'status'>[]): FairnessOutcome {
  const fairness = checks.filter(
    (c) => (c.kind === 'fairness' || c.kind === 'fairness_regression') && c.status !== 'skipped',
  );
  if (fairness.length === 0) return 'none';
  if (fairness.some((c) => c.status === 'fail' || c.status === 'error')) return 'fail';
  return fairness.some((c) => c.status === 'warn') ? 'warn' : 'pass';
}

/**
 * Whether any of `metrics` is worse than production by its point estimate (the paired delta,
 * in the metric's bad direction). Metrics without a production value or delta are not regressed.
 */
export function computeRegressed(model: Pick<ModelReport, 'metrics'>, metrics: readonly string[]): boolean {
  return [...new Set(metrics)].some((name) => {
    const delta = model.metrics[name]?.delta?.value;
    if (delta === null || delta === undefined || !Number.isFinite(delta) || !isMetricName(name)) return false;
    return METRICS[name].direction === 'higher' ? delta < 0 : delta > 0;
  });
}
