/**
 * The in-memory, columnar table every reader produces and the engine consumes. Numeric columns are
 * Float64Array (NaN = empty cell); every other column is dictionary-encoded (codes into `levels`,
 * -1 = empty cell), so a million rows never become a million strings.
 */
export interface NumericColumn {
  kind: 'numeric';
  name: string;
  values: Float64Array;
}

export interface CategoricalColumn {
  kind: 'categorical';
  name: string;
  /** Index into `levels` per row; -1 for an empty cell. */
  codes: Int32Array;
  /** Distinct values in order of first appearance. */
  levels: string[];
}

export type Column = NumericColumn | CategoricalColumn;

export interface Table {
  /** File path (repository-relative where known) used in error messages. */
  source: string;
  rowCount: number;
  /** Column names in file order. */
  names: string[];
  columns: Map<string, Column>;
}

/** Builds a Table from columns (all of the same length). */
export function buildTable(source: string, columns: Column[]): Table {
  const rowCount = columns.length === 0 ? 0 : columnLength(columns[0]!);
  return {
    source,
    rowCount,
    names: columns.map((c) => c.name),
    columns: new Map(columns.map((c) => [c.name, c])),
  };
}

/** Number of rows of a column. */
export function columnLength(column: Column): number {
  return column.kind === 'numeric' ? column.values.length : column.codes.length;
}

/** The text of a cell, as written in the file ('' for empty). Numeric cells use JS number formatting. */
export function cellText(column: Column, row: number): string {
  if (column.kind === 'numeric') {
    const v = column.values[row]!;
    return Number.isNaN(v) ? '' : String(v);
  }
  const code = column.codes[row]!;
  return code < 0 ? '' : column.levels[code]!;
}

/**
 * A column as categories: categorical columns as they are; numeric ones dictionary-encoded by value
 * (levels as `String(value)` in order of first appearance; NaN → -1, missing).
 */
export function toCategoricalColumn(column: Column): CategoricalColumn {
  if (column.kind === 'categorical') return column;
  const index = new Map<number, number>();
  const levels: string[] = [];
  const codes = new Int32Array(column.values.length);
  for (let i = 0; i < codes.length; i++) {
    const v = column.values[i]!;
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    let code = index.get(v);
    if (code === undefined) {
      code = levels.length;
      index.set(v, code);
      levels.push(String(v));
    }
    codes[i] = code;
  }
  return { kind: 'categorical', name: column.name, codes, levels };
}
