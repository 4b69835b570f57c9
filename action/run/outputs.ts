/** Writes the Action's results: report files, job summary, step outputs, the workflow artifact. */

import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderReport } from '../../shared/render/render-report.js';
import type { Report } from '../../shared/report/schema.js';

/** GitHub's limit for one step's summary. */
export const SUMMARY_LIMIT = 1024 * 1024;
export const ARTIFACT_NAME = 'modelgate-report';

export interface WrittenReport {
  dir: string;
  reportPath: string;
  markdownPath: string;
  markdown: string;
}

export async function writeReportFiles(report: Report, dir: string): Promise<WrittenReport> {
  await mkdir(dir, { recursive: true });
  const reportPath = path.join(dir, 'report.json');
  const markdownPath = path.join(dir, 'report.md');
  const markdown = renderReport(report, { target: 'summary', maxLength: SUMMARY_LIMIT - 4096 });
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdownPath, markdown);
  return { dir, reportPath, markdownPath, markdown };
}

/** Sets step outputs through $GITHUB_OUTPUT (heredoc form, so values may hold newlines). */
export async function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string>): Promise<void> {
  const file = env.GITHUB_OUTPUT;
  for (const [name, value] of Object.entries(outputs)) {
    if (!file) {
      process.stdout.write(`output ${name}=${value}\n`);
      continue;
    }
    const delimiter = `modelgate_${randomUUID()}`;
    await appendFile(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
  }
}

/** Appends markdown to the job summary, if the runner provides one. */
export async function appendSummary(summaryPath: string | null, markdown: string): Promise<void> {
  if (!summaryPath) return;
  await appendFile(summaryPath, `${markdown}\n`);
}

/**
 * Uploads the report folder as the `modelgate-report` artifact (or a named partial for matrix jobs).
 * Loaded lazily: a run that uploads nothing does not pay for the artifact client.
 */
export async function uploadReport(
  written: WrittenReport,
  name: string,
): Promise<{ ok: true; id?: number } | { ok: false; message: string }> {
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const client = new DefaultArtifactClient();
    const result = await client.uploadArtifact(
      name,
      [written.reportPath, written.markdownPath],
      written.dir,
      { retentionDays: 90 },
    );
    return result.id === undefined ? { ok: true } : { ok: true, id: result.id };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
