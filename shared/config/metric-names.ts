/**
 * Metric names in the configuration: which section each name belongs to, which apply to a task,
 * and the "did you mean" for names written the way other tools spell them.
 */
import type { Task } from '../metrics/registry.js';
import { GAP_NAMES, METRIC_NAMES, METRICS, OPERATIONAL_NAMES } from '../metrics/registry.js';
import { suggestName } from './suggest-name.js';

/** The configuration sections that are keyed by metric name. */
export type MetricSection = 'gates' | 'fairness' | 'operational';

/**
 * Other spellings, keyed in normalised form (see `normaliseName`): scikit-learn and Fairlearn
 * function names, abbreviations and common synonyms.
 */
export const METRIC_ALIASES: Readonly<Record<string, string>> = {
  auc: 'roc_auc',
  auroc: 'roc_auc',
  roc: 'roc_auc',
  area_under_curve: 'roc_auc',
  acc: 'accuracy',
  bacc: 'balanced_accuracy',
  balanced_acc: 'balanced_accuracy',
  f_score: 'f1',
  f1score: 'f1',
  f_measure: 'f1',
  ppv: 'precision',
  sensitivity: 'recall',
  true_positive_rate: 'tpr',
  hit_rate: 'tpr',
  specificity: 'tnr',
  selectivity: 'tnr',
  true_negative_rate: 'tnr',
  false_positive_rate: 'fpr',
  fall_out: 'fpr',
  false_negative_rate: 'fnr',
  miss_rate: 'fnr',
  matthews: 'mcc',
  matthews_corrcoef: 'mcc',
  pr_auc: 'average_precision',
  auprc: 'average_precision',
  ap: 'average_precision',
  logloss: 'log_loss',
  cross_entropy: 'log_loss',
  brier_score_loss: 'brier',
  brier_score: 'brier',
  positive_rate: 'selection_rate',
  macro_f1: 'f1_macro',
  weighted_f1: 'f1_weighted',
  mean_absolute_error: 'mae',
  root_mean_squared_error: 'rmse',
  r_squared: 'r2',
  rsquared: 'r2',
  mean_absolute_percentage_error: 'mape',
  dpr: 'demographic_parity_ratio',
  disparate_impact: 'demographic_parity_ratio',
  disparate_impact_ratio: 'demographic_parity_ratio',
  four_fifths: 'demographic_parity_ratio',
  dpd: 'demographic_parity_difference',
  demographic_parity: 'demographic_parity_difference',
  statistical_parity_difference: 'demographic_parity_difference',
  eod: 'equalized_odds_difference',
  equalized_odds: 'equalized_odds_difference',
  equalised_odds_difference: 'equalized_odds_difference',
  eor: 'equalized_odds_ratio',
  equalised_odds_ratio: 'equalized_odds_ratio',
  equal_opportunity: 'equal_opportunity_difference',
  eop: 'equal_opportunity_difference',
  eopd: 'equal_opportunity_difference',
  latency: 'latency_p95_ms',
  latency_p95: 'latency_p95_ms',
  p95_latency: 'latency_p95_ms',
  latency_p50: 'latency_p50_ms',
  median_latency: 'latency_p50_ms',
  size: 'size_mb',
  model_size: 'size_mb',
};

const SECTION_NAMES: Record<MetricSection, readonly string[]> = {
  gates: METRIC_NAMES,
  fairness: GAP_NAMES,
  operational: OPERATIONAL_NAMES,
};

const SECTION_LABEL: Record<MetricSection, string> = {
  gates: 'performance metric',
  fairness: 'fairness metric',
  operational: 'operational measurement',
};

/** Names a section accepts for a task (every name when the task is unknown). */
export function namesForSection(section: MetricSection, task: Task | undefined): readonly string[] {
  if (section === 'gates') {
    return task === undefined ? METRIC_NAMES : METRIC_NAMES.filter((n) => isMetricForTask(n, task));
  }
  if (section === 'fairness') return task === undefined || task === 'binary' ? GAP_NAMES : [];
  return OPERATIONAL_NAMES;
}

/** The section a known name belongs to, or null for an unknown name. */
export function sectionOf(name: string): MetricSection | null {
  for (const section of ['gates', 'fairness', 'operational'] as const) {
    if (SECTION_NAMES[section].includes(name)) return section;
  }
  return null;
}

function isMetricForTask(name: string, task: Task): boolean {
  const info = METRICS[name as keyof typeof METRICS];
  return (info.tasks as readonly Task[]).includes(task);
}

/** Whether a name of `section` applies to models of `task`. */
export function appliesToTask(section: MetricSection, name: string, task: Task): boolean {
  return namesForSection(section, task).includes(name);
}

/** `expected one of: a, b, c` (or a note that the section takes nothing for this task). */
export function expectedNames(section: MetricSection, task: Task | undefined): string {
  const names = namesForSection(section, task);
  if (names.length === 0) return `${task ?? 'these'} models have no ${SECTION_LABEL[section]}s`;
  return `expected one of: ${names.join(', ')}`;
}

/**
 * The message for a name a metric section does not know: a suggestion from the aliases or edit
 * distance, a pointer to the right section when the name belongs elsewhere, and the valid names.
 * @param sectionPath the key path of the section, for "put it under …" (e.g. `models.churn.fairness`).
 */
export function describeUnknownMetric(args: {
  name: string;
  section: MetricSection;
  task: Task | undefined;
  sectionPath: (section: MetricSection) => string;
}): string {
  const { name, section, task } = args;
  const all = [...METRIC_NAMES, ...GAP_NAMES, ...OPERATIONAL_NAMES];
  const suggestion = suggestName(name, all, METRIC_ALIASES);
  const expected = expectedNames(section, task);
  if (suggestion === null) return `unknown ${SECTION_LABEL[section]} "${name}"; ${expected}`;
  const home = sectionOf(suggestion) ?? section;
  if (home !== section) {
    const what = suggestion === name ? `"${name}" is` : `did you mean "${suggestion}"? It is`;
    return `${what} a ${SECTION_LABEL[home]}: put it under ${args.sectionPath(home)}`;
  }
  const note =
    task !== undefined && !appliesToTask(section, suggestion, task)
      ? ` (it does not apply to ${task} models)`
      : '';
  return `unknown ${SECTION_LABEL[section]} "${name}"; did you mean "${suggestion}"?${note} ${capitalise(expected)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
