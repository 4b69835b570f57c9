/**
 * Monitor results built from the churn report fixture: the promotion report's entry as the
 * baseline, and a copy with chosen metric and gap values as the evaluation on fresh data.
 */
import type { MonitorConfig } from '../../../shared/config/types.js';
import type { ColumnDrift, FeatureDrift } from '../../../shared/drift/schema.js';
import { buildMonitorModel, type MonitorModelInput } from '../../../shared/monitor/build-monitor-model.js';
import { buildDefaultMonitorConfig } from '../../../shared/monitor/monitor-settings.js';
import type { MonitorModel } from '../../../shared/monitor/schema.js';
import type { ModelReport } from '../../../shared/report/schema.js';
import { churnModel } from '../../fixtures/reports/report-fixtures.js';

export const MONITOR: MonitorConfig = {
  ...buildDefaultMonitorConfig('data/churn/fresh/*.csv'),
  gates: {
    roc_auc: { maxDegradation: 0.02, test: 'point' },
    log_loss: { maxDegradationRelative: 0.1, test: 'point' },
  },
  fairness: { equalized_odds_difference: { maxIncrease: 0.03 } },
};

/** The promotion report's entry (candidate side = the promoted model). */
export const baseline = (): ModelReport => churnModel('pass');

/** The evaluation on fresh data: the baseline with values replaced (interval ± width). */
export function current(
  values: { roc_auc?: number; log_loss?: number; eod_gender?: number; rows?: number; width?: number } = {},
): ModelReport {
  const report = structuredClone(baseline());
  const w = values.width ?? 0.01;
  const set = (value: number | undefined, target: { value: number | null; ci: [number, number] | null }) => {
    if (value === undefined) return;
    target.value = value;
    target.ci = [value - w, value + w];
  };
  set(values.roc_auc, report.metrics.roc_auc!.candidate);
  set(values.log_loss, report.metrics.log_loss!.candidate);
  set(values.eod_gender, report.fairness.equalized_odds_difference!.gender!.candidate);
  report.data.rows = values.rows ?? 3000;
  return report;
}

export function column(
  name: string,
  status: ColumnDrift['status'],
  role: ColumnDrift['role'] = 'feature',
): ColumnDrift {
  const drifted = status === 'drifted';
  return {
    column: name,
    role,
    kind: 'numeric',
    rows: { reference: 3000, current: 3000 },
    missing: { reference: 0, current: 0 },
    bins: 11,
    psi: drifted ? 0.41 : 0.012,
    ks: { statistic: drifted ? 0.23 : 0.02, pValue: drifted ? 1e-20 : 0.6 },
    jensenShannon: null,
    chiSquare: {
      statistic: drifted ? 400 : 8,
      dof: 10,
      pValue: drifted ? 1e-50 : 0.6,
      cramersV: drifted ? 0.26 : 0.036,
    },
    shift: { statistic: 'mean', reference: 12, current: drifted ? 19.5 : 12.1 },
    status,
    exceeded: drifted ? ['psi', 'ks'] : [],
  };
}

export function features(statuses: Record<string, ColumnDrift['status']>, maxShare = 0.3): FeatureDrift {
  const columns = Object.entries(statuses).map(([name, status]) => column(name, status));
  const judged = columns.filter((c) => c.status !== 'insufficient').length;
  const drifted = columns.filter((c) => c.status === 'drifted').length;
  const share = judged === 0 ? null : drifted / judged;
  return {
    status: share === null ? 'insufficient' : share > maxShare ? 'drifted' : 'stable',
    judged,
    drifted,
    share,
    maxShare,
    columns,
  };
}

export function monitorInput(overrides: Partial<MonitorModelInput> = {}): MonitorModelInput {
  const cur = overrides.current ?? current();
  return {
    model: { name: 'churn', task: 'binary', primaryMetric: 'roc_auc' },
    monitor: MONITOR,
    confidence: 0.95,
    production: {
      tag: 'churn@v1.3.0',
      version: '1.3.0',
      commit: 'c'.repeat(40),
      path: 'models/churn/model.onnx',
      sha256: 'a'.repeat(64),
    },
    baseline: {
      source: 'release',
      tag: 'churn@v1.3.0',
      url: 'https://github.com/acme/models/releases/tag/churn%401.3.0',
      createdAt: '2024-04-01T12:00:00.000Z',
      data: { path: 'data/churn/eval.csv', sha256: 'b'.repeat(64), rows: 2966 },
    },
    baselineReport: baseline(),
    current: cur,
    data: { path: 'data/churn/fresh/2024-05.csv', sha256: 'd'.repeat(64), rows: cur.data.rows },
    reference: { path: 'data/churn/eval.csv', sha256: 'b'.repeat(64), rows: 2966, source: 'promotion' },
    drift: {
      features: features({ tenure: 'stable', monthly_charges: 'stable', support_calls: 'stable' }),
      predictions: column('score', 'stable', 'prediction'),
      labels: column('churned', 'stable', 'label'),
    },
    ...overrides,
  };
}

export const monitored = (overrides: Partial<MonitorModelInput> = {}): MonitorModel =>
  buildMonitorModel(monitorInput(overrides));
