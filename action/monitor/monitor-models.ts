/**
 * The monitoring loop shared by the Action and the CLI: for each model, resolve production, load
 * its baseline, find the fresh data, and monitor it. Models that cannot be monitored at all (no
 * promotion yet) are listed as skipped; failures become models with status `error`.
 */
import type { Config, ModelConfig, MonitorConfig } from '../../shared/config/types.js';
import { toModelGateError } from '../../shared/errors.js';
import { buildMonitorErrorModel } from '../../shared/monitor/build-monitor-model.js';
import type { MonitorModel, MonitorReport } from '../../shared/monitor/schema.js';
import type { ModelReport } from '../../shared/report/schema.js';
import type { EvaluateModelInput, SideSource } from '../evaluate-model.js';
import type { Git } from '../git/git.js';
import { monitorModel } from './monitor-model.js';
import { resolveDataFile } from './resolve-data-file.js';
import { resolveMonitoredProduction } from './resolve-monitored-production.js';

export interface MonitorModelsInput {
  root: string;
  config: Config;
  configPath: string;
  /** The models to monitor, each with the monitor settings to use. */
  models: { model: ModelConfig; monitor: MonitorConfig; data?: { path: string; displayPath: string } }[];
  settings: EvaluateModelInput['settings'];
  git: Git | null;
  tags: readonly string[];
  scratch: string;
  allowWorkingTree: boolean;
  loadBaseline: (
    model: ModelConfig,
    production: SideSource,
  ) => Promise<{ model: ModelReport; meta: NonNullable<MonitorModel['baseline']> }>;
  onProgress?: (message: string) => void;
}

const NOT_PROMOTED =
  'no promotion tag yet, so there is no production version and no promotion report to compare with';

export async function monitorModels(
  input: MonitorModelsInput,
): Promise<{ models: MonitorModel[]; skipped: MonitorReport['skipped'] }> {
  const models: MonitorModel[] = [];
  const skipped: MonitorReport['skipped'] = [];
  for (const entry of input.models) {
    const result = await monitorEntry(input, entry);
    if (result === null) skipped.push({ name: entry.model.name, reason: NOT_PROMOTED });
    else models.push(result);
  }
  return { models, skipped };
}

/** One model: production, baseline, fresh data, then the monitor; null when it was never promoted. */
async function monitorEntry(
  input: MonitorModelsInput,
  entry: MonitorModelsInput['models'][number],
): Promise<MonitorModel | null> {
  const { model, monitor } = entry;
  input.onProgress?.(`${model.name}: resolving production`);
  let production: SideSource | null = null;
  try {
    production = await resolveMonitoredProduction({ ...input, model });
    if (production === null) return null;
    const baseline = await input.loadBaseline(model, production);
    const data =
      entry.data ?? (await resolveDataFile(input.root, monitor.data, `models.${model.name}.monitor.data`));
    const { root, settings, git, scratch, onProgress } = input;
    const run = { root, model, monitor, settings, production, baseline, git, data, scratch };
    return await monitorModel(onProgress ? { ...run, onProgress } : run);
  } catch (error) {
    const e = toModelGateError(error);
    const side = production && {
      tag: production.tag ?? null,
      version: production.version ?? null,
      commit: production.commit ?? null,
      path: production.displayPath,
      sha256: production.sha256,
    };
    const message = { code: e.code, message: e.userMessage };
    return buildMonitorErrorModel({
      model,
      minRows: monitor.minRows,
      error: message,
      ...(side && { production: side }),
    });
  }
}
