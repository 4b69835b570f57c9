/**
 * Promotion tag patterns such as `{model}@v{version}` or `models/{model}/{version}`: parsing,
 * validation and the regular expressions that match tags against them.
 */
import { ConfigError } from '../errors.js';
import { SEMVER_SOURCE } from './semver.js';

export type TagPatternPart = { kind: 'literal'; text: string } | { kind: 'model' } | { kind: 'version' };

/** A validated tag pattern: exactly one `{model}` and one `{version}`, the rest literal text. */
export interface TagPattern {
  /** The pattern as written. */
  source: string;
  parts: readonly TagPatternPart[];
}

/** Model names as the configuration allows them (letters, digits, `- _ / .`). */
const MODEL_SOURCE = '[A-Za-z0-9][A-Za-z0-9_./-]*';

/**
 * Parses and validates a tag pattern (`release.tag`). The literal parts may contain any characters
 * a git tag may contain; `{model}` may stand for a name with slashes (`team/churn`).
 * @param options.file the configuration file named in errors (default `.github/modelgate.yml`).
 * @throws ConfigError at `release.tag` for an unknown placeholder, a missing or repeated
 *   `{model}`/`{version}`, adjacent placeholders, or characters git forbids in tag names.
 */
export function parseTagPattern(pattern: string, options: { file?: string } = {}): TagPattern {
  const fail = (message: string): never => {
    throw new ConfigError(`tag pattern "${pattern}" ${message}`, {
      file: options.file ?? '.github/modelgate.yml',
      path: 'release.tag',
    });
  };
  const parts: TagPatternPart[] = [];
  for (const piece of pattern.split(/(\{[^{}]*\})/)) {
    if (piece === '') continue;
    if (piece === '{model}' || piece === '{version}')
      parts.push({ kind: piece === '{model}' ? 'model' : 'version' });
    else if (piece.startsWith('{') && piece.endsWith('}'))
      fail(`has an unknown placeholder ${piece}; use {model} and {version}`);
    else if (/[{}]/.test(piece)) fail('has an unmatched brace');
    else parts.push({ kind: 'literal', text: piece });
  }
  for (const kind of ['model', 'version'] as const) {
    const count = parts.filter((p) => p.kind === kind).length;
    if (count !== 1) fail(`must contain {${kind}} exactly once (found ${count})`);
  }
  const adjacent = parts.some(
    (p, i) => p.kind !== 'literal' && (parts[i + 1]?.kind ?? 'literal') !== 'literal',
  );
  if (adjacent) fail('needs literal text between {model} and {version}');
  const problem = validateTagName(renderPattern(parts, 'model', '1.0.0'));
  if (problem) fail(`does not give a valid git tag name: ${problem}`);
  return { source: pattern, parts };
}

/**
 * Builds an anchored regex for the pattern. With `model` given, the model part matches that name
 * literally, so `churn` never matches tags of `churn-eu` or `team/churn`; otherwise it captures any
 * valid model name (group `model`). The version is captured as group `version` (full semver grammar).
 */
export function buildTagRegex(pattern: TagPattern, model?: string): RegExp {
  const body = pattern.parts
    .map((part) => {
      if (part.kind === 'literal') return escapeRegex(part.text);
      if (part.kind === 'version') return `(?<version>${SEMVER_SOURCE})`;
      return model === undefined ? `(?<model>${MODEL_SOURCE})` : escapeRegex(model);
    })
    .join('');
  return new RegExp(`^${body}$`);
}

/** Substitutes model name and version into the pattern, without any validation. */
export function renderPattern(parts: readonly TagPatternPart[], model: string, version: string): string {
  return parts.map((p) => (p.kind === 'literal' ? p.text : p.kind === 'model' ? model : version)).join('');
}

/**
 * Checks a tag name against git's ref-name rules (git-check-ref-format).
 * @returns a description of the first problem, or null when the name is valid.
 */
export function validateTagName(name: string): string | null {
  if (name === '' || name === '@') return 'it is empty or "@"';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: git forbids control characters in refs
  const bad = /[\x00-\x20\x7f~^:?*[\\]/.exec(name);
  if (bad) return `it contains the forbidden character ${JSON.stringify(bad[0])}`;
  if (name.includes('..')) return 'it contains ".."';
  if (name.includes('@{')) return 'it contains "@{"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return 'it has an empty path component';
  if (name.startsWith('-')) return 'it starts with "-"';
  if (name.endsWith('.')) return 'it ends with "."';
  const components = name.split('/');
  if (components.some((c) => c.startsWith('.'))) return 'a path component starts with "."';
  if (components.some((c) => c.endsWith('.lock'))) return 'a path component ends with ".lock"';
  return null;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
