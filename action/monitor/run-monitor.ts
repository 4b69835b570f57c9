/**
 * The Action's `mode: monitor` (on a schedule): each production model with a `monitor` section is
 * evaluated on its fresh data, compared with its promotion release's report, checked for drift,
 * and its alert issue is created, updated, reopened or closed. Numbered steps; a model that alerts
 * sets the exit code (per `fail-on`), a model that cannot be monitored fails the step.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../shared/config/types.js';
import { ConfigError, ModelGateError, toModelGateError } from '../../shared/errors.js';
import { buildMonitorReport } from '../../shared/monitor/build-monitor-report.js';
import type { MonitorReport } from '../../shared/monitor/schema.js';
import { MODELGATE_VERSION } from '../../shared/version.js';
import { readEnvironment } from '../environment.js';
import { loadConfig } from '../evaluate-repo.js';
import { Git } from '../git/git.js';
import { detectShallow } from '../git/resolve-production.js';
import { monitorReportSettings, settingsFromOptions } from '../options.js';
import type { ActionInputs, RunContext } from '../run/inputs.js';
import { appendSummary, setOutputs, uploadReport } from '../run/outputs.js';
import { GitHubApi } from './github-api.js';
import { fetchBaseline, selectBaselineModel } from './load-baseline.js';
import { monitorModels } from './monitor-models.js';
import { type AlertOutcome, updateAlertIssues } from './update-alert-issues.js';
import { writeMonitorReport } from './write-monitor-report.js';

export interface RunMonitorInput {
  inputs: ActionInputs;
  context: RunContext;
  env: NodeJS.ProcessEnv;
  fetchImpl?: typeof fetch;
  /** Waits between API retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  log?: (line: string) => void;
}

export const MONITOR_ARTIFACT = 'modelgate-monitor';

/** Runs monitor mode; returns the step's exit code. Never throws. */
export async function runMonitor(input: RunMonitorInput): Promise<number> {
  const log = input.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  try {
    // 1. Configuration, history, API client.
    const { inputs, context } = input;
    if (!context.repository)
      throw new ModelGateError(
        'input_invalid',
        'GITHUB_REPOSITORY is not set; monitor mode runs in a GitHub Actions workflow (use `modelgate monitor` locally).',
      );
    const root = inputs.workingDirectory;
    const config = await loadConfig(root, inputs.config);
    const git = new Git({ cwd: root, secrets: inputs.token ? [inputs.token] : [] });
    await detectShallow(git, { fetch: true });
    const api = new GitHubApi({
      token: inputs.token,
      baseUrl: input.env.GITHUB_API_URL ?? 'https://api.github.com',
      ...(input.fetchImpl && { fetchImpl: input.fetchImpl }),
      ...(input.sleep && { sleep: input.sleep }),
    });

    // 2. Monitor each model against its promotion release.
    const report = await monitorAll({ input, config, git, api, repository: context.repository, log });

    // 3. Alert issues: one per model, created, updated, reopened or closed.
    const alerts = await updateAlerts({ input, report, api, repository: context.repository, log });

    // 4. Report files, summary, outputs, artifact; the exit code.
    await publish({ input, report, alerts, log });
    return exitCode(report, inputs.failOn, alerts);
  } catch (error) {
    const e = toModelGateError(error);
    log(`::error title=ModelGate monitor::${e.userMessage.replace(/\r?\n/g, ' ')}`);
    await appendSummary(
      input.context.summaryPath,
      `## ⛔ ModelGate monitor could not run\n\n${e.userMessage}\n`,
    ).catch(() => undefined);
    await setOutputs(input.env, { verdict: 'error' }).catch(() => undefined);
    return 1;
  }
}

async function monitorAll(args: {
  input: RunMonitorInput;
  config: Config;
  git: Git;
  api: GitHubApi;
  repository: string;
  log: (line: string) => void;
}): Promise<MonitorReport> {
  const { input, config, git, api, repository } = args;
  const { selected, skipped } = selectMonitored(config, input.inputs.models);
  const settings = settingsFromOptions({}, config.defaults);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'modelgate-monitor-'));
  try {
    const result = await monitorModels({
      root: input.inputs.workingDirectory,
      config,
      configPath: input.inputs.config,
      models: selected.map((model) => ({ model, monitor: model.monitor! })),
      settings,
      git,
      tags: await git.listTags(),
      scratch,
      allowWorkingTree: false,
      loadBaseline: async (model, production) => {
        const tag = production.tag!;
        return selectBaselineModel(
          await fetchBaseline({ api, repository, tag }),
          model.name,
          `The report of release ${tag}`,
        );
      },
      onProgress: args.log,
    });
    const { context } = input;
    return buildMonitorReport({
      createdAt: (input.now?.() ?? new Date()).toISOString(),
      version: MODELGATE_VERSION,
      repository,
      workflowRun: context.runId === null ? null : { id: context.runId, url: runUrl(context)! },
      settings: monitorReportSettings(settings),
      environment: readEnvironment(),
      models: result.models,
      skipped: [...skipped, ...result.skipped],
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Models with a `monitor` section (only those named by the `models` input, when given). */
function selectMonitored(config: Config, names: readonly string[]) {
  for (const name of names) {
    if (!config.models.some((m) => m.name === name)) {
      throw new ConfigError(
        `model "${name}" is not configured (configured: ${config.models.map((m) => m.name).join(', ')})`,
        { file: config.file, path: `models.${name}` },
      );
    }
  }
  const wanted = config.models.filter((m) => names.length === 0 || names.includes(m.name));
  return {
    selected: wanted.filter((m) => m.monitor !== undefined),
    skipped: wanted
      .filter((m) => m.monitor === undefined)
      .map((m) => ({ name: m.name, reason: 'no monitor section in the configuration' })),
  };
}

async function updateAlerts(args: {
  input: RunMonitorInput;
  report: MonitorReport;
  api: GitHubApi;
  repository: string;
  log: (line: string) => void;
}): Promise<AlertOutcome[]> {
  const { input, report } = args;
  if (!input.inputs.token) {
    args.log(
      '::warning title=ModelGate monitor::github-token is empty, so alert issues were not created or updated.',
    );
    return [];
  }
  return updateAlertIssues({
    api: args.api,
    repository: args.repository,
    report,
    runUrl: runUrl(input.context),
    version: MODELGATE_VERSION,
    log: args.log,
  });
}

async function publish(args: {
  input: RunMonitorInput;
  report: MonitorReport;
  alerts: AlertOutcome[];
  log: (line: string) => void;
}): Promise<void> {
  const { input, report, alerts, log } = args;
  const written = await writeMonitorReport(
    report,
    path.join(input.context.tempDir, MONITOR_ARTIFACT),
    'summary',
  );
  let note = '';
  if (input.inputs.uploadArtifact) {
    const upload = await uploadReport(written, MONITOR_ARTIFACT);
    if (!upload.ok)
      note = `\n> [!WARNING]\n> The \`${MONITOR_ARTIFACT}\` artifact could not be uploaded; the report is on the runner at \`${written.reportPath}\`.\n`;
  }
  const alertLines = alerts.map((a) => `- ${a.message}`).join('\n');
  await appendSummary(
    input.context.summaryPath,
    `${written.markdown}${alertLines ? `\n**Alert issues**\n\n${alertLines}\n` : ''}${note}`,
  );
  await setOutputs(input.env, {
    verdict: report.status,
    'report-path': written.reportPath,
    'summary-markdown-path': written.markdownPath,
    'models-evaluated': report.models.map((m) => m.name).join(','),
    alerts: JSON.stringify(alerts.map(({ model, action, issue, url }) => ({ model, action, issue, url }))),
  });
  for (const m of report.models) {
    if (m.status === 'error')
      log(
        `::error title=ModelGate monitor::${m.name}: ${(m.error?.message ?? 'could not be monitored').replace(/\r?\n/g, ' ')}`,
      );
    else if (m.status === 'alert')
      log(`::warning title=ModelGate monitor::${m.name}: ${m.headline ?? 'alert'}`);
  }
  log(
    `ModelGate monitor: ${report.status} (${report.models.length} model(s)). Report: ${written.reportPath}`,
  );
}

function exitCode(report: MonitorReport, failOn: ActionInputs['failOn'], alerts: AlertOutcome[]): number {
  if (report.status === 'error' || alerts.some((a) => a.failed)) return 1;
  return report.status === 'alert' && failOn !== 'never' ? 1 : 0;
}

function runUrl(context: RunContext): string | null {
  return context.runId === null || !context.repository
    ? null
    : `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`;
}
