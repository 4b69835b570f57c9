/** monitor.data: a path, or a glob whose last match in path order is the fresh extract. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveDataFile, segmentRegex } from '../../../action/monitor/resolve-data-file.js';
import { DataError, PathError } from '../../../shared/errors.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'modelgate-glob-'));
  for (const file of [
    'data/fresh/2024-04.csv',
    'data/fresh/2024-05.csv',
    'data/fresh/2024-05.jsonl',
    'data/fresh/.hidden.csv',
    'data/eu/deep/2024-06.csv',
    'node_modules/x/2099-01.csv',
  ]) {
    mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(root, file), 'a\n1\n');
  }
  symlinkSync('/etc', path.join(root, 'data/outside'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test.each([
  ['data/fresh/2024-04.csv', 'data/fresh/2024-04.csv'],
  ['data/fresh/*.csv', 'data/fresh/2024-05.csv'],
  ['data/fresh/2024-0[4]*', 'data/fresh/2024-04.csv'],
  ['data/fresh/2024-0?.*', 'data/fresh/2024-05.jsonl'],
  ['data/**/*.csv', 'data/fresh/2024-05.csv'],
  ['**/2024-06.csv', 'data/eu/deep/2024-06.csv'],
  ['./data//fresh/*.csv', 'data/fresh/2024-05.csv'],
])('%s → %s', async (pattern, expected) => {
  const found = await resolveDataFile(root, pattern, 'models.churn.monitor.data');
  expect(found.displayPath).toBe(expected);
  expect(found.path.endsWith(expected)).toBe(true);
});

test('no match is a DataError naming the pattern and the key', async () => {
  await expect(resolveDataFile(root, 'data/fresh/*.parquet', 'models.churn.monitor.data')).rejects.toThrow(
    DataError,
  );
  await expect(resolveDataFile(root, 'data/fresh/*.parquet', 'models.churn.monitor.data')).rejects.toThrow(
    'no file matches the pattern "data/fresh/*.parquet" (models.churn.monitor.data)',
  );
});

test('paths that leave the repository are refused', async () => {
  await expect(resolveDataFile(root, '../x/*.csv', 'models.churn.monitor.data')).rejects.toThrow(PathError);
  await expect(resolveDataFile(root, 'data/outside/passwd', 'models.churn.monitor.data')).rejects.toThrow(
    /outside the repository/,
  );
});

test('segment patterns: dot files only match a leading dot; brackets, negation', () => {
  expect(segmentRegex('*.csv').test('.hidden.csv')).toBe(false);
  expect(segmentRegex('.*.csv').test('.hidden.csv')).toBe(true);
  expect(segmentRegex('[!a]x').test('bx')).toBe(true);
  expect(segmentRegex('[!a]x').test('ax')).toBe(false);
  expect(segmentRegex('a+b(1).csv').test('a+b(1).csv')).toBe(true);
});
