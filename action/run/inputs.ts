/** The Action's inputs (action.yml) and the runner's GITHUB_* context, read once. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ModelGateError } from '../../shared/errors.js';

export type Mode = 'pr' | 'evaluate' | 'monitor' | 'plan' | 'merge';
export type FailOn = 'fail' | 'inconclusive' | 'never';

export interface ActionInputs {
  config: string;
  token: string;
  mode: Mode;
  models: string[];
  failOn: FailOn;
  uploadArtifact: boolean;
  workingDirectory: string;
  partialReports: string;
}

export interface RunContext {
  eventName: string;
  repository: string | null;
  runId: number | null;
  serverUrl: string;
  sha: string | null;
  pullRequest: { number: number; baseSha: string; headSha: string; baseRef: string; headRef: string } | null;
  tempDir: string;
  summaryPath: string | null;
}

/** `INPUT_<NAME>` as the runner sets it (name upper-cased, spaces → _; hyphens kept). */
function input(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ModelGateError(
    'input_invalid',
    `Input "${name}" must be one of ${allowed.join(', ')}; got "${value}".`,
  );
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const upload = input(env, 'upload-artifact', 'true').toLowerCase();
  if (!['true', 'false'].includes(upload))
    throw new ModelGateError(
      'input_invalid',
      `Input "upload-artifact" must be true or false; got "${upload}".`,
    );
  return {
    config: input(env, 'config', '.github/modelgate.yml'),
    token: input(env, 'github-token', ''),
    mode: oneOf('mode', input(env, 'mode', 'pr'), ['pr', 'evaluate', 'monitor', 'plan', 'merge'] as const),
    models: input(env, 'models', '')
      .split(/[\s,]+/)
      .filter(Boolean),
    failOn: oneOf('fail-on', input(env, 'fail-on', 'fail'), ['fail', 'inconclusive', 'never'] as const),
    uploadArtifact: upload === 'true',
    workingDirectory: path.resolve(
      env.GITHUB_WORKSPACE ?? process.cwd(),
      input(env, 'working-directory', '.'),
    ),
    partialReports: input(env, 'partial-reports', 'modelgate-partial'),
  };
}

/** Reads GITHUB_* and, for pull_request events, the event payload's base and head. */
export async function readContext(env: NodeJS.ProcessEnv): Promise<RunContext> {
  const eventName = env.GITHUB_EVENT_NAME ?? 'workflow_dispatch';
  let pullRequest: RunContext['pullRequest'] = null;
  if (env.GITHUB_EVENT_PATH && (eventName === 'pull_request' || eventName === 'pull_request_target')) {
    const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: {
        number: number;
        base: { sha: string; ref: string };
        head: { sha: string; ref: string };
      };
    };
    const pr = event.pull_request;
    if (pr)
      pullRequest = {
        number: pr.number,
        baseSha: pr.base.sha,
        headSha: pr.head.sha,
        baseRef: pr.base.ref,
        headRef: pr.head.ref,
      };
  }
  return {
    eventName,
    repository: env.GITHUB_REPOSITORY ?? null,
    runId: env.GITHUB_RUN_ID ? Number(env.GITHUB_RUN_ID) : null,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    sha: env.GITHUB_SHA ?? null,
    pullRequest,
    tempDir: env.RUNNER_TEMP ?? path.join(process.cwd(), '.modelgate-tmp'),
    summaryPath: env.GITHUB_STEP_SUMMARY ?? null,
  };
}
