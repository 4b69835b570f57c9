/** Reads a Parquet file into a columnar Table, column by column (no row objects). */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  type ColumnData,
  type Compressors,
  type FileMetaData,
  parquetMetadata,
  parquetRead,
  parquetSchema,
} from 'hyparquet';
import { buildTable, type Column, type Table } from '../../shared/data/table.js';
import { DataError } from '../../shared/errors.js';
import { buildColumn } from './build-column.js';
import { readFileBytes } from './read-file-bytes.js';
import { type ReadOptions, resolveColumnRequests } from './read-options.js';

/** Codecs beyond hyparquet's built-in Snappy, from Node's zlib (no extra dependency). */
const COMPRESSORS: Compressors = {
  GZIP: (input) => gunzipSync(input),
  BROTLI: (input) => brotliDecompressSync(input),
};
const SUPPORTED_CODECS = 'uncompressed, Snappy, GZIP or Brotli';

/**
 * Reads a Parquet file (uncompressed, Snappy, GZIP or Brotli) with hyparquet's columnar API. Numeric physical
 * types → numeric columns (INT64 → number, checked to lie within ±(2^53 − 1)); strings, booleans
 * and timestamps (as ISO 8601 text) → categorical; nulls and NaN → empty. Nested (struct, list,
 * map) columns are a DataError when selected. Throws DataError for a file that is not Parquet or
 * uses an unsupported codec.
 */
export async function readParquet(path: string, options: ReadOptions = {}): Promise<Table> {
  const file = options.displayPath ?? path;
  const bytes = await readFileBytes(path, file);
  const buffer = toArrayBuffer(bytes);
  const metadata = readMetadata(buffer, file);
  const fields = parquetSchema(metadata).children;
  const names = fields.map((field) => field.element.name);
  const requests = resolveColumnRequests(names, options, file);
  const wanted = names.filter((_, i) => requests[i] !== 'skip');
  fields.forEach((field, i) => {
    if (requests[i] !== 'skip' && field.children.length > 0) {
      throw new DataError('nested (struct, list or map) columns are not supported; flatten the data', {
        file,
        column: field.element.name,
      });
    }
  });
  const rowCount = Number(metadata.num_rows);
  const chunks = new Map<string, ColumnData[]>(wanted.map((name) => [name, []]));
  try {
    await parquetRead({
      file: buffer,
      metadata,
      columns: wanted,
      compressors: COMPRESSORS,
      onChunk: (chunk) => chunks.get(chunk.columnName)?.push(chunk),
    });
  } catch (error) {
    const hint = /compression codec/.test(messageOf(error)) ? ` (ModelGate reads ${SUPPORTED_CODECS})` : '';
    throw new DataError(
      `cannot decode the Parquet data: ${messageOf(error)}${hint}`,
      { file },
      { cause: error },
    );
  }
  const columns: Column[] = [];
  names.forEach((name, i) => {
    const request = requests[i]!;
    if (request !== 'skip')
      columns.push(buildColumn(assemble(chunks.get(name)!, rowCount), { name, request, file }));
  });
  return { ...buildTable(file, columns), rowCount };
}

function readMetadata(buffer: ArrayBuffer, file: string): FileMetaData {
  try {
    return parquetMetadata(buffer);
  } catch (error) {
    throw new DataError(`not a readable Parquet file: ${messageOf(error)}`, { file }, { cause: error });
  }
}

/** One column's chunks (one per row group or page) as a single array of `rowCount` values. */
function assemble(chunks: ColumnData[], rowCount: number): ArrayLike<unknown> {
  if (chunks.length === 1 && chunks[0]!.rowStart === 0 && chunks[0]!.columnData.length === rowCount) {
    return chunks[0]!.columnData;
  }
  const numeric = chunks.every(
    (c) =>
      c.columnData instanceof Float64Array ||
      c.columnData instanceof Float32Array ||
      c.columnData instanceof Int32Array,
  );
  const out: Float64Array | unknown[] = numeric
    ? new Float64Array(rowCount)
    : new Array<unknown>(rowCount).fill(null);
  for (const chunk of chunks) {
    const data = chunk.columnData;
    for (let i = 0; i < data.length; i++) out[chunk.rowStart + i] = data[i];
  }
  return out;
}

/** The file's bytes as an ArrayBuffer, without a copy when the Buffer owns all of its memory. */
function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return (
    whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  ) as ArrayBuffer;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
