/**
 * Production resolution (PRODUCT.md §3, §5), the one documented rule:
 *
 * 1. production of model M is the artifact at the newest promotion tag of M (the `release.tag`
 *    pattern, highest semver; pre-releases and tags that do not parse are ignored);
 * 2. without a promotion tag, it is the artifact on the pull request's base commit;
 * 3. if the artifact does not exist there either, this is M's first promotion.
 *
 * The artifact path is the one configured at that revision (the model may have moved since); when
 * the configuration there does not name the model, the head's path is used.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ModelError, ModelGateError } from '../../shared/errors.js';
import { resolveLatestVersion, type TagPattern } from '../../shared/promotion/versions.js';
import type { Git } from './git.js';

export type Production =
  | { source: 'release'; tag: string; version: string; commit: string; path: string; content: Buffer }
  | { source: 'base'; commit: string; path: string; content: Buffer }
  /** First promotion: nothing to compare against. `path` is the head's artifact path. */
  | { source: 'none'; path: string };

export interface ResolveProductionInput {
  git: Git;
  model: string;
  /** The artifact path in the head configuration (the fallback). */
  artifact: string;
  /** The pull request's base commit. */
  base: string;
  /** `release.tag` of the configuration, e.g. `{model}@v{version}`. */
  tagPattern: string | TagPattern;
  /** Repository-relative path of the configuration file, read at the tag or base commit. */
  configPath: string;
  /** Tags already listed (saves one `git for-each-ref` per model); default: all tags. */
  tags?: readonly string[];
}

const SHALLOW_FIX = 'set `fetch-depth: 0` on actions/checkout so the history and tags are available';

/**
 * Resolves the production artifact of one model and reads its bytes (through git's filters, so
 * Git LFS content arrives as the real file when LFS is set up).
 * @throws ModelError when the newest promotion tag points at a commit without the artifact, or the
 *   artifact is an unfetched Git LFS pointer; ModelGateError (`git_missing_commit`) when the base
 *   commit is not in the clone; GitError for other git failures.
 */
export async function resolveProduction(input: ResolveProductionInput): Promise<Production> {
  const { git, model } = input;
  const latest = resolveLatestVersion(input.tagPattern, model, input.tags ?? (await git.listTags()));
  if (latest !== null) {
    const commit = await git.commitOfTag(latest.tag);
    const file = await artifactPathAt(input, commit);
    const content = await git.showFile(commit, file, { smudge: true });
    if (content === null) {
      const message = `tag ${latest.tag} points at ${commit.slice(0, 7)}, which has no ${file}; move the tag to the promoted commit or delete it`;
      throw new ModelError(message, file, { code: 'production_missing' });
    }
    return {
      source: 'release',
      tag: latest.tag,
      version: latest.version,
      commit,
      path: file,
      ...checkLfs(content, file),
    };
  }
  if (!(await git.catFileExists(`${input.base}^{commit}`))) {
    const message = `The base commit ${input.base} is not in this clone; ${SHALLOW_FIX}.`;
    throw new ModelGateError('git_missing_commit', message);
  }
  const commit = await git.revParse(`${input.base}^{commit}`);
  const file = await artifactPathAt(input, commit);
  const content = await git.showFile(commit, file, { smudge: true });
  if (content === null) return { source: 'none', path: input.artifact };
  return { source: 'base', commit, path: file, ...checkLfs(content, file) };
}

/** The model's artifact path as configured at `rev`, or the head's path when that config lacks it. */
async function artifactPathAt(input: ResolveProductionInput, rev: string): Promise<string> {
  const text = await input.git.showFile(rev, input.configPath);
  if (text === null) return input.artifact;
  // The raw YAML, not the current schema: an older file may not validate today, and only this one
  // key is needed. A file that no longer parses gives the documented fallback.
  let doc: unknown;
  try {
    doc = parseYaml(text.toString('utf8'));
  } catch {
    return input.artifact;
  }
  const models = (doc as { models?: Record<string, { artifact?: unknown }> } | null)?.models;
  const artifact = models && typeof models === 'object' ? models[input.model]?.artifact : undefined;
  return typeof artifact === 'string' && artifact !== '' ? artifact : input.artifact;
}

const LFS_POINTER = Buffer.from('version https://git-lfs.github.com/spec/v1\n');

/** An unsmudged Git LFS pointer would fail later as a "corrupt model"; say what it is instead. */
function checkLfs(content: Buffer, file: string): { content: Buffer } {
  if (content.length < 1024 && content.subarray(0, LFS_POINTER.length).equals(LFS_POINTER)) {
    throw new ModelError('is a Git LFS pointer, not the model; set `lfs: true` on actions/checkout', file, {
      code: 'artifact_lfs_pointer',
    });
  }
  return { content };
}

/**
 * Detects a shallow checkout and completes it with `git fetch --tags --unshallow` (or
 * `--deepen=<n>`), since production resolution needs tags and the base commit.
 * @returns whether the clone was shallow and whether history was fetched.
 * @throws ModelGateError (`git_shallow`) naming the fix (`fetch-depth: 0`) when the clone is
 *   shallow and fetching is disabled or fails.
 */
export async function detectShallow(
  git: Git,
  options: { fetch?: boolean; remote?: string; deepen?: number } = {},
): Promise<{ shallow: boolean; fetched: boolean }> {
  if (!(await git.isShallow())) return { shallow: false, fetched: false };
  if (options.fetch === false) {
    throw new ModelGateError('git_shallow', `The checkout is a shallow clone; ${SHALLOW_FIX}.`);
  }
  const how = options.deepen === undefined ? '--unshallow' : `--deepen=${options.deepen}`;
  try {
    await git.fetchDeepen({
      ...(options.remote && { remote: options.remote }),
      ...(options.deepen && { deepen: options.deepen }),
    });
  } catch (error: unknown) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    const message = `The checkout is a shallow clone and \`git fetch --tags ${how}\` failed${detail}; ${SHALLOW_FIX}.`;
    throw new ModelGateError('git_shallow', message, { cause: error });
  }
  return { shallow: true, fetched: true };
}

/**
 * Materialises a file from a revision as a temporary file (runners take paths): a fresh directory
 * under `destDir` holds it under its own base name, so the extension still selects the reader.
 * @returns the absolute path of the written file.
 * @throws ModelGateError (`git_path_missing`) when the file does not exist at `rev`.
 */
export async function writeRevisionFile(input: {
  git: Git;
  rev: string;
  path: string;
  destDir: string;
}): Promise<string> {
  const content = await input.git.showFile(input.rev, input.path, { smudge: true });
  if (content === null) {
    throw new ModelGateError('git_path_missing', `${input.path} does not exist at ${input.rev}.`);
  }
  const dir = await mkdtemp(path.join(path.resolve(input.destDir), 'rev-'));
  const file = path.join(dir, path.posix.basename(input.path));
  await writeFile(file, checkLfs(content, input.path).content);
  return file;
}
