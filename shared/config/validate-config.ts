/**
 * Cross-field rules of the whole configuration (STYLE.md §4): the schema checks each key, this
 * checks how keys fit together. Pure; returns the problems as data.
 */
import { ConfigError } from '../errors.js';
import {
  parseTagPattern,
  renderPattern,
  type TagPattern,
  validateTagName,
} from '../promotion/tag-pattern.js';
import type { ConfigIssue, KeyPath, Locate } from './config-source.js';
import { locateByPath } from './config-source.js';
import { explainUnknown, suggestName } from './suggest-name.js';
import type { Config, Policy } from './types.js';
import { type ReportIssue, validateModel } from './validate-model.js';

/**
 * Checks the rules that span keys: fairness columns that are not sensitive (or intersections
 * without `intersections: true`), fairness or worst-group gates without sensitive columns,
 * `min > max`, bounds outside a metric's range, `runner: command` without a command, keys that
 * do nothing (a threshold on a regression model, a gate without bounds, `noninferiority` without
 * a tolerance), unknown command placeholders, policy rules naming unknown models or needing more
 * approvals than approvers, duplicate rule names, and a `release.tag` that is not a valid pattern.
 * @param locate turns key paths into file positions; without it, locations carry file and key path.
 * @returns every problem, in model, policy, release order; empty when the config is consistent.
 */
export function validateConfig(config: Config, locate: Locate = locateByPath(config.file)): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const report: ReportIssue = (path, message, at = 'value') => {
    issues.push({ location: locate(path, at), message });
  };
  for (const model of config.models) validateModel(model, config.defaults, report);
  validatePolicy(
    config.policy,
    config.models.map((m) => m.name),
    report,
  );
  validateRelease(config, report);
  return issues;
}

function validatePolicy(policy: Policy, modelNames: readonly string[], report: ReportIssue): void {
  const firstByName = new Map<string, number>();
  policy.rules.forEach((rule, i) => {
    const path: KeyPath = ['policy', 'rules', i];
    const first = firstByName.get(rule.name);
    if (first !== undefined) {
      report(
        [...path, 'name'],
        `duplicate rule name "${rule.name}" (also policy.rules[${first}]); names must be unique`,
      );
    } else firstByName.set(rule.name, i);
    rule.if.models?.forEach((name, j) => {
      if (modelNames.includes(name)) return;
      const suggestion = suggestName(name, modelNames);
      const message = explainUnknown(
        `unknown model "${name}"`,
        suggestion,
        `one of: ${modelNames.join(', ')}`,
      );
      report([...path, 'if', 'models', j], message);
    });
    const { count, users, teams, permission } = rule.require;
    if (teams.length === 0 && permission === undefined && users.length > 0 && count > users.length) {
      report(
        [...path, 'require', 'count'],
        `needs ${count} approvals but only ${users.length} user(s) may approve; lower count or add users, teams or a permission`,
      );
    }
  });
}

function validateRelease(config: Config, report: ReportIssue): void {
  const path: KeyPath = ['release', 'tag'];
  let pattern: TagPattern;
  try {
    pattern = parseTagPattern(config.release.tag, { file: config.file });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const issue of error.issues) report(path, issue.message);
    return;
  }
  for (const model of config.models) {
    const tag = renderPattern(pattern.parts, model.name, config.release.firstVersion);
    const problem = validateTagName(tag);
    if (problem !== null) {
      report(['models', model.name], `model name gives an invalid release tag "${tag}": ${problem}`, 'key');
    }
  }
}
