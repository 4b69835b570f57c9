/**
 * Reads a predictions file (CSV, JSONL or Parquet) made elsewhere and aligns it to the evaluation
 * data: by the `id` column when configured, else by row order. Columns: binary → `score` (probability
 * of the positive class) and optional `label`; multiclass → `score_<class>` and optional `label`;
 * regression → `prediction`.
 */
import type { Column, NumericColumn, Table } from '../../shared/data/table.js';
import { cellText } from '../../shared/data/table.js';
import { DataError } from '../../shared/errors.js';
import type { Predictions } from '../../shared/evaluate/types.js';
import type { Task } from '../../shared/metrics/registry.js';
import type { ModelMetadata } from '../../shared/report/schema.js';
import { readTable } from '../data/read-table.js';
import { listNames } from './onnx-inputs.js';
import { isSameLabel } from './same-label.js';
import { describeInvalid, validateFinite, validateProbabilities } from './validate-scores.js';

export interface ReadPredictionsOptions {
  task: Task;
  /** The evaluation data the predictions belong to. */
  data: Table;
  /** Id column present in both files; without it rows are matched by order. */
  id?: string;
  /** Positive label as text (binary `label` column); default "1". */
  positiveLabel?: string;
  displayPath?: string;
}

export interface PredictionsFile {
  predictions: Predictions;
  metadata: ModelMetadata;
}

/** Reads and aligns a predictions file. Throws DataError naming file, row, column or id. */
export async function readPredictions(
  path: string,
  options: ReadPredictionsOptions,
): Promise<PredictionsFile> {
  const file = await readTable(path, { displayPath: options.displayPath ?? path });
  const order =
    options.id === undefined
      ? alignByRowOrder(file, options.data)
      : alignById(file, options.data, options.id);
  const predictions = buildPredictions(file, order, options);
  return {
    predictions,
    metadata: {
      format: 'predictions',
      outputs: describeColumns(file, options.task),
      properties: { rows: String(file.rowCount) },
    },
  };
}

function describeColumns(file: Table, task: Task): ModelMetadata['outputs'] {
  const used = file.names.filter(
    (n) =>
      n === 'label' ||
      (task === 'multiclass' ? n.startsWith('score_') : n === (task === 'binary' ? 'score' : 'prediction')),
  );
  return used.map((name) => ({
    name,
    type: file.columns.get(name)!.kind === 'numeric' ? 'float64' : 'string',
    shape: ['N'],
  }));
}

/** Identity order; the row counts must match. */
function alignByRowOrder(file: Table, data: Table): Int32Array | null {
  if (file.rowCount !== data.rowCount) {
    throw new DataError(
      `has ${file.rowCount} rows but the data ${data.source} has ${data.rowCount}; without an id column rows are matched by order, so the counts must be equal`,
      { file: file.source },
    );
  }
  return null;
}

/**
 * For each data row, the predictions-file row with the same id. Every data id must appear exactly
 * once in the predictions, and the predictions must hold no other ids.
 */
export function alignById(file: Table, data: Table, id: string): Int32Array {
  const fileIds = requireIdColumn(file, id);
  const dataIds = requireIdColumn(data, id);
  const rowOf = new Map<string, number>();
  for (let r = 0; r < file.rowCount; r++) {
    const key = requireId(fileIds, r, file.source);
    const first = rowOf.get(key);
    if (first !== undefined)
      throw new DataError(`id '${key}' appears twice (rows ${first + 1} and ${r + 1})`, {
        file: file.source,
        row: r + 1,
        column: id,
      });
    rowOf.set(key, r);
  }
  const order = new Int32Array(data.rowCount);
  const seen = new Uint8Array(file.rowCount);
  for (let r = 0; r < data.rowCount; r++) {
    const key = requireId(dataIds, r, data.source);
    const at = rowOf.get(key);
    if (at === undefined)
      throw new DataError(`id '${key}' (data row ${r + 1}) has no prediction in ${file.source}`, {
        file: data.source,
        row: r + 1,
        column: id,
      });
    if (seen[at])
      throw new DataError(`id '${key}' appears more than once in the data (row ${r + 1})`, {
        file: data.source,
        row: r + 1,
        column: id,
      });
    seen[at] = 1;
    order[r] = at;
  }
  const extra = seen.indexOf(0);
  if (extra >= 0) {
    throw new DataError(`id '${cellText(fileIds, extra)}' is not in the data ${data.source}`, {
      file: file.source,
      row: extra + 1,
      column: id,
    });
  }
  return order;
}

function requireIdColumn(table: Table, id: string): Column {
  const column = table.columns.get(id);
  if (!column)
    throw new DataError(`the id column is missing (columns: ${listNames(table.names)})`, {
      file: table.source,
      column: id,
    });
  return column;
}

function requireId(column: Column, row: number, file: string): string {
  const key = cellText(column, row);
  if (key === '') throw new DataError('the id is empty', { file, row: row + 1, column: column.name });
  return key;
}

function buildPredictions(
  file: Table,
  order: Int32Array | null,
  options: ReadPredictionsOptions,
): Predictions {
  const labels = file.columns.get('label');
  if (options.task === 'regression') {
    const prediction = numericColumn(file, 'prediction', 'regression');
    const bad = validateFinite(prediction.values);
    if (bad)
      throw new DataError(`prediction is ${describeEmpty(bad.value)}`, {
        file: file.source,
        row: bad.index + 1,
        column: 'prediction',
      });
    return { task: 'regression', prediction: gather(prediction.values, order) };
  }
  if (options.task === 'binary') {
    const score = numericColumn(file, 'score', 'binary');
    checkProbabilities(file, score);
    const label = labels
      ? gatherLabels(binaryLabels(file, labels, options.positiveLabel ?? '1'), order)
      : null;
    return { task: 'binary', score: gather(score.values, order), label };
  }
  const scoreColumns = file.names.filter((n) => n.startsWith('score_'));
  if (scoreColumns.length < 2) {
    throw new DataError(
      `a multiclass predictions file needs one score_<class> column per class (at least two); columns: ${listNames(file.names)}`,
      { file: file.source },
    );
  }
  const classes = scoreColumns.map((n) => n.slice('score_'.length));
  const proba = buildProbabilityMatrix(file, scoreColumns, order);
  const label = labels ? multiclassLabels(file, labels, classes, order) : null;
  return { task: 'multiclass', classes, proba, label };
}

function numericColumn(file: Table, name: string, task: Task): NumericColumn {
  const column = file.columns.get(name);
  if (!column)
    throw new DataError(
      `a ${task} predictions file needs a '${name}' column; columns: ${listNames(file.names)}`,
      { file: file.source, column: name },
    );
  if (column.kind === 'numeric') return column;
  const row = column.codes.findIndex((c) => c >= 0 && !Number.isFinite(Number(column.levels[c])));
  const text = row >= 0 ? column.levels[column.codes[row]!] : column.levels[0];
  throw new DataError(`'${text}' is not a finite number`, {
    file: file.source,
    ...(row >= 0 ? { row: row + 1 } : {}),
    column: name,
  });
}

function checkProbabilities(file: Table, column: NumericColumn): void {
  const bad = validateProbabilities(column.values);
  if (bad)
    throw new DataError(`score is ${describeEmpty(bad.value)}; scores are probabilities in [0, 1]`, {
      file: file.source,
      row: bad.index + 1,
      column: column.name,
    });
}

function describeEmpty(value: number): string {
  return Number.isNaN(value) ? 'empty or NaN' : describeInvalid(value);
}

function gather(values: Float64Array, order: Int32Array | null): Float64Array {
  if (order === null) return values;
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!;
  return out;
}

function gatherLabels(values: Uint8Array, order: Int32Array | null): Uint8Array {
  if (order === null) return values;
  return Uint8Array.from(order, (r) => values[r]!);
}

/** 0/1 per file row; at most two distinct labels, one of them the positive label. */
function binaryLabels(file: Table, column: Column, positive: string): Uint8Array {
  const out = new Uint8Array(file.rowCount);
  const distinct = new Set<string>();
  for (let r = 0; r < file.rowCount; r++) {
    const text = cellText(column, r);
    if (text === '')
      throw new DataError('the label is empty', { file: file.source, row: r + 1, column: 'label' });
    distinct.add(text);
    if (distinct.size > 2)
      throw new DataError(`a binary label column holds more than two values (${[...distinct].join(', ')})`, {
        file: file.source,
        row: r + 1,
        column: 'label',
      });
    out[r] = isSameLabel(text, positive) ? 1 : 0;
  }
  if (distinct.size === 2 && ![...distinct].some((d) => isSameLabel(d, positive))) {
    throw new DataError(
      `the labels (${[...distinct].join(', ')}) do not include the positive label '${positive}'`,
      { file: file.source, column: 'label' },
    );
  }
  return out;
}

function buildProbabilityMatrix(file: Table, names: string[], order: Int32Array | null): Float64Array {
  const k = names.length;
  const n = order?.length ?? file.rowCount;
  const proba = new Float64Array(n * k);
  names.forEach((name, j) => {
    const column = numericColumn(file, name, 'multiclass');
    checkProbabilities(file, column);
    const values = column.values;
    for (let i = 0; i < n; i++) proba[i * k + j] = values[order ? order[i]! : i]!;
  });
  return proba;
}

function multiclassLabels(
  file: Table,
  column: Column,
  classes: string[],
  order: Int32Array | null,
): Int32Array {
  const n = order?.length ?? file.rowCount;
  const out = new Int32Array(n);
  const cache = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const row = order ? order[i]! : i;
    const text = cellText(column, row);
    let index = cache.get(text);
    if (index === undefined) {
      index = classes.findIndex((c) => isSameLabel(c, text));
      cache.set(text, index);
    }
    if (index < 0)
      throw new DataError(`label '${text}' is not one of the score_<class> classes [${classes.join(', ')}]`, {
        file: file.source,
        row: row + 1,
        column: 'label',
      });
    out[i] = index;
  }
  return out;
}
