/**
 * The GitHub Action. Numbered steps; a failing gate sets the exit code, it is not an exception.
 * Errors are caught once: the step fails with the message on one line and the details in the summary,
 * and an `error` report is still written and uploaded so the App never waits for a missing report.
 */
import path from 'node:path';
import { toModelGateError } from '../shared/errors.js';
import { buildReport } from '../shared/report/build-report.js';
import type { Report } from '../shared/report/schema.js';
import { MODELGATE_VERSION } from '../shared/version.js';
import { readEnvironment } from './environment.js';
import { evaluatePullRequest, planPullRequest } from './evaluate-pr.js';
import { runMonitor } from './monitor/run-monitor.js';
import { DEFAULT_SETTINGS, reportSettings } from './options.js';
import { type ActionInputs, type RunContext, readContext, readInputs } from './run/inputs.js';
import { mergePartialReports } from './run/merge-reports.js';
import { ARTIFACT_NAME, appendSummary, setOutputs, uploadReport, writeReportFiles } from './run/outputs.js';

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let inputs: ActionInputs = fallbackInputs(env);
  let context: RunContext = fallbackContext(env);
  try {
    // 1. Inputs and the event.
    context = await readContext(env);
    inputs = readInputs(env);
    if (inputs.mode === 'monitor') return await runMonitor({ inputs, context, env });
    if (inputs.mode === 'plan') return await runPlan(inputs, context, env);

    // 2. Evaluate (or merge matrix partials) into one report.
    const report =
      inputs.mode === 'merge'
        ? await mergePartialReports(path.resolve(inputs.workingDirectory, inputs.partialReports))
        : await evaluate(inputs, context);

    // 3. Report files, summary, outputs, artifact.
    await publish(report, inputs, context, env);

    // 4. Annotate model errors; the step's result follows `fail-on`.
    for (const model of report.models) {
      if (model.error)
        process.stdout.write(
          `::error title=ModelGate (${model.name})::${model.error.message.replace(/\r?\n/g, ' ')}\n`,
        );
    }
    if (report.error)
      process.stdout.write(`::error title=ModelGate::${report.error.message.replace(/\r?\n/g, ' ')}\n`);
    return exitCodeFor(report, inputs.failOn);
  } catch (error) {
    const e = toModelGateError(error);
    process.stdout.write(`::error title=ModelGate::${e.userMessage.replace(/\r?\n/g, ' ')}\n`);
    // Still write, summarise and upload an `error` report: the App must never wait for a missing one.
    await publish(errorReport(e, context), inputs, context, env).catch((publishError: unknown) => {
      process.stdout.write(
        `::warning title=ModelGate::the error report could not be written either: ${String(publishError)}\n`,
      );
    });
    return 1;
  }
}

async function evaluate(inputs: ActionInputs, context: RunContext): Promise<Report> {
  const pr = context.pullRequest;
  const sha = context.sha ?? 'HEAD';
  const prMode = inputs.mode === 'pr' && pr !== null;
  return evaluatePullRequest({
    root: inputs.workingDirectory,
    configPath: inputs.config,
    base: prMode ? pr.baseSha : sha,
    head: prMode ? pr.headSha : sha,
    models: inputs.models,
    all: !prMode,
    fetchHistory: true,
    mode: prMode ? 'pr' : 'evaluate',
    context: {
      repository: context.repository,
      pullRequest: pr?.number ?? null,
      workflowRun:
        context.runId === null
          ? null
          : {
              id: context.runId,
              url: `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`,
            },
      baseRef: pr?.baseRef ?? null,
      headRef: pr?.headRef ?? null,
    },
    onProgress: lineProgress(),
  });
}

async function runPlan(inputs: ActionInputs, context: RunContext, env: NodeJS.ProcessEnv): Promise<number> {
  const pr = context.pullRequest;
  const sha = context.sha ?? 'HEAD';
  const plan = await planPullRequest({
    root: inputs.workingDirectory,
    configPath: inputs.config,
    base: pr?.baseSha ?? sha,
    head: pr?.headSha ?? sha,
    models: inputs.models,
    all: pr === null,
    fetchHistory: true,
  });
  const names = plan.models.map((m) => m.name);
  await setOutputs(env, { matrix: JSON.stringify({ model: names }), 'models-evaluated': names.join(',') });
  const lines = plan.models.map((m) => `- \`${m.name}\`: ${m.reasons.join('; ')}`);
  await appendSummary(
    context.summaryPath,
    `### ModelGate plan\n\n${lines.length ? lines.join('\n') : 'No model changed.'}\n`,
  );
  process.stdout.write(`Models to evaluate: ${names.length ? names.join(', ') : '(none)'}\n`);
  return 0;
}

async function publish(
  report: Report,
  inputs: ActionInputs,
  context: RunContext,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const partial = inputs.mode !== 'merge' && inputs.models.length > 0;
  const dir = path.join(
    context.tempDir,
    partial ? `modelgate-report-${inputs.models.join('-')}` : 'modelgate-report',
  );
  const written = await writeReportFiles(report, dir);
  let uploadNote = '';
  if (inputs.uploadArtifact) {
    const name = partial
      ? `${ARTIFACT_NAME}-${inputs.models.join('-').replace(/[^A-Za-z0-9_.-]/g, '_')}`
      : ARTIFACT_NAME;
    const upload = await uploadReport(written, name);
    if (!upload.ok) {
      uploadNote = `\n> [!WARNING]\n> The \`${name}\` artifact could not be uploaded (${upload.message.replace(/\r?\n/g, ' ')}). The report is on the runner at \`${written.reportPath}\`.\n`;
      process.stdout.write(
        `::warning title=ModelGate::artifact upload failed: ${upload.message.replace(/\r?\n/g, ' ')}; the report is at ${written.reportPath}\n`,
      );
    }
  }
  await appendSummary(context.summaryPath, written.markdown + uploadNote);
  await setOutputs(env, {
    verdict: report.verdict,
    'report-path': written.reportPath,
    'summary-markdown-path': written.markdownPath,
    'models-evaluated': report.models.map((m) => m.name).join(','),
  });
  process.stdout.write(
    `ModelGate verdict: ${report.verdict} (${report.models.length} model(s) evaluated). Report: ${written.reportPath}\n`,
  );
}

/** Progress as log lines: each step once (the bootstrap's fractions would flood the log). */
function lineProgress(): (message: string) => void {
  let last = '';
  return (message) => {
    if (message !== last) process.stdout.write(`${message}\n`);
    last = message;
  };
}

/** Inputs as their defaults: used to still publish an error report when the inputs are invalid. */
function fallbackInputs(env: NodeJS.ProcessEnv): ActionInputs {
  return {
    config: '.github/modelgate.yml',
    token: '',
    mode: 'pr',
    models: [],
    failOn: 'fail',
    uploadArtifact: env['INPUT_UPLOAD-ARTIFACT']?.trim().toLowerCase() !== 'false',
    workingDirectory: env.GITHUB_WORKSPACE ?? process.cwd(),
    partialReports: 'modelgate-partial',
  };
}

function fallbackContext(env: NodeJS.ProcessEnv): RunContext {
  return {
    eventName: env.GITHUB_EVENT_NAME ?? 'workflow_dispatch',
    repository: env.GITHUB_REPOSITORY ?? null,
    runId: env.GITHUB_RUN_ID ? Number(env.GITHUB_RUN_ID) : null,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    sha: env.GITHUB_SHA ?? null,
    pullRequest: null,
    tempDir: env.RUNNER_TEMP ?? path.join(process.cwd(), '.modelgate-tmp'),
    summaryPath: env.GITHUB_STEP_SUMMARY ?? null,
  };
}

function exitCodeFor(report: Report, failOn: ActionInputs['failOn']): number {
  if (report.verdict === 'error') return 1;
  if (failOn === 'never') return 0;
  if (report.verdict === 'fail') return 1;
  return report.verdict === 'inconclusive' && failOn === 'inconclusive' ? 1 : 0;
}

function errorReport(error: { code: string; userMessage: string }, context: RunContext): Report {
  const pr = context.pullRequest;
  return buildReport({
    createdAt: new Date().toISOString(),
    version: MODELGATE_VERSION,
    mode: pr ? 'pr' : 'evaluate',
    repository: context.repository,
    pullRequest: pr?.number ?? null,
    base: pr ? { ref: pr.baseRef, sha: pr.baseSha } : null,
    head: pr ? { ref: pr.headRef, sha: pr.headSha } : { ref: null, sha: context.sha },
    workflowRun: context.runId === null ? null : { id: context.runId },
    settings: reportSettings(DEFAULT_SETTINGS),
    environment: readEnvironment(),
    models: [],
    error: { code: error.code, message: error.userMessage },
  });
}
