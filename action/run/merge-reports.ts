/** `mode: merge`: combines the partial reports of matrix jobs into the one report the App reads. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError, ModelGateError } from '../../shared/errors.js';
import { computeOverallVerdict } from '../../shared/report/build-report.js';
import { type Report, reportSchema } from '../../shared/report/schema.js';

/** Every `report.json` below `dir` (as actions/download-artifact lays them out). */
async function findReports(dir: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ModelGateError(
        'input_invalid',
        `No partial reports: ${dir} does not exist. Download the modelgate-report-* artifacts there first.`,
      );
    throw error;
  }
  return entries
    .filter((e) => e.isFile() && e.name === 'report.json')
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export async function mergePartialReports(dir: string): Promise<Report> {
  const files = await findReports(dir);
  if (files.length === 0) throw new ModelGateError('input_invalid', `No report.json found under ${dir}.`);
  const reports = await Promise.all(
    files.map(async (file) => {
      const parsed = reportSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (!parsed.success)
        throw new DataError(`not a ModelGate report: ${parsed.error.issues[0]?.message ?? 'invalid'}`, {
          file,
        });
      return parsed.data;
    }),
  );
  const first = reports[0]!;
  for (const [i, r] of reports.entries()) {
    if (
      r.head?.sha !== first.head?.sha ||
      r.repository !== first.repository ||
      r.pullRequest !== first.pullRequest
    ) {
      throw new DataError(
        `belongs to another run (head ${r.head?.sha ?? 'none'}, expected ${first.head?.sha ?? 'none'})`,
        { file: files[i]! },
      );
    }
  }
  const models = reports.flatMap((r) => r.models);
  const evaluated = new Set(models.map((m) => m.name));
  const skipped = new Map<string, { name: string; reason: string }>();
  for (const s of reports.flatMap((r) => r.skipped))
    if (!evaluated.has(s.name) && s.reason !== 'not selected for this job') skipped.set(s.name, s);
  const errors = reports.map((r) => r.error).filter((e) => e);
  const error = errors.length > 0 ? errors[0]! : null;
  return {
    ...first,
    createdAt: new Date().toISOString(),
    models,
    skipped: [...skipped.values()],
    error,
    verdict: computeOverallVerdict(models, error),
  };
}
