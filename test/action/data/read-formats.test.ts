/**
 * The same content as CSV, JSON Lines and Parquet must give equal tables; each format's own
 * errors. Parquet files are written here with hyparquet-writer (a dev dependency).
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readCsv } from '../../../action/data/read-csv.js';
import { readJsonl } from '../../../action/data/read-jsonl.js';
import { readParquet } from '../../../action/data/read-parquet.js';
import { DataError } from '../../../shared/errors.js';
import { createTempDir, plainTable, rowsOf } from './table-fixtures.js';

const temp = createTempDir('formats');
afterAll(() => temp.remove());

const CSV = ['id,score,group,flag', '1,0.25,a,true', '2,,b,false', '3,0.75,,true', '4,1e-3,a,'].join('\n');
const JSONL = [
  '{"id":1,"score":0.25,"group":"a","flag":true}',
  '{"id":2,"score":null,"group":"b","flag":false}',
  '',
  '{"id":3,"score":0.75,"flag":true}',
  '{"id":4,"score":0.001,"group":"a"}',
].join('\n');

type WriteOptions = Parameters<typeof parquetWriteBuffer>[0];

function writeParquet(
  name: string,
  columnData: WriteOptions['columnData'],
  options: Omit<WriteOptions, 'columnData'> = {},
): string {
  return temp.write(name, new Uint8Array(parquetWriteBuffer({ ...options, columnData })));
}

const SAME_CONTENT = [
  { name: 'id', data: [1n, 2n, 3n, 4n], type: 'INT64' as const },
  { name: 'score', data: [0.25, null, 0.75, 0.001], type: 'DOUBLE' as const },
  { name: 'group', data: ['a', 'b', null, 'a'], type: 'STRING' as const },
  { name: 'flag', data: [true, false, true, null], type: 'BOOLEAN' as const },
];

describe('CSV, JSON Lines and Parquet round trips', () => {
  it('give equal tables for the same content', async () => {
    const csv = plainTable(await readCsv(temp.write('same.csv', CSV)));
    const jsonl = plainTable(await readJsonl(temp.write('same.jsonl', JSONL)));
    const parquet = plainTable(await readParquet(writeParquet('same.parquet', SAME_CONTENT)));
    const splitPath = writeParquet('split.parquet', SAME_CONTENT, { rowGroupSize: 3 });
    expect(parquetMetadata(new Uint8Array(readFileSync(splitPath)).buffer).row_groups).toHaveLength(2);
    const split = plainTable(await readParquet(splitPath));
    const gzip = writeParquet('gzip.parquet', SAME_CONTENT, {
      codec: 'GZIP',
      compressors: { GZIP: (b: Uint8Array) => gzipSync(b) },
    });
    const brotli = writeParquet('brotli.parquet', SAME_CONTENT, {
      codec: 'BROTLI',
      compressors: { BROTLI: (b: Uint8Array) => brotliCompressSync(b) },
    });
    expect(csv).toEqual({
      rowCount: 4,
      names: ['id', 'score', 'group', 'flag'],
      columns: {
        id: { kind: 'numeric', values: [1, 2, 3, 4] },
        score: { kind: 'numeric', values: [0.25, Number.NaN, 0.75, 0.001] },
        group: { kind: 'categorical', codes: [0, 1, -1, 0], levels: ['a', 'b'] },
        flag: { kind: 'categorical', codes: [0, 1, 0, -1], levels: ['true', 'false'] },
      },
    });
    expect(jsonl).toEqual(csv);
    expect(parquet).toEqual(csv);
    expect(split).toEqual(csv);
    expect(plainTable(await readParquet(gzip))).toEqual(csv);
    expect(plainTable(await readParquet(brotli))).toEqual(csv);
  });

  it('apply the column options the same way in every format', async () => {
    const options = { columns: ['id', 'group'], categorical: ['id'], displayPath: 'data/x' };
    const csv = await readCsv(temp.write('opts.csv', CSV), options);
    const jsonl = await readJsonl(temp.write('opts.jsonl', JSONL), options);
    const parquet = await readParquet(writeParquet('opts.parquet', SAME_CONTENT), options);
    for (const table of [csv, jsonl, parquet]) {
      expect(table.source).toBe('data/x');
      expect(rowsOf(table)).toEqual([
        ['1', 'a'],
        ['2', 'b'],
        ['3', ''],
        ['4', 'a'],
      ]);
    }
  });
});

async function messageOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => new Error('expected a DataError'),
    (e: unknown) => e,
  );
  if (!(error instanceof DataError)) throw error;
  return error.message;
}

describe('readJsonl', () => {
  it.each([
    ['{"a":1}\n{"a":\n', 'x.jsonl, row 2: invalid JSON on line 2: '],
    ['{"a":1}\n\n[1,2]\n', 'x.jsonl, row 2: line 3 is not a JSON object'],
    [
      '{"a":1}\n{"a":{"b":2}}\n',
      'x.jsonl, row 2, column "a": nested objects and arrays are not supported; flatten the data (line 2)',
    ],
    [
      '{"a":[1]}\n',
      'x.jsonl, row 1, column "a": nested objects and arrays are not supported; flatten the data (line 1)',
    ],
    ['{"":1}\n', 'x.jsonl, row 1: empty key on line 1'],
    [
      '{"a":1}\n\n{"a":1e999}\n',
      'x.jsonl, row 2, column "a": Infinity is not a usable value (numbers must be finite) (line 3)',
    ],
  ])('rejects %j', async (text, message) => {
    expect(await messageOf(readJsonl(temp.write('bad.jsonl', text), { displayPath: 'x.jsonl' }))).toContain(
      message,
    );
  });

  it('rejects text in a column requested numeric, naming row, column and line', async () => {
    const path = temp.write('num.jsonl', '{"a":1}\r\n\r\n{"a":"two"}\r\n');
    expect(await messageOf(readJsonl(path, { displayPath: 'x.jsonl', numeric: ['a'] }))).toBe(
      'x.jsonl, row 2, column "a": expected a number, found "two" (line 3)',
    );
  });

  it('takes columns from the union of keys in first-seen order, missing keys as empty cells', async () => {
    const path = temp.write('union.jsonl', '{"a":1}\n{"b":"x"}\n{"b":"y","a":2,"c":null}\n');
    expect(plainTable(await readJsonl(path))).toEqual({
      rowCount: 3,
      names: ['a', 'b', 'c'],
      columns: {
        a: { kind: 'numeric', values: [1, Number.NaN, 2] },
        b: { kind: 'categorical', codes: [-1, 0, 1], levels: ['x', 'y'] },
        c: { kind: 'numeric', values: [Number.NaN, Number.NaN, Number.NaN] },
      },
    });
  });

  it('reads a BOM, CRLF, mixed-type columns as text and empty strings as empty', async () => {
    const path = temp.write('mixed.jsonl', '\uFEFF{"v":1,"s":""}\r\n{"v":"x","s":"y"}\r\n');
    expect(plainTable(await readJsonl(path)).columns).toEqual({
      v: { kind: 'categorical', codes: [0, 1], levels: ['1', 'x'] },
      s: { kind: 'categorical', codes: [-1, 0], levels: ['y'] },
    });
  });
});

describe('readParquet', () => {
  it('reads numeric physical types as numbers and timestamps as ISO text, across row groups', async () => {
    const path = writeParquet(
      'types.parquet',
      [
        { name: 'i32', data: new Int32Array([1, -2]), type: 'INT32', nullable: false },
        { name: 'f32', data: new Float32Array([0.5, 1.5]), type: 'FLOAT', nullable: false },
        { name: 'f64', data: new Float64Array([Number.NaN, 2]), type: 'DOUBLE', nullable: false },
        { name: 'i64', data: [-(2n ** 53n - 1n), 7n], type: 'INT64' },
        { name: 'ts', data: [new Date(0), null], type: 'TIMESTAMP' },
      ],
      { rowGroupSize: 1 },
    );
    expect(plainTable(await readParquet(path)).columns).toEqual({
      i32: { kind: 'numeric', values: [1, -2] },
      f32: { kind: 'numeric', values: [0.5, 1.5] },
      f64: { kind: 'numeric', values: [Number.NaN, 2] },
      i64: { kind: 'numeric', values: [-(2 ** 53 - 1), 7] },
      ts: { kind: 'categorical', codes: [0, -1], levels: ['1970-01-01T00:00:00.000Z'] },
    });
  });

  it('rejects integers a float64 cannot hold exactly, and infinities', async () => {
    const big = writeParquet('big.parquet', [{ name: 'n', data: [1n, 2n ** 53n], type: 'INT64' }]);
    expect(await messageOf(readParquet(big, { displayPath: 'p.parquet' }))).toBe(
      'p.parquet, row 2, column "n": integer 9007199254740992 is outside ±(2^53 − 1), the range a float64 holds exactly',
    );
    const inf = writeParquet('inf.parquet', [
      { name: 'x', data: new Float64Array([1, Number.POSITIVE_INFINITY]), type: 'DOUBLE', nullable: false },
    ]);
    expect(await messageOf(readParquet(inf, { displayPath: 'p.parquet' }))).toBe(
      'p.parquet, row 2, column "x": Infinity is not a usable value (numbers must be finite)',
    );
  });

  it('rejects nested values, text in a numeric column, and files that are not Parquet', async () => {
    const json = writeParquet('json.parquet', [{ name: 'j', data: [{ a: 1 }], type: 'JSON' }]);
    expect(await messageOf(readParquet(json, { displayPath: 'p.parquet' }))).toBe(
      'p.parquet, row 1, column "j": nested objects, arrays and binary values are not supported; flatten the data into scalar columns',
    );
    const text = writeParquet('text.parquet', [{ name: 's', data: ['a'], type: 'STRING' }]);
    expect(await messageOf(readParquet(text, { displayPath: 'p.parquet', numeric: ['s'] }))).toBe(
      'p.parquet, row 1, column "s": expected a number, found "a"',
    );
    expect(
      await messageOf(readParquet(temp.write('fake.parquet', 'a,b\n1,2\n'), { displayPath: 'p.parquet' })),
    ).toMatch(/^p\.parquet: not a readable Parquet file: /);
  });
});
