/**
 * The production artifact of a monitored model, by the one rule (newest promotion tag; see
 * action/git/resolve-production.ts), written to a temporary file for the runners. Without a
 * promotion tag there is no promotion release to compare with: the Action skips the model, while
 * a local run (which brings its own baseline report) may use the working tree's artifact.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config, ModelConfig } from '../../shared/config/types.js';
import { resolveLatestVersion } from '../../shared/promotion/versions.js';
import { sha256Hex } from '../digest.js';
import type { SideSource } from '../evaluate-model.js';
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
      const dir = await mkdtemp(path.join(input.scratch, 'prod-'));
      const file = path.join(dir, path.posix.basename(production.path));
      await writeFile(file, production.content);
      return {
        path: file,
        displayPath: production.path,
        sha256: sha256Hex(production.content),
        bytes: production.content.length,
        commit: production.commit,
        tag: production.tag,
        version: production.version,
        source: 'release',
      };
    }
  }
  if (!input.allowWorkingTree) return null;
  return workingTreeSource(input.root, model.artifact, `models.${model.name}.artifact`, 'file');
}
