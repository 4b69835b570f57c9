/**
 * The configuration text as a YAML document with positions: what turns a key path into
 * `file:line:column (key.path)` for every message.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { SourceLocation } from '../errors.js';

/** A key path into the file as written (snake_case keys, list indices). */
export type KeyPath = readonly (string | number)[];

/** One problem in the configuration, with its own location. */
export interface ConfigIssue {
  location: SourceLocation;
  message: string;
}

/**
 * Turns a key path into a location. `at: 'key'` points at the key itself (unknown keys), `'value'`
 * (default) at its value; a path that is not in the file points at the deepest key that is.
 */
export type Locate = (path: KeyPath, at?: 'key' | 'value') => SourceLocation;

/** A parsed YAML document and what is needed to report positions in it. */
export interface ConfigSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Parses YAML text into a document with positions; syntax errors are in `doc.errors`. */
export function parseConfigSource(text: string, file: string): ConfigSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { file, doc, lineCounter };
}

/**
 * Formats a key path: `models.churn.gates.roc_auc.min`, `policy.rules[1].name`; keys that are not
 * plain words are quoted (`models["fraud.v2"].task`).
 */
export function formatKeyPath(path: KeyPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z0-9_$/-]+$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Where a key path lands in the document: its key and value nodes, and how deep it was found. */
interface Found {
  key: Node | null;
  value: Node | null;
  depth: number;
}

function findInDocument(source: ConfigSource, path: KeyPath): Found {
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(source.doc) : node);
  let current: unknown = resolve(source.doc.contents);
  const found: Found = { key: null, value: (current as Node | null) ?? null, depth: 0 };
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair === undefined) break;
      found.key = pair.key as Node;
      current = resolve(pair.value);
    } else if (isSeq(current) && typeof segment === 'number' && segment < current.items.length) {
      current = resolve(current.items[segment]);
      found.key = (current as Node | null) ?? found.key;
    } else break;
    found.value = (current as Node | null) ?? null;
    found.depth++;
  }
  return found;
}

/** Builds the `Locate` function of a parsed source. */
export function buildLocate(source: ConfigSource): Locate {
  return (path, at = 'value') => {
    const found = findInDocument(source, path);
    const complete = found.depth === path.length;
    const valueNode = complete && at === 'value' && !isEmptyScalar(found.value) ? found.value : null;
    const node = valueNode ?? found.key ?? found.value;
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = source.lineCounter.linePos(offset);
    return { file: source.file, line, column: col, path: formatKeyPath(path) };
  };
}

function isEmptyScalar(node: Node | null): boolean {
  return isScalar(node) && node.value === null && (node.source ?? '') === '';
}

/** A locator without positions (a Config built by code rather than parsed): file and key path only. */
export function locateByPath(file: string): Locate {
  return (path) => ({ file, path: formatKeyPath(path) });
}
