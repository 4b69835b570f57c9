/** Small builders for gate tests: a model's report numbers with sensible defaults. */
import type { FairnessThresholds, MetricThresholds } from '../../../shared/config/types.js';
import type { GateModel, GateThresholds } from '../../../shared/gate/types.js';
import type {
  Comparison,
  Estimate,
  GapComparison,
  GroupEntry,
  ModelReport,
} from '../../../shared/report/schema.js';

export function est(value: number | null, ci: [number, number] | null = null, reason?: string): Estimate {
  return reason === undefined ? { value, ci } : { value, ci, reason };
}

/** A comparison; delta defaults to candidate − production on the point values. */
export function cmp(
  candidate: number | null,
  production: number | null,
  options: { candidateCi?: [number, number]; deltaCi?: [number, number]; delta?: number | null } = {},
): Comparison {
  const delta =
    options.delta !== undefined
      ? options.delta
      : candidate !== null && production !== null
        ? candidate - production
        : null;
  return {
    candidate: est(candidate, options.candidateCi ?? null),
    production: production === null ? null : est(production),
    delta: delta === null ? null : est(delta, options.deltaCi ?? null),
  };
}

export function gap(
  candidate: number | null,
  production: number | null,
  options: Parameters<typeof cmp>[2] = {},
): GapComparison {
  return { ...cmp(candidate, production, options), excluded: [], extremes: null };
}

export function group(
  n: number,
  candidate: Record<string, number | null>,
  flags: GroupEntry['flags'] = [],
): GroupEntry {
  return { n, flags, candidate, production: null };
}

type OperationalSide = ModelReport['operational']['candidate'];

export function opSide(overrides: Partial<OperationalSide> = {}): OperationalSide {
  return {
    size_mb: 10,
    load_ms: 20,
    latency_p50_ms: 0.5,
    latency_p95_ms: 1,
    batches: 20,
    load_error: null,
    ...overrides,
  };
}

export function model(overrides: Partial<GateModel> = {}): GateModel {
  return {
    name: 'churn',
    metrics: {},
    groups: {},
    fairness: {},
    operational: { candidate: opSide(), production: opSide() },
    firstPromotion: false,
    ...overrides,
  };
}

export function mg(t: Partial<MetricThresholds>): MetricThresholds {
  return { test: 'point', warnWithinNoise: true, ...t };
}

export function fg(t: Partial<FairnessThresholds>): FairnessThresholds {
  return { test: 'point', warnWithinNoise: true, ...t };
}

export function thresholds(t: Partial<GateThresholds>): GateThresholds {
  return { gates: {}, fairness: {}, operational: {}, ...t };
}
