import { ModelError } from '../../../shared/errors.js';
import { alignClasses } from '../../../shared/evaluate/align-classes.js';

describe('alignClasses', () => {
  const predictions = {
    task: 'multiclass' as const,
    classes: ['b', 'c', 'a'],
    proba: Float64Array.from([0.2, 0.5, 0.3, 0.6, 0.1, 0.3]),
    label: Int32Array.from([1, 0]),
  };

  test('reorders probability columns and labels onto the target classes', () => {
    const aligned = alignClasses(predictions, ['a', 'b', 'c'], 'model.onnx');
    expect(aligned).toEqual({
      task: 'multiclass',
      classes: ['a', 'b', 'c'],
      proba: Float64Array.from([0.3, 0.2, 0.5, 0.3, 0.6, 0.1]),
      label: Int32Array.from([2, 1]),
    });
  });

  test('binary and regression predictions pass through', () => {
    const binary = { task: 'binary' as const, score: Float64Array.from([0.5]), label: null };
    expect(alignClasses(binary, [], 'm')).toBe(binary);
  });

  test.each([
    ['a class missing', ['a', 'b', 'd']],
    ['a different number of classes', ['a', 'b']],
  ])('%s is a ModelError naming the artifact', (_name, target) => {
    expect(() => alignClasses(predictions, target, 'models/m.onnx')).toThrow(ModelError);
    expect(() => alignClasses(predictions, target, 'models/m.onnx')).toThrow(
      /models\/m\.onnx: the model's classes/,
    );
  });
});
