/**
 * The monitoring baseline: the report attached to the promotion release of the production version
 * (the `modelgate-report.json` asset on release `<model>@v<version>`), fetched with the job token, or a local
 * report file for the CLI. The model's entry in it holds the metrics, group tables and fairness
 * gaps at promotion, and the evaluation data's path and digest (the drift reference).
 */
import { readFile } from 'node:fs/promises';
import { ModelGateError } from '../../shared/errors.js';
import type { MonitorModel } from '../../shared/monitor/schema.js';
import { type ModelReport, type Report, reportSchema } from '../../shared/report/schema.js';
import type { GitHubApi } from './github-api.js';

/**
 * The asset name the promotion release carries the report under (the App's `ASSET_NAMES.report`);
 * `report.json`, or any name ending in it, is accepted too, for releases made by hand.
 */
export const REPORT_ASSET = 'modelgate-report.json';

export interface Baseline {
  report: Report;
  meta: NonNullable<MonitorModel['baseline']>;
}

interface Release {
  html_url?: string;
  draft?: boolean;
  assets?: { id: number; name: string; url?: string }[];
}

/**
 * Fetches the promotion report of `tag`: `GET /repos/{repo}/releases/tags/{tag}`, then the
 * report asset's bytes.
 * @throws ModelGateError (`baseline_missing`) when the release or its report asset does not exist,
 *   (`baseline_invalid`) when the asset is not a ModelGate report; GitHubApiError for API failures.
 */
export async function fetchBaseline(input: {
  api: GitHubApi;
  repository: string;
  tag: string;
}): Promise<Baseline> {
  const { api, repository, tag } = input;
  const found = await api.request<Release>(
    'GET',
    `/repos/${repository}/releases/tags/${encodeURIComponent(tag)}`,
    { allow: [404] },
  );
  if (found.status === 404) {
    throw new ModelGateError(
      'baseline_missing',
      `No release for the promotion tag ${tag} in ${repository}. Monitoring compares production with the report attached to its promotion release; the tag exists but its release does not. Publish the release with its ${REPORT_ASSET} asset (ModelGate's App does this when it promotes), or run \`modelgate monitor --baseline-report FILE\` with the promotion's report.`,
    );
  }
  const asset = findReportAsset(found.data, tag);
  const bytes = await api.downloadAsset(`/repos/${repository}/releases/assets/${asset.id}`);
  const report = parseBaselineReport(bytes.toString('utf8'), `${asset.name} of release ${tag}`);
  return {
    report,
    meta: {
      source: 'release',
      tag,
      url: found.data.html_url ?? null,
      createdAt: report.createdAt,
      data: { path: '', sha256: '', rows: 0 },
    },
  };
}

/** The report asset: `modelgate-report.json`, else `report.json`, else any `*report.json`. */
function findReportAsset(release: Release, tag: string): { id: number; name: string } {
  const assets = release.assets ?? [];
  const asset =
    assets.find((a) => a.name === REPORT_ASSET) ??
    assets.find((a) => a.name === 'report.json') ??
    assets.find((a) => a.name.endsWith('report.json'));
  if (asset) return asset;
  const names = assets.map((a) => a.name).join(', ') || 'none';
  throw new ModelGateError(
    'baseline_missing',
    `The release ${tag} has no ${REPORT_ASSET} asset (assets: ${names}). Monitoring needs the promotion's report as its baseline; attach it to the release (release.assets: [report] in the configuration).`,
  );
}

/** Reads a baseline report from a local file (the CLI's `--baseline-report`). */
export async function readBaselineFile(file: string, displayPath: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ModelGateError(
      'baseline_missing',
      `${displayPath}: ${missing ? 'file not found' : (error as Error).message}; pass the promotion's report (its release's modelgate-report.json) with --baseline-report.`,
      { cause: error },
    );
  }
  const report = parseBaselineReport(text, displayPath);
  return {
    report,
    meta: {
      source: 'file',
      tag: null,
      url: null,
      createdAt: report.createdAt,
      data: { path: '', sha256: '', rows: 0 },
    },
  };
}

/** Parses and validates a report document. @throws ModelGateError (`baseline_invalid`). */
export function parseBaselineReport(text: string, what: string): Report {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelGateError(
      'baseline_invalid',
      `${what} is not JSON (${(error as Error).message}); the baseline must be a ModelGate report.`,
      { cause: error },
    );
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown problem';
    throw new ModelGateError(
      'baseline_invalid',
      `${what} is not a valid ModelGate report (schemaVersion 1): ${where}.`,
    );
  }
  return parsed.data;
}

/**
 * The model's entry in the baseline report, with the data it was evaluated on.
 * @throws ModelGateError (`baseline_invalid`) when the model is absent or its evaluation failed.
 */
export function selectBaselineModel(
  baseline: Baseline,
  model: string,
  what: string,
): { model: ModelReport; meta: Baseline['meta'] } {
  const entry = baseline.report.models.find((m) => m.name === model);
  if (!entry) {
    const names = baseline.report.models.map((m) => m.name).join(', ') || 'none';
    throw new ModelGateError('baseline_invalid', `${what} has no model "${model}" (models: ${names}).`);
  }
  if (entry.error || Object.keys(entry.metrics).length === 0) {
    throw new ModelGateError(
      'baseline_invalid',
      `${what}: the evaluation of "${model}" has no metrics${entry.error ? ` (${entry.error.message})` : ''}, so there is nothing to compare with.`,
    );
  }
  return {
    model: entry,
    meta: {
      ...baseline.meta,
      data: { path: entry.data.path, sha256: entry.data.sha256, rows: entry.data.rows },
    },
  };
}
