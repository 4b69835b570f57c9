/** Which configured models a pull request touches, from its changed paths. */
import type { Config } from '../../shared/config/types.js';

export interface ChangedModels {
  /** Models whose artifact or evaluation data changed. */
  models: string[];
  /** The configuration file itself changed (models may be added or re-configured). */
  configChanged: boolean;
  /** Whether the pull request needs an evaluation at all. */
  touched: boolean;
}

/** Matches changed paths against each model's artifact and data paths, and the config file. */
export function findChangedModels(
  config: Config,
  files: readonly string[],
  configPath: string,
): ChangedModels {
  const changed = new Set(files.map(normalize));
  const models = config.models
    .filter((model) => changed.has(normalize(model.artifact)) || changed.has(normalize(model.data)))
    .map((model) => model.name);
  const configChanged = changed.has(normalize(configPath));
  return { models, configChanged, touched: models.length > 0 || configChanged };
}

function normalize(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+/g, '/');
}
