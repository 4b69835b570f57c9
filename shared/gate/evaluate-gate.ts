/**
 * The gate: a model's report numbers + trusted thresholds → checks and a verdict. Pure, and
 * based on the report alone, so the App can recompute a verdict from a verified report with the
 * thresholds of the default branch.
 */

import type { Check, Verdict } from '../report/schema.js';
import { buildModelErrorCheck } from './build-model-check.js';
import { buildFairnessChecks } from './fairness-checks.js';
import { buildMetricChecks } from './metric-checks.js';
import { buildLoadCheck, buildOperationalChecks } from './operational-checks.js';
import type { GateContext, GateModel, GateThresholds } from './types.js';

/** A model report's numbers and the thresholds to decide them under. */
export interface GateInput {
  model: GateModel;
  thresholds: GateThresholds;
  /** Confidence level of the report's intervals (messages only); default 0.95. */
  confidence?: number;
}

/** One check per configured threshold, and the verdict. */
export interface GateResult {
  checks: Check[];
  verdict: Verdict;
}

/**
 * Builds one check per configured threshold (metrics in configuration order, then fairness gaps,
 * then operational measurements) and the verdict.
 *
 * Decisions, all fail-closed:
 * - A gated quantity that is missing from the report or undefined (null, NaN) is an `error`
 *   check naming the reason, never a pass.
 * - Comparisons with production (`max_regression*`, `max_increase*`) are `skipped` on first
 *   promotion; the model is then gated on absolute thresholds only.
 * - A candidate that failed to load gives the failed check `operational.load`; every other
 *   check is then `skipped` (not evaluated), so the verdict is `fail`.
 * - No thresholds configured at all: one `error` check (id `gates.none`) asking for thresholds.
 * - Verdict precedence: `error` if any check is `error`; else `fail` if any `fail`; else
 *   `inconclusive` if any `warn`, or if every check was skipped (first promotion with
 *   comparison thresholds only: nothing could be decided); else `pass`.
 */
export function evaluateGate(input: GateInput): GateResult {
  const ctx: GateContext = { model: input.model, confidence: input.confidence ?? 0.95 };
  const { gates, fairness, operational } = input.thresholds;
  const checks: Check[] = [
    ...Object.entries(gates).flatMap(([name, t]) => buildMetricChecks(ctx, name, t)),
    ...Object.entries(fairness).flatMap(([name, t]) => buildFairnessChecks(ctx, name, t)),
    ...Object.entries(operational).flatMap(([name, t]) => buildOperationalChecks(ctx, name, t)),
  ];
  const loadError = input.model.operational.candidate.load_error;
  if (loadError !== null) {
    const notEvaluated = checks.map(
      (check): Check => ({
        ...check,
        status: 'skipped',
        observed: null,
        interval: null,
        message: 'Not evaluated: the candidate model could not be loaded.',
      }),
    );
    return computeResult([buildLoadCheck(loadError), ...notEvaluated]);
  }
  if (checks.length === 0) return computeResult([noThresholdsCheck(input.model.name)]);
  return computeResult(checks);
}

/** The verdict of a list of checks (see `evaluateGate` for the precedence). Empty → `error`. */
export function computeVerdict(checks: readonly Pick<Check, 'status'>[]): Verdict {
  if (checks.length === 0) return 'error';
  const has = (status: Check['status']) => checks.some((check) => check.status === status);
  if (has('error')) return 'error';
  if (has('fail')) return 'fail';
  if (has('warn')) return 'inconclusive';
  if (checks.every((check) => check.status === 'skipped')) return 'inconclusive';
  return 'pass';
}

function computeResult(checks: Check[]): GateResult {
  return { checks, verdict: computeVerdict(checks) };
}

function noThresholdsCheck(model: string): Check {
  return buildModelErrorCheck(
    'gates.none',
    `No thresholds are configured for model ${model}, so there is nothing to decide on; add gates, fairness or operational thresholds for it to .github/modelgate.yml.`,
  );
}
