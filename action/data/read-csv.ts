/** Reads a CSV file into a columnar Table. */
import type { Table } from '../../shared/data/table.js';
import { parseCsv } from './parse-csv.js';
import { readFileBytes } from './read-file-bytes.js';
import type { ReadOptions } from './read-options.js';

/**
 * Reads an RFC 4180 CSV file: a header row (required; names must be non-empty and distinct),
 * quoted fields with "" escapes, embedded commas and line breaks, CRLF or LF, an optional UTF-8
 * BOM. Blank lines are skipped. Every record must have as many fields as the header.
 *
 * Types: a column is numeric (Float64Array, NaN for empty cells) when every non-empty cell is a
 * finite decimal number (sign, digits, '.', exponent; spaces around it are ignored); otherwise it
 * is categorical with levels holding the text as written. `NaN`, `inf`, `Infinity` and overflowing
 * numbers make a column categorical, unless the column is listed in `numeric`, where they, like
 * any other non-number, are a DataError naming row and column. A column with no non-empty cell is
 * numeric (all NaN). `categorical` keeps a column as text.
 *
 * Throws DataError for a missing or unreadable file and for every malformed input, naming the
 * file, the 1-based data row and the line.
 */
export async function readCsv(path: string, options: ReadOptions = {}): Promise<Table> {
  const file = options.displayPath ?? path;
  const bytes = await readFileBytes(path, file);
  return parseCsv(bytes, { ...options, file });
}
