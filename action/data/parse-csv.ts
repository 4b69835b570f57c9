/**
 * CSV bytes → Table, in one pass over the bytes (plus, rarely, a re-read of one column; see
 * `switchToCategorical`). Numbers are parsed from bytes and text is interned from
 * bytes, so no cell becomes a string: at a million rows the per-cell allocation would dominate.
 */
import { buildTable, type Column, type Table } from '../../shared/data/table.js';
import { DataError } from '../../shared/errors.js';
import { ByteInterner } from './byte-interner.js';
import { estimateRows, isBlank, lineAt, startAfterBom } from './csv-bytes.js';
import { CsvCursor, type CsvFail } from './csv-cursor.js';
import { type ColumnRequest, quoteCell, type ReadOptions, resolveColumnRequests } from './read-options.js';

const SKIP = 0;
const NUMERIC = 1;
const CATEGORICAL = 2;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Where the reader is, for error messages. */
interface Position {
  file: string;
  bytes: Buffer;
  /** 1-based data row being read (0 while reading the header). */
  row: number;
}

/** Per-column state, as parallel arrays indexed by the column's position in the file. */
interface Columns {
  names: string[];
  kinds: Int8Array;
  forced: boolean[];
  values: (Float64Array | null)[];
  codes: (Int32Array | null)[];
  interners: (ByteInterner | null)[];
  capacity: number;
  dataStart: number;
}

/**
 * Parses a whole CSV file (see `readCsv` for the format and the type inference). `file` names the
 * file in errors and becomes `Table.source`. Throws DataError for every malformed input.
 */
export function parseCsv(bytes: Buffer, options: ReadOptions & { file: string }): Table {
  const { file } = options;
  const start = startAfterBom(bytes);
  if (isBlank(bytes, start)) throw new DataError('the file is empty: a header row is required', { file });
  const where: Position = { file, bytes, row: 0 };
  const fail: CsvFail = (message, offset) => failAt(where, message, offset);
  const cursor = new CsvCursor(bytes, start, fail);
  const names = readHeader(cursor, file);
  const columns = createColumns(names, resolveColumnRequests(names, options, file), bytes, cursor.pos);
  const rowCount = readRecords(cursor, columns, where);
  // rowCount given explicitly: with `columns: []` there is no column to take it from.
  return { ...buildTable(file, finishColumns(columns, rowCount, file)), rowCount };
}

function readHeader(cursor: CsvCursor, file: string): string[] {
  const names: string[] = [];
  const seen = new Map<string, number>();
  do {
    cursor.readField();
    const name = decodeStrict(cursor.src.subarray(cursor.start, cursor.end), (cause) => {
      throw new DataError(`header column ${names.length + 1} is not valid UTF-8`, { file }, { cause });
    });
    if (name.trim() === '')
      throw new DataError(`header column ${names.length + 1} has an empty name`, { file });
    const first = seen.get(name);
    if (first !== undefined) {
      throw new DataError(`duplicate column name in the header (columns ${first} and ${names.length + 1})`, {
        file,
        column: name,
      });
    }
    seen.set(name, names.length + 1);
    names.push(name);
  } while (!cursor.recordEnded);
  return names;
}

function createColumns(
  names: string[],
  requests: ColumnRequest[],
  bytes: Buffer,
  dataStart: number,
): Columns {
  const capacity = estimateRows(bytes, dataStart);
  const kinds = Int8Array.from(requests, (r) =>
    r === 'skip' ? SKIP : r === 'categorical' ? CATEGORICAL : NUMERIC,
  );
  return {
    names,
    kinds,
    forced: requests.map((r) => r === 'numeric'),
    values: requests.map((r) => (r === 'infer' || r === 'numeric' ? new Float64Array(capacity) : null)),
    codes: requests.map((r) => (r === 'categorical' ? new Int32Array(capacity) : null)),
    interners: requests.map((r) => (r === 'categorical' ? new ByteInterner() : null)),
    capacity,
    dataStart,
  };
}

/** The hot loop: one record per iteration, no allocation per row or per cell. Returns the row count. */
function readRecords(cursor: CsvCursor, columns: Columns, where: Position): number {
  const { kinds, values, codes, interners } = columns;
  const n = kinds.length;
  let row = 0;
  while (!cursor.done) {
    if (cursor.skipBlankLine()) continue;
    where.row = row + 1;
    const recordStart = cursor.pos;
    if (row === columns.capacity) growColumns(columns);
    for (let c = 0; c < n; c++) {
      if (c > 0 && cursor.recordEnded) failAt(where, `expected ${n} fields but found ${c}`, recordStart);
      const kind = kinds[c];
      if (kind === NUMERIC) {
        const value = cursor.readNumber();
        if (!Number.isNaN(value) || cursor.start === cursor.end) values[c]![row] = value;
        else switchToCategorical(columns, c, row, cursor, where);
        continue;
      }
      cursor.readField();
      if (kind === CATEGORICAL) {
        codes[c]![row] =
          cursor.start === cursor.end ? -1 : interners[c]!.intern(cursor.src, cursor.start, cursor.end);
      }
    }
    if (!cursor.recordEnded)
      failAt(where, `expected ${n} fields but found ${n + cursor.skipRecord()}`, recordStart);
    row++;
  }
  return row;
}

/**
 * A non-number in an inferred column: the column becomes categorical. Its earlier cells are
 * re-read from the bytes (once per column, usually at row 1) so levels keep the text as written
 * ("01", "1.50") and their order of first appearance.
 */
function switchToCategorical(
  columns: Columns,
  c: number,
  row: number,
  cursor: CsvCursor,
  where: Position,
): void {
  const cell = cursor.src.subarray(cursor.start, cursor.end);
  if (columns.forced[c]) {
    const text = lenientUtf8.decode(cell);
    const what = /^\s*[+-]?(nan|inf|infinity)\s*$/i.test(text) ? 'a finite number' : 'a number';
    throw new DataError(`expected ${what}, found ${quoteCell(text)}`, {
      file: where.file,
      row: row + 1,
      column: columns.names[c]!,
    });
  }
  const interner = new ByteInterner();
  const codes = new Int32Array(columns.capacity);
  const prefix = new CsvCursor(where.bytes, columns.dataStart, (message, offset) =>
    failAt(where, message, offset),
  );
  for (let r = 0; r < row; ) {
    if (prefix.skipBlankLine()) continue;
    for (let k = 0; ; k++) {
      prefix.readField();
      if (k === c)
        codes[r] = prefix.start === prefix.end ? -1 : interner.intern(prefix.src, prefix.start, prefix.end);
      if (prefix.recordEnded) break;
    }
    r++;
  }
  codes[row] = interner.intern(cell, 0, cell.length);
  columns.kinds[c] = CATEGORICAL;
  columns.values[c] = null;
  columns.codes[c] = codes;
  columns.interners[c] = interner;
}

function growColumns(columns: Columns): void {
  const capacity = columns.capacity * 2;
  // In place: the hot loop holds these arrays.
  columns.values.forEach((v, c) => {
    if (v) columns.values[c] = copyInto(new Float64Array(capacity), v);
  });
  columns.codes.forEach((v, c) => {
    if (v) columns.codes[c] = copyInto(new Int32Array(capacity), v);
  });
  columns.capacity = capacity;
}

function copyInto<T extends Float64Array | Int32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}

function finishColumns(columns: Columns, rowCount: number, file: string): Column[] {
  const out: Column[] = [];
  columns.names.forEach((name, c) => {
    const values = columns.values[c];
    const codes = columns.codes[c];
    if (columns.kinds[c] === NUMERIC && values) {
      out.push({
        kind: 'numeric',
        name,
        values: values.length === rowCount ? values : values.slice(0, rowCount),
      });
    } else if (columns.kinds[c] === CATEGORICAL && codes) {
      const interner = columns.interners[c]!;
      const levels = decodeStrict(interner, (cause) => {
        throw new DataError('contains text that is not valid UTF-8', { file, column: name }, { cause });
      });
      out.push({
        kind: 'categorical',
        name,
        codes: codes.length === rowCount ? codes : codes.slice(0, rowCount),
        levels,
      });
    }
  });
  return out;
}

/** Strict UTF-8 decoding; TextDecoder throws only for invalid bytes, which `onError` reports. */
function decodeStrict(source: Uint8Array, onError: (cause: unknown) => never): string;
function decodeStrict(source: ByteInterner, onError: (cause: unknown) => never): string[];
function decodeStrict(
  source: Uint8Array | ByteInterner,
  onError: (cause: unknown) => never,
): string | string[] {
  try {
    return source instanceof ByteInterner ? source.decodeLevels() : utf8.decode(source);
  } catch (error) {
    return onError(error);
  }
}

function failAt(where: Position, message: string, offset: number): never {
  const line = lineAt(where.bytes, offset);
  const row = where.row > 0 ? where.row : undefined;
  throw new DataError(
    `${message} (line ${line})`,
    row === undefined ? { file: where.file } : { file: where.file, row },
  );
}
