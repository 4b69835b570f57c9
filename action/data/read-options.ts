/** Options every table reader accepts, and the column selection they share. */
import { DataError } from '../../shared/errors.js';

export interface ReadOptions {
  /** Path shown in messages and stored as `Table.source` (default: the path read). */
  displayPath?: string;
  /** Only materialise these columns (the others are still parsed for shape, then dropped). */
  columns?: string[];
  /** Columns that must be numeric: a cell that is not a finite number is a DataError. */
  numeric?: string[];
  /** Columns kept as text even when every cell is a number (ids, zip codes, labels). */
  categorical?: string[];
}

/** How one column of the file is to be read. */
export type ColumnRequest = 'skip' | 'infer' | 'numeric' | 'categorical';

/**
 * Resolves the options against the file's column names, in file order. Throws DataError for a
 * name that is not in the file, or a column requested both numeric and categorical.
 */
export function resolveColumnRequests(
  names: readonly string[],
  options: ReadOptions,
  file: string,
): ColumnRequest[] {
  const known = new Set(names);
  for (const key of ['columns', 'numeric', 'categorical'] as const) {
    for (const name of options[key] ?? []) {
      if (!known.has(name))
        throw new DataError(`column not found (option ${key}); ${describeColumns(names)}`, {
          file,
          column: name,
        });
    }
  }
  const selected = options.columns ? new Set(options.columns) : null;
  const numeric = new Set(options.numeric ?? []);
  const categorical = new Set(options.categorical ?? []);
  return names.map((name) => {
    if (numeric.has(name) && categorical.has(name)) {
      throw new DataError('column requested both numeric and categorical', { file, column: name });
    }
    if (selected && !selected.has(name)) return 'skip';
    if (numeric.has(name)) return 'numeric';
    if (categorical.has(name)) return 'categorical';
    return 'infer';
  });
}

/** `the file has columns: a, b, c` (the first 20). */
export function describeColumns(names: readonly string[]): string {
  const shown = names.slice(0, 20).map((n) => JSON.stringify(n));
  const more = names.length > 20 ? `, … (${names.length} in all)` : '';
  return `the file has columns: ${shown.join(', ')}${more}`;
}

/** Quotes a cell for a message, cut to 40 characters. */
export function quoteCell(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
