/**
 * The configured form: `.github/modelgate.yml` → selected models → production resolution →
 * evaluation of each model → one report. Shared by the CLI and the Action.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig } from '../shared/config/parse-config.js';
import type { Config, ModelConfig } from '../shared/config/types.js';
import { ConfigError, ModelGateError, PathError } from '../shared/errors.js';
import { buildReport } from '../shared/report/build-report.js';
import type { ModelReport, Report } from '../shared/report/schema.js';
import { MODELGATE_VERSION } from '../shared/version.js';
import type { CliValues } from './cli.js';
import { hashFile } from './data/hash-file.js';
import { readEnvironment } from './environment.js';
import { buildErrorReport, evaluateModel, type SideSource } from './evaluate-model.js';
import { evaluatePullRequest } from './evaluate-pr.js';
import { reportSettings, settingsFromOptions } from './options.js';
import { resolveInsideRepo } from './repo-files.js';

export type ProductionResolver = (model: ModelConfig) => Promise<SideSource | null>;

/** Reads and parses the configuration file (any problem → ConfigError naming the file). */
export async function loadConfig(root: string, configPath: string): Promise<Config> {
  const relative = path.isAbsolute(configPath) ? path.relative(root, configPath) : configPath;
  let text: string;
  try {
    text = await readFile(path.join(root, relative), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ConfigError('configuration file not found; create it (see the README) or pass --config', {
        file: relative,
      });
    }
    throw error;
  }
  return parseConfig(text, relative);
}

/** Picks the models named by --model (all when none); an unknown name is an error listing the known ones. */
export function selectModels(config: Config, names: readonly string[] | undefined): ModelConfig[] {
  if (!names || names.length === 0) return config.models;
  return names.map((name) => {
    const found = config.models.find((m) => m.name === name);
    if (!found) {
      throw new ConfigError(
        `model "${name}" is not configured (configured: ${config.models.map((m) => m.name).join(', ')})`,
        { file: config.file, path: `models.${name}` },
      );
    }
    return found;
  });
}

/** Hashes a configured file inside the repository into a SideSource. */
export async function workingTreeSource(
  root: string,
  configured: string,
  key: string,
  source: SideSource['source'],
): Promise<SideSource> {
  const abs = await resolveInsideRepo(root, configured, key);
  const { sha256, bytes } = await hashFile(abs, configured);
  return { path: abs, displayPath: configured, sha256, bytes, source };
}

/** One configured model from the working tree; unreadable files make an `error` model, not a crash. */
async function evaluateConfigured(input: {
  model: ModelConfig;
  root: string;
  settings: ReturnType<typeof settingsFromOptions>;
  resolveProduction: ProductionResolver;
  onProgress: (message: string, fraction?: number) => void;
}): Promise<ModelReport> {
  const { model, root } = input;
  let candidate: SideSource | null = null;
  let production: SideSource | null = null;
  try {
    const data = await workingTreeSource(root, model.data, `models.${model.name}.data`, 'head');
    candidate = await workingTreeSource(root, model.artifact, `models.${model.name}.artifact`, 'head');
    production = await input.resolveProduction(model);
    return await evaluateModel({
      model,
      settings: input.settings,
      root,
      data,
      candidate,
      production,
      onProgress: input.onProgress,
    });
  } catch (error) {
    // Configuration and path problems are the run's, not one model's: they stop the run.
    if (error instanceof ConfigError || error instanceof PathError) throw error;
    return buildErrorReport({ model, error, candidate, production });
  }
}

export async function evaluateRepo(input: {
  values: CliValues;
  cwd: string;
  onProgress: (message: string, fraction?: number) => void;
}): Promise<Report> {
  const { values, cwd } = input;
  const root = path.resolve(cwd, values.root ?? '.');
  if (values.base !== undefined || values.head !== undefined) {
    if (!values.base || !values.head)
      throw new ModelGateError('usage', '--base and --head go together: the PR is base..head.');
    if (values.production)
      throw new ModelGateError(
        'usage',
        '--production cannot be combined with --base/--head: production is resolved from promotion tags and the base.',
      );
    return evaluatePullRequest({
      root,
      configPath: values.config!,
      base: values.base,
      head: values.head,
      models: values.model ?? [],
      overrides: values,
      mode: 'evaluate',
      onProgress: input.onProgress,
    });
  }
  const config = await loadConfig(root, values.config!);
  const models = selectModels(config, values.model);
  if (values.production && models.length !== 1) {
    throw new ModelGateError('usage', '--production FILE needs exactly one model: add --model NAME.');
  }
  const resolveProduction: ProductionResolver = async () => {
    if (!values.production) return null;
    const abs = path.resolve(cwd, values.production);
    const { sha256, bytes } = await hashFile(abs);
    return { path: abs, displayPath: values.production, sha256, bytes, source: 'file' };
  };
  const settings = settingsFromOptions(values, config.defaults);
  const evaluated: ModelReport[] = [];
  for (const model of models) {
    evaluated.push(
      await evaluateConfigured({ model, root, settings, resolveProduction, onProgress: input.onProgress }),
    );
  }
  return buildReport({
    createdAt: new Date().toISOString(),
    version: MODELGATE_VERSION,
    mode: 'evaluate',
    settings: reportSettings(settings),
    environment: readEnvironment(),
    models: evaluated,
  });
}
