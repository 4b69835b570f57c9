import type { Column } from '../../../shared/data/table.js';
import { DataError } from '../../../shared/errors.js';
import { encodeTarget } from '../../../shared/evaluate/encode-target.js';

const cat = (values: string[]): Column => {
  const levels = [...new Set(values.filter((v) => v !== ''))];
  return {
    kind: 'categorical',
    name: 'y',
    levels,
    codes: Int32Array.from(values, (v) => (v === '' ? -1 : levels.indexOf(v))),
  };
};
const num = (values: number[]): Column => ({ kind: 'numeric', name: 'y', values: Float64Array.from(values) });
const file = 'data/eval.csv';

describe('encodeTarget', () => {
  it.each([
    ['numeric 0/1, positive "1"', num([0, 1, 1, 0]), '1', [0, 1, 1, 0]],
    ['numeric, positive "1.0" matches 1 by value', num([0, 1]), '1.0', [0, 1]],
    ['text labels', cat(['no', 'yes', 'yes']), 'yes', [0, 1, 1]],
    ['single class present', cat(['yes', 'yes']), 'yes', [1, 1]],
    ['single negative class present', cat(['no', 'no']), 'yes', [0, 0]],
  ])('binary: %s', (_name, column, positive, expected) => {
    const target = encodeTarget({ column, task: 'binary', positive, file });
    expect(target.task).toBe('binary');
    expect(Array.from(target.y as Uint8Array)).toEqual(expected);
  });

  it('rejects a third label, naming file, row and column', () => {
    const run = () =>
      encodeTarget({ column: cat(['no', 'yes', 'maybe']), task: 'binary', positive: 'yes', file });
    expect(run).toThrow(DataError);
    expect(run).toThrow('data/eval.csv, row 3, column "y": label "maybe" is outside the expected set');
  });

  it('rejects two labels of which neither is the positive one', () => {
    expect(() => encodeTarget({ column: cat(['a', 'b']), task: 'binary', positive: '1', file })).toThrow(
      /outside the expected set/,
    );
  });

  it('rejects an empty target cell with its row', () => {
    expect(() =>
      encodeTarget({ column: cat(['yes', '', 'no']), task: 'binary', positive: 'yes', file }),
    ).toThrow('row 2');
  });

  it('multiclass: classes sorted, numeric by value', () => {
    const target = encodeTarget({ column: num([10, 2, 2, 1]), task: 'multiclass', positive: '1', file });
    expect(target).toMatchObject({ task: 'multiclass', classes: ['1', '2', '10'] });
    expect(Array.from((target as { y: Int32Array }).y)).toEqual([2, 1, 1, 0]);
  });

  it('regression: numeric and finite only', () => {
    expect(encodeTarget({ column: num([1.5, 2]), task: 'regression', positive: '1', file }).task).toBe(
      'regression',
    );
    expect(() =>
      encodeTarget({ column: num([1, Number.NaN]), task: 'regression', positive: '1', file }),
    ).toThrow('row 2');
    expect(() => encodeTarget({ column: cat(['a']), task: 'regression', positive: '1', file })).toThrow(
      'must be numeric',
    );
  });
});
