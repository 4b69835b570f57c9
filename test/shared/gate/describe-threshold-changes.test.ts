import { describeThresholdChanges } from '../../../shared/gate/describe-threshold-changes.js';
import { fg, mg, thresholds } from './gate-builders.js';

describe('describeThresholdChanges', () => {
  it('nothing changed → no sentence', () => {
    const t = thresholds({ gates: { accuracy: mg({ maxRegression: 0.02 }) } });
    expect(describeThresholdChanges(t, structuredClone(t))).toEqual([]);
  });

  it.each<[string, Parameters<typeof mg>[0], Parameters<typeof mg>[0], string]>([
    [
      'relaxes a tolerance',
      { maxRegression: 0.02 },
      { maxRegression: 0.05 },
      'This PR relaxes the accuracy regression tolerance (max_regression) from 0.02 to 0.05.',
    ],
    [
      'tightens a tolerance',
      { maxRegression: 0.05 },
      { maxRegression: 0.02 },
      'This PR tightens the accuracy regression tolerance (max_regression) from 0.05 to 0.02.',
    ],
    [
      'lowering a minimum relaxes',
      { min: 0.8 },
      { min: 0.75 },
      'This PR relaxes the accuracy minimum (min) from 0.8 to 0.75.',
    ],
    [
      'raising a minimum tightens',
      { min: 0.8 },
      { min: 0.85 },
      'This PR tightens the accuracy minimum (min) from 0.8 to 0.85.',
    ],
    [
      'raising a maximum relaxes',
      { max: 0.5 },
      { max: 0.6 },
      'This PR relaxes the accuracy maximum (max) from 0.5 to 0.6.',
    ],
    [
      'lowering a worst-group minimum relaxes',
      { worstGroupMin: 0.6 },
      { worstGroupMin: 0.5 },
      'This PR relaxes the accuracy worst-group minimum (worst_group_min) from 0.6 to 0.5.',
    ],
    [
      'adds',
      {},
      { maxRegressionRelative: 0.05 },
      'This PR adds the accuracy relative regression tolerance (max_regression_relative) of 0.05.',
    ],
    ['removes', { min: 0.7 }, {}, 'This PR removes the accuracy minimum (min), which was 0.7.'],
    [
      'noninferiority → point relaxes',
      { min: 0.7, test: 'noninferiority' },
      { min: 0.7, test: 'point' },
      'This PR relaxes the accuracy test from non-inferiority to the point estimate.',
    ],
    [
      'point → noninferiority tightens',
      { min: 0.7 },
      { min: 0.7, test: 'noninferiority' },
      'This PR tightens the accuracy test from the point estimate to non-inferiority.',
    ],
    [
      'turning off noise warnings relaxes',
      { min: 0.7 },
      { min: 0.7, warnWithinNoise: false },
      'This PR relaxes the accuracy thresholds: results within noise no longer give a warning (warn_within_noise).',
    ],
  ])('%s', (_name, before, after, sentence) => {
    const base = thresholds({ gates: { accuracy: mg(before) } });
    const head = thresholds({ gates: { accuracy: mg(after) } });
    expect(describeThresholdChanges(base, head)).toEqual([sentence]);
  });

  it('keeps labels such as ROC AUC as written', () => {
    const base = thresholds({ gates: { roc_auc: mg({ min: 0.8 }) } });
    const head = thresholds({ gates: { roc_auc: mg({ min: 0.7 }) } });
    expect(describeThresholdChanges(base, head)).toEqual([
      'This PR relaxes the ROC AUC minimum (min) from 0.8 to 0.7.',
    ]);
  });

  it('fairness, operational, removed entries and columns, in order', () => {
    const base = thresholds({
      gates: { roc_auc: mg({ min: 0.8 }), recall: mg({ worstGroupMin: 0.6 }) },
      fairness: { equalized_odds_difference: fg({ max: 0.1, columns: ['gender', 'age_band'] }) },
      operational: { size_mb: { max: 50 } },
    });
    const head = thresholds({
      gates: { roc_auc: mg({ min: 0.8 }) },
      fairness: { equalized_odds_difference: fg({ max: 0.15, maxIncrease: 0.02, columns: ['gender'] }) },
      operational: { size_mb: { max: 40, maxIncreaseRelative: 0.1 } },
    });
    expect(describeThresholdChanges(base, head)).toEqual([
      'This PR removes the recall worst-group minimum (worst_group_min), which was 0.6.',
      'This PR relaxes the equalized odds difference maximum (max) from 0.1 to 0.15.',
      'This PR adds the equalized odds difference increase tolerance (max_increase) of 0.02.',
      'This PR changes the columns checked for equalized odds difference from gender, age_band to gender.',
      'This PR tightens the model size maximum (max) from 50 to 40.',
      'This PR adds the model size relative increase tolerance (max_increase_relative) of 0.1.',
    ]);
  });

  it('a model new in the PR: every threshold is added', () => {
    const head = thresholds({ gates: { accuracy: mg({ min: 0.7 }) } });
    expect(describeThresholdChanges(undefined, head)).toEqual([
      'This PR adds the accuracy minimum (min) of 0.7.',
    ]);
  });
});
