/**
 * Checks for one gated fairness gap, per column: `min`, `max` on the candidate's gap and
 * `max_increase` (worsening vs production, in the gap's bad direction; skipped on first promotion).
 * Columns are the configured `columns`, else every column the report has for that gap.
 */
import type { FairnessThresholds } from '../config/types.js';
import { GAPS, isGapName } from '../metrics/registry.js';
import { formatNumber } from '../render/format-number.js';
import type { Check, GapComparison } from '../report/schema.js';
import { buildBoundCheck } from './build-bound-check.js';
import { buildRegressionCheck } from './build-regression-check.js';
import { gapLabel } from './labels.js';
import { type CheckHead, errorCheck, finite, type GateContext } from './types.js';

type FairnessBound = 'min' | 'max' | 'max_increase';

/** Every check configured for gap `name`: per column, min, max, then max_increase. */
export function buildFairnessChecks(ctx: GateContext, name: string, t: FairnessThresholds): Check[] {
  const bounds = configuredBounds(t);
  if (bounds.length === 0) return [];
  const byColumn = ctx.model.fairness[name] ?? {};
  const columns = t.columns ?? Object.keys(byColumn);
  if (!isGapName(name) || columns.length === 0) {
    const why = !isGapName(name)
      ? `${name} is not a known fairness metric.`
      : `${gapLabel(name)} is gated, but the report has no sensitive column for it; configure sensitive columns for this model.`;
    return bounds.map(([bound, threshold]) => errorCheck(head(name, undefined, bound, threshold, t), why));
  }
  const checks: Check[] = [];
  for (const column of columns) {
    for (const [bound, threshold] of bounds) {
      checks.push(gapCheck({ ctx, name, column, bound, threshold, t, gap: byColumn[column] }));
    }
  }
  return checks;
}

function configuredBounds(t: FairnessThresholds): [FairnessBound, number][] {
  const all: [FairnessBound, number | undefined][] = [
    ['min', t.min],
    ['max', t.max],
    ['max_increase', t.maxIncrease],
  ];
  return all.filter((pair): pair is [FairnessBound, number] => pair[1] !== undefined);
}

function head(
  name: string,
  column: string | undefined,
  bound: FairnessBound,
  threshold: number,
  t: FairnessThresholds,
): CheckHead {
  const id = column === undefined ? `fairness.${name}.${bound}` : `fairness.${name}.${column}.${bound}`;
  const kind = bound === 'max_increase' ? 'fairness_regression' : 'fairness';
  const base = { id, kind, metric: name, bound, threshold, test: t.test } as const;
  return column === undefined ? base : { ...base, column };
}

interface GapCheckInput {
  ctx: GateContext;
  name: keyof typeof GAPS;
  column: string;
  bound: FairnessBound;
  threshold: number;
  t: FairnessThresholds;
  gap: GapComparison | undefined;
}

function gapCheck({ ctx, name, column, bound, threshold, t, gap }: GapCheckInput): Check {
  const h = head(name, column, bound, threshold, t);
  const subject = `${gapLabel(name)} on ${column}`;
  const absent = `${subject} is gated but was not computed; check that ${column} is a sensitive column of this model.`;
  if (bound === 'max_increase') {
    if (!gap && !ctx.model.firstPromotion) return errorCheck(h, absent);
    return buildRegressionCheck({
      head: h,
      relative: false,
      direction: GAPS[name].direction,
      subject,
      candidate: gap?.candidate.value,
      production: gap?.production?.value,
      delta: gap?.delta?.value,
      deltaInterval: gap?.delta?.ci,
      missingReason: gapMissingReason(ctx, gap),
      firstPromotion: ctx.model.firstPromotion,
      test: t.test,
      warnWithinNoise: t.warnWithinNoise,
      confidence: ctx.confidence,
    });
  }
  const production = finite(gap?.production?.value);
  return buildBoundCheck({
    head: h,
    side: bound,
    estimate: gap?.candidate,
    absent,
    subject,
    describe: (value) => describeGapValue(value, production),
    test: t.test,
    warnWithinNoise: t.warnWithinNoise,
    confidence: ctx.confidence,
    extra: describeGroups(gap),
  });
}

/** "rose from 0.040 to 0.090" when production is known, else "is 0.090". */
function describeGapValue(value: number, production: number | null): string {
  if (production === null) return `is ${formatNumber(value)}`;
  if (formatNumber(value) === formatNumber(production)) return `is unchanged at ${formatNumber(value)}`;
  return `${value > production ? 'rose' : 'fell'} from ${formatNumber(production)} to ${formatNumber(value)}`;
}

function describeGroups(gap: GapComparison | undefined): string {
  if (!gap) return '';
  const parts: string[] = [];
  if (gap.extremes)
    parts.push(`The extremes are the groups ${gap.extremes.min} (lowest) and ${gap.extremes.max} (highest).`);
  if (gap.excluded.length > 0) {
    const n = gap.excluded.length;
    parts.push(`${n} ${n === 1 ? 'group was' : 'groups were'} left out of the gap (too small or undefined).`);
  }
  return parts.join(' ');
}

function gapMissingReason(ctx: GateContext, gap: GapComparison | undefined): string {
  const loadError = ctx.model.operational.production?.load_error;
  if (loadError) return `the production model could not be loaded (${loadError})`;
  if (!gap?.production) return 'the report has no production value';
  return gap.delta?.reason ?? gap.production.reason ?? gap.candidate.reason ?? 'the difference is undefined';
}
