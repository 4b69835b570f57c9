/**
 * `.github/modelgate.yml` text → `Config`: YAML with positions, the strict schema, the
 * camelCase mapping with its derived defaults, and the cross-field rules. Every problem is
 * collected and named by file, line, column and key path.
 */
import { isAlias, visit, type YAMLError } from 'yaml';
import { ConfigError, formatLocation } from '../errors.js';
import { buildConfig } from './build-config.js';
import { buildLocate, type ConfigIssue, type ConfigSource, parseConfigSource } from './config-source.js';
import { configFileSchema } from './schema.js';
import { buildSchemaIssues, describeValue } from './schema-issues.js';
import type { Config } from './types.js';
import { validateConfig } from './validate-config.js';

/** How many problems the error message lists; all of them are in `ConfigError.issues`. */
const LISTED_ISSUES = 5;

/**
 * Parses and validates the configuration file.
 * @param text the YAML text.
 * @param file the path shown in messages (e.g. `.github/modelgate.yml`).
 * @returns the camelCase config, defaults applied, models in file order.
 * @throws ConfigError with every problem in `issues` (each with file, 1-based line and column,
 *   key path such as `models.churn.gates.roc_auc.min`, and what was expected); the message lists
 *   the first few in file order. Malformed YAML is reported at the parser's position.
 */
export function parseConfig(text: string, file: string): Config {
  const source = parseConfigSource(text, file);
  const locate = buildLocate(source);
  const syntax = buildSyntaxIssues(source);
  if (syntax.length > 0) throw buildConfigError(syntax);
  const raw = readValue(source);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const got = raw === null ? 'an empty file' : describeValue(raw);
    throw buildConfigError([
      { location: locate([]), message: `expected a mapping with version: 1 and models, got ${got}` },
    ]);
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw buildConfigError(
      buildSchemaIssues(parsed.error.issues, { schema: configFileSchema, value: raw, locate }),
    );
  }
  const { config, issues } = buildConfig({ file, parsed: parsed.data, raw, locate });
  issues.push(...validateConfig(config, locate));
  if (issues.length > 0) throw buildConfigError(issues);
  return config;
}

/**
 * One ConfigError for a list of problems: issues sorted by position, the first as the error's
 * location, and up to five listed in the message.
 */
export function buildConfigError(issues: readonly ConfigIssue[]): ConfigError {
  const sorted = [...issues].sort(
    (a, b) =>
      (a.location.line ?? Number.MAX_SAFE_INTEGER) - (b.location.line ?? Number.MAX_SAFE_INTEGER) ||
      (a.location.column ?? 0) - (b.location.column ?? 0),
  );
  const [first, ...rest] = sorted;
  if (first === undefined) throw new RangeError('buildConfigError needs at least one issue');
  const listed = rest.slice(0, LISTED_ISSUES - 1).map((i) => `\n${formatLocation(i.location)}: ${i.message}`);
  const more = rest.length > LISTED_ISSUES - 1 ? `\n… and ${rest.length - (LISTED_ISSUES - 1)} more` : '';
  return new ConfigError(`${first.message}${listed.join('')}${more}`, first.location, { issues: sorted });
}

function buildSyntaxIssues(source: ConfigSource): ConfigIssue[] {
  const toIssue = (error: YAMLError): ConfigIssue => {
    const { line, col } = source.lineCounter.linePos(error.pos[0]);
    const message = `invalid YAML: ${error.message.split('\n')[0]}`;
    return { location: { file: source.file, line, column: col }, message };
  };
  // After the first syntax error the parser's later complaints are mostly its consequences; the
  // first one, at its position, is what the user needs to fix.
  const first = source.doc.errors[0] ?? source.doc.warnings[0];
  return first ? [toIssue(first)] : [];
}

/** The document as plain data; an alias without its anchor is reported at the alias. */
function readValue(source: ConfigSource): unknown {
  const issues: ConfigIssue[] = [];
  visit(source.doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.resolve(source.doc) === undefined) {
        const { line, col } = source.lineCounter.linePos(node.range?.[0] ?? 0);
        issues.push({
          location: { file: source.file, line, column: col },
          message: `invalid YAML: alias *${node.source} has no anchor &${node.source} before it`,
        });
      }
    },
  });
  if (issues.length > 0) throw buildConfigError(issues);
  return dropNulls(source.doc.toJS({ maxAliasCount: 100 }));
}

/** An empty value (`policy:` with nothing under it) means "not set", as in GitHub's own YAML files. */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    // defineProperty: a `__proto__` key stays a plain key (and is then rejected as unknown).
    if (entry !== null)
      Object.defineProperty(out, key, {
        value: dropNulls(entry),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}
