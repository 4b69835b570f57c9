/** Helpers for configuration error tests: parse, expect a ConfigError, and find one issue. */
import type { ConfigIssue } from '../../../shared/config/config-source.js';
import { parseConfig } from '../../../shared/config/parse-config.js';
import { ConfigError } from '../../../shared/errors.js';

export const FILE = '.github/modelgate.yml';

/** Parses text that must fail and returns the ConfigError. */
export function configError(text: string): ConfigError {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but the configuration parsed');
}

export interface ExpectedIssue {
  line: number;
  column: number;
  path?: string;
  message: RegExp;
}

/** Asserts that parsing fails with an issue at exactly this position, key path and message. */
export function expectIssue(text: string, expected: ExpectedIssue): ConfigIssue[] {
  const { issues } = configError(text);
  const location: Record<string, unknown> = { file: FILE, line: expected.line, column: expected.column };
  if (expected.path !== undefined) location.path = expected.path;
  expect(issues).toContainEqual({ location, message: expect.stringMatching(expected.message) });
  return [...issues];
}

/** Joins lines with newlines (and a final one), so a case reads as the file it is. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The head of a file with one binary model `m`; model keys follow at 4 spaces (line 7 onwards). */
export const HEAD = [
  'version: 1', // 1
  'models:', // 2
  '  m:', // 3
  '    artifact: models/m/model.onnx', // 4
  '    data: data/eval.csv', // 5
  '    target: y', // 6
];
