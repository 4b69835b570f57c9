/**
 * Checks for one gated metric: absolute bounds, regression vs production, worst group.
 */
import type { MetricThresholds } from '../config/types.js';
import { isMetricName, METRICS } from '../metrics/registry.js';
import { formatNumber } from '../render/format-number.js';
import type { Check } from '../report/schema.js';
import { buildBoundCheck } from './build-bound-check.js';
import { buildRegressionCheck } from './build-regression-check.js';
import { metricLabel } from './labels.js';
import { type CheckHead, errorCheck, type GateContext } from './types.js';
import { buildWorstGroupChecks } from './worst-group-checks.js';

/** Every check configured for metric `name`, in a fixed order: min, max, regressions, worst groups. */
export function buildMetricChecks(ctx: GateContext, name: string, t: MetricThresholds): Check[] {
  const checks: Check[] = [];
  const comparison = ctx.model.metrics[name];
  const label = metricLabel(name);
  const absent = `${label} is gated but was not computed for this model; check the metric name and the task.`;
  for (const side of ['min', 'max'] as const) {
    const threshold = t[side];
    if (threshold === undefined) continue;
    const head: CheckHead = {
      id: `gates.${name}.${side}`,
      kind: 'metric',
      metric: name,
      bound: side,
      threshold,
      test: t.test,
    };
    checks.push(
      buildBoundCheck({
        head,
        side,
        estimate: comparison?.candidate,
        absent,
        subject: label,
        describe: (value) => `is ${formatNumber(value)}`,
        test: t.test,
        warnWithinNoise: t.warnWithinNoise,
        confidence: ctx.confidence,
      }),
    );
  }
  checks.push(...buildMetricRegressions(ctx, name, t));
  checks.push(...buildWorstGroupChecks(ctx, name, t));
  return checks;
}

function buildMetricRegressions(ctx: GateContext, name: string, t: MetricThresholds): Check[] {
  const checks: Check[] = [];
  const comparison = ctx.model.metrics[name];
  const label = metricLabel(name);
  const bounds = [
    ['max_regression', t.maxRegression, false],
    ['max_regression_relative', t.maxRegressionRelative, true],
  ] as const;
  for (const [bound, threshold, relative] of bounds) {
    if (threshold === undefined) continue;
    const head: CheckHead = {
      id: `gates.${name}.${bound}`,
      kind: 'regression',
      metric: name,
      bound,
      threshold,
      test: t.test,
    };
    if (!isMetricName(name)) {
      checks.push(errorCheck(head, `${name} is not a known metric, so which direction is worse is unknown.`));
      continue;
    }
    if (!comparison && !ctx.model.firstPromotion) {
      checks.push(
        errorCheck(
          head,
          `${label} is gated but was not computed for this model; check the metric name and the task.`,
        ),
      );
      continue;
    }
    checks.push(
      buildRegressionCheck({
        head,
        relative,
        direction: METRICS[name].direction,
        subject: label,
        candidate: comparison?.candidate.value,
        production: comparison?.production?.value,
        delta: comparison?.delta?.value,
        deltaInterval: comparison?.delta?.ci,
        missingReason: missingReason(ctx, comparison),
        firstPromotion: ctx.model.firstPromotion,
        test: t.test,
        warnWithinNoise: t.warnWithinNoise,
        confidence: ctx.confidence,
      }),
    );
  }
  return checks;
}

/** Why a comparison has no delta, in the words the report gives. */
export function missingReason(
  ctx: GateContext,
  comparison:
    | {
        candidate: { reason?: string | undefined };
        production: { value: number | null; reason?: string | undefined } | null;
        delta: { reason?: string | undefined } | null;
      }
    | undefined,
): string {
  const loadError = ctx.model.operational.production?.load_error;
  if (loadError) return `the production model could not be loaded (${loadError})`;
  if (!comparison) return 'the report has no value for it';
  if (!comparison.production) return 'the report has no production value';
  const reason = comparison.delta?.reason ?? comparison.production.reason ?? comparison.candidate.reason;
  return reason ?? 'the difference is undefined';
}
