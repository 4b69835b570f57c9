/**
 * Point estimates plus percentile intervals → the report's Comparison / GapComparison: candidate,
 * production, and the paired delta (candidate − production), whose interval comes from the
 * per-resample differences — both models were evaluated on the same resample.
 */
import type { GapDetail } from '../fairness/compute-gap-detail.js';
import type { Comparison, Estimate, GapComparison } from '../report/schema.js';
import { computePercentileInterval } from '../stats/interval.js';
import type { ReplicateSeries } from './replicates.js';
import type { MetricValue } from './types.js';

/** A point estimate with the interval of its replicates (none without a value or replicates). */
export function buildEstimate(
  point: MetricValue,
  replicates: Float64Array | null,
  confidence: number,
): Estimate {
  if (point.value === null) return { value: null, ci: null, reason: point.reason ?? 'undefined' };
  return {
    value: point.value,
    ci: replicates === null ? null : computePercentileInterval(replicates, confidence),
  };
}

/** The paired difference candidate − production per resample (NaN where either is undefined). */
export function computePairedDifferences(series: ReplicateSeries): Float64Array | null {
  const { candidate, production } = series;
  if (production === null) return null;
  return candidate.map((c, b) => c - production[b]!);
}

/**
 * Candidate, production (null without production) and delta. `series` holds the replicates
 * (undefined when the bootstrap is off: every ci is null).
 */
export function buildComparison(input: {
  candidate: MetricValue;
  production: MetricValue | null;
  series: ReplicateSeries | undefined;
  confidence: number;
}): Comparison {
  const { candidate, production, series, confidence } = input;
  const c = buildEstimate(candidate, series?.candidate ?? null, confidence);
  if (production === null) return { candidate: c, production: null, delta: null };
  const p = buildEstimate(production, series?.production ?? null, confidence);
  return { candidate: c, production: p, delta: buildDelta({ candidate, production, series, confidence }) };
}

function buildDelta(input: {
  candidate: MetricValue;
  production: MetricValue;
  series: ReplicateSeries | undefined;
  confidence: number;
}): Estimate {
  const { candidate, production } = input;
  if (candidate.value === null || production.value === null) {
    const side = candidate.value === null ? 'the candidate' : 'production';
    return { value: null, ci: null, reason: `undefined for ${side}` };
  }
  const differences = input.series === undefined ? null : computePairedDifferences(input.series);
  return buildEstimate({ value: candidate.value - production.value }, differences, input.confidence);
}

/** A gap's comparison, with the candidate's excluded groups and extremes. */
export function buildGapComparison(input: {
  candidate: GapDetail;
  production: GapDetail | null;
  series: ReplicateSeries | undefined;
  confidence: number;
}): GapComparison {
  const toValue = (d: GapDetail): MetricValue =>
    d.value === null ? { value: null, reason: d.reason ?? 'undefined' } : { value: d.value };
  const comparison = buildComparison({
    candidate: toValue(input.candidate),
    production: input.production === null ? null : toValue(input.production),
    series: input.series,
    confidence: input.confidence,
  });
  return { ...comparison, excluded: input.candidate.excluded, extremes: input.candidate.extremes };
}
