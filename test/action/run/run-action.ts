/**
 * Runs the built Action as the GitHub runner does on a pull_request event: `node
 * dist/action/index.js` with the GITHUB_* variables, the event file, INPUT_<NAME> for every input
 * of action.yml (its defaults unless a scenario sets one, as `with:` does), and the summary and
 * output files it appends to.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { Report } from '../../../shared/report/schema.js';
import type { ActionBuild } from './action-bundle.js';
import { ROOT } from './action-bundle.js';
import type { PullRequest } from './churn-repo.js';

export const REPOSITORY = 'acme/churn-models';
export const RUN_ID = '4242';

export interface RunOptions {
  /** The checkout (GITHUB_WORKSPACE). */
  workspace: string;
  /** The pull request of the `pull_request` event. */
  pullRequest: PullRequest;
  /** Inputs as a workflow's `with:` sets them, e.g. `{ 'fail-on': 'never' }`. */
  inputs?: Record<string, string>;
  /** Extra environment. */
  env?: Record<string, string>;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** $GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>;
  /** $GITHUB_STEP_SUMMARY. */
  summary: string;
  /** report.json from `report-path` (or the default report folder when no output was set). */
  report: Report | null;
  runnerTemp: string;
  /** The runner's folder (event, summary, outputs, RUNNER_TEMP): remove it when done. */
  runnerDir: string;
}

/** Every action.yml input with its default, except the token expression the runner would expand. */
function defaultInputs(actionDir: string): Record<string, string> {
  const action = parse(readFileSync(path.join(actionDir, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = spec.default ?? '';
  inputs['github-token'] = 'ghs_000000000000000000000000000000000000';
  return inputs;
}

/** The `pull_request.opened` example payload of @octokit/webhooks-examples, edited to `pr`. */
export function buildPullRequestEvent(pr: PullRequest): unknown {
  const index = JSON.parse(
    readFileSync(
      path.join(ROOT, 'node_modules/@octokit/webhooks-examples/api.github.com/index.json'),
      'utf8',
    ),
  ) as { name: string; examples: { action?: string }[] }[];
  const example = index.find((e) => e.name === 'pull_request')?.examples.find((e) => e.action === 'opened');
  if (!example) throw new Error('no pull_request.opened example in @octokit/webhooks-examples');
  // biome-ignore lint/suspicious/noExplicitAny: a webhook payload edited in place
  const event = structuredClone(example) as any;
  event.number = pr.number;
  event.pull_request.number = pr.number;
  event.pull_request.base.sha = pr.base;
  event.pull_request.base.ref = pr.baseRef;
  event.pull_request.head.sha = pr.head;
  event.pull_request.head.ref = pr.headRef;
  event.repository.full_name = REPOSITORY;
  return event;
}

/** The runner's files and environment for one step; `runAction` runs it, the benchmark reruns it. */
export interface PreparedRun {
  env: NodeJS.ProcessEnv;
  runnerDir: string;
  runnerTemp: string;
  files: { summary: string; output: string };
}

export function prepareRun(build: ActionBuild, options: RunOptions): PreparedRun {
  const runnerDir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-runner-'));
  const runnerTemp = path.join(runnerDir, 'temp');
  mkdirSync(runnerTemp);
  const files = { summary: path.join(runnerDir, 'step_summary'), output: path.join(runnerDir, 'output') };
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  const env = buildEnv({ build, options, runner: runnerDir, runnerTemp, files });
  return { env, runnerDir, runnerTemp, files };
}

export async function runAction(build: ActionBuild, options: RunOptions): Promise<ActionRun> {
  const { env, runnerDir, runnerTemp, files } = prepareRun(build, options);
  const { code, stdout, stderr } = await spawnNode(build.entry, env, options.workspace);
  const outputs = parseOutputs(readFileSync(files.output, 'utf8'));
  const reportPath = outputs['report-path'] ?? path.join(runnerTemp, 'modelgate-report', 'report.json');
  const report = existsSync(reportPath) ? (JSON.parse(readFileSync(reportPath, 'utf8')) as Report) : null;
  const summary = readFileSync(files.summary, 'utf8');
  return { code, stdout, stderr, outputs, summary, report, runnerTemp, runnerDir };
}

function buildEnv(input: {
  build: ActionBuild;
  options: RunOptions;
  runner: string;
  runnerTemp: string;
  files: { summary: string; output: string };
}): NodeJS.ProcessEnv {
  const { options, runner } = input;
  const pr = options.pullRequest;
  const eventPath = path.join(runner, 'event.json');
  writeFileSync(eventPath, JSON.stringify(buildPullRequestEvent(pr)));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: runner,
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: `refs/pull/${pr.number}/merge`,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: pr.merge,
    RUNNER_TEMP: input.runnerTemp,
    GITHUB_STEP_SUMMARY: input.files.summary,
    GITHUB_OUTPUT: input.files.output,
  };
  const inputs = { ...defaultInputs(input.build.dir), ...options.inputs };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return { ...env, ...options.env };
}

function spawnNode(
  entry: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Markdown as a reader sees it: without the zero-width joiners that defuse @-mentions. */
export function visibleText(markdown: string): string {
  return markdown.replace(/[\u200b-\u200d\u2060]/g, '');
}

/** $GITHUB_OUTPUT: `name<<DELIMITER` … `DELIMITER` blocks, or `name=value` lines. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const end = lines.indexOf(delimiter, i + 1);
      if (end < 0) throw new Error(`unterminated output ${name} in $GITHUB_OUTPUT`);
      outputs[name] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    } else if (line !== '') {
      throw new Error(`malformed $GITHUB_OUTPUT line: ${line}`);
    }
  }
  return outputs;
}
