import { computeBinaryMetrics, decideBinary } from '../../../shared/metrics/binary.js';
import { computeBrier, computeLogLoss } from '../../../shared/metrics/loss.js';
import {
  BINARY_METRICS,
  MULTICLASS_METRICS,
  REGRESSION_METRICS,
} from '../../../shared/metrics/metric-names.js';
import { computeMulticlassMetrics, decideMulticlass } from '../../../shared/metrics/multiclass.js';
import { computeAveragePrecision, computeRocAuc, sortOrderDescending } from '../../../shared/metrics/rank.js';
import { computeRegressionMetrics } from '../../../shared/metrics/regression.js';
import { buildFixture, expectValue } from './helpers.js';

/**
 * A realistic 500-row fixture drawn by the seeded integer LCG in helpers.ts; sklearn-reference.py
 * `fixture()` draws the same numbers and computes the expected values with the scikit-learn 1.2
 * formulas (`python3 test/shared/metrics/sklearn-reference.py`, section "fixture").
 * Scores are multiples of 1/40 (41 distinct values: many ties), with exact 0 and 1 (log loss
 * clipping); bootstrap-like weights in 0..3.
 */
const f = buildFixture();

describe('500-row fixture vs scikit-learn 1.2', () => {
  test('the generator reproduces the Python draw', () => {
    expect(f.y.reduce((a, b) => a + b, 0)).toBe(252);
    expect(new Set(f.score).size).toBe(41);
    expect(f.weights.reduce((a, b) => a + b, 0)).toBe(748);
  });

  test('binary metrics (pred = score >= 0.5)', () => {
    const expected = {
      accuracy: 0.722,
      balanced_accuracy: 0.7219342037890425,
      precision: 0.7215686274509804,
      recall: 0.7301587301587301,
      f1: 0.7258382642998028,
      mcc: 0.44394300104261936,
      roc_auc: 0.7876344086021505,
      average_precision: 0.7913871344147738,
      log_loss: 0.6972797901997533,
      brier: 0.18964625000000002,
      selection_rate: 0.51,
      tpr: 0.7301587301587301,
      fpr: 0.2862903225806452,
      tnr: 0.7137096774193549,
      fnr: 0.2698412698412698,
    };
    const result = computeBinaryMetrics({
      y: f.y,
      score: f.score,
      pred: decideBinary(f.score, null, undefined),
    });
    for (const name of BINARY_METRICS) expectValue(result[name], expected[name], name);
  });

  test('score metrics with sample_weight = weights', () => {
    const order = sortOrderDescending(f.score);
    expectValue(computeRocAuc(f.y, f.score, order, f.weights), 0.7786923363095238, 'roc_auc');
    expectValue(
      computeAveragePrecision(f.y, f.score, order, f.weights),
      0.7767002446526102,
      'average_precision',
    );
    expectValue(computeLogLoss(f.y, f.score, f.weights), 0.7179855646320632, 'log_loss');
    expectValue(computeBrier(f.y, f.score, f.weights), 0.19553559491978612, 'brier');
  });

  test('multiclass metrics (k = 3, pred = argmax)', () => {
    const expected = {
      accuracy: 0.702,
      balanced_accuracy: 0.7014547114392315,
      log_loss: 0.946235425372335,
      f1_macro: 0.7014351337819807,
      f1_weighted: 0.702107028561069,
    };
    const pred = decideMulticlass(f.proba, f.k, null);
    const result = computeMulticlassMetrics({ y: f.ymc, k: f.k, proba: f.proba, pred });
    for (const name of MULTICLASS_METRICS) expectValue(result[name], expected[name], name);
  });

  test('regression metrics', () => {
    const expected = {
      mae: 2.4355,
      rmse: 2.8504193770391053,
      r2: 0.9995840343106893,
      mape: 0.1404433962800127,
    };
    const result = computeRegressionMetrics({ y: f.yreg, prediction: f.yregHat });
    for (const name of REGRESSION_METRICS) expectValue(result[name], expected[name], name);
  });
});
