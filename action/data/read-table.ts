/** Reads any supported data file into a Table, by extension. */
import { extname } from 'node:path';
import type { Table } from '../../shared/data/table.js';
import { DataError } from '../../shared/errors.js';
import { readCsv } from './read-csv.js';
import { readJsonl } from './read-jsonl.js';
import type { ReadOptions } from './read-options.js';
import { readParquet } from './read-parquet.js';

export interface ReadTableOptions extends ReadOptions {
  /** Accept a file with no data rows (default: a DataError, since nothing can be evaluated). */
  allowEmpty?: boolean;
}

const READERS: Record<string, (path: string, options: ReadOptions) => Promise<Table>> = {
  '.csv': readCsv,
  '.jsonl': readJsonl,
  '.ndjson': readJsonl,
  '.parquet': readParquet,
};

/**
 * Reads `.csv`, `.jsonl`/`.ndjson` or `.parquet` (extension of `path`, or of `displayPath` when
 * `path` has none; case-insensitive). Throws DataError naming the file for an unknown extension,
 * a missing file ('file not found'), an empty file, zero data rows (unless `allowEmpty`), and
 * whatever the format's reader rejects.
 */
export async function readTable(path: string, options: ReadTableOptions = {}): Promise<Table> {
  const file = options.displayPath ?? path;
  const extension = (extname(path) || extname(file)).toLowerCase();
  const reader = READERS[extension];
  if (!reader) {
    const found = extension ? `"${extension}"` : 'no extension';
    throw new DataError(`unsupported data file type (${found}): expected .csv, .jsonl, .ndjson or .parquet`, {
      file,
    });
  }
  const { allowEmpty, ...readOptions } = options;
  const table = await reader(path, readOptions);
  if (table.rowCount === 0 && !allowEmpty) {
    const what = table.names.length === 0 ? 'the file is empty' : 'the file has a header but no data rows';
    throw new DataError(`${what}; there is nothing to evaluate`, { file });
  }
  return table;
}
