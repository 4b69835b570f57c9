/** Helpers for the data reader tests: temporary files and plain views of tables. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Table } from '../../../shared/data/table.js';

/** A temporary folder that `remove` deletes; `write` puts a file in it and returns its path. */
export function createTempDir(prefix: string): {
  dir: string;
  write: (name: string, content: string | Uint8Array) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), `modelgate-${prefix}-`));
  return {
    dir,
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type PlainColumn =
  | { kind: 'numeric'; values: number[] }
  | { kind: 'categorical'; codes: number[]; levels: string[] };

/** The table's content as plain arrays (typed arrays and Maps compare poorly in messages). */
export function plainTable(table: Table): {
  rowCount: number;
  names: string[];
  columns: Record<string, PlainColumn>;
} {
  const columns: Record<string, PlainColumn> = {};
  for (const name of table.names) {
    const column = table.columns.get(name)!;
    columns[name] =
      column.kind === 'numeric'
        ? { kind: 'numeric', values: Array.from(column.values) }
        : { kind: 'categorical', codes: Array.from(column.codes), levels: column.levels };
  }
  return { rowCount: table.rowCount, names: table.names, columns };
}

/** The cells of a table row by row, '' for empty, numbers as numbers. */
export function rowsOf(table: Table): (number | string)[][] {
  return Array.from({ length: table.rowCount }, (_, row) =>
    table.names.map((name) => {
      const column = table.columns.get(name)!;
      if (column.kind === 'numeric') return Number.isNaN(column.values[row]!) ? '' : column.values[row]!;
      const code = column.codes[row]!;
      return code < 0 ? '' : column.levels[code]!;
    }),
  );
}
