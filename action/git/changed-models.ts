/**
 * Which configured models a pull request changes (PRODUCT.md §3): only those are evaluated.
 */
import type { Config, ModelConfig } from '../../shared/config/types.js';
import type { Git } from './git.js';
import { normalizePath } from './git.js';

export interface ChangedModel {
  name: string;
  /** Plain-language reasons, e.g. `artifact models/churn/model.onnx changed`, `new model`. */
  reasons: string[];
}

export interface ChangedModels {
  /** Models to evaluate, in head configuration order. */
  changed: ChangedModel[];
  /** Models that cannot be evaluated, e.g. `removed in this PR`. */
  skipped: { name: string; reason: string }[];
  /** Models the pull request leaves alone. */
  unchanged: string[];
}

export interface FindChangedModelsInput {
  git: Git;
  /** The commit to compare against: the merge base of the pull request (see `Git.mergeBase`). */
  base: string;
  head: string;
  /** The configuration at `base`, or null when the repository had none yet. */
  baseConfig: Config | null;
  headConfig: Config;
}

/**
 * A model is changed when a file at its artifact or data path (or under it, for a directory)
 * differs between `base` and `head`, when its artifact or data path moved, when its configuration
 * entry differs as data (formatting, comments and key order do not count), or when it is new in
 * head. Models of `baseConfig` missing from head are skipped as removed.
 * @throws GitError when the diff cannot be computed (e.g. `base` missing from a shallow clone).
 */
export async function findChangedModels(input: FindChangedModelsInput): Promise<ChangedModels> {
  const changedPaths = await input.git.diffNames(input.base, input.head);
  const baseModels = new Map((input.baseConfig?.models ?? []).map((m) => [m.name, m]));
  const result: ChangedModels = { changed: [], skipped: [], unchanged: [] };
  for (const model of input.headConfig.models) {
    const before = baseModels.get(model.name);
    const reasons = before === undefined ? ['new model'] : describeChanges(before, model, changedPaths);
    if (reasons.length > 0) result.changed.push({ name: model.name, reasons });
    else result.unchanged.push(model.name);
  }
  const headNames = new Set(input.headConfig.models.map((m) => m.name));
  for (const name of baseModels.keys()) {
    if (!headNames.has(name)) result.skipped.push({ name, reason: 'removed in this PR' });
  }
  return result;
}

function describeChanges(before: ModelConfig, after: ModelConfig, changedPaths: readonly string[]): string[] {
  const reasons: string[] = [];
  for (const key of ['artifact', 'data'] as const) {
    const reason = describePathChange(key, before[key], after[key], changedPaths);
    if (reason !== null) reasons.push(reason);
  }
  const keys = changedKeys(before, after).filter((k) => k !== 'artifact' && k !== 'data');
  if (keys.length > 0) reasons.push(`config entry changed (${keys.join(', ')})`);
  return reasons;
}

function describePathChange(
  key: 'artifact' | 'data',
  before: string,
  after: string,
  changedPaths: readonly string[],
): string | null {
  const [from, to] = [normalizePath(before), normalizePath(after)];
  if (from !== to) return `${key} path changed from ${from} to ${to}`;
  const touched = changedPaths.filter((p) => p === to || p.startsWith(`${to}/`));
  if (touched.length === 0) return null;
  if (touched.length === 1 && touched[0] === to) return `${key} ${to} changed`;
  return `${key} ${to}/ changed (${touched.length} ${touched.length === 1 ? 'file' : 'files'})`;
}

/** Top-level keys whose values differ as data (key order within objects ignored). */
export function changedKeys(before: ModelConfig, after: ModelConfig): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const differs = (k: string) =>
    canonicalJson((before as unknown as Record<string, unknown>)[k]) !==
    canonicalJson((after as unknown as Record<string, unknown>)[k]);
  return [...keys].filter(differs).sort();
}

/** JSON with object keys sorted, so equal data gives equal text. */
function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    ) ?? 'undefined'
  );
}
