/**
 * The monitoring settings of a model: its `monitor` section, or the documented defaults when a
 * local run monitors a model that has none (the CLI passes the data explicitly).
 */
import type { MonitorConfig } from '../config/types.js';
import type { DriftThresholds } from '../drift/schema.js';

/** The defaults of the configuration schema's `monitor` section, for `data`. */
export function buildDefaultMonitorConfig(data: string): MonitorConfig {
  return {
    data,
    minRows: 200,
    gates: {},
    fairness: {},
    drift: {
      psiMax: 0.2,
      ksMax: 0.1,
      jsMax: 0.1,
      maxShareDrifted: 0.3,
      categorical: 'jensen_shannon',
      cramersVMax: 0.1,
      alpha: 0.05,
      predictions: true,
      labels: true,
    },
  };
}

/** The drift thresholds of a monitor section (min_rows applies to drift as to metrics). */
export function buildDriftThresholds(monitor: MonitorConfig): DriftThresholds {
  const d = monitor.drift;
  return {
    psiMax: d.psiMax,
    ksMax: d.ksMax,
    jsMax: d.jsMax,
    cramersVMax: d.cramersVMax,
    alpha: d.alpha,
    categorical: d.categorical,
    maxShareDrifted: d.maxShareDrifted,
    minRows: monitor.minRows,
  };
}
