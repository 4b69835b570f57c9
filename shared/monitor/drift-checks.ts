/**
 * Checks from the drift results: the share of drifted features against `max_share_drifted`, and,
 * when enabled (`monitor.drift.predictions` / `labels`), the drift of the production model's
 * scores and of the labels.
 */
import type { MonitorConfig } from '../config/types.js';
import type { ColumnDrift, DriftThresholds, FeatureDrift } from '../drift/schema.js';
import { formatPercent } from '../render/format-number.js';
import { describeExceeded, describeInsufficient, describeShift } from './describe-drift.js';
import type { MonitorCheck } from './schema.js';

/** The drift results of one model and its monitor settings. */
export interface DriftChecksInput {
  features: FeatureDrift;
  predictions: ColumnDrift | null;
  labels: ColumnDrift | null;
  monitor: MonitorConfig;
  thresholds: DriftThresholds;
}

/** The drift checks, in the order feature, prediction, label drift. */
export function buildDriftChecks(input: DriftChecksInput): MonitorCheck[] {
  const checks: MonitorCheck[] = [];
  if (input.features.columns.length > 0) checks.push(featureCheck(input.features, input.thresholds));
  if (input.predictions && input.monitor.drift.predictions) {
    checks.push(
      columnCheck(input.predictions, 'prediction_drift', 'The score distribution', input.thresholds),
    );
  }
  if (input.labels && input.monitor.drift.labels) {
    checks.push(columnCheck(input.labels, 'label_drift', 'The label distribution', input.thresholds));
  }
  return checks;
}

function featureCheck(features: FeatureDrift, t: DriftThresholds): MonitorCheck {
  const head = {
    id: 'monitor.features.max_share_drifted',
    kind: 'feature_drift',
    metric: 'features',
    bound: 'max_share_drifted',
    threshold: features.maxShare,
    interval: null,
    test: 'point',
  } as const;
  if (features.status === 'insufficient') {
    const first = features.columns[0]!;
    return {
      ...head,
      observed: null,
      status: 'insufficient',
      message: `Feature drift: ${describeInsufficient(first, t.minRows)}.`,
    };
  }
  const drifted = features.columns.filter((c) => c.status === 'drifted').map((c) => c.column);
  const share = features.share ?? 0;
  const counted = `${features.drifted} of ${features.judged} features drifted (${formatPercent(share)})`;
  const names =
    drifted.length > 0 ? `: ${drifted.slice(0, 10).join(', ')}${drifted.length > 10 ? ', …' : ''}` : '';
  const limit =
    features.status === 'drifted'
      ? `more than ${formatPercent(features.maxShare)} raises an alert`
      : `an alert needs more than ${formatPercent(features.maxShare)}`;
  const status = features.status === 'drifted' ? 'fail' : 'pass';
  return {
    ...head,
    observed: share,
    status,
    message: `${drifted.length === 0 ? 'No feature drifted' : counted}${names}; ${limit}.`,
  };
}

function columnCheck(
  column: ColumnDrift,
  kind: 'prediction_drift' | 'label_drift',
  subject: string,
  t: DriftThresholds,
): MonitorCheck {
  const head = {
    id: `monitor.${kind}`,
    kind,
    metric: column.column,
    bound: 'drift',
    threshold: null,
    observed: column.psi,
    interval: null,
    test: 'point',
  } as const;
  const shift = describeShift(column);
  const moved = shift ? ` (${shift})` : '';
  if (column.status === 'insufficient') {
    return {
      ...head,
      status: 'insufficient',
      message: `${subject}: ${describeInsufficient(column, t.minRows)}.`,
    };
  }
  if (column.status === 'drifted') {
    return {
      ...head,
      status: 'fail',
      message: `${subject} drifted${moved}: ${describeExceeded(column, t)}.`,
    };
  }
  return { ...head, status: 'pass', message: `${subject} is stable${moved}.` };
}
