import type { Config, ModelConfig } from '../../shared/config/types.js';
import { resolveLatestVersion } from '../../shared/promotion/versions.js';
import type { SideSource } from '../evaluate-model.js';
import { writeSide } from '../evaluate-pr.js';
import { workingTreeSource } from '../evaluate-repo.js';
import type { Git } from '../git/git.js';
import { resolveProduction } from '../git/resolve-production.js';

export interface MonitoredProductionInput {
  root: string;
  git: Git | null;
  tags: readonly string[];
  model: ModelConfig;
  config: Config;
  configPath: string;
  scratch: string;
  /** Use the working tree's artifact when the model has no promotion tag (local runs). */
  allowWorkingTree: boolean;
}

/** @returns the artifact, or null when the model has no promotion tag and the working tree is not allowed. */
export async function resolveMonitoredProduction(
  input: MonitoredProductionInput,
): Promise<SideSource | null> {
  const { git, model } = input;
  const latest = git ? resolveLatestVersion(input.config.release.tag, model.name, input.tags) : null;
  if (git && latest) {
    const production = await resolveProduction({
      git,
      model: model.name,
      artifact: model.artifact,
      base: 'HEAD',
      tagPattern: input.config.release.tag,
      configPath: input.configPath,
      tags: input.tags,
    });
    if (production.source === 'release') {
      return writeSide({
        scratch: input.scratch,
        file: production.path,
        content: production.content,
        commit: production.commit,
        source: 'release',
        tag: production.tag,
        version: production.version,
      });
    }
  }
  if (!input.allowWorkingTree) return null;
  return workingTreeSource(input.root, model.artifact, `models.${model.name}.artifact`, 'file');
}
