/**
 * The trend of a model's primary metric across monitoring runs: a Mermaid `xychart-beta` with
 * one line for the value on each run's fresh data and one for the value at promotion (which
 * steps when a new version is promoted). Runs without a value are left out.
 */
import { metricLabel } from '../gate/labels.js';
import { escapeMermaidLabel } from '../render/escape-mermaid.js';
import type { HistoryEntry } from './alert-history.js';

/** Fewer points than this make no trend: the table alone is shown. */
export const MIN_TREND_POINTS = 2;

/** The Mermaid definition, or null when fewer than {@link MIN_TREND_POINTS} runs have a value. */
export function buildTrendChart(history: readonly HistoryEntry[], metric: string): string | null {
  const points = history.filter(
    (h): h is HistoryEntry & { value: number } =>
      h.metric === metric && h.value !== null && Number.isFinite(h.value),
  );
  if (points.length < MIN_TREND_POINTS) return null;
  const seen = new Map<string, number>();
  const labels = points.map((p) => {
    const day = p.at.slice(0, 10);
    const count = (seen.get(day) ?? 0) + 1;
    seen.set(day, count);
    return `"${escapeMermaidLabel(count > 1 ? `${day} (${count})` : day)}"`;
  });
  const label = metricLabel(metric);
  const lines = [
    'xychart-beta',
    `    title "${escapeMermaidLabel(`${label} per monitoring run`, 80)}"`,
    `    x-axis [${labels.join(', ')}]`,
    `    y-axis "${escapeMermaidLabel(label)}"`,
    `    line [${points.map((p) => chartNumber(p.value)).join(', ')}]`,
  ];
  if (points.every((p) => p.baseline !== null && Number.isFinite(p.baseline))) {
    lines.push(`    line [${points.map((p) => chartNumber(p.baseline!)).join(', ')}]`);
  }
  return lines.join('\n');
}

function chartNumber(x: number): string {
  return Number(x.toFixed(4)).toString();
}
