/**
 * The parse boundary: the schema-checked snake_case file becomes the camelCase `Config`, with
 * normalised paths and the defaults that depend on other keys (see build-model.ts).
 */
import { PathError } from '../errors.js';
import { buildModel } from './build-model.js';
import type { ConfigIssue, KeyPath, Locate } from './config-source.js';
import { formatKeyPath } from './config-source.js';
import { resolveRepoPath } from './paths.js';
import type { ConfigFile, Rule } from './schema.js';
import type { ApprovalRule, Config, Defaults, Policy, ReleaseSettings } from './types.js';

/** Collects problems while converting; `path` normalises a repository path or records why not. */
export class IssueCollector {
  readonly list: ConfigIssue[] = [];
  constructor(readonly locate: Locate) {}
  add(path: KeyPath, message: string, at: 'key' | 'value' = 'value'): void {
    this.list.push({ location: this.locate(path, at), message });
  }
  path(value: string, keyPath: KeyPath): string {
    try {
      return resolveRepoPath(value, formatKeyPath(keyPath));
    } catch (error) {
      if (!(error instanceof PathError)) throw error;
      this.add(keyPath, error.message.slice(formatKeyPath(keyPath).length + 2));
      return value;
    }
  }
}

/**
 * Builds the `Config` from the schema-checked file.
 * @param raw the file as written (before defaults), for the order of keys within metric sections.
 * @returns the config and every problem found (empty when it is usable).
 */
export function buildConfig(args: { file: string; parsed: ConfigFile; raw: unknown; locate: Locate }): {
  config: Config;
  issues: ConfigIssue[];
} {
  const { parsed } = args;
  const issues = new IssueCollector(args.locate);
  const models = Object.entries(parsed.models).map(([name, model]) =>
    buildModel({ name, model, issues, rawModel: rawModelOf(args.raw, name) }),
  );
  const config: Config = {
    file: args.file,
    version: 1,
    defaults: buildDefaults(parsed.defaults),
    models,
    policy: buildPolicy(parsed.policy, issues),
    release: buildRelease(parsed.release),
    dashboard: parsed.dashboard,
    ...(parsed.templates === undefined ? {} : { templates: issues.path(parsed.templates, ['templates']) }),
  };
  return { config, issues: issues.list };
}

function buildDefaults(d: ConfigFile['defaults']): Defaults {
  return {
    confidence: d.confidence,
    bootstrap: d.bootstrap,
    seed: d.seed,
    minGroupSize: d.min_group_size,
    importanceRepeats: d.importance_repeats,
    latencyBatches: d.latency_batches,
    batchSize: d.batch_size,
    inconclusive: d.inconclusive,
  };
}

function buildPolicy(p: ConfigFile['policy'], issues: IssueCollector): Policy {
  return {
    allowAuthor: p.allow_author,
    invalidateOnPush: p.invalidate_on_push,
    workflows: p.workflows.map((w, i) => issues.path(w, ['policy', 'workflows', i])),
    rules: p.rules.map(buildRule),
  };
}

function buildRelease(r: ConfigFile['release']): ReleaseSettings {
  return {
    tag: r.tag,
    bump: r.bump,
    firstVersion: r.first_version,
    makeLatest: r.make_latest,
    assets: [...r.assets],
  };
}

function buildRule(rule: Rule): ApprovalRule {
  const when: ApprovalRule['if'] = {};
  if (rule.if.risk !== undefined) when.risk = [...rule.if.risk];
  if (rule.if.models !== undefined) when.models = [...rule.if.models];
  if (rule.if.changed !== undefined) when.changed = [...rule.if.changed];
  if (rule.if.fairness !== undefined) when.fairness = [...rule.if.fairness];
  if (rule.if.regressed !== undefined) when.regressed = rule.if.regressed;
  if (rule.if.verdict !== undefined) when.verdict = [...rule.if.verdict];
  const { count, users, teams, permission } = rule.require;
  const require: ApprovalRule['require'] = { count, users: [...users], teams: [...teams] };
  if (permission !== undefined) require.permission = permission;
  return { name: rule.name, if: when, require };
}

function rawModelOf(raw: unknown, name: string): Record<string, unknown> {
  const models = (raw as { models?: Record<string, unknown> } | null)?.models;
  const model = models?.[name];
  return typeof model === 'object' && model !== null ? (model as Record<string, unknown>) : {};
}
