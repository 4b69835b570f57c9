/**
 * The run history of a model's alert issue, kept in the issue body itself as a hidden JSON block
 * (`<!-- modelgate:history {...} -->`), so the trend chart grows run by run without any storage
 * of our own. A body edited by hand so that the block no longer parses starts a fresh history.
 */
import { z } from 'zod';
import type { MonitorModel } from './schema.js';

/** Runs kept (a weekly schedule: about a year). */
export const MAX_HISTORY = 52;

/** One monitoring run as the trend chart needs it. */
export const historyEntrySchema = z.strictObject({
  at: z.string(),
  version: z.string().nullable(),
  status: z.enum(['healthy', 'alert', 'insufficient_data', 'error']),
  metric: z.string(),
  value: z.number().nullable(),
  baseline: z.number().nullable(),
  /** Share of drifted features, when judged. */
  drifted: z.number().nullable(),
  rows: z.number().int().nullable(),
  run: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const historySchema = z.strictObject({ v: z.literal(1), runs: z.array(historyEntrySchema) });

const BLOCK = /<!-- modelgate:history (\{.*?\}) -->/s;

/** The runs recorded in an issue body; [] when there is none or it does not parse. */
export function parseAlertHistory(body: string | null | undefined): HistoryEntry[] {
  const match = body ? BLOCK.exec(body) : null;
  if (!match) return [];
  let json: unknown;
  try {
    json = JSON.parse(match[1]!);
  } catch {
    return [];
  }
  const parsed = historySchema.safeParse(json);
  return parsed.success ? parsed.data.runs : [];
}

/** The hidden block for an issue body. `<`, `>` and `&` are \u-escaped so no value can end the comment. */
export function renderHistoryBlock(runs: readonly HistoryEntry[]): string {
  const json = JSON.stringify({ v: 1, runs }).replace(
    /[<>&]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<!-- modelgate:history ${json} -->`;
}

/** This run as a history entry. */
export function buildHistoryEntry(model: MonitorModel, at: string, run: string | null): HistoryEntry {
  const metric = model.metrics.find((m) => m.metric === model.primaryMetric);
  return {
    at,
    version: model.production?.version ?? null,
    status: model.status,
    metric: model.primaryMetric,
    value: metric?.current?.value ?? null,
    baseline: metric?.baseline?.value ?? null,
    drifted: model.drift?.features.share ?? null,
    rows: model.data?.rows ?? null,
    run,
  };
}

/** The previous runs plus this one, the oldest dropped beyond {@link MAX_HISTORY}. */
export function appendHistory(runs: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [...runs, entry].slice(-MAX_HISTORY);
}
