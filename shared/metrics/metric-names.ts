/**
 * Metric names per task, as literal unions for result types. A test keeps them equal to the
 * registry's `metricsForTask`.
 */

/** The 15 binary metrics, in registry order. */
export const BINARY_METRICS = [
  'accuracy',
  'balanced_accuracy',
  'precision',
  'recall',
  'f1',
  'mcc',
  'roc_auc',
  'average_precision',
  'log_loss',
  'brier',
  'selection_rate',
  'tpr',
  'fpr',
  'tnr',
  'fnr',
] as const;
/** The multiclass metrics, in registry order. */
export const MULTICLASS_METRICS = [
  'accuracy',
  'balanced_accuracy',
  'log_loss',
  'f1_macro',
  'f1_weighted',
] as const;
/** The regression metrics, in registry order. */
export const REGRESSION_METRICS = ['mae', 'rmse', 'r2', 'mape'] as const;

export type BinaryMetricName = (typeof BINARY_METRICS)[number];
export type MulticlassMetricName = (typeof MULTICLASS_METRICS)[number];
export type RegressionMetricName = (typeof REGRESSION_METRICS)[number];
