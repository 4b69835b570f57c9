/**
 * Builds a Table column from decoded values (JSON Lines cells, Parquet column chunks) with the
 * same typing rules as the CSV reader: numbers → numeric; any text → categorical (numbers in it
 * written with `String`); null, undefined, '' and NaN → empty.
 */
import type { Column } from '../../shared/data/table.js';
import { DataError } from '../../shared/errors.js';
import { type ColumnRequest, quoteCell } from './read-options.js';

export interface ColumnSource {
  name: string;
  request: Exclude<ColumnRequest, 'skip'>;
  file: string;
  /** Extra location for a message about the value at 0-based index `index`, e.g. ' (line 7)'. */
  describeRow?: (index: number) => string;
}

const NUMERIC_ARRAYS = [
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
];

/**
 * One column from its values. Throws DataError naming row and column for a non-finite number, an
 * integer beyond ±(2^53 − 1), a nested object, array or binary value, or text in a column
 * requested as numeric.
 */
export function buildColumn(values: ArrayLike<unknown>, source: ColumnSource): Column {
  if (source.request !== 'categorical' && NUMERIC_ARRAYS.some((type) => values instanceof type)) {
    return {
      kind: 'numeric',
      name: source.name,
      values: checkFinite(Float64Array.from(values as ArrayLike<number>), source),
    };
  }
  const cells = normaliseCells(values, source);
  const firstText = cells.findIndex((cell) => typeof cell === 'string');
  if (firstText >= 0 && source.request === 'numeric') {
    throw fail(`expected a number, found ${quoteCell(cells[firstText] as string)}`, firstText, source);
  }
  if (firstText < 0 && source.request !== 'categorical') {
    const out = new Float64Array(cells.length);
    cells.forEach((cell, i) => {
      out[i] = cell === null ? Number.NaN : (cell as number);
    });
    return { kind: 'numeric', name: source.name, values: out };
  }
  return encodeCategorical(cells, source.name);
}

/** Each value as a finite number, non-empty text, or null. */
function normaliseCells(values: ArrayLike<unknown>, source: ColumnSource): (number | string | null)[] {
  return Array.from(values, (value, i) => {
    if (value === null || value === undefined || value === '') return null;
    switch (typeof value) {
      case 'number':
        if (Number.isNaN(value)) return null;
        if (!Number.isFinite(value))
          throw fail(`${value} is not a usable value (numbers must be finite)`, i, source);
        return value;
      case 'bigint':
        return toSafeNumber(value, i, source);
      case 'string':
        return value;
      case 'boolean':
        return String(value);
      default:
        if (value instanceof Date) return value.toISOString();
        throw fail(
          'nested objects, arrays and binary values are not supported; flatten the data into scalar columns',
          i,
          source,
        );
    }
  });
}

function toSafeNumber(value: bigint, index: number, source: ColumnSource): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw fail(`integer ${value} is outside ±(2^53 − 1), the range a float64 holds exactly`, index, source);
  }
  return Number(value);
}

function checkFinite(values: Float64Array, source: ColumnSource): Float64Array {
  const bad = values.findIndex((v) => v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY);
  if (bad >= 0) throw fail(`${values[bad]} is not a usable value (numbers must be finite)`, bad, source);
  return values;
}

function encodeCategorical(cells: (number | string | null)[], name: string): Column {
  const codes = new Int32Array(cells.length);
  const index = new Map<string, number>();
  const levels: string[] = [];
  cells.forEach((cell, i) => {
    if (cell === null) {
      codes[i] = -1;
      return;
    }
    const text = typeof cell === 'string' ? cell : String(cell);
    let code = index.get(text);
    if (code === undefined) {
      code = levels.length;
      levels.push(text);
      index.set(text, code);
    }
    codes[i] = code;
  });
  return { kind: 'categorical', name, codes, levels };
}

function fail(message: string, index: number, source: ColumnSource): DataError {
  const where = source.describeRow?.(index) ?? '';
  return new DataError(`${message}${where}`, { file: source.file, row: index + 1, column: source.name });
}
