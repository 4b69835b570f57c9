/**
 * `modelgate monitor --config … --baseline-report FILE --data FILE [--model NAME] --out DIR`: the
 * monitor on a laptop, no GitHub. Production is the artifact at the newest promotion tag when the
 * folder is a git repository with one, else the working tree's artifact; the baseline is the
 * promotion report given; a model without a `monitor` section uses the documented defaults.
 * Exit codes: 0 healthy (or too little data to judge), 1 alert, 2 error.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config, ModelConfig } from '../../shared/config/types.js';
import { ModelGateError } from '../../shared/errors.js';
import { buildMonitorReport } from '../../shared/monitor/build-monitor-report.js';
import { buildDefaultMonitorConfig } from '../../shared/monitor/monitor-settings.js';
import type { MonitorReport } from '../../shared/monitor/schema.js';
import { MODELGATE_VERSION } from '../../shared/version.js';
import { readEnvironment } from '../environment.js';
import { loadConfig } from '../evaluate-repo.js';
import { Git } from '../git/git.js';
import { monitorReportSettings, settingsFromOptions } from '../options.js';
import { type Baseline, readBaselineFile, selectBaselineModel } from './load-baseline.js';
import { monitorModels } from './monitor-models.js';
import { writeMonitorReport } from './write-monitor-report.js';

export interface MonitorCommandInput {
  configPath: string;
  baselineReport: string;
  data: string;
  model?: string;
  out: string;
  cwd: string;
  onProgress?: (message: string) => void;
}

export interface MonitorCommandResult {
  exitCode: number;
  report: MonitorReport;
  reportPath: string;
  markdownPath: string;
}

/**
 * Runs a local monitor and writes `monitor-report.json` and `monitor-report.md` into `out`.
 * @throws ModelGateError for run-level problems (missing or invalid config or baseline file, an
 *   ambiguous model); problems of the model itself are in the report (exit code 2).
 */
export async function monitorCommand(input: MonitorCommandInput): Promise<MonitorCommandResult> {
  const root = input.cwd;
  const config = await loadConfig(root, input.configPath);
  const baseline = await readBaselineFile(path.resolve(root, input.baselineReport), input.baselineReport);
  const model = chooseModel(config, baseline, input.model);
  const monitor = model.monitor ?? buildDefaultMonitorConfig(input.data);
  const settings = settingsFromOptions({}, config.defaults);
  const git = await openGit(root);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'modelgate-monitor-'));
  try {
    const result = await monitorModels({
      root,
      config,
      configPath: input.configPath,
      models: [{ model, monitor, data: { path: path.resolve(root, input.data), displayPath: input.data } }],
      ...{ settings, git, scratch, allowWorkingTree: true },
      tags: git ? await git.listTags() : [],
      loadBaseline: async (m) => selectBaselineModel(baseline, m.name, input.baselineReport),
      ...(input.onProgress && { onProgress: input.onProgress }),
    });
    const report = buildMonitorReport({
      createdAt: new Date().toISOString(),
      version: MODELGATE_VERSION,
      settings: monitorReportSettings(settings),
      environment: readEnvironment(),
      ...result,
    });
    const written = await writeMonitorReport(report, path.resolve(root, input.out), 'terminal-file');
    return {
      exitCode: exitCodeOf(report),
      report,
      reportPath: written.reportPath,
      markdownPath: written.markdownPath,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** 0 healthy or too little data, 1 alert, 2 error. */
export function exitCodeOf(report: MonitorReport): number {
  return { healthy: 0, insufficient_data: 0, alert: 1, error: 2 }[report.status];
}

/** --model, else the one configured model the baseline report holds. */
function chooseModel(config: Config, baseline: Baseline, name: string | undefined): ModelConfig {
  if (name !== undefined) {
    const found = config.models.find((m) => m.name === name);
    if (!found)
      throw new ModelGateError(
        'usage',
        `model "${name}" is not configured in ${config.file} (configured: ${config.models.map((m) => m.name).join(', ')}).`,
      );
    return found;
  }
  const candidates = config.models.filter((m) => baseline.report.models.some((b) => b.name === m.name));
  if (candidates.length === 1) return candidates[0]!;
  const names = candidates.map((m) => m.name).join(', ') || 'none of the configured models';
  throw new ModelGateError('usage', `--model NAME is needed: the baseline report holds ${names}.`);
}

/** A Git handle when `root` is inside a work tree, else null (plain folders work too). */
async function openGit(root: string): Promise<Git | null> {
  const git = new Git({ cwd: root });
  try {
    const { stdout } = await git.run(['rev-parse', '--is-inside-work-tree']);
    return stdout.toString('utf8').trim() === 'true' ? git : null;
  } catch {
    return null;
  }
}
