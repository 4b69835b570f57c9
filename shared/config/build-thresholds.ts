/**
 * Threshold sections from snake_case to camelCase, in the order of the file; unset bounds are
 * absent (not undefined), as exactOptionalPropertyTypes wants.
 */
import type { IssueCollector } from './build-config.js';
import type { KeyPath } from './config-source.js';
import type { FairnessGate, MetricGate, ModelConfigFile, OperationalGate } from './schema.js';
import type { FairnessThresholds, MetricThresholds, MonitorConfig, OperationalThresholds } from './types.js';

/** snake_case metric gate → camelCase, unset bounds absent. */
export function toMetricThresholds(g: MetricGate): MetricThresholds {
  return {
    ...(g.min !== undefined && { min: g.min }),
    ...(g.max !== undefined && { max: g.max }),
    ...(g.max_regression !== undefined && { maxRegression: g.max_regression }),
    ...(g.max_regression_relative !== undefined && { maxRegressionRelative: g.max_regression_relative }),
    ...(g.worst_group_min !== undefined && { worstGroupMin: g.worst_group_min }),
    ...(g.worst_group_max !== undefined && { worstGroupMax: g.worst_group_max }),
    test: g.test,
    warnWithinNoise: g.warn_within_noise,
  };
}

/** snake_case fairness gate → camelCase, unset bounds absent. */
export function toFairnessThresholds(g: FairnessGate): FairnessThresholds {
  return {
    ...(g.min !== undefined && { min: g.min }),
    ...(g.max !== undefined && { max: g.max }),
    ...(g.max_increase !== undefined && { maxIncrease: g.max_increase }),
    ...(g.columns !== undefined && { columns: [...g.columns] }),
    test: g.test,
    warnWithinNoise: g.warn_within_noise,
  };
}

/** snake_case operational gate → camelCase, unset bounds absent. */
export function toOperationalThresholds(g: OperationalGate): OperationalThresholds {
  return {
    ...(g.max !== undefined && { max: g.max }),
    ...(g.max_increase_relative !== undefined && { maxIncreaseRelative: g.max_increase_relative }),
  };
}

/** The monitor section in camelCase, its paths normalised (problems go to `issues`). */
export function buildMonitor(args: {
  monitor: NonNullable<ModelConfigFile['monitor']>;
  raw: unknown;
  base: KeyPath;
  issues: IssueCollector;
}): MonitorConfig {
  const { monitor: m, base, issues } = args;
  const raw = (args.raw ?? {}) as Record<string, unknown>;
  const out: MonitorConfig = {
    data: issues.path(m.data, [...base, 'data']),
    minRows: m.min_rows,
    gates: mapEntries(m.gates, raw.gates, (g) => ({
      ...(g.max_degradation !== undefined && { maxDegradation: g.max_degradation }),
      ...(g.max_degradation_relative !== undefined && { maxDegradationRelative: g.max_degradation_relative }),
      test: g.test,
    })),
    fairness: mapEntries(m.fairness, raw.fairness, (g) => ({ maxIncrease: g.max_increase })),
    drift: {
      psiMax: m.drift.psi_max,
      ksMax: m.drift.ks_max,
      jsMax: m.drift.js_max,
      maxShareDrifted: m.drift.max_share_drifted,
      categorical: m.drift.categorical,
      cramersVMax: m.drift.cramers_v_max,
      alpha: m.drift.alpha,
      predictions: m.drift.predictions,
      labels: m.drift.labels,
    },
  };
  if (m.schedule !== undefined) out.schedule = m.schedule;
  if (m.reference !== undefined) out.reference = issues.path(m.reference, [...base, 'reference']);
  return out;
}

/**
 * Maps the defined entries of an object keyed by metric name, in the order of the file (`raw`):
 * the schema's output lists them in registry order.
 */
export function mapEntries<T, U>(
  entries: Readonly<Record<string, T | undefined>>,
  raw: unknown,
  map: (value: T) => U,
): Record<string, U> {
  const order = typeof raw === 'object' && raw !== null ? Object.keys(raw) : [];
  const keys = [...new Set([...order, ...Object.keys(entries)])];
  const out: Record<string, U> = {};
  for (const key of keys) {
    const value = entries[key];
    if (value !== undefined) out[key] = map(value);
  }
  return out;
}
