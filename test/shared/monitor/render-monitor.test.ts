/** Rendering the monitor's markdown: snapshots of fixed results, escaping, size limits. */
import type { HistoryEntry } from '../../../shared/monitor/alert-history.js';
import { parseAlertHistory } from '../../../shared/monitor/alert-history.js';
import { buildMonitorReport } from '../../../shared/monitor/build-monitor-report.js';
import {
  buildAlertTitle,
  ISSUE_BODY_LIMIT,
  renderAlertBody,
  renderMonitorSummary,
} from '../../../shared/monitor/render-monitor.js';
import type { MonitorModel } from '../../../shared/monitor/schema.js';
import { column, current, features, monitored } from './monitor-fixtures.js';

const history: HistoryEntry[] = [
  {
    at: '2024-04-08T06:00:00.000Z',
    version: '1.3.0',
    status: 'healthy',
    metric: 'roc_auc',
    value: 0.846,
    baseline: 0.851,
    drifted: 0,
    rows: 3100,
    run: 'https://github.com/acme/models/actions/runs/1',
  },
  {
    at: '2024-05-06T06:00:00.000Z',
    version: '1.3.0',
    status: 'alert',
    metric: 'roc_auc',
    value: 0.79,
    baseline: 0.851,
    drifted: 1 / 3,
    rows: 3000,
    run: 'https://github.com/acme/models/actions/runs/2',
  },
];

const alerting = () =>
  monitored({
    current: current({ roc_auc: 0.79 }),
    drift: {
      features: features({ tenure: 'drifted', monthly_charges: 'stable', support_calls: 'insufficient' }),
      predictions: column('score', 'stable', 'prediction'),
      labels: column('churned', 'stable', 'label'),
    },
  });

const report = (models: MonitorModel[]) =>
  buildMonitorReport({
    createdAt: '2024-05-06T06:00:00.000Z',
    version: '0.1.0',
    repository: 'acme/models',
    settings: { seed: 42, bootstrap: 1000, confidence: 0.95, method: 'percentile bootstrap' },
    environment: { modelgate: '0.1.0', node: 'v20.20.0', onnxruntime: '1.30.0', platform: 'linux-x64' },
    models,
    skipped: [{ name: 'upsell', reason: 'no monitor section in the configuration' }],
  });

describe('alert issue', () => {
  test('title and body (snapshot)', () => {
    const model = alerting();
    expect(buildAlertTitle(model)).toBe('churn@v1.3.0: roc_auc degraded 0.851 → 0.790 (+1 more)');
    const body = renderAlertBody({
      model,
      history,
      state: 'open',
      at: '2024-05-06T06:00:00.000Z',
      runUrl: 'https://github.com/acme/models/actions/runs/2',
      version: '0.1.0',
      confidence: 0.95,
    });
    expect(body).toMatchSnapshot();
  });

  test('names from data cannot inject markdown, HTML or mentions; Mermaid labels are sanitised', () => {
    const model = alerting();
    model.drift!.features.columns[0]!.column = '<img src=x onerror=alert(1)> @acme/admins [x](https://evil)';
    model.data!.path = 'data/**bold**|pipe.csv';
    const body = renderAlertBody({
      model,
      history: [{ ...history[0]!, at: '2024-04-08"] ; click x "https://evil' }, history[1]!],
      state: 'open',
      at: '2024-05-06T06:00:00.000Z',
      runUrl: 'javascript:alert(1)',
      version: '0.1.0',
      confidence: 0.95,
    });
    expect(body).not.toContain('<img');
    expect(body).toContain(
      '&lt;img src=x onerror=alert(1)&gt; @\u200Dacme/admins \\[x\\](https:\u200D//evil)',
    );
    expect(body).toContain('data/\\*\\*bold\\*\\*\\|pipe.csv');
    expect(body).not.toContain('javascript:');
    expect(body).not.toMatch(/x-axis \[[^\n]*"https/);
  });

  test('thousands of features: the table shows the drifted first, up to 60 rows', () => {
    const model = alerting();
    model.drift = {
      ...model.drift!,
      features: features(
        Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`f${i}`, i % 100 ? 'stable' : 'drifted'])),
      ),
    };
    const body = renderAlertBody({
      model,
      history,
      state: 'open',
      at: '2024-05-06T06:00:00.000Z',
      runUrl: null,
      version: '0.1.0',
      confidence: 0.95,
    });
    const rows = body.split('\n').filter((l) => /^\| f\d+ \|/.test(l));
    expect(rows).toHaveLength(60);
    expect(rows.slice(0, 30).every((r) => r.includes('drifted'))).toBe(true);
    expect(body).toContain(
      '2940 more columns are listed in the monitor report (JSON); drifted columns come first in this table.',
    );
  });

  test('a body over the issue limit is shortened, and keeps its history', () => {
    const model = alerting();
    const many = features(
      Object.fromEntries(
        Array.from({ length: 60 }, (_, i) => [
          `${'long_feature_name_'.repeat(80)}${i}`,
          i % 2 ? 'stable' : 'drifted',
        ]),
      ),
    );
    model.drift = { ...model.drift!, features: many };
    const body = renderAlertBody({
      model,
      history,
      state: 'open',
      at: '2024-05-06T06:00:00.000Z',
      runUrl: null,
      version: '0.1.0',
      confidence: 0.95,
    });
    expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    expect(body).toContain('Shortened to fit the size limit of an issue');
    expect(parseAlertHistory(body)).toEqual(history);
  });
});

describe('job summary', () => {
  test('every model, the skipped ones, without history (snapshot)', () => {
    const text = renderMonitorSummary(
      report([
        alerting(),
        monitored({
          model: { name: 'fraud', task: 'binary', primaryMetric: 'roc_auc' },
          current: current({ roc_auc: 0.85, width: 0.002 }),
        }),
      ]),
      { target: 'summary' },
    );
    expect(text).toMatchSnapshot();
    expect(text).not.toContain('modelgate:history');
  });

  test('a file read as text has no <details>', () => {
    const text = renderMonitorSummary(report([alerting()]), { target: 'terminal-file' });
    expect(text).not.toContain('<details>');
    expect(text).toContain('#### Provenance');
  });
});
