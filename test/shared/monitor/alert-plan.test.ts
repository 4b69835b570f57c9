/** The alert issue lifecycle: what to do for each status and issue state, the history, the marker. */
import {
  appendHistory,
  type HistoryEntry,
  MAX_HISTORY,
  parseAlertHistory,
  renderHistoryBlock,
} from '../../../shared/monitor/alert-history.js';
import { buildAlertPlan } from '../../../shared/monitor/build-alert-plan.js';
import { buildMonitorErrorModel } from '../../../shared/monitor/build-monitor-model.js';
import {
  buildAlertMarker,
  findAlertIssue,
  type IssueSummary,
} from '../../../shared/monitor/find-alert-issue.js';
import type { MonitorModel } from '../../../shared/monitor/schema.js';
import { current, monitored } from './monitor-fixtures.js';

const healthy = () => monitored({ current: current({ roc_auc: 0.848, width: 0.002 }) });
const alerting = () => monitored({ current: current({ roc_auc: 0.79 }) });
const insufficient = () => monitored({ current: current({ rows: 50 }) });
const failed = () =>
  buildMonitorErrorModel({
    model: { name: 'churn', task: 'binary', primaryMetric: 'roc_auc' },
    minRows: 200,
    error: { code: 'baseline_missing', message: 'No release.' },
  });

const plan = (model: MonitorModel, existing: IssueSummary | null) =>
  buildAlertPlan({
    model,
    existing,
    at: '2024-05-06T06:00:00.000Z',
    runUrl: 'https://github.com/acme/models/actions/runs/9',
    version: '0.1.0',
    confidence: 0.95,
  });
const issue = (state: 'open' | 'closed', body = `${buildAlertMarker('churn')}\nold body`): IssueSummary => ({
  number: 7,
  state,
  title: 'churn@v1.3.0: old title',
  body,
});

describe('buildAlertPlan', () => {
  test.each<[string, () => MonitorModel, 'open' | 'closed' | null, string]>([
    ['alert, no issue', alerting, null, 'create'],
    ['alert, open issue', alerting, 'open', 'update'],
    ['alert, closed issue', alerting, 'closed', 'reopen'],
    ['healthy, no issue', healthy, null, 'none'],
    ['healthy, open issue', healthy, 'open', 'close'],
    ['healthy, closed issue', healthy, 'closed', 'none'],
    ['too little data, no issue', insufficient, null, 'none'],
    ['too little data, open issue', insufficient, 'open', 'update'],
    ['too little data, closed issue', insufficient, 'closed', 'none'],
    ['error, open issue', failed, 'open', 'none'],
    ['error, no issue', failed, null, 'none'],
  ])('%s → %s', (_name, model, state, action) => {
    const result = plan(model(), state === null ? null : issue(state));
    expect(result.action).toBe(action);
    expect(result.labels).toEqual(['modelgate-monitor']);
    expect(result.body === '').toBe(action === 'none');
    expect(result.reason).not.toBe('');
  });

  test('an alert is titled with the production tag and the headline', () => {
    expect(plan(alerting(), null).title).toBe('churn@v1.3.0: roc_auc degraded 0.851 → 0.790');
    expect(plan(alerting(), issue('open')).title).toBe('churn@v1.3.0: roc_auc degraded 0.851 → 0.790');
  });

  test('closing and waiting keep the alert title; the body says why', () => {
    const closing = plan(healthy(), issue('open'));
    expect(closing.title).toBe('churn@v1.3.0: old title');
    expect(closing.body).toContain(
      '**Resolved.** The run of 2024-05-06 found the production model healthy again',
    );
    const waiting = plan(insufficient(), issue('open'));
    expect(waiting.title).toBe('churn@v1.3.0: old title');
    expect(waiting.body).toContain('**Still open.**');
  });

  test('the body starts with the marker and carries the history, this run appended', () => {
    const previous: HistoryEntry = {
      at: '2024-04-29T06:00:00.000Z',
      version: '1.3.0',
      status: 'alert',
      metric: 'roc_auc',
      value: 0.8,
      baseline: 0.851,
      drifted: 0,
      rows: 3000,
      run: null,
    };
    const body = plan(
      alerting(),
      issue('open', `${buildAlertMarker('churn')}\n${renderHistoryBlock([previous])}`),
    ).body;
    expect(body.split('\n')[0]).toBe('<!-- modelgate:monitor:churn -->');
    const runs = parseAlertHistory(body);
    expect(runs).toHaveLength(2);
    expect(runs[1]).toEqual({
      at: '2024-05-06T06:00:00.000Z',
      version: '1.3.0',
      status: 'alert',
      metric: 'roc_auc',
      value: 0.79,
      baseline: 0.851,
      drifted: 0,
      rows: 3000,
      run: 'https://github.com/acme/models/actions/runs/9',
    });
    expect(body).toContain('x-axis ["2024-04-29", "2024-05-06"]');
  });
});

describe('history block', () => {
  const entry = (i: number): HistoryEntry => ({
    at: `2024-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
    version: '1.0.0',
    status: 'healthy',
    metric: 'roc_auc',
    value: i / 100,
    baseline: 0.8,
    drifted: null,
    rows: 10,
    run: null,
  });

  test('round trip; a body edited so the block no longer parses starts afresh', () => {
    const runs = [entry(1), entry(2)];
    expect(parseAlertHistory(`text\n${renderHistoryBlock(runs)}\n`)).toEqual(runs);
    expect(parseAlertHistory('<!-- modelgate:history {"v":1,"runs":[{"at":1}]} -->')).toEqual([]);
    expect(parseAlertHistory('<!-- modelgate:history {not json} -->')).toEqual([]);
    expect(parseAlertHistory(null)).toEqual([]);
  });

  test('no value can close the comment early', () => {
    const sneaky = { ...entry(1), run: 'https://x/--><img src=x>' };
    const block = renderHistoryBlock([sneaky]);
    expect(block.indexOf('-->')).toBe(block.length - 3);
    expect(parseAlertHistory(block)[0]!.run).toBe(sneaky.run);
  });

  test(`keeps the last ${MAX_HISTORY} runs`, () => {
    let runs: HistoryEntry[] = [];
    for (let i = 0; i < MAX_HISTORY + 5; i++) runs = appendHistory(runs, entry(i));
    expect(runs).toHaveLength(MAX_HISTORY);
    expect(runs[0]!.value).toBe(0.05);
  });
});

describe('findAlertIssue', () => {
  const mk = (
    number: number,
    state: 'open' | 'closed',
    model: string,
    extra: Partial<IssueSummary> = {},
  ): IssueSummary => ({
    number,
    state,
    title: 't',
    body: `${buildAlertMarker(model)}\nbody`,
    ...extra,
  });

  test('matches the marker line exactly (churn is not churn-eu), prefers open, then the newest', () => {
    const issues = [
      mk(1, 'closed', 'churn'),
      mk(2, 'open', 'churn-eu'),
      mk(3, 'closed', 'churn'),
      mk(4, 'open', 'team/churn'),
    ];
    expect(findAlertIssue(issues, 'churn')!.number).toBe(3);
    expect(findAlertIssue([...issues, mk(5, 'open', 'churn')], 'churn')!.number).toBe(5);
    expect(findAlertIssue(issues, 'team/churn')!.number).toBe(4);
    expect(findAlertIssue(issues, 'fraud')).toBeNull();
  });

  test('pull requests and bodies that merely mention the marker are ignored', () => {
    const quoted = mk(8, 'open', 'churn', { body: `see\n${buildAlertMarker('churn')}` });
    const pr = mk(9, 'open', 'churn', { pull_request: { url: 'x' } });
    expect(findAlertIssue([quoted, pr, { ...mk(10, 'open', 'churn'), body: null }], 'churn')).toBeNull();
  });
});
