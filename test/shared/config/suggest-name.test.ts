import { METRIC_ALIASES } from '../../../shared/config/metric-names.js';
import { editDistance, normaliseName, suggestName } from '../../../shared/config/suggest-name.js';
import { GAP_NAMES, METRIC_NAMES, OPERATIONAL_NAMES } from '../../../shared/metrics/registry.js';

const ALL = [...METRIC_NAMES, ...GAP_NAMES, ...OPERATIONAL_NAMES];

describe('normaliseName', () => {
  test.each([
    ['minGroupSize', 'min_group_size'],
    ['Min-Group Size', 'min_group_size'],
    ['MIN_GROUP_SIZE', 'min_group_size'],
    ['AUC', 'auc'],
    ['rocAuc', 'roc_auc'],
    ['  f1-score ', 'f1_score'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});

describe('editDistance (optimal string alignment)', () => {
  test.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['threshold', 'thresohld', 1],
    ['recall', 'recal', 1],
    ['ca', 'abc', 3],
  ])('%s / %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggestName: metric names', () => {
  test.each([
    ['AUC', 'roc_auc'],
    ['auc', 'roc_auc'],
    ['f1_score', 'f1'],
    ['DPR', 'demographic_parity_ratio'],
    ['disparate_impact', 'demographic_parity_ratio'],
    ['eod', 'equalized_odds_difference'],
    ['accuracy_score', 'accuracy'],
    ['balanced_accuracy_score', 'balanced_accuracy'],
    ['average_precision_score', 'average_precision'],
    ['r2_score', 'r2'],
    ['brier_score_loss', 'brier'],
    ['mean_absolute_error', 'mae'],
    ['LogLoss', 'log_loss'],
    ['specificity', 'tnr'],
    ['p95_latency', 'latency_p95_ms'],
    ['rmsee', 'rmse'],
  ])('%s → %s', (input, expected) => {
    expect(suggestName(input, ALL, METRIC_ALIASES)).toBe(expected);
  });

  test('nothing close gives null', () => {
    expect(suggestName('zebra', ALL, METRIC_ALIASES)).toBeNull();
    expect(suggestName('x', ['model', 'data', 'out'])).toBeNull();
  });

  test('an alias whose target is not a candidate is not suggested', () => {
    expect(suggestName('auc', ['mae', 'rmse'], METRIC_ALIASES)).toBeNull();
  });

  test('every alias points at a registered name', () => {
    for (const target of Object.values(METRIC_ALIASES)) expect(ALL).toContain(target);
  });

  test('ties go to the earlier candidate', () => {
    expect(suggestName('ab', ['aa', 'bb'])).toBe('aa');
  });
});
