import { parseConfig } from '../../../shared/config/parse-config.js';
import { ConfigError } from '../../../shared/errors.js';
import { configError, type ExpectedIssue, expectIssue, FILE, HEAD, yaml } from './config-test-helpers.js';
import { SECTION_1 } from './product-example.js';

describe('malformed YAML: the parser position', () => {
  test.each<[string, string, ExpectedIssue]>([
    [
      'an unclosed flow map',
      yaml('version: 1', 'models:', '  m: { artifact: a.onnx', 'x: 1'),
      { line: 4, column: 1, message: /^invalid YAML: Flow map .* end with a \}/ },
    ],
    [
      'a duplicate key',
      yaml('version: 1', 'models: {}', 'version: 1'),
      { line: 3, column: 1, message: /^invalid YAML: Map keys must be unique/ },
    ],
    [
      'a tab as indentation',
      yaml('version: 1', 'models:', '\tm: {}'),
      { line: 3, column: 1, message: /^invalid YAML: Tabs are not allowed/ },
    ],
    [
      'two documents',
      yaml('version: 1', '---', 'version: 1'),
      { line: 2, column: 1, message: /^invalid YAML: Source contains multiple documents/ },
    ],
    [
      'an alias without anchor',
      yaml('version: 1', 'models:', '  m: *base'),
      { line: 3, column: 6, message: /^invalid YAML: alias \*base has no anchor &base/ },
    ],
  ])('%s', (_name, text, expected) => {
    expectIssue(text, expected);
  });

  test('the message starts with file:line:column', () => {
    const error = configError(yaml('version: 1', 'models: {}', 'version: 1'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.code).toBe('config_invalid');
    expect(error.message).toMatch(/^\.github\/modelgate\.yml:3:1: invalid YAML: Map keys must be unique/);
    expect(error.location).toEqual({ file: FILE, line: 3, column: 1 });
  });

  test.each([
    ['an empty file', '', /got an empty file/],
    ['a file of comments', '# nothing yet\n', /got an empty file/],
    ['a list', '- a\n- b\n', /got a list/],
    ['a scalar', 'hello\n', /got text "hello"/],
  ])('%s is not a configuration', (_name, text, message) => {
    expectIssue(text, {
      line: 1,
      column: 1,
      path: '',
      message: new RegExp(`^expected a mapping with version: 1 and models, ${message.source}`),
    });
  });
});

describe('unknown keys: "did you mean"', () => {
  test.each<[string, string, ExpectedIssue]>([
    [
      'a misspelt model key',
      yaml(...HEAD, '    task: binary', '    thresold: 0.5'),
      {
        line: 8,
        column: 5,
        path: 'models.m.thresold',
        message: /^unknown key "thresold"; did you mean "threshold"\? Expected one of: artifact, runner, /,
      },
    ],
    [
      'a camelCase key',
      yaml('version: 1', 'defaults:', '  minGroupSize: 10', 'models: {}'),
      {
        line: 3,
        column: 3,
        path: 'defaults.minGroupSize',
        message: /^unknown key "minGroupSize"; did you mean "min_group_size"\?/,
      },
    ],
    [
      'a kebab-case key',
      yaml('version: 1', 'models: {}', 'policy:', '  allow-author: true'),
      { line: 4, column: 3, path: 'policy.allow-author', message: /did you mean "allow_author"\?/ },
    ],
    [
      'a top-level key',
      yaml('version: 1', 'model: {}'),
      { line: 2, column: 1, path: 'model', message: /^unknown key "model"; did you mean "models"\?/ },
    ],
    [
      'a key with nothing close',
      yaml(...HEAD, '    task: binary', '    colour: blue'),
      {
        line: 8,
        column: 5,
        path: 'models.m.colour',
        message: /^unknown key "colour"; expected one of: artifact, /,
      },
    ],
    [
      'a key inside a gate',
      yaml(...HEAD, '    task: binary', '    gates:', '      roc_auc: { minimum: 0.8 }'),
      {
        line: 9,
        column: 18,
        path: 'models.m.gates.roc_auc.minimum',
        message: /^unknown key "minimum"; (did you mean "min"\? E|e)xpected one of: min, max, /,
      },
    ],
    [
      'a __proto__ key',
      yaml('version: 1', 'models: {}', '__proto__: { version: 2 }'),
      { line: 3, column: 1, path: '__proto__', message: /^unknown key "__proto__"/ },
    ],
  ])('%s', (_name, text, expected) => {
    expectIssue(text, expected);
  });
});

describe('unknown metric names: alias table and edit distance', () => {
  const gate = (section: string, name: string, task = 'binary') =>
    yaml(
      ...HEAD,
      `    task: ${task}`,
      '    sensitive: [gender]',
      `    ${section}:`,
      `      ${name}: { max: 0.5 }`,
    );
  // The metric key is on line 10, column 7.
  test.each([
    [
      'gates',
      'AUC',
      /^unknown performance metric "AUC"; did you mean "roc_auc"\? Expected one of: accuracy, /,
    ],
    ['gates', 'auc', /did you mean "roc_auc"\?/],
    ['gates', 'ROC-AUC', /did you mean "roc_auc"\?/],
    ['gates', 'rocAuc', /did you mean "roc_auc"\?/],
    ['gates', 'roc_auc_score', /did you mean "roc_auc"\?/],
    ['gates', 'f1_score', /did you mean "f1"\?/],
    ['gates', 'F1-Score', /did you mean "f1"\?/],
    ['gates', 'recal', /did you mean "recall"\?/],
    ['gates', 'precison', /did you mean "precision"\?/],
    ['gates', 'sensitivity', /did you mean "recall"\?/],
    ['gates', 'pr_auc', /did you mean "average_precision"\?/],
    ['gates', 'matthews_corrcoef', /did you mean "mcc"\?/],
    [
      'fairness',
      'DPR',
      /^unknown fairness metric "DPR"; did you mean "demographic_parity_ratio"\? Expected one of: demographic_parity_difference, /,
    ],
    ['fairness', 'disparate_impact', /did you mean "demographic_parity_ratio"\?/],
    ['fairness', 'eod', /did you mean "equalized_odds_difference"\?/],
    ['fairness', 'equalised_odds_difference', /did you mean "equalized_odds_difference"\?/],
    ['operational', 'latency', /^unknown operational measurement "latency"; did you mean "latency_p95_ms"\?/],
    [
      'gates',
      'demographic_parity_ratio',
      /^"demographic_parity_ratio" is a fairness metric: put it under models\.m\.fairness$/,
    ],
    [
      'gates',
      'disparate_impact',
      /^did you mean "demographic_parity_ratio"\? It is a fairness metric: put it under models\.m\.fairness$/,
    ],
    ['fairness', 'recall', /^"recall" is a performance metric: put it under models\.m\.gates$/],
    ['gates', 'latency_p95_ms', /put it under models\.m\.operational$/],
    ['gates', 'zebra', /^unknown performance metric "zebra"; expected one of: accuracy, /],
  ])('%s: %s', (section, name, message) => {
    expectIssue(gate(section, name), { line: 10, column: 7, path: `models.m.${section}.${name}`, message });
  });

  test('a suggestion that does not apply to the task says so, and lists what does', () => {
    expectIssue(gate('gates', 'AUC', 'regression'), {
      line: 10,
      column: 7,
      path: 'models.m.gates.AUC',
      message:
        /did you mean "roc_auc"\? \(it does not apply to regression models\) Expected one of: mae, rmse, r2, mape$/,
    });
  });

  test('monitor sections check names too', () => {
    const text = yaml(
      ...HEAD,
      '    task: binary',
      '    monitor:',
      '      data: fresh.csv',
      '      gates:',
      '        AUC: { max_degradation: 0.1 }',
    );
    expectIssue(text, {
      line: 11,
      column: 9,
      path: 'models.m.monitor.gates.AUC',
      message: /did you mean "roc_auc"\?/,
    });
  });
});

describe('metrics that do not apply to the task', () => {
  test.each<[string, string, number, string, RegExp]>([
    [
      'binary',
      'gates',
      10,
      'rmse',
      /^rmse does not apply to binary models; expected one of: accuracy, .*, fnr$/,
    ],
    [
      'regression',
      'gates',
      10,
      'roc_auc',
      /^roc_auc does not apply to regression models; expected one of: mae, rmse, r2, mape$/,
    ],
    [
      'multiclass',
      'gates',
      10,
      'f1',
      /^f1 does not apply to multiclass models; expected one of: accuracy, balanced_accuracy, log_loss, f1_macro, f1_weighted$/,
    ],
    [
      'regression',
      'fairness',
      10,
      'demographic_parity_ratio',
      /^demographic_parity_ratio does not apply to regression models; regression models have no fairness metrics$/,
    ],
  ])('%s model, %s.%s', (task, section, line, name, message) => {
    const text = yaml(
      ...HEAD,
      `    task: ${task}`,
      '    sensitive: [gender]',
      `    ${section}:`,
      `      ${name}: { max: 0.5 }`,
    );
    expectIssue(text, { line, column: 7, path: `models.m.${section}.${name}`, message });
  });

  test('a primary metric of another task, with a suggestion', () => {
    const text = yaml(...HEAD, '    task: binary', '    primary_metric: auc');
    expectIssue(text, {
      line: 8,
      column: 21,
      path: 'models.m.primary_metric',
      message:
        /^"auc" is not a metric of binary models; did you mean "roc_auc"\? Expected one of: accuracy, /,
    });
    expectIssue(yaml(...HEAD, '    task: binary', '    primary_metric: rmse'), {
      line: 8,
      column: 21,
      path: 'models.m.primary_metric',
      message: /^"rmse" is not a metric of binary models; expected one of: accuracy, /,
    });
  });
});

describe('values of the wrong type or range', () => {
  test.each<[string, string[], ExpectedIssue]>([
    [
      'a word for a number',
      ['    task: binary', '    gates:', '      roc_auc: { min: high }'],
      {
        line: 9,
        column: 23,
        path: 'models.m.gates.roc_auc.min',
        message: /^expected a number, got text "high"$/,
      },
    ],
    [
      'a quoted number',
      ['    task: binary', '    gates:', '      roc_auc: { min: "0.8" }'],
      {
        line: 9,
        column: 23,
        path: 'models.m.gates.roc_auc.min',
        message: /^expected a number, got text "0\.8" \(remove the quotes\)$/,
      },
    ],
    [
      'a negative tolerance',
      ['    task: binary', '    gates:', '      roc_auc: { max_regression: -0.1 }'],
      {
        line: 9,
        column: 34,
        path: 'models.m.gates.roc_auc.max_regression',
        message: /^expected a number >= 0, got -0\.1$/,
      },
    ],
    [
      'a misspelt option',
      ['    task: binary', '    runner: onxx'],
      {
        line: 8,
        column: 13,
        path: 'models.m.runner',
        message: /^expected one of: onnx, predictions, command, got text "onxx"; did you mean "onnx"\?$/,
      },
    ],
    [
      'a misspelt task',
      ['    task: Binary'],
      { line: 7, column: 11, path: 'models.m.task', message: /did you mean "binary"\?$/ },
    ],
    [
      'a threshold above 1',
      ['    task: binary', '    threshold: 50'],
      { line: 8, column: 16, path: 'models.m.threshold', message: /^expected a number <= 1, got 50$/ },
    ],
    [
      'a list where text belongs',
      ['    task: binary', '    positive: [1]'],
      {
        line: 8,
        column: 15,
        path: 'models.m.positive',
        message: /^expected text, a number or true\/false, got a list$/,
      },
    ],
    [
      'a scalar where a list belongs',
      ['    task: binary', '    sensitive: gender'],
      { line: 8, column: 16, path: 'models.m.sensitive', message: /^expected a list, got text "gender"$/ },
    ],
    [
      'a number in a list of names',
      ['    task: binary', '    sensitive: [gender, 3]'],
      { line: 8, column: 25, path: 'models.m.sensitive[1]', message: /^expected text, got 3$/ },
    ],
  ])('%s', (_name, lines, expected) => {
    expectIssue(yaml(...HEAD, ...lines), expected);
  });

  test('a missing required key points at its model', () => {
    expectIssue(yaml(...HEAD), {
      line: 3,
      column: 3,
      path: 'models.m.task',
      message: /^missing required key "task" \(expected one of: binary, multiclass, regression\)$/,
    });
  });

  test('missing models points at the top of the file', () => {
    expectIssue(yaml('version: 1'), {
      line: 1,
      column: 1,
      path: 'models',
      message: /^missing required key "models"$/,
    });
  });

  test('version 2 is not known', () => {
    expectIssue(yaml('version: 2', 'models: {}'), {
      line: 1,
      column: 10,
      path: 'version',
      message: /^expected 1, got 2$/,
    });
  });

  test('a whole number where a fraction was written', () => {
    expectIssue(yaml('version: 1', 'defaults:', '  bootstrap: 10.5', 'models: {}'), {
      line: 3,
      column: 14,
      path: 'defaults.bootstrap',
      message: /^expected a whole number, got 10\.5$/,
    });
  });

  test('a model name with a space', () => {
    const text = yaml(
      'version: 1',
      'models:',
      '  my model:',
      '    artifact: a.onnx',
      '    data: d.csv',
      '    task: binary',
      '    target: y',
    );
    expectIssue(text, {
      line: 3,
      column: 3,
      path: 'models["my model"]',
      message: /^invalid name "my model"; expected letters, digits, - _ \/ \./,
    });
  });

  test('a release version that is not x.y.z', () => {
    expectIssue(yaml('version: 1', 'models: {}', 'release:', '  first_version: v1'), {
      line: 4,
      column: 18,
      path: 'release.first_version',
      message: /^expected a version like 1\.0\.0, got text "v1"$/,
    });
  });
});

describe('paths, runner and data files', () => {
  test.each<[string, string, ExpectedIssue]>([
    [
      'a path escaping the repository',
      '    data: ../secrets/eval.csv',
      {
        line: 5,
        column: 11,
        path: 'models.m.data',
        message: /^"\.\.\/secrets\/eval\.csv" escapes the repository/,
      },
    ],
    [
      'an absolute path',
      '    data: /etc/passwd.csv',
      { line: 5, column: 11, path: 'models.m.data', message: /^"\/etc\/passwd\.csv" is absolute/ },
    ],
    [
      'a backslash path',
      '    data: data\\eval.csv',
      { line: 5, column: 11, path: 'models.m.data', message: /contains a backslash/ },
    ],
    [
      'a data file of another format',
      '    data: data/eval.xlsx',
      {
        line: 5,
        column: 11,
        path: 'models.m.data',
        message: /^expected a data file ending in \.csv, \.jsonl or \.parquet, got "data\/eval\.xlsx"$/,
      },
    ],
  ])('%s', (_name, dataLine, expected) => {
    const head = [...HEAD];
    head[4] = dataLine;
    expectIssue(yaml(...head, '    task: binary'), expected);
  });

  test('an artifact whose extension names no runner, without a command', () => {
    const head = [...HEAD];
    head[3] = '    artifact: models/m/model.pkl';
    const issues = expectIssue(yaml(...head, '    task: binary'), {
      line: 3,
      column: 3,
      path: 'models.m.runner',
      message: /^runner is command but no command is set; .*\(got "models\/m\/model\.pkl"\)$/,
    });
    expect(issues).toHaveLength(1);
  });

  test('a policy workflow path outside the repository', () => {
    expectIssue(yaml('version: 1', 'models: {}', 'policy:', '  workflows: [../../x.yml]'), {
      line: 4,
      column: 15,
      path: 'policy.workflows[0]',
      message: /escapes the repository/,
    });
  });

  test('a templates directory outside the repository', () => {
    expectIssue(yaml('version: 1', 'models: {}', 'templates: ../other'), {
      line: 3,
      column: 12,
      path: 'templates',
      message: /escapes the repository/,
    });
  });
});

describe('all problems are collected', () => {
  const text = SECTION_1.replace('roc_auc:  {', 'AUC:  {')
    .replace('threshold: 0.5', 'thresold: 0.5')
    .replace('    risk: high', '    risk: hihg')
    .replace('latency_p95_ms', 'latency');

  test('every issue is in `issues`, in file order; the message lists them', () => {
    const error = configError(text);
    expect(error.issues.map((i) => [i.location.line, i.location.path])).toEqual([
      [20, 'models.churn.thresold'],
      [21, 'models.churn.risk'],
      [23, 'models.churn.gates.AUC'],
      [31, 'models.churn.operational.latency'],
    ]);
    expect(error.message.split('\n')).toEqual([
      expect.stringMatching(
        /^\.github\/modelgate\.yml:20:5 \(models\.churn\.thresold\): unknown key "thresold"; did you mean "threshold"\?/,
      ),
      '.github/modelgate.yml:21:11 (models.churn.risk): expected one of: low, medium, high, got text "hihg"; did you mean "high"?',
      expect.stringMatching(
        /^\.github\/modelgate\.yml:23:7 \(models\.churn\.gates\.AUC\): unknown performance metric "AUC"; did you mean "roc_auc"\?/,
      ),
      expect.stringMatching(
        /^\.github\/modelgate\.yml:31:7 \(models\.churn\.operational\.latency\): unknown operational measurement "latency"; did you mean "latency_p95_ms"\?/,
      ),
    ]);
  });

  test('the message lists five problems and counts the rest', () => {
    const lines = [
      'version: 1',
      'models: {}',
      'defaults:',
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => `  ${k}: 1`),
    ];
    const error = configError(yaml(...lines));
    expect(error.issues).toHaveLength(7);
    const message = error.message.split('\n');
    expect(message).toHaveLength(6);
    expect(message[5]).toBe('… and 2 more');
  });

  test('cross-field rules run once the file matches the schema', () => {
    const lines = [...HEAD, '    task: binary', '    gates:', '      roc_auc: { min: 0.9, max: 0.8 }'];
    const schemaProblem = configError(yaml(...lines, '    fairness:', '      eod: { max: 0.1 }'));
    expect(schemaProblem.issues.map((i) => i.location.path)).toEqual(['models.m.fairness.eod']);
    const crossField = configError(yaml(...lines));
    expect(crossField.issues.map((i) => i.location.path)).toEqual(['models.m.gates.roc_auc.min']);
  });

  test('parseConfig returns a Config when there is nothing to report', () => {
    expect(parseConfig(yaml(...HEAD, '    task: binary'), FILE).models).toHaveLength(1);
  });
});
