/** Assembles the monitor report (pure: time, versions and environment come in). */
import type { MonitorModel, MonitorReport, MonitorStatus } from './schema.js';
import { MONITOR_SCHEMA_VERSION } from './schema.js';

/** How the intervals of a monitor report are computed (its `settings.method`). */
export const MONITOR_METHOD = 'percentile bootstrap; changes since promotion: MOVER on independent intervals';

const ORDER: MonitorStatus[] = ['healthy', 'insufficient_data', 'alert', 'error'];

/** The worst model status (error > alert > insufficient_data > healthy); a run-level error is `error`. */
export function computeMonitorStatus(
  models: readonly Pick<MonitorModel, 'status'>[],
  runError?: unknown,
): MonitorStatus {
  if (runError) return 'error';
  let worst = 0;
  for (const m of models) worst = Math.max(worst, ORDER.indexOf(m.status));
  return ORDER[worst]!;
}

/** The run's context and the monitored models. */
export interface BuildMonitorReportInput {
  createdAt: string;
  version: string;
  repository?: string | null;
  workflowRun?: MonitorReport['workflowRun'];
  settings: MonitorReport['settings'];
  environment: MonitorReport['environment'];
  models: MonitorModel[];
  skipped?: MonitorReport['skipped'];
  error?: { code: string; message: string } | null;
}

/** Builds a schema-conformant monitor report. */
export function buildMonitorReport(input: BuildMonitorReportInput): MonitorReport {
  return {
    schemaVersion: MONITOR_SCHEMA_VERSION,
    kind: 'monitor',
    createdAt: input.createdAt,
    tool: { name: 'modelgate', version: input.version },
    repository: input.repository ?? null,
    workflowRun: input.workflowRun ?? null,
    settings: input.settings,
    environment: input.environment,
    status: computeMonitorStatus(input.models, input.error),
    models: input.models,
    skipped: input.skipped ?? [],
    error: input.error ?? null,
  };
}
