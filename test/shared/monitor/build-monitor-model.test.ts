/** A model's monitoring status and the one-line headline its alert is titled with. */
import { buildMonitorErrorModel } from '../../../shared/monitor/build-monitor-model.js';
import { buildMonitorReport, computeMonitorStatus } from '../../../shared/monitor/build-monitor-report.js';
import { monitorReportSchema } from '../../../shared/monitor/schema.js';
import { column, current, features, MONITOR, monitored } from './monitor-fixtures.js';

describe('buildMonitorModel', () => {
  test('healthy: every check passes', () => {
    const model = monitored({ current: current({ roc_auc: 0.848, width: 0.002 }) });
    expect(model.status).toBe('healthy');
    expect(model.headline).toBeNull();
    expect(model.checks.map((c) => c.kind)).toEqual([
      'degradation',
      'degradation',
      'fairness_increase',
      'fairness_increase',
      'feature_drift',
      'prediction_drift',
      'label_drift',
    ]);
    expect(model.drift!.thresholds).toMatchObject({ psiMax: 0.2, minRows: 200 });
  });

  test.each<[string, Parameters<typeof monitored>[0], string]>([
    [
      'the primary metric first',
      { current: current({ roc_auc: 0.79, log_loss: 0.6 }) },
      'roc_auc degraded 0.851 → 0.790 (+1 more)',
    ],
    ['another metric', { current: current({ log_loss: 0.6 }) }, 'log_loss degraded 0.412 → 0.600'],
    [
      'a fairness gap',
      { current: current({ eod_gender: 0.12 }) },
      'equalized_odds_difference on gender worsened 0.052 → 0.120',
    ],
    [
      'feature drift',
      {
        drift: {
          features: features({ tenure: 'drifted', monthly_charges: 'stable', support_calls: 'stable' }),
          predictions: null,
          labels: null,
        },
      },
      'feature drift in 1 of 3 features',
    ],
    [
      'prediction drift',
      {
        drift: {
          features: features({ tenure: 'stable' }),
          predictions: column('score', 'drifted', 'prediction'),
          labels: null,
        },
      },
      'score distribution drifted',
    ],
  ])('alert headline: %s', (_name, overrides, headline) => {
    const model = monitored(overrides);
    expect(model.status).toBe('alert');
    expect(model.headline).toBe(headline);
  });

  test('label drift of a binary model names the base rate', () => {
    const labels = {
      ...column('churned', 'drifted', 'label'),
      kind: 'categorical' as const,
      shift: { statistic: 'rate' as const, reference: 0.21, current: 0.35 },
    };
    expect(
      monitored({ drift: { features: features({ a: 'stable' }), predictions: null, labels } }).headline,
    ).toBe('base rate moved 0.210 → 0.350');
  });

  test('prediction and label drift alert only when enabled', () => {
    const drift = {
      features: features({ a: 'stable' }),
      predictions: column('score', 'drifted', 'prediction'),
      labels: column('churned', 'drifted', 'label'),
    };
    expect(monitored({ drift }).status).toBe('alert');
    const model = monitored({
      drift,
      monitor: { ...MONITOR, drift: { ...MONITOR.drift, predictions: false, labels: false } },
    });
    expect(model.status).toBe('healthy');
    expect(model.checks.map((c) => c.kind)).not.toContain('prediction_drift');
    expect(model.drift!.predictions!.status).toBe('drifted');
  });

  test('too few fresh rows: insufficient_data, never an alert from noise', () => {
    const model = monitored({ current: current({ roc_auc: 0.6, rows: 150 }) });
    expect(model.status).toBe('insufficient_data');
  });

  test('a check that cannot be decided raises the alert (fails closed)', () => {
    const cur = current();
    cur.metrics.roc_auc!.candidate = { value: null, ci: null, reason: 'one class' };
    const model = monitored({ current: cur });
    expect(model.status).toBe('alert');
    expect(model.headline).toBe('roc_auc could not be evaluated');
  });
});

describe('the report', () => {
  test('status is the worst model status; a run error is error', () => {
    expect(computeMonitorStatus([])).toBe('healthy');
    expect(computeMonitorStatus([{ status: 'healthy' }, { status: 'insufficient_data' }])).toBe(
      'insufficient_data',
    );
    expect(computeMonitorStatus([{ status: 'alert' }, { status: 'insufficient_data' }])).toBe('alert');
    expect(computeMonitorStatus([{ status: 'alert' }, { status: 'error' }])).toBe('error');
    expect(computeMonitorStatus([{ status: 'healthy' }], new Error('x'))).toBe('error');
  });

  test('a built report conforms to the schema', () => {
    const error = buildMonitorErrorModel({
      model: { name: 'upsell', task: 'binary', primaryMetric: 'roc_auc' },
      minRows: 200,
      error: { code: 'baseline_missing', message: 'No release.' },
    });
    const report = buildMonitorReport({
      createdAt: '2024-05-06T06:00:00.000Z',
      version: '0.1.0',
      settings: { seed: 42, bootstrap: 1000, confidence: 0.95, method: 'percentile bootstrap' },
      environment: { modelgate: '0.1.0', node: 'v20', onnxruntime: null, platform: 'linux-x64' },
      models: [monitored(), error],
    });
    expect(monitorReportSchema.parse(report)).toEqual(report);
    expect(report.status).toBe('error');
  });
});
