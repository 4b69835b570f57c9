/** Assembles the report document from the evaluated models (pure: time and environment come in). */
import type { ModelReport, Report, Verdict } from './schema.js';
import { REPORT_SCHEMA_VERSION } from './schema.js';

const ORDER: Verdict[] = ['pass', 'inconclusive', 'fail', 'error'];

/**
 * The overall verdict is the worst model verdict (error > fail > inconclusive > pass). No evaluated
 * model (nothing changed) is `pass`, so a required check never hangs; a run-level error is `error`.
 */
export function computeOverallVerdict(
  models: readonly Pick<ModelReport, 'verdict'>[],
  runError?: unknown,
): Verdict {
  if (runError) return 'error';
  let worst = 0;
  for (const m of models) worst = Math.max(worst, ORDER.indexOf(m.verdict));
  return ORDER[worst]!;
}

export interface BuildReportInput {
  createdAt: string;
  version: string;
  mode: Report['mode'];
  repository?: string | null;
  pullRequest?: number | null;
  base?: Report['base'];
  head?: Report['head'];
  workflowRun?: Report['workflowRun'];
  settings: Report['settings'];
  environment: Report['environment'];
  models: ModelReport[];
  skipped?: Report['skipped'];
  error?: { code: string; message: string } | null;
}

/** Builds a schema-conformant report. */
export function buildReport(input: BuildReportInput): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    createdAt: input.createdAt,
    tool: { name: 'modelgate', version: input.version },
    mode: input.mode,
    repository: input.repository ?? null,
    pullRequest: input.pullRequest ?? null,
    base: input.base ?? null,
    head: input.head ?? null,
    workflowRun: input.workflowRun ?? null,
    settings: input.settings,
    environment: input.environment,
    verdict: computeOverallVerdict(input.models, input.error),
    models: input.models,
    skipped: input.skipped ?? [],
    error: input.error ?? null,
  };
}
