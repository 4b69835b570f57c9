import { resolveRepoPath } from '../../../shared/config/paths.js';
import { PathError } from '../../../shared/errors.js';

const KEY = 'models.churn.artifact';

describe('resolveRepoPath: normalisation', () => {
  test.each([
    ['models/churn/model.onnx', 'models/churn/model.onnx'],
    ['./models/churn/model.onnx', 'models/churn/model.onnx'],
    ['models//churn/./model.onnx', 'models/churn/model.onnx'],
    ['models/other/../churn/model.onnx', 'models/churn/model.onnx'],
    ['a/b/../../c.csv', 'c.csv'],
    ['models/churn/', 'models/churn'],
    ['data/*.parquet', 'data/*.parquet'],
    ['.github/workflows/modelgate.yml', '.github/workflows/modelgate.yml'],
    ['..data/x.csv', '..data/x.csv'],
    ['a/...', 'a/...'],
    ['dir:with:colons/x.csv', 'dir:with:colons/x.csv'],
  ])('%s → %s', (input, expected) => {
    expect(resolveRepoPath(input, KEY)).toBe(expected);
  });

  test('is idempotent', () => {
    const once = resolveRepoPath('./a/./b/../c.onnx', KEY);
    expect(resolveRepoPath(once, KEY)).toBe(once);
  });
});

describe('resolveRepoPath: paths that leave the repository', () => {
  test.each([
    ['../model.onnx', /escapes the repository/],
    ['models/../../model.onnx', /escapes the repository/],
    ['./..', /escapes the repository/],
    ['a/../../../etc/passwd', /escapes the repository/],
    ['/etc/passwd', /is absolute/],
    ['//server/share/model.onnx', /is absolute/],
    ['C:/models/model.onnx', /is a drive path/],
    ['c:model.onnx', /is a drive path/],
    ['..\\..\\model.onnx', /contains a backslash; use forward slashes/],
    ['models\\model.onnx', /contains a backslash/],
    ['models/model.onnx\u0000.csv', /contains a control character \(such as NUL\)/],
    ['models/\nmodel.onnx', /contains a control character/],
    ['file:///etc/passwd', /is a URL/],
    ['https://example.com/model.onnx', /is a URL/],
    ['~/model.onnx', /starts with ~/],
    ['', /is empty/],
    ['   ', /is empty/],
    ['.', /names the repository root/],
    ['a/..', /names the repository root/],
  ])('%j is rejected: %s', (input, message) => {
    let error: unknown;
    try {
      resolveRepoPath(input, KEY);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PathError);
    const { code, message: text } = error as PathError;
    expect(code).toBe('path_invalid');
    expect(text.startsWith(`${KEY}: ${JSON.stringify(input)} `)).toBe(true);
    expect(text).toMatch(message);
  });
});
