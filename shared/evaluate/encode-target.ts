/**
 * Turns the target column of the evaluation data into the engine's encoded ground truth,
 * rejecting labels outside the expected set with the row that holds them.
 */
import { type Column, cellText, toCategoricalColumn } from '../data/table.js';
import { DataError } from '../errors.js';
import type { Target } from './types.js';

/**
 * Binary: rows equal to `positive` (compared as text; numeric cells by value, so "1" matches 1.0)
 * are 1, the one other label is 0. More than two distinct labels, or an empty cell, is a DataError.
 * A single class is allowed (metrics that need both report `null`).
 * Multiclass: classes sorted as text (numeric cells numerically). Regression: numeric, finite.
 * @throws DataError naming file, 1-based row and column.
 */
export function encodeTarget(input: {
  column: Column;
  task: Target['task'];
  positive: string;
  file: string;
}): Target {
  const { column, task, file } = input;
  const n = column.kind === 'numeric' ? column.values.length : column.codes.length;
  if (task === 'regression') {
    if (column.kind !== 'numeric') {
      throw new DataError('the regression target must be numeric', {
        file,
        row: firstBadRow(column),
        column: column.name,
      });
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(column.values[i]!)) {
        throw new DataError('the target is empty or not a finite number', {
          file,
          row: i + 1,
          column: column.name,
        });
      }
    }
    return { task, y: column.values };
  }
  const { levels, codes } = toCodes(column);
  for (let i = 0; i < n; i++) {
    if (codes[i]! < 0) throw new DataError('the target is empty', { file, row: i + 1, column: column.name });
  }
  if (task === 'binary')
    return encodeBinary({
      levels,
      codes,
      positive: input.positive,
      file,
      name: column.name,
      numeric: column.kind === 'numeric',
    });
  const order = sortLevels(levels, column.kind === 'numeric');
  const remap = new Int32Array(levels.length);
  order.forEach((level, idx) => {
    remap[levels.indexOf(level)] = idx;
  });
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = remap[codes[i]!]!;
  return { task, y, classes: order };
}

function encodeBinary(input: {
  levels: string[];
  codes: Int32Array;
  positive: string;
  file: string;
  name: string;
  numeric: boolean;
}): Target {
  const { levels, codes, positive, file, name } = input;
  const matches = (level: string) =>
    level === positive || (input.numeric && Number(level) === Number(positive));
  const positiveCode = levels.findIndex(matches);
  if (levels.length > 2 || (levels.length === 2 && positiveCode < 0)) {
    const others = levels.filter((l) => !matches(l));
    const bad = positiveCode < 0 ? levels[levels.length - 1]! : others[1]!;
    const row = codes.indexOf(levels.indexOf(bad)) + 1;
    throw new DataError(
      `label "${bad}" is outside the expected set: a binary target has the positive label "${positive}" and one other label (found ${levels.map((l) => `"${l}"`).join(', ')})`,
      { file, row, column: name },
    );
  }
  const y = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) y[i] = codes[i] === positiveCode ? 1 : 0;
  return { task: 'binary', y, positiveLabel: positive };
}

function toCodes(column: Column): { levels: string[]; codes: Int32Array } {
  const { levels, codes } = toCategoricalColumn(column);
  return { levels, codes };
}

function sortLevels(levels: string[], numeric: boolean): string[] {
  return [...levels].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function firstBadRow(column: Column): number {
  for (let i = 0; ; i++) {
    const text = cellText(column, i);
    if (text === '' || Number.isNaN(Number(text))) return i + 1;
  }
}
