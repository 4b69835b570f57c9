import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReadPredictionsOptions, readPredictions } from '../../../action/runners/predictions-runner.js';
import { DataError } from '../../../shared/errors.js';
import { categorical, caught, numeric, table } from './table-helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'predictions-runner-test-'));
});

/** Writes a predictions CSV and reads it against `data`. */
async function read(csv: string, options: Partial<ReadPredictionsOptions> = {}) {
  const path = join(dir, `p${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(path, csv);
  return readPredictions(path, {
    task: 'binary',
    data: table([numeric('x', [1, 2, 3])]),
    displayPath: 'preds.csv',
    ...options,
  });
}

const withIds = table([categorical('customer_id', ['c1', 'c2', 'c3']), numeric('x', [1, 2, 3])]);

describe('readPredictions: binary', () => {
  it('reads score and label by row order', async () => {
    const { predictions, metadata } = await read('score,label,extra\n0.9,yes,a\n0.2,no,b\n0.6,yes,c\n', {
      positiveLabel: 'yes',
    });
    expect(predictions).toEqual({
      task: 'binary',
      score: Float64Array.from([0.9, 0.2, 0.6]),
      label: Uint8Array.from([1, 0, 1]),
    });
    expect(metadata).toEqual({
      format: 'predictions',
      outputs: [
        { name: 'score', type: 'float64', shape: ['N'] },
        { name: 'label', type: 'string', shape: ['N'] },
      ],
      properties: { rows: '3' },
    });
  });

  it('has a null label without a label column, and clamps a one-ulp overshoot of 1', async () => {
    const { predictions } = await read('score\n1.0000000000000002\n0\n0.5\n');
    expect(predictions).toEqual({ task: 'binary', score: Float64Array.from([1, 0, 0.5]), label: null });
  });

  it('rejects a row count that differs from the data', async () => {
    const error = await caught(() => read('score\n0.1\n0.2\n'));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toBe(
      'preds.csv: has 2 rows but the data data/eval.csv has 3; without an id column rows are matched by order, so the counts must be equal',
    );
  });

  it.each([
    [
      'score,x\n0.1,a\n,b\n0.3,c\n',
      'preds.csv, row 2, column "score": score is empty or NaN; scores are probabilities in [0, 1]',
    ],
    [
      'score\n0.1\n1.5\n0.3\n',
      'preds.csv, row 2, column "score": score is 1.5 (outside [0, 1]); scores are probabilities in [0, 1]',
    ],
    ['score\n0.1\n0.2\nNaN\n', `preds.csv, row 3, column "score": 'NaN' is not a finite number`],
    ['score\n0.1\n-inf\n0.3\n', `preds.csv, row 2, column "score": '-inf' is not a finite number`],
    [
      'prob\n0.1\n0.2\n0.3\n',
      `preds.csv, column "score": a binary predictions file needs a 'score' column; columns: prob`,
    ],
    [
      'score,label\n0.1,0\n0.2,1\n0.3,2\n',
      'preds.csv, row 3, column "label": a binary label column holds more than two values (0, 1, 2)',
    ],
    [
      'score,label\n0.1,a\n0.2,b\n0.3,a\n',
      `preds.csv, column "label": the labels (a, b) do not include the positive label '1'`,
    ],
  ])('rejects %j', async (csv, message) => {
    const error = await caught(() => read(csv));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toBe(message);
  });
});

describe('readPredictions: alignment by id', () => {
  it('reorders the predictions to the data rows', async () => {
    const { predictions } = await read('customer_id,score,label\nc3,0.3,0\nc1,0.1,0\nc2,0.8,1\n', {
      data: withIds,
      id: 'customer_id',
    });
    expect(predictions).toEqual({
      task: 'binary',
      score: Float64Array.from([0.1, 0.8, 0.3]),
      label: Uint8Array.from([0, 1, 0]),
    });
  });

  it.each([
    [
      'customer_id,score\nc3,0.3\nc1,0.1\n',
      `data/eval.csv, row 2, column "customer_id": id 'c2' (data row 2) has no prediction in preds.csv`,
    ],
    [
      'customer_id,score\nc3,0.3\nc1,0.1\nc2,0.2\nc9,0.5\n',
      `preds.csv, row 4, column "customer_id": id 'c9' is not in the data data/eval.csv`,
    ],
    [
      'customer_id,score\nc3,0.3\nc1,0.1\nc3,0.2\nc2,0.5\n',
      `preds.csv, row 3, column "customer_id": id 'c3' appears twice (rows 1 and 3)`,
    ],
    ['customer_id,score\nc3,0.3\n,0.1\nc2,0.5\n', 'preds.csv, row 2, column "customer_id": the id is empty'],
    [
      'id,score\nc3,0.3\nc1,0.1\nc2,0.5\n',
      'preds.csv, column "customer_id": the id column is missing (columns: id, score)',
    ],
  ])('rejects %j', async (csv, message) => {
    const error = await caught(() => read(csv, { data: withIds, id: 'customer_id' }));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toBe(message);
  });

  it('rejects an id that appears twice in the data', async () => {
    const data = table([categorical('customer_id', ['c1', 'c2', 'c1']), numeric('x', [1, 2, 3])]);
    const error = await caught(() =>
      read('customer_id,score\nc1,0.3\nc2,0.1\n', { data, id: 'customer_id' }),
    );
    expect(error.message).toBe(
      `data/eval.csv, row 3, column "customer_id": id 'c1' appears more than once in the data (row 3)`,
    );
  });

  it('matches numeric ids', async () => {
    const data = table([numeric('row_id', [10, 20, 30])]);
    const { predictions } = await read('row_id,score\n30,0.3\n10,0.1\n20,0.2\n', { data, id: 'row_id' });
    expect(predictions.task === 'binary' && Array.from(predictions.score)).toEqual([0.1, 0.2, 0.3]);
  });
});

describe('readPredictions: multiclass and regression', () => {
  it('reads score_<class> columns in file order and maps labels to them', async () => {
    const csv =
      'id,score_cat,score_dog,score_fish,label\n2,0.2,0.7,0.1,dog\n1,0.6,0.3,0.1,cat\n3,0,0,1,fish\n';
    const data = table([numeric('id', [1, 2, 3])]);
    const { predictions } = await read(csv, { task: 'multiclass', data, id: 'id' });
    expect(predictions).toEqual({
      task: 'multiclass',
      classes: ['cat', 'dog', 'fish'],
      proba: Float64Array.from([0.6, 0.3, 0.1, 0.2, 0.7, 0.1, 0, 0, 1]),
      label: Int32Array.from([0, 1, 2]),
    });
  });

  it('rejects a label outside the score classes, and a single score column', async () => {
    const bad = await caught(() =>
      read('score_a,score_b,label\n0.5,0.5,a\n0.5,0.5,c\n0.5,0.5,b\n', { task: 'multiclass' }),
    );
    expect(bad.message).toBe(
      'preds.csv, row 2, column "label": label \'c\' is not one of the score_<class> classes [a, b]',
    );
    const one = await caught(() => read('score_a\n0.5\n0.5\n0.5\n', { task: 'multiclass' }));
    expect(one.message).toContain('needs one score_<class> column per class (at least two)');
  });

  it('reads regression predictions and rejects an empty one', async () => {
    const { predictions } = await read('prediction\n-1.5\n1e6\n0\n', { task: 'regression' });
    expect(predictions).toEqual({ task: 'regression', prediction: Float64Array.from([-1.5, 1e6, 0]) });
    const error = await caught(() => read('prediction,other\n1,a\n,b\n3,c\n', { task: 'regression' }));
    expect(error.message).toBe('preds.csv, row 2, column "prediction": prediction is empty or NaN');
  });
});
