/**
 * A pull request's evaluation (Action `mode: pr` and `modelgate evaluate --base --head`):
 * discover the changed models, decide under the base's thresholds, resolve production by the one
 * rule (newest promotion tag → base commit → first promotion), evaluate, and build the report.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config, ModelConfig } from '../shared/config/types.js';
import { ConfigError, ModelGateError } from '../shared/errors.js';
import { describeThresholdChanges } from '../shared/gate/describe-threshold-changes.js';
import { buildReport } from '../shared/report/build-report.js';
import type { ModelReport, Report } from '../shared/report/schema.js';
import { MODELGATE_VERSION } from '../shared/version.js';
import { sha256Hex } from './digest.js';
import { readEnvironment } from './environment.js';
import {
  buildErrorReport,
  type EvaluateModelInput,
  evaluateModel,
  type SideSource,
} from './evaluate-model.js';
import { findChangedModels } from './git/changed-models.js';
import { Git } from './git/git.js';
import { readConfigAt } from './git/read-config-at.js';
import { detectShallow, resolveProduction } from './git/resolve-production.js';
import { reportSettings, settingsFromOptions } from './options.js';

export interface EvaluatePrInput {
  root: string;
  configPath: string;
  base: string;
  head: string;
  /** Only these models (others are listed as skipped); all changed models when empty. */
  models?: readonly string[];
  /** Evaluate every configured model, changed or not (`mode: evaluate`). */
  all?: boolean;
  /** Try `git fetch --unshallow` on a shallow clone (the Action); else fail with the fix. */
  fetchHistory?: boolean;
  overrides?: Parameters<typeof settingsFromOptions>[0];
  context?: Pick<Report, 'repository' | 'pullRequest' | 'workflowRun'> & {
    baseRef?: string | null;
    headRef?: string | null;
  };
  mode: Report['mode'];
  onProgress?: (message: string, fraction?: number) => void;
}

/** What a pull request asks for: the commits, both configurations, and the models to evaluate. */
export interface PullRequestPlan {
  git: Git;
  base: string;
  head: string;
  mergeBase: string;
  headConfig: Config;
  baseConfig: Config | null;
  /** Models to evaluate, in configuration order, with the reasons they changed. */
  models: { name: string; reasons: string[] }[];
  skipped: Report['skipped'];
}

/** Steps 1–3 of a PR evaluation (also `mode: plan`): history, configurations, changed models. */
export async function planPullRequest(
  input: Omit<EvaluatePrInput, 'mode' | 'overrides' | 'context' | 'onProgress'>,
): Promise<PullRequestPlan> {
  const git = new Git({ cwd: input.root });
  // 1. History: production resolution needs tags and the base commit.
  await detectShallow(git, { fetch: input.fetchHistory ?? false });
  const head = await git.revParse(`${input.head}^{commit}`);
  const base = await git.revParse(`${input.base}^{commit}`);

  // 2. Configurations: models from the head, deciding thresholds from the base.
  const headConfig = await readConfigAt(git, head, input.configPath);
  if (!headConfig)
    throw new ConfigError(`configuration file not found at the head commit ${head.slice(0, 7)}`, {
      file: input.configPath,
    });
  const baseConfig = base === head ? headConfig : await readConfigAt(git, base, input.configPath);

  // 3. Which models this PR changes.
  const mergeBase = (await git.mergeBase(base, head)) ?? base;
  const discovery = await findChangedModels({ git, base: mergeBase, head, baseConfig, headConfig });
  const skipped: Report['skipped'] = [...discovery.skipped];
  let models = input.all
    ? headConfig.models.map((m) => ({ name: m.name, reasons: ['evaluated on request'] }))
    : discovery.changed;
  if (!input.all)
    for (const name of discovery.unchanged)
      skipped.push({ name, reason: 'not changed by this pull request' });
  const only = input.models ?? [];
  if (only.length > 0) {
    for (const name of only) {
      if (!headConfig.models.some((m) => m.name === name)) {
        throw new ConfigError(
          `model "${name}" is not configured (configured: ${headConfig.models.map((m) => m.name).join(', ')})`,
          { file: input.configPath, path: `models.${name}` },
        );
      }
    }
    for (const m of models)
      if (!only.includes(m.name)) skipped.push({ name: m.name, reason: 'not selected for this job' });
    models = models.filter((m) => only.includes(m.name));
  }
  return { git, base, head, mergeBase, headConfig, baseConfig, models, skipped };
}

export async function evaluatePullRequest(input: EvaluatePrInput): Promise<Report> {
  const plan = await planPullRequest(input);
  const { git, head, base, mergeBase, headConfig, baseConfig, skipped } = plan;
  const names = plan.models.map((m) => m.name);

  // 4. Evaluate each model against its production.
  const trustedDefaults = (baseConfig ?? headConfig).defaults;
  const settings = settingsFromOptions(input.overrides ?? {}, trustedDefaults);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'modelgate-'));
  const tags = names.length > 0 ? await git.listTags() : [];
  const models: ModelReport[] = [];
  try {
    for (const name of names) {
      const model = headConfig.models.find((m) => m.name === name)!;
      const trusted = baseConfig?.models.find((m) => m.name === name);
      input.onProgress?.(`${name}: resolving production`);
      const thresholdChanges = trusted ? describeThresholdChanges(trusted, model) : [];
      let sides: Awaited<ReturnType<typeof materialise>>;
      try {
        sides = await materialise({
          git,
          model,
          head,
          base: mergeBase,
          scratch,
          tags,
          config: baseConfig ?? headConfig,
          configPath: input.configPath,
        });
      } catch (error) {
        models.push(buildErrorReport({ model, error, thresholdChanges }));
        continue;
      }
      const evaluation: EvaluateModelInput = {
        model,
        settings,
        root: input.root,
        ...sides,
        thresholdChanges,
      };
      if (trusted) evaluation.thresholds = trusted;
      if (input.onProgress) evaluation.onProgress = input.onProgress;
      models.push(await evaluateModel(evaluation));
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  // 5. The report.
  const context = input.context;
  return buildReport({
    createdAt: new Date().toISOString(),
    version: MODELGATE_VERSION,
    mode: input.mode,
    repository: context?.repository ?? null,
    pullRequest: context?.pullRequest ?? null,
    base: { ref: context?.baseRef ?? input.base, sha: base },
    head: { ref: context?.headRef ?? input.head, sha: head },
    workflowRun: context?.workflowRun ?? null,
    settings: reportSettings(settings),
    environment: readEnvironment(),
    models,
    skipped,
  });
}

/** Writes the candidate, production and data of one model from git into temporary files. */
async function materialise(input: {
  git: Git;
  model: ModelConfig;
  head: string;
  base: string;
  scratch: string;
  tags: string[];
  config: Config;
  configPath: string;
}): Promise<Pick<EvaluateModelInput, 'candidate' | 'production' | 'data'>> {
  const { git, model, head, scratch } = input;
  const fromRev = async (rev: string, file: string): Promise<SideSource> => {
    const content = await git.showFile(rev, file, { smudge: true });
    if (content === null)
      throw new ModelGateError(
        'git_path_missing',
        `${file} does not exist at ${rev.slice(0, 7)} (configured for model "${model.name}").`,
      );
    return writeSide({ scratch, file, content, commit: rev, source: 'head' });
  };
  const production = await resolveProduction({
    git,
    model: model.name,
    artifact: model.artifact,
    base: input.base,
    tagPattern: input.config.release.tag,
    configPath: input.configPath,
    tags: input.tags,
  });
  const productionSide =
    production.source === 'none'
      ? null
      : await writeSide({
          scratch,
          file: production.path,
          content: production.content,
          commit: production.commit,
          source: production.source,
          tag: production.source === 'release' ? production.tag : null,
          version: production.source === 'release' ? production.version : null,
        });
  return {
    candidate: await fromRev(head, model.artifact),
    data: await fromRev(head, model.data),
    production: productionSide,
  };
}

/** A file's bytes as a temporary file under its own base name (the extension selects the reader). */
export async function writeSide(input: {
  scratch: string;
  file: string;
  content: Buffer;
  commit: string;
  source: SideSource['source'];
  tag?: string | null;
  version?: string | null;
}): Promise<SideSource> {
  const dir = await mkdtemp(path.join(input.scratch, 'f-'));
  const local = path.join(dir, path.posix.basename(input.file));
  await writeFile(local, input.content);
  return {
    path: local,
    displayPath: input.file,
    sha256: sha256Hex(input.content),
    bytes: input.content.length,
    commit: input.commit,
    tag: input.tag ?? null,
    version: input.version ?? null,
    source: input.source,
  };
}
