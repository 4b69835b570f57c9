import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { hashFile } from '../../../action/data/hash-file.js';
import { readTable } from '../../../action/data/read-table.js';
import { DataError } from '../../../shared/errors.js';
import { createTempDir, rowsOf } from './table-fixtures.js';

const temp = createTempDir('read-table');
afterAll(() => temp.remove());

async function messageOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => new Error('expected a DataError'),
    (e: unknown) => e,
  );
  if (!(error instanceof DataError)) throw error;
  return error.message;
}

describe('readTable', () => {
  it.each([
    ['eval.csv', 'a,b\n1,x\n'],
    ['EVAL.CSV', 'a,b\n1,x\n'],
    ['eval.jsonl', '{"a":1,"b":"x"}\n'],
    ['eval.ndjson', '{"a":1,"b":"x"}\n'],
  ])('reads %s by its extension', async (name, content) => {
    expect(rowsOf(await readTable(temp.write(name, content)))).toEqual([[1, 'x']]);
  });

  it('reads .parquet', async () => {
    const buffer = parquetWriteBuffer({ columnData: [{ name: 'a', data: [1, 2], type: 'DOUBLE' }] });
    expect(rowsOf(await readTable(temp.write('eval.parquet', new Uint8Array(buffer))))).toEqual([[1], [2]]);
  });

  it('takes the extension from displayPath when the path has none', async () => {
    const table = await readTable(temp.write('blob', 'a\n1\n'), { displayPath: 'data/eval.csv' });
    expect(table.source).toBe('data/eval.csv');
  });

  it.each([
    [
      'eval.tsv',
      'data/eval.tsv: unsupported data file type (".tsv"): expected .csv, .jsonl, .ndjson or .parquet',
    ],
    [
      'eval',
      'data/eval: unsupported data file type (no extension): expected .csv, .jsonl, .ndjson or .parquet',
    ],
  ])('rejects %s', async (name, message) => {
    expect(await messageOf(readTable(temp.write(name, 'a\n1\n'), { displayPath: `data/${name}` }))).toBe(
      message,
    );
  });

  it('reports a missing file and a directory by their display path', async () => {
    expect(await messageOf(readTable(join(temp.dir, 'nope.csv'), { displayPath: 'data/nope.csv' }))).toBe(
      'data/nope.csv: file not found',
    );
    mkdirSync(join(temp.dir, 'folder.csv'));
    expect(await messageOf(readTable(join(temp.dir, 'folder.csv')))).toMatch(
      /folder\.csv: is a directory, not a data file$/,
    );
  });

  it('rejects empty files and files without data rows unless allowEmpty', async () => {
    const headerOnly = temp.write('header.csv', 'a,b\r\n');
    expect(await messageOf(readTable(temp.write('empty.csv', ''), { displayPath: 'e.csv' }))).toBe(
      'e.csv: the file is empty: a header row is required',
    );
    expect(await messageOf(readTable(temp.write('empty.jsonl', '\n\n'), { displayPath: 'e.jsonl' }))).toBe(
      'e.jsonl: the file is empty; there is nothing to evaluate',
    );
    expect(await messageOf(readTable(headerOnly, { displayPath: 'h.csv' }))).toBe(
      'h.csv: the file has a header but no data rows; there is nothing to evaluate',
    );
    const table = await readTable(headerOnly, { allowEmpty: true });
    expect([table.rowCount, table.names]).toEqual([0, ['a', 'b']]);
  });
});

describe('hashFile', () => {
  it('streams the SHA-256 and size of a file', async () => {
    // Known vectors: SHA-256("abc") from FIPS 180-2; the empty string's digest.
    expect(await hashFile(temp.write('abc.txt', 'abc'))).toEqual({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      bytes: 3,
    });
    expect(await hashFile(temp.write('empty.txt', ''))).toEqual({
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      bytes: 0,
    });
  });

  it('hashes a file larger than one read chunk', async () => {
    // SHA-256 of one million 'a' (FIPS 180-2 test vector).
    const path = temp.write('million.txt', 'a'.repeat(1_000_000));
    expect(await hashFile(path)).toEqual({
      sha256: 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
      bytes: 1_000_000,
    });
  });

  it('reports a missing file as a DataError naming the display path', async () => {
    expect(await messageOf(hashFile(join(temp.dir, 'none.onnx'), 'models/none.onnx'))).toBe(
      'models/none.onnx: file not found',
    );
  });
});
