/** Writes the monitor report as JSON and markdown into a folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderMonitorSummary } from '../../shared/monitor/render-monitor.js';
import type { MonitorReport } from '../../shared/monitor/schema.js';
import { SUMMARY_LIMIT, type WrittenReport } from '../run/outputs.js';

export const MONITOR_REPORT_FILE = 'monitor-report.json';
export const MONITOR_MARKDOWN_FILE = 'monitor-report.md';

/** `monitor-report.json` and `monitor-report.md` (for a job summary, or a file read as text). */
export async function writeMonitorReport(
  report: MonitorReport,
  dir: string,
  target: 'summary' | 'terminal-file',
): Promise<WrittenReport> {
  await mkdir(dir, { recursive: true });
  const reportPath = path.join(dir, MONITOR_REPORT_FILE);
  const markdownPath = path.join(dir, MONITOR_MARKDOWN_FILE);
  const markdown = renderMonitorSummary(report, { target, maxLength: SUMMARY_LIMIT - 4096 });
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdownPath, markdown);
  return { dir, reportPath, markdownPath, markdown };
}
