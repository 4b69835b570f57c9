/** Reads a JSON Lines file (one object per line) into a columnar Table. */
import { buildTable, type Column, type Table } from '../../shared/data/table.js';
import { DataError } from '../../shared/errors.js';
import { buildColumn } from './build-column.js';
import { readFileBytes } from './read-file-bytes.js';
import { type ReadOptions, resolveColumnRequests } from './read-options.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Cells by column, in order of the key's first appearance, plus each data row's line number. */
interface Cells {
  names: string[];
  columns: CellColumn[];
  lines: number[];
}

/**
 * One column's cells. Numbers go into a Float64Array (NaN = missing: JSON has no NaN) until the
 * first other value, then everything moves to a plain array: a million boxed numbers in arrays
 * would keep the garbage collector busy for longer than JSON.parse takes.
 */
class CellColumn {
  private numbers = new Float64Array(1024);
  private cells: unknown[] | null = null;
  length = 0;

  push(value: unknown): void {
    if (this.cells === null && (typeof value === 'number' || value === null)) {
      if (this.length === this.numbers.length) {
        const grown = new Float64Array(this.numbers.length * 2);
        grown.set(this.numbers);
        this.numbers = grown;
      }
      this.numbers[this.length++] = value === null ? Number.NaN : value;
      return;
    }
    this.cells ??= Array.from(this.numbers.subarray(0, this.length), (v) => (Number.isNaN(v) ? null : v));
    this.cells.push(value);
    this.length++;
  }

  /** Pads with missing cells up to `rows`. */
  padTo(rows: number): void {
    while (this.length < rows) this.push(null);
  }

  values(): ArrayLike<unknown> {
    return this.cells ?? this.numbers.slice(0, this.length);
  }
}

/**
 * Reads JSON Lines (`.jsonl`, `.ndjson`): each non-blank line one JSON object of scalars. Columns
 * are the union of keys in order of first appearance; a key missing from a row is an empty cell.
 * Typing as in `buildColumn` (numbers → numeric; strings and booleans → categorical; null and ''
 * → empty). Throws DataError naming the line for invalid JSON, a line that is not an object, an
 * empty key, and a nested object or array.
 */
export async function readJsonl(path: string, options: ReadOptions = {}): Promise<Table> {
  const file = options.displayPath ?? path;
  const bytes = await readFileBytes(path, file);
  return parseJsonl(bytes, { ...options, file });
}

/** JSON Lines bytes → Table (see `readJsonl`). */
export function parseJsonl(bytes: Uint8Array, options: ReadOptions & { file: string }): Table {
  const { file } = options;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw new DataError('the file is not valid UTF-8', { file }, { cause: error });
  }
  const cells = collectCells(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
  const requests = resolveColumnRequests(cells.names, options, file);
  const columns: Column[] = [];
  cells.names.forEach((name, c) => {
    const request = requests[c]!;
    if (request === 'skip') return;
    const describeRow = (index: number) => ` (line ${cells.lines[index]})`;
    columns.push(buildColumn(cells.columns[c]!.values(), { name, request, file, describeRow }));
  });
  const table = buildTable(file, columns);
  return { ...table, rowCount: cells.lines.length };
}

function collectCells(text: string, file: string): Cells {
  const cells: Cells = { names: [], columns: [], lines: [] };
  const index = new Map<string, CellColumn>();
  let line = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const source = text.slice(start, end);
    start = end + 1;
    line++;
    if (source.trim() === '') continue;
    const row = cells.lines.length;
    const record = parseLine(source, { file, row: row + 1, line });
    for (const key in record) {
      const value = record[key];
      if (value !== null && typeof value === 'object') {
        const message = `nested objects and arrays are not supported; flatten the data (line ${line})`;
        throw new DataError(message, { file, row: row + 1, column: key });
      }
      let column = index.get(key);
      if (column === undefined) {
        column = new CellColumn();
        index.set(key, column);
        cells.names.push(key);
        cells.columns.push(column);
      }
      column.padTo(row);
      column.push(value);
    }
    cells.lines.push(line);
  }
  for (const column of cells.columns) column.padTo(cells.lines.length);
  return cells;
}

function parseLine(
  source: string,
  where: { file: string; row: number; line: number },
): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError(
      `invalid JSON on line ${where.line}: ${reason}`,
      { file: where.file, row: where.row },
      { cause: error },
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DataError(`line ${where.line} is not a JSON object`, { file: where.file, row: where.row });
  }
  if (Object.hasOwn(value, ''))
    throw new DataError(`empty key on line ${where.line}`, { file: where.file, row: where.row });
  return value as Record<string, unknown>;
}
