/**
 * The `modelgate-report` artifact of a workflow run: found by name, downloaded within a size
 * limit, unzipped in memory with `readZip`.
 */
import { ModelGateError } from '../../shared/errors.js';
import { type EventContext, repoParams } from '../event-context.js';
import { call } from './api-error.js';
import { readZip } from './read-zip.js';

export const REPORT_ARTIFACT = 'modelgate-report';
export const REPORT_FILE = 'report.json';
/** JSON reports compress 5–20×; far beyond that is filler (a zip bomb), not a report. */
const MAX_RATIO = 200;

export interface ArtifactInfo {
  id: number;
  name: string;
  sizeInBytes: number;
  expired: boolean;
}

/** The run's `modelgate-report` artifact (the newest, if several), or null. */
export async function findReportArtifact(ctx: EventContext, runId: number): Promise<ArtifactInfo | null> {
  const artifacts = await call(`listing the artifacts of workflow run ${runId}`, () =>
    ctx.octokit.paginate(ctx.octokit.rest.actions.listWorkflowRunArtifacts, {
      ...repoParams(ctx),
      run_id: runId,
      name: REPORT_ARTIFACT,
      per_page: 100,
    }),
  );
  const found = artifacts.filter((a) => a.name === REPORT_ARTIFACT).sort((a, b) => b.id - a.id)[0];
  return found === undefined
    ? null
    : { id: found.id, name: found.name, sizeInBytes: found.size_in_bytes, expired: found.expired };
}

/**
 * Downloads the artifact and returns the text of its `report.json`.
 * @throws ModelGateError `artifact_invalid` when it is expired, too large (before or after the
 *   download), not a safe archive, or has no report.json; GitHubApiError on API failures.
 */
export async function downloadReportText(ctx: EventContext, artifact: ArtifactInfo): Promise<string> {
  const limit = ctx.limits.artifactBytes;
  if (artifact.expired) invalid('the modelgate-report artifact has expired; re-run the workflow.');
  if (artifact.sizeInBytes > limit)
    invalid(`the artifact is ${artifact.sizeInBytes} bytes; at most ${limit} are accepted.`);
  const response = await call('downloading the report artifact', () =>
    ctx.octokit.rest.actions.downloadArtifact({
      ...repoParams(ctx),
      artifact_id: artifact.id,
      archive_format: 'zip',
    }),
  );
  const data: unknown = response.data;
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  if (bytes === null) invalid('the download did not return an archive.');
  if (bytes.byteLength > limit)
    invalid(`the archive is ${bytes.byteLength} bytes; at most ${limit} are accepted.`);
  const max = ctx.limits.reportBytes;
  const files = readZip(bytes, [REPORT_FILE], {
    maxEntryBytes: max,
    maxTotalBytes: max * 2,
    maxEntries: 64,
    maxRatio: MAX_RATIO,
  });
  const report = files.get(REPORT_FILE);
  if (report === undefined) invalid('the artifact has no report.json at its top level.');
  return new TextDecoder('utf-8', { fatal: true }).decode(report);
}

function invalid(message: string): never {
  throw new ModelGateError('artifact_invalid', `The report artifact was rejected: ${message}`);
}
