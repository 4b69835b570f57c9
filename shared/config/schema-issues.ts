/**
 * zod issues rewritten for people: each names what was expected and what the file says, points at
 * the key or value in the YAML, and suggests the key or option that was probably meant.
 */
import type { z } from 'zod';
import type { Task } from '../metrics/registry.js';
import type { ConfigIssue, KeyPath, Locate } from './config-source.js';
import { formatKeyPath } from './config-source.js';
import { describeUnknownMetric, type MetricSection } from './metric-names.js';
import { didYouMean, explainUnknown, suggestName } from './suggest-name.js';

type ZodIssue = z.core.$ZodIssue;

/** What the schema issues are checked against: the schema, the value it was given, positions. */
export interface SchemaIssueContext {
  schema: z.ZodType;
  value: unknown;
  locate: Locate;
}

/** Rewrites every zod issue; unknown keys become one issue per key. */
export function buildSchemaIssues(issues: readonly ZodIssue[], ctx: SchemaIssueContext): ConfigIssue[] {
  return issues.flatMap((issue) => buildIssue(issue, ctx));
}

function buildIssue(issue: ZodIssue, ctx: SchemaIssueContext): ConfigIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      location: ctx.locate([...path, key], 'key'),
      message: describeUnknownKey([...path], key, ctx),
    }));
  }
  if (issue.code === 'invalid_key') {
    const reason = issue.issues[0]?.message ?? 'not a valid name';
    return [
      {
        location: ctx.locate(path, 'key'),
        message: `invalid name "${String(path.at(-1))}"; expected ${reason}`,
      },
    ];
  }
  const value = valueAt(ctx.value, path);
  const at = value === undefined ? 'key' : 'value';
  return [{ location: ctx.locate(path, at), message: describeValueIssue(issue, value) }];
}

function describeUnknownKey(parent: KeyPath, key: string, ctx: SchemaIssueContext): string {
  const section = metricSectionOf(parent);
  if (section !== null) {
    const modelPath = parent.slice(0, 2);
    const task = (valueAt(ctx.value, [...modelPath, 'task']) as Task | undefined) ?? undefined;
    const sectionBase = parent.slice(0, -1);
    const validTask = task === 'binary' || task === 'multiclass' || task === 'regression' ? task : undefined;
    return describeUnknownMetric({
      name: key,
      section,
      task: validTask,
      // Monitoring has no operational section: point at the model's own.
      sectionPath: (home) =>
        formatKeyPath(home === 'operational' ? [...modelPath, home] : [...sectionBase, home]),
    });
  }
  const allowed = objectKeysAt(ctx.schema, parent);
  const suggestion = suggestName(key, allowed);
  return explainUnknown(`unknown key "${key}"`, suggestion, `one of: ${allowed.join(', ')}`);
}

/** `models.<name>.gates|fairness|operational` and `models.<name>.monitor.gates|fairness`. */
function metricSectionOf(path: KeyPath): MetricSection | null {
  if (path[0] !== 'models') return null;
  const last = path.at(-1);
  const isModel = path.length === 3;
  const isMonitor = path.length === 4 && path[2] === 'monitor';
  if (!isModel && !isMonitor) return null;
  if (last === 'gates' || last === 'fairness') return last;
  if (last === 'operational' && isModel) return last;
  return null;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value lines)',
  record: 'a mapping (key: value lines)',
  array: 'a list',
};

function describeValueIssue(issue: ZodIssue, value: unknown): string {
  if (value === undefined) {
    const expected = issue.code === 'invalid_value' ? ` (expected ${describeOptions(issue.values)})` : '';
    return `missing required key "${String(issue.path.at(-1))}"${expected}`;
  }
  const got = `, got ${describeValue(value)}`;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const hint =
        issue.expected === 'number' && typeof value === 'string' && isNumeric(value)
          ? ' (remove the quotes)'
          : '';
      return `expected ${expected}${got}${hint}`;
    }
    case 'invalid_value':
      return describeInvalidOption(issue.values, value);
    case 'too_small':
      return `expected ${describeBound(issue.origin, '>', issue.minimum, issue.inclusive)}${got}`;
    case 'too_big':
      return `expected ${describeBound(issue.origin, '<', issue.maximum, issue.inclusive)}${got}`;
    case 'invalid_union':
      return `expected text, a number or true/false${got}`;
    case 'invalid_format':
      return `expected ${issue.message}${got}`;
    default:
      return `${issue.message}${got}`;
  }
}

function describeInvalidOption(values: readonly unknown[], value: unknown): string {
  const options = values.map((v) => String(v));
  const suggestion = typeof value === 'string' ? suggestName(value, options) : null;
  return `expected ${describeOptions(values)}, got ${describeValue(value)}${didYouMean(suggestion)}`;
}

function describeOptions(values: readonly unknown[]): string {
  return values.length === 1 ? String(values[0]) : `one of: ${values.map(String).join(', ')}`;
}

function describeBound(origin: string, side: '<' | '>', limit: number | bigint, inclusive = false): string {
  const n = Number(limit);
  if (origin === 'string') return side === '>' ? 'non-empty text' : `text of at most ${n} characters`;
  if (origin === 'array')
    return side === '>' ? `a list of at least ${n} item(s)` : `a list of at most ${n} items`;
  const op = `${side}${inclusive ? '=' : ''}`;
  return `a number ${op} ${n}`;
}

/** How a YAML value reads in a message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'nothing';
  if (typeof value === 'string') return `text ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

function isNumeric(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

/** The plain value at a key path, or undefined. */
export function valueAt(root: unknown, path: KeyPath): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Keys of the object schema at a key path (through optional/default wrappers, records, lists). */
export function objectKeysAt(schema: z.ZodType, path: KeyPath): string[] {
  let current: z.core.$ZodType | undefined = schema;
  for (const segment of [...path, null]) {
    current = unwrap(current);
    const def: Record<string, unknown> | undefined = current?._zod.def as unknown as Record<string, unknown>;
    if (def === undefined) return [];
    if (segment === null) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    if (def.type === 'object') current = (def.shape as Record<string, z.core.$ZodType>)[String(segment)];
    else if (def.type === 'record') current = def.valueType as z.core.$ZodType;
    else if (def.type === 'array') current = def.element as z.core.$ZodType;
    else return [];
  }
  return [];
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  while (current !== undefined) {
    const def = current._zod.def as unknown as { innerType?: z.core.$ZodType };
    if (def.innerType === undefined) return current;
    current = def.innerType;
  }
  return current;
}
