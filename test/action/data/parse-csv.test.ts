import { parseCsv } from '../../../action/data/parse-csv.js';
import { DataError } from '../../../shared/errors.js';
import { plainTable, rowsOf } from './table-fixtures.js';

const parse = (
  text: string | Uint8Array,
  options: Parameters<typeof parseCsv>[1] = { file: 'data/eval.csv' },
) => parseCsv(Buffer.from(text), options);

function errorOf(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('parseCsv: RFC 4180 fields', () => {
  it.each([
    ['LF', 'a,b\n1,x\n2,y\n'],
    ['CRLF', 'a,b\r\n1,x\r\n2,y\r\n'],
    ['no final line break', 'a,b\n1,x\n2,y'],
    ['UTF-8 BOM', '\uFEFFa,b\n1,x\n2,y\n'],
    ['BOM and CRLF without final break', '\uFEFFa,b\r\n1,x\r\n2,y'],
    ['lone CR (old Mac)', 'a,b\r1,x\r2,y\r'],
    ['blank lines skipped', 'a,b\n\n1,x\r\n\r\n2,y\n\n\n'],
    ['quoted header and cells', '"a","b"\n"1","x"\n"2","y"\n'],
  ])('%s', (_label, text) => {
    const table = parse(text);
    expect(table.names).toEqual(['a', 'b']);
    expect(rowsOf(table)).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
    expect(table.source).toBe('data/eval.csv');
  });

  it('reads quoted fields with commas, doubled quotes and embedded line breaks', () => {
    const text =
      'id,text,n\n1,"a, b",1\n2,"say ""hi""",2\n3,"line1\nline2\r\nline3",3\n4,"""",4\n5,"",5\n6,"x""",6\n';
    expect(rowsOf(parse(text))).toEqual([
      [1, 'a, b', 1],
      [2, 'say "hi"', 2],
      [3, 'line1\nline2\r\nline3', 3],
      [4, '"', 4],
      [5, '', 5],
      [6, 'x"', 6],
    ]);
  });

  it('keeps a quote inside an unquoted field as text, and unicode as written', () => {
    expect(rowsOf(parse('a,b\n5",ünï ✓\n'))).toEqual([['5"', 'ünï ✓']]);
  });

  it('treats empty cells as NaN (numeric) and -1 (categorical), trailing empty field included', () => {
    const table = plainTable(parse('n,c,last\n1,,\n,x,2\n3,y,\n'));
    expect(table.columns).toEqual({
      n: { kind: 'numeric', values: [1, Number.NaN, 3] },
      c: { kind: 'categorical', codes: [-1, 0, 1], levels: ['x', 'y'] },
      last: { kind: 'numeric', values: [Number.NaN, 2, Number.NaN] },
    });
  });

  it('returns zero rows for a header-only file', () => {
    const table = parse('a,b\n');
    expect(table.rowCount).toBe(0);
    expect(plainTable(table).columns.a).toEqual({ kind: 'numeric', values: [] });
  });

  it('handles a single-column file and a comma at the very end of the file', () => {
    expect(rowsOf(parse('a\n1\n2'))).toEqual([[1], [2]]);
    expect(rowsOf(parse('a,b\n1,'))).toEqual([[1, '']]);
  });
});

describe('parseCsv: type inference', () => {
  it('makes a column numeric when every non-empty cell is a number', () => {
    const table = plainTable(parse('i,d,e,s\n1,1.5,1e3,+2\n-2,.5,2.5E-2,-0\n003,5.,-1e+2,  7 \n'));
    expect(table.columns).toEqual({
      i: { kind: 'numeric', values: [1, -2, 3] },
      d: { kind: 'numeric', values: [1.5, 0.5, 5] },
      e: { kind: 'numeric', values: [1000, 0.025, -100] },
      s: { kind: 'numeric', values: [2, -0, 7] },
    });
  });

  it('parses quoted numbers as numbers', () => {
    expect(plainTable(parse('a\n"1.25"\n"-3"\n')).columns.a).toEqual({ kind: 'numeric', values: [1.25, -3] });
  });

  it('reads full-precision floats exactly as Number() does', () => {
    const values = [
      0.1,
      1 / 3,
      -2 / 3,
      Math.PI,
      1e-300,
      123456789.12345679,
      2 ** 53 + 2,
      0.30000000000000004,
    ];
    const table = parse(`x\n${values.map(String).join('\n')}\n`);
    expect(plainTable(table).columns.x).toEqual({ kind: 'numeric', values });
  });

  it('switches a column to categorical at its first text cell, keeping earlier cells as written', () => {
    const text = 'code,v\n01,1\n1.50,2\n,3\n01,4\nabc,5\n2,6\n';
    expect(plainTable(parse(text)).columns.code).toEqual({
      kind: 'categorical',
      codes: [0, 1, -1, 0, 2, 3],
      levels: ['01', '1.50', 'abc', '2'],
    });
  });

  it.each(['NaN', 'nan', 'inf', '-inf', 'Infinity', '1e999', '0x10', '1_000', '1.2.3', '1e', '-', '.', ' '])(
    'treats %j as text: the column becomes categorical',
    (cell) => {
      const column = parse(`a,b\n1,x\n"${cell}",y\n`).columns.get('a')!;
      expect(column.kind).toBe('categorical');
      expect(column.kind === 'categorical' && column.levels).toEqual(['1', cell]);
    },
  );

  it('makes a column with no non-empty cell numeric (all NaN)', () => {
    expect(plainTable(parse('a,b\n,1\n,2\n')).columns.a).toEqual({
      kind: 'numeric',
      values: [Number.NaN, Number.NaN],
    });
  });

  it('keeps columns requested as categorical as text', () => {
    const table = plainTable(
      parse('zip,n\n01234,1\n99,2\n01234,3\n', { file: 'f.csv', categorical: ['zip'] }),
    );
    expect(table.columns.zip).toEqual({ kind: 'categorical', codes: [0, 1, 0], levels: ['01234', '99'] });
    expect(table.columns.n).toEqual({ kind: 'numeric', values: [1, 2, 3] });
  });

  it('materialises only the requested columns, in file order', () => {
    const table = parse('a,b,c\n1,x,2\n3,y,4\n', { file: 'f.csv', columns: ['c', 'a'] });
    expect(table.names).toEqual(['a', 'c']);
    expect(rowsOf(table)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('keeps the row count when no column is requested', () => {
    const table = parse('a,b\n1,2\n3,4\n', { file: 'f.csv', columns: [] });
    expect([table.rowCount, table.names]).toEqual([2, []]);
  });

  it('grows its arrays when the row estimate from the first 64 KiB is short', () => {
    const long = 'x'.repeat(3000);
    const head = Array.from({ length: 40 }, (_, i) => `${i},${long}${i},${i}`);
    const tail = Array.from(
      { length: 20000 },
      (_, i) => `${i + 40},${i % 3 === 0 ? 'short' : 'tiny'},${i + 40}`,
    );
    // The last cell of `late` is text: the column turns categorical after the arrays have grown.
    const table = parse(`n,t,late\n${[...head, ...tail].join('\n').replace(/20039$/, 'end')}\n`);
    expect(table.rowCount).toBe(20040);
    const n = table.columns.get('n')!;
    expect(n.kind === 'numeric' && [n.values.length, n.values[0], n.values[20039]]).toEqual([
      20040, 0, 20039,
    ]);
    const t = table.columns.get('t')!;
    expect(t.kind === 'categorical' && [t.codes.length, t.levels.length, t.levels.at(-1)]).toEqual([
      20040,
      42,
      'tiny',
    ]);
    const late = table.columns.get('late')!;
    expect(
      late.kind === 'categorical' && [late.codes.length, late.levels.length, late.levels[7], late.codes[7]],
    ).toEqual([20040, 20040, '7', 7]);
    expect(late.kind === 'categorical' && late.levels[late.codes[20039]!]).toBe('end');
  });
});

describe('parseCsv: errors name the file, row, column and line', () => {
  it.each([
    ['', 'data/eval.csv: the file is empty: a header row is required'],
    ['\uFEFF\r\n \n', 'data/eval.csv: the file is empty: a header row is required'],
    ['a,,b\n1,2,3\n', 'data/eval.csv: header column 2 has an empty name'],
    ['a,b,a\n1,2,3\n', 'data/eval.csv, column "a": duplicate column name in the header (columns 1 and 3)'],
    ['a,b\n1,2\n3\n', 'data/eval.csv, row 2: expected 2 fields but found 1 (line 3)'],
    ['a,b\n1,2\n3,4,5\n', 'data/eval.csv, row 2: expected 2 fields but found 3 (line 3)'],
    ['a,b\n"x\ny",2\n\n3\n', 'data/eval.csv, row 2: expected 2 fields but found 1 (line 5)'],
    [
      'a,b\r\n1,2\r\n3,"x\r\n',
      'data/eval.csv, row 2: unterminated quoted field (a " is never closed) (line 3)',
    ],
    [
      'a,b\n1,"x"y\n',
      'data/eval.csv, row 1: unexpected character after a closing quote (quotes inside a field must be doubled) (line 2)',
    ],
  ])('%j', (text, message) => {
    expect(errorOf(() => parse(text)).message).toBe(message);
  });

  it('rejects text in a column requested as numeric, naming row, column and cell', () => {
    const error = errorOf(() => parse('id,age\n1,30\n2,\n3,thirty\n', { file: 'f.csv', numeric: ['age'] }));
    expect(error.message).toBe('f.csv, row 3, column "age": expected a number, found "thirty"');
    expect([error.file, error.row, error.column]).toEqual(['f.csv', 3, 'age']);
  });

  it.each(['NaN', 'inf', '-Infinity'])('rejects the non-finite %j in a numeric column', (cell) => {
    const error = errorOf(() => parse(`age\n1\n${cell}\n`, { file: 'f.csv', numeric: ['age'] }));
    expect(error.message).toBe(`f.csv, row 2, column "age": expected a finite number, found "${cell}"`);
  });

  it('rejects option columns that are not in the file, listing the columns', () => {
    expect(errorOf(() => parse('a,b\n1,2\n', { file: 'f.csv', columns: ['a', 'zz'] })).message).toBe(
      'f.csv, column "zz": column not found (option columns); the file has columns: "a", "b"',
    );
    expect(
      errorOf(() => parse('a\n1\n', { file: 'f.csv', numeric: ['a'], categorical: ['a'] })).message,
    ).toBe('f.csv, column "a": column requested both numeric and categorical');
  });

  it('rejects text that is not UTF-8, naming the column', () => {
    const bytes = Buffer.concat([Buffer.from('a,name\n1,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    expect(errorOf(() => parse(bytes)).message).toBe(
      'data/eval.csv, column "name": contains text that is not valid UTF-8',
    );
  });
});
