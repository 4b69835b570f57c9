/** Small in-memory tables for runner tests. */
import { buildTable, type Column, type Table } from '../../../shared/data/table.js';

export function numeric(name: string, values: readonly number[]): Column {
  return { kind: 'numeric', name, values: Float64Array.from(values) };
}

export function categorical(name: string, values: readonly (string | null)[]): Column {
  const levels: string[] = [];
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    let code = levels.indexOf(v);
    if (code < 0) code = levels.push(v) - 1;
    return code;
  });
  return { kind: 'categorical', name, codes, levels };
}

export function table(columns: Column[], source = 'data/eval.csv'): Table {
  return buildTable(source, columns);
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, none was thrown');
}
