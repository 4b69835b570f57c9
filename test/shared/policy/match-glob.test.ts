import { compileGlob, matchAnyGlob, matchGlob } from '../../../shared/policy/match-glob.js';

describe('matchGlob', () => {
  test.each([
    ['models/**', 'models/churn/model.onnx', true],
    ['models/**', 'models', false],
    ['models/**/*.onnx', 'models/model.onnx', true],
    ['models/**/*.onnx', 'models/a/b/c.onnx', true],
    ['models/**/*.onnx', 'models/a/b/c.onnx.bak', false],
    ['models/*.onnx', 'models/a/b.onnx', false],
    ['*.onnx', 'models/a/b.onnx', true],
    ['*.onnx', 'b.onnx', true],
    ['.github/**', '.github/workflows/modelgate.yml', true],
    ['.github/modelgate.yml', '.github/modelgate.yml', true],
    ['./data/*.csv', 'data/eval.csv', true],
    ['data/*.csv', './data/eval.csv', true],
    ['data/?.csv', 'data/a.csv', true],
    ['data/?.csv', 'data/ab.csv', false],
    ['data/{a,b}.csv', 'data/b.csv', true],
    ['data/{a,b}.csv', 'data/c.csv', false],
    ['data/[ab].csv', 'data/a.csv', true],
    ['data/[!ab].csv', 'data/a.csv', false],
    ['data/[!ab].csv', 'data/c.csv', true],
    ['data/[a-c].csv', 'data/b.csv', true],
    ['data/file(1).csv', 'data/file(1).csv', true],
    ['data/file+1.csv', 'data/file1.csv', false],
    ['Models/*.onnx', 'models/a.onnx', false],
    ['docs/**', 'docs', false],
    ['**/README.md', 'README.md', true],
    ['**/README.md', 'a/b/README.md', true],
    ['data/[unclosed', 'data/[unclosed', true],
  ])('%s vs %s → %s', (pattern, path, expected) => {
    expect(matchGlob(pattern, path)).toBe(expected);
  });

  test('a star never crosses a separator', () => {
    expect(compileGlob('a/*/c').test('a/b/x/c')).toBe(false);
  });

  test('matchAnyGlob: any path against any pattern', () => {
    expect(matchAnyGlob(['docs/**', '*.md'], ['src/a.ts', 'notes/x.md'])).toBe(true);
    expect(matchAnyGlob(['docs/**'], ['src/a.ts'])).toBe(false);
    expect(matchAnyGlob([], ['src/a.ts'])).toBe(false);
  });
});
