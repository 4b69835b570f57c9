/**
 * The one typed registry of metrics: name, task, direction, range and what its denominator is.
 * Config validation, the gate (which way is "worse"), rendering and the engine all read it.
 */
export type Task = 'binary' | 'multiclass' | 'regression';
export type Direction = 'higher' | 'lower';

export interface MetricInfo {
  name: string;
  tasks: readonly Task[];
  /** Which direction is better. */
  direction: Direction;
  /** Inclusive value range ([lo, hi]; hi may be Infinity). */
  range: readonly [number, number];
  /**
   * `count`: a function of the confusion matrix (bootstrapped exactly from cell counts);
   * `score`: needs per-row scores (rank or loss metrics).
   */
  basis: 'count' | 'score';
  /** Human label for reports. */
  label: string;
  /** What the metric is undefined for (its zero denominator), or null when always defined. */
  denominator: string | null;
}

const m = (info: MetricInfo): MetricInfo => info;
const B = ['binary'] as const;
const BM = ['binary', 'multiclass'] as const;
const R = ['regression'] as const;
const M = ['multiclass'] as const;

export const METRICS = {
  accuracy: m({
    name: 'accuracy',
    tasks: BM,
    direction: 'higher',
    range: [0, 1],
    basis: 'count',
    label: 'Accuracy',
    denominator: 'rows',
  }),
  balanced_accuracy: m({
    name: 'balanced_accuracy',
    tasks: BM,
    direction: 'higher',
    range: [0, 1],
    basis: 'count',
    label: 'Balanced accuracy',
    denominator: 'rows of each class',
  }),
  precision: m({
    name: 'precision',
    tasks: B,
    direction: 'higher',
    range: [0, 1],
    basis: 'count',
    label: 'Precision',
    denominator: 'predicted positives',
  }),
  recall: m({
    name: 'recall',
    tasks: B,
    direction: 'higher',
    range: [0, 1],
    basis: 'count',
    label: 'Recall',
    denominator: 'actual positives',
  }),
  f1: m({
    name: 'f1',
    tasks: B,
    direction: 'higher',
    range: [0, 1],
    basis: 'count',
    label: 'F1',
    denominator: 'actual or predicted positives',
  }),
  mcc: m({
    name: 'mcc',
    tasks: B,
    direction: 'higher',
    range: [-1, 1],
    basis: 'count',
    label: 'Matthews correlation',
    denominator: null,
  }),
  roc_auc: m({
    name: 'roc_auc',
    tasks: B,
    direction: 'higher',
    range: [0, 1],
    basis: 'score',
    label: 'ROC AUC',
    denominator: 'both classes present',
  }),
  average_precision: m({
    name: 'average_precision',
    tasks: B,
    direction: 'higher',
    range: [0, 1],
    basis: 'score',
    label: 'Average precision (PR AUC)',
    denominator: 'actual positives',
  }),
  log_loss: m({
    name: 'log_loss',
    tasks: BM,
    direction: 'lower',
    range: [0, Number.POSITIVE_INFINITY],
    basis: 'score',
    label: 'Log loss',
    denominator: 'rows',
  }),
  brier: m({
    name: 'brier',
    tasks: B,
    direction: 'lower',
    range: [0, 1],
    basis: 'score',
    label: 'Brier score',
    denominator: 'rows',
  }),
  selection_rate: m({
    name: 'selection_rate',
    tasks: B,
    direction: 'higher',
    range: [0, 1],
    basis: 'count',
    label: 'Selection rate',
    denominator: 'rows',
  }),
  tpr: m({
    name: 'tpr',
    tasks: B,
    direction: 'higher',
    range: [0, 1],
    basis: 'count',
    label: 'True positive rate',
    denominator: 'actual positives',
  }),
  fpr: m({
    name: 'fpr',
    tasks: B,
    direction: 'lower',
    range: [0, 1],
    basis: 'count',
    label: 'False positive rate',
    denominator: 'actual negatives',
  }),
  tnr: m({
    name: 'tnr',
    tasks: B,
    direction: 'higher',
    range: [0, 1],
    basis: 'count',
    label: 'True negative rate',
    denominator: 'actual negatives',
  }),
  fnr: m({
    name: 'fnr',
    tasks: B,
    direction: 'lower',
    range: [0, 1],
    basis: 'count',
    label: 'False negative rate',
    denominator: 'actual positives',
  }),
  f1_macro: m({
    name: 'f1_macro',
    tasks: M,
    direction: 'higher',
    range: [0, 1],
    basis: 'count',
    label: 'Macro F1',
    denominator: null,
  }),
  f1_weighted: m({
    name: 'f1_weighted',
    tasks: M,
    direction: 'higher',
    range: [0, 1],
    basis: 'count',
    label: 'Weighted F1',
    denominator: null,
  }),
  mae: m({
    name: 'mae',
    tasks: R,
    direction: 'lower',
    range: [0, Number.POSITIVE_INFINITY],
    basis: 'score',
    label: 'Mean absolute error',
    denominator: 'rows',
  }),
  rmse: m({
    name: 'rmse',
    tasks: R,
    direction: 'lower',
    range: [0, Number.POSITIVE_INFINITY],
    basis: 'score',
    label: 'Root mean squared error',
    denominator: 'rows',
  }),
  r2: m({
    name: 'r2',
    tasks: R,
    direction: 'higher',
    range: [Number.NEGATIVE_INFINITY, 1],
    basis: 'score',
    label: 'R²',
    denominator: 'target variance',
  }),
  mape: m({
    name: 'mape',
    tasks: R,
    direction: 'lower',
    range: [0, Number.POSITIVE_INFINITY],
    basis: 'score',
    label: 'Mean absolute percentage error',
    denominator: 'rows',
  }),
} as const satisfies Record<string, MetricInfo>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

/** Fairness gap metrics (Fairlearn conventions: difference = max − min, ratio = min / max). */
export const GAPS = {
  demographic_parity_difference: {
    direction: 'lower',
    label: 'Demographic parity difference',
    base: 'selection_rate',
    kind: 'difference',
  },
  demographic_parity_ratio: {
    direction: 'higher',
    label: 'Demographic parity ratio (disparate impact)',
    base: 'selection_rate',
    kind: 'ratio',
  },
  equalized_odds_difference: {
    direction: 'lower',
    label: 'Equalized odds difference',
    base: 'tpr+fpr',
    kind: 'difference',
  },
  equalized_odds_ratio: {
    direction: 'higher',
    label: 'Equalized odds ratio',
    base: 'tpr+fpr',
    kind: 'ratio',
  },
  equal_opportunity_difference: {
    direction: 'lower',
    label: 'Equal opportunity difference',
    base: 'tpr',
    kind: 'difference',
  },
  equal_opportunity_ratio: {
    direction: 'higher',
    label: 'Equal opportunity ratio',
    base: 'tpr',
    kind: 'ratio',
  },
} as const satisfies Record<
  string,
  { direction: Direction; label: string; base: string; kind: 'difference' | 'ratio' }
>;

export type GapName = keyof typeof GAPS;
export const GAP_NAMES = Object.keys(GAPS) as GapName[];

/** Operational measurements that can be gated. */
export const OPERATIONAL = {
  latency_p95_ms: { direction: 'lower', label: 'Latency p95 per row (ms)' },
  latency_p50_ms: { direction: 'lower', label: 'Latency p50 per row (ms)' },
  size_mb: { direction: 'lower', label: 'Model size (MB)' },
} as const satisfies Record<string, { direction: Direction; label: string }>;

export type OperationalName = keyof typeof OPERATIONAL;
export const OPERATIONAL_NAMES = Object.keys(OPERATIONAL) as OperationalName[];

/** Metrics that apply to a task. */
export function metricsForTask(task: Task): MetricName[] {
  return METRIC_NAMES.filter((name) => (METRICS[name].tasks as readonly Task[]).includes(task));
}

export function isMetricName(name: string): name is MetricName {
  return Object.hasOwn(METRICS, name);
}

export function isGapName(name: string): name is GapName {
  return Object.hasOwn(GAPS, name);
}
