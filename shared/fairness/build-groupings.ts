/**
 * The slicings of the evaluation rows into groups that fairness is measured on: each sensitive
 * column, and with intersections every pair `a&b` (and, with three or more columns, the full
 * product `a&b&c…`).
 */
import type { Grouping } from '../evaluate/types.js';
import { combineDenseCodes, replaceMissingCodes } from './dense-codes.js';

/** Group name of a missing value (an empty cell). */
export const MISSING_GROUP = '(missing)';

/** One dictionary-encoded sensitive column: `codes[i]` indexes `levels`, -1 = missing. */
export interface SensitiveColumn {
  name: string;
  codes: Int32Array;
  levels: string[];
}

/**
 * Groupings in a stable order: the columns as given, then the pairs (i < j, in column order),
 * then the full product when there are three or more columns.
 *
 * A single column keeps its codes and levels (-1 stays "missing", reported as `(missing)`). An
 * intersection is named `a&b`; its groups are the combinations that occur in the data, named
 * `x&y` with `(missing)` for a missing part, ordered by the parts' level order (missing last);
 * its codes are never -1.
 * @throws RangeError when the columns differ in length.
 */
export function buildGroupings(input: { columns: SensitiveColumn[]; intersections: boolean }): Grouping[] {
  const { columns } = input;
  const n = columns[0]?.codes.length ?? 0;
  for (const column of columns) {
    if (column.codes.length !== n) {
      throw new RangeError(`sensitive column ${column.name} has ${column.codes.length} rows, expected ${n}`);
    }
  }
  const out: Grouping[] = columns.map((c) => ({ column: c.name, names: [...c.levels], codes: c.codes }));
  if (!input.intersections || columns.length < 2) return out;
  for (let i = 0; i < columns.length; i++) {
    for (let j = i + 1; j < columns.length; j++) out.push(buildIntersection([columns[i]!, columns[j]!]));
  }
  if (columns.length >= 3) out.push(buildIntersection(columns));
  return out;
}

/** The product grouping of `parts`, with only the combinations present in the data. */
export function buildIntersection(parts: SensitiveColumn[]): Grouping {
  const n = parts[0]?.codes.length ?? 0;
  // Combine the parts one at a time into dense ids (ordered like the tuples), keeping each id's
  // tuple of level indices (missing = levels.length, so it sorts last).
  let ids: Int32Array = new Int32Array(n);
  let tuples: number[][] = [[]];
  for (const part of parts) {
    const missing = part.levels.length;
    const codes = replaceMissingCodes(part.codes, missing);
    const next = combineDenseCodes({ ids, idRange: tuples.length, codes, codeRange: missing + 1 });
    const previous = tuples;
    tuples = Array.from(next.parentId, (parent, id) => [...previous[parent]!, next.code[id]!]);
    ids = next.ids;
  }
  const names = tuples.map((tuple) =>
    tuple.map((digit, p) => parts[p]!.levels[digit] ?? MISSING_GROUP).join('&'),
  );
  return { column: parts.map((p) => p.name).join('&'), names, codes: ids };
}
