/**
 * Organisation defaults through `_extends`, the way Probot's `context.config` reads them: the
 * repository file extends `repo`, `owner/repo` or `owner/repo:path.yml`; objects merge deeply,
 * arrays concatenate (base first), scalars of the extending file win.
 */
import { type Document, isMap, isScalar, type LineCounter } from 'yaml';
import type { SourceLocation } from '../../shared/errors.js';

export interface ConfigRef {
  owner: string;
  repo: string;
  path: string;
}

const EXTENDS = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;

/** Reads an `_extends` value; null when it is not of a supported form. */
export function parseExtends(value: unknown, from: ConfigRef): ConfigRef | null {
  if (typeof value !== 'string') return null;
  const match = EXTENDS.exec(value.trim());
  if (match === null) return null;
  return { owner: match[1] ?? from.owner, repo: match[2] as string, path: match[3] ?? from.path };
}

/** Deep merge, later sources winning for scalars; arrays concatenate; `_extends` is dropped. */
export function mergeConfigs(sources: readonly unknown[]): unknown {
  return sources.reduce((merged, source) => mergeTwo(merged, source), undefined);
}

function mergeTwo(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (Array.isArray(base) && Array.isArray(over)) return [...base, ...over];
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(base), ...Object.keys(over)])) {
      if (key === '_extends') continue;
      Object.defineProperty(out, key, {
        value: mergeTwo(base[key], over[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return isPlainObject(over) ? mergeTwo({}, over) : over;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ParsedSource {
  /** The label used in messages and annotations (a repository path for the repository's own file). */
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

/**
 * Where a key path (`models.churn.gates.roc_auc.min`) is written in the first source that has
 * it, so errors in merged configurations still point at a file and line. Keys may contain dots
 * (model names), so segments are matched greedily against the keys present.
 */
export function locateKeyPath(
  path: string | undefined,
  sources: readonly ParsedSource[],
): SourceLocation | null {
  if (path === undefined || path.length === 0) return null;
  for (const source of sources) {
    const range = findRange(source.doc.contents, path);
    if (range !== null) {
      const { line, col } = source.lineCounter.linePos(range);
      return { file: source.file, line, column: col, path };
    }
  }
  return null;
}

function findRange(node: unknown, rest: string): number | null {
  if (!isMap(node)) return null;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : null;
    if (key === null) continue;
    if (rest === key) return pair.key && isScalar(pair.key) ? (pair.key.range?.[0] ?? null) : null;
    if (rest.startsWith(`${key}.`)) {
      const inner = findRange(pair.value, rest.slice(key.length + 1));
      if (inner !== null) return inner;
    }
  }
  return null;
}
