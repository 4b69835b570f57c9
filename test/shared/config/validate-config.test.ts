import { parseConfig } from '../../../shared/config/parse-config.js';
import { validateConfig } from '../../../shared/config/validate-config.js';
import { type ExpectedIssue, expectIssue, FILE, HEAD, yaml } from './config-test-helpers.js';
import { FULL_EXAMPLE } from './product-example.js';

/** HEAD (lines 1-6) + task (7) + sensitive (8) + intersections (9); `rest` starts at line 10. */
const model = (rest: string[], opts: { task?: string; sensitive?: string; intersections?: boolean } = {}) =>
  yaml(
    ...HEAD,
    `    task: ${opts.task ?? 'binary'}`,
    `    sensitive: ${opts.sensitive ?? '[gender, age_band]'}`,
    `    intersections: ${opts.intersections ?? false}`,
    ...rest,
  );

describe('fairness columns', () => {
  test.each<[string, string[], { intersections?: boolean; sensitive?: string }, ExpectedIssue]>([
    [
      'a column that is not sensitive, with a suggestion',
      ['    fairness:', '      demographic_parity_ratio: { min: 0.8, columns: [gendr] }'],
      {},
      {
        line: 11,
        column: 55,
        path: 'models.m.fairness.demographic_parity_ratio.columns[0]',
        message:
          /^"gendr" is not a sensitive column; did you mean "gender"\? Expected one of the sensitive columns: gender, age_band$/,
      },
    ],
    [
      'a column that is not sensitive, nothing close',
      [
        '    fairness:',
        '      demographic_parity_ratio:',
        '        min: 0.8',
        '        columns: [gender, region]',
      ],
      {},
      {
        line: 13,
        column: 27,
        path: 'models.m.fairness.demographic_parity_ratio.columns[1]',
        message:
          /^"region" is not a sensitive column; expected one of the sensitive columns: gender, age_band$/,
      },
    ],
    [
      'an intersection without intersections: true',
      ['    fairness:', '      equalized_odds_difference: { max: 0.1, columns: ["gender&age_band"] }'],
      {},
      {
        line: 11,
        column: 56,
        path: 'models.m.fairness.equalized_odds_difference.columns[0]',
        message:
          /^"gender&age_band" is an intersection, but intersections is false; set intersections: true$/,
      },
    ],
    [
      'an intersection with a column that is not sensitive',
      ['    fairness:', '      equalized_odds_difference: { max: 0.1, columns: ["gender&agee_band"] }'],
      { intersections: true },
      {
        line: 11,
        column: 56,
        path: 'models.m.fairness.equalized_odds_difference.columns[0]',
        message: /^"agee_band" in "gender&agee_band" is not a sensitive column; did you mean "age_band"\?/,
      },
    ],
    [
      'an intersection of a column with itself',
      ['    fairness:', '      equalized_odds_difference: { max: 0.1, columns: ["gender&gender"] }'],
      { intersections: true },
      {
        line: 11,
        column: 56,
        path: 'models.m.fairness.equalized_odds_difference.columns[0]',
        message: /repeats a column/,
      },
    ],
    [
      'an empty column list',
      ['    fairness:', '      equalized_odds_difference: { max: 0.1, columns: [] }'],
      {},
      {
        line: 11,
        column: 55,
        path: 'models.m.fairness.equalized_odds_difference.columns',
        message: /^is empty, so nothing is checked/,
      },
    ],
    [
      'fairness gates without sensitive columns',
      ['    fairness:', '      demographic_parity_ratio: { min: 0.8 }'],
      { sensitive: '[]' },
      {
        line: 10,
        column: 5,
        path: 'models.m.fairness',
        message: /^fairness gates need sensitive columns, but models\.m\.sensitive is empty$/,
      },
    ],
  ])('%s', (_name, rest, opts, expected) => {
    expectIssue(model(rest, opts), expected);
  });

  test('intersections of sensitive columns pass when intersections is true', () => {
    const text = model(
      [
        '    fairness:',
        '      equalized_odds_difference: { max: 0.1, columns: [gender, "gender&age_band", "age_band & gender"] }',
      ],
      {
        intersections: true,
      },
    );
    expect(parseConfig(text, FILE).models[0]!.fairness.equalized_odds_difference!.columns).toEqual([
      'gender',
      'gender&age_band',
      'age_band & gender',
    ]);
  });
});

describe('thresholds that cannot work or do nothing', () => {
  test.each<
    [string, string[], { task?: string; sensitive?: string; intersections?: boolean }, ExpectedIssue]
  >([
    [
      'min above max',
      ['    gates:', '      roc_auc: { min: 0.9, max: 0.8 }'],
      {},
      {
        line: 11,
        column: 23,
        path: 'models.m.gates.roc_auc.min',
        message: /^min \(0\.9\) is greater than max \(0\.8\): no value can pass$/,
      },
    ],
    [
      'fairness min above max',
      ['    fairness:', '      demographic_parity_ratio: { min: 0.9, max: 0.8 }'],
      {},
      {
        line: 11,
        column: 40,
        path: 'models.m.fairness.demographic_parity_ratio.min',
        message: /^min \(0\.9\) is greater than max/,
      },
    ],
    [
      'a percentage for a fraction',
      ['    gates:', '      roc_auc: { min: 80 }'],
      {},
      {
        line: 11,
        column: 23,
        path: 'models.m.gates.roc_auc.min',
        message: /^roc_auc lies between 0 and 1; got 80 \(a percentage\? write 0\.8\)$/,
      },
    ],
    [
      'a ratio above 1',
      ['    fairness:', '      demographic_parity_ratio: { min: 1.2 }'],
      {},
      {
        line: 11,
        column: 40,
        path: 'models.m.fairness.demographic_parity_ratio.min',
        message: /^demographic_parity_ratio lies between 0 and 1; got 1\.2$/,
      },
    ],
    [
      'worst_group_min without sensitive columns',
      ['    gates:', '      recall: { worst_group_min: 0.6 }'],
      { sensitive: '[]' },
      {
        line: 11,
        column: 34,
        path: 'models.m.gates.recall.worst_group_min',
        message: /^needs sensitive columns, but models\.m\.sensitive is empty$/,
      },
    ],
    [
      'worst_group_min on a lower-is-better metric',
      ['    gates:', '      log_loss: { worst_group_min: 0.6 }'],
      {},
      {
        line: 11,
        column: 36,
        path: 'models.m.gates.log_loss.worst_group_min',
        message:
          /^does nothing: log_loss is lower-is-better, so its worst group has the highest value; use worst_group_max$/,
      },
    ],
    [
      'worst_group_max on a higher-is-better metric',
      ['    gates:', '      recall: { worst_group_max: 0.6 }'],
      {},
      {
        line: 11,
        column: 34,
        path: 'models.m.gates.recall.worst_group_max',
        message: /use worst_group_min$/,
      },
    ],
    [
      'a gate with no bound',
      ['    gates:', '      roc_auc: { test: point }'],
      {},
      {
        line: 11,
        column: 7,
        path: 'models.m.gates.roc_auc',
        message:
          /^sets no threshold; expected at least one of: min, max, max_regression, max_regression_relative, worst_group_min, worst_group_max$/,
      },
    ],
    [
      'an empty fairness gate',
      ['    fairness:', '      demographic_parity_ratio: {}'],
      {},
      {
        line: 11,
        column: 7,
        path: 'models.m.fairness.demographic_parity_ratio',
        message: /^sets no threshold; expected at least one of: min, max, max_increase$/,
      },
    ],
    [
      'an empty operational gate',
      ['    operational:', '      size_mb: {}'],
      {},
      {
        line: 11,
        column: 7,
        path: 'models.m.operational.size_mb',
        message: /^sets no threshold; expected at least one of: max, max_increase_relative$/,
      },
    ],
    [
      'noninferiority without a tolerance',
      ['    gates:', '      roc_auc: { min: 0.8, test: noninferiority }'],
      {},
      {
        line: 11,
        column: 34,
        path: 'models.m.gates.roc_auc.test',
        message: /^noninferiority does nothing without max_regression or max_regression_relative/,
      },
    ],
    [
      'fairness noninferiority without max_increase',
      ['    fairness:', '      equalized_odds_difference: { max: 0.1, test: noninferiority }'],
      {},
      {
        line: 11,
        column: 52,
        path: 'models.m.fairness.equalized_odds_difference.test',
        message: /^noninferiority does nothing without max_increase/,
      },
    ],
    [
      'a threshold on a regression model',
      ['    threshold: 0.5'],
      { task: 'regression', sensitive: '[]' },
      {
        line: 10,
        column: 16,
        path: 'models.m.threshold',
        message: /^does nothing for a regression model; threshold applies to binary models only$/,
      },
    ],
    [
      'a positive label on a multiclass model',
      ['    positive: 1'],
      { task: 'multiclass', sensitive: '[]' },
      {
        line: 10,
        column: 15,
        path: 'models.m.positive',
        message: /^does nothing for a multiclass model; positive applies to binary models only$/,
      },
    ],
    [
      'intersections with one sensitive column',
      [],
      { sensitive: '[gender]', intersections: true },
      {
        line: 9,
        column: 20,
        path: 'models.m.intersections',
        message: /^does nothing with 1 sensitive column\(s\); intersections need at least two$/,
      },
    ],
    [
      'the target among the features',
      ['    features: [a, y]'],
      {},
      {
        line: 10,
        column: 19,
        path: 'models.m.features[1]',
        message: /^"y" is the target column; it cannot be in features$/,
      },
    ],
    [
      'a sensitive column twice',
      [],
      { sensitive: '[gender, gender]' },
      { line: 8, column: 25, path: 'models.m.sensitive[1]', message: /^"gender" is listed twice$/ },
    ],
    [
      'the id column is the target',
      ['    id: y'],
      {},
      { line: 10, column: 9, path: 'models.m.id', message: /is also the target/ },
    ],
  ])('%s', (_name, rest, opts, expected) => {
    expectIssue(model(rest, opts), expected);
  });

  test('noninferiority needs intervals: bootstrap 0 is an error', () => {
    const text = model([
      '    gates:',
      '      roc_auc: { max_regression: 0.01, test: noninferiority }',
      'defaults:',
      '  bootstrap: 0',
    ]);
    expectIssue(text, {
      line: 11,
      column: 46,
      path: 'models.m.gates.roc_auc.test',
      message: /^noninferiority needs confidence intervals, but defaults\.bootstrap is 0$/,
    });
  });

  test('bounds equal to each other or to the ends of the range are fine', () => {
    const text = model(
      [
        '    gates:',
        '      roc_auc: { min: 0.8, max: 0.8 }',
        '      accuracy: { min: 0, max: 1 }',
        '      r2: { min: -5 }',
      ],
      {
        task: 'regression',
        sensitive: '[]',
      },
    )
      .replace('roc_auc', 'mae')
      .replace('accuracy', 'rmse');
    expect(() => parseConfig(text, FILE)).not.toThrow();
  });
});

describe('runner and command', () => {
  test('runner: command without a command', () => {
    expectIssue(model(['    runner: command']), {
      line: 10,
      column: 13,
      path: 'models.m.runner',
      message:
        /^runner is command but no command is set; set command \(placeholders \{model\} \{data\} \{out\}\)/,
    });
  });

  test('a command with runner: onnx does nothing', () => {
    expectIssue(model(['    runner: onnx', '    command: python p.py {model} {data} {out}']), {
      line: 11,
      column: 14,
      path: 'models.m.command',
      message: /^does nothing with runner: onnx; remove it or set runner: command$/,
    });
  });

  test('an unknown command placeholder, with a suggestion', () => {
    expectIssue(model(['    command: python p.py {model} {dta} {out}']), {
      line: 10,
      column: 14,
      path: 'models.m.command',
      message: /^unknown placeholder \{dta\}; did you mean "data"\? Expected \{model\}, \{data\} or \{out\}$/,
    });
  });

  test('latency gates on a predictions file do nothing', () => {
    const text = model(['    operational:', '      latency_p95_ms: { max: 5 }']).replace(
      'models/m/model.onnx',
      'preds/m.csv',
    );
    expectIssue(text, {
      line: 11,
      column: 7,
      path: 'models.m.operational.latency_p95_ms',
      message: /^does nothing with runner: predictions/,
    });
  });
});

describe('monitor', () => {
  test('fairness monitoring without sensitive columns', () => {
    const text = model(
      [
        '    monitor:',
        '      data: fresh.csv',
        '      fairness:',
        '        demographic_parity_ratio: { max_increase: 0.05 }',
      ],
      { sensitive: '[]' },
    );
    expectIssue(text, {
      line: 12,
      column: 7,
      path: 'models.m.monitor.fairness',
      message: /^fairness monitoring needs sensitive columns/,
    });
  });

  test('a monitor gate without a bound', () => {
    const text = model([
      '    monitor:',
      '      data: fresh.csv',
      '      gates:',
      '        roc_auc: { test: point }',
    ]);
    expectIssue(text, {
      line: 13,
      column: 9,
      path: 'models.m.monitor.gates.roc_auc',
      message: /^sets no threshold; expected at least one of: max_degradation, max_degradation_relative$/,
    });
  });
});

describe('policy and release', () => {
  const withPolicy = (...lines: string[]) => yaml(...HEAD, '    task: binary', ...lines);

  test.each<[string, string[], ExpectedIssue]>([
    [
      'a rule naming an unknown model',
      [
        'policy:',
        '  rules:',
        '    - name: owner',
        '      if: { models: [mm] }',
        '      require: { teams: [owners] }',
      ],
      {
        line: 11,
        column: 22,
        path: 'policy.rules[0].if.models[0]',
        message: /^unknown model "mm"; did you mean "m"\? Expected one of: m$/,
      },
    ],
    [
      'duplicate rule names',
      [
        'policy:',
        '  rules:',
        '    - name: review',
        '      require: { teams: [a] }',
        '    - name: review',
        '      require: { teams: [b] }',
      ],
      {
        line: 12,
        column: 13,
        path: 'policy.rules[1].name',
        message: /^duplicate rule name "review" \(also policy\.rules\[0\]\); names must be unique$/,
      },
    ],
    [
      'more approvals than approvers',
      ['policy:', '  rules:', '    - name: owners', '      require: { count: 2, users: [bob] }'],
      {
        line: 11,
        column: 25,
        path: 'policy.rules[0].require.count',
        message: /^needs 2 approvals but only 1 user\(s\) may approve/,
      },
    ],
    [
      'a tag pattern without {model}',
      ['release:', '  tag: "v{version}"'],
      { line: 9, column: 8, path: 'release.tag', message: /\{model\}/ },
    ],
    [
      'a tag pattern without {version}',
      ['release:', '  tag: "{model}-latest"'],
      { line: 9, column: 8, path: 'release.tag', message: /\{version\}/ },
    ],
    [
      'a tag pattern with an unknown placeholder',
      ['release:', '  tag: "{name}@v{version}"'],
      { line: 9, column: 8, path: 'release.tag', message: /unknown placeholder \{name\}/ },
    ],
  ])('%s', (_name, lines, expected) => {
    expectIssue(withPolicy(...lines), expected);
  });

  test('a model name that makes an invalid release tag', () => {
    const text = yaml(
      'version: 1',
      'models:',
      '  a..b:',
      '    artifact: a.onnx',
      '    data: d.csv',
      '    task: binary',
      '    target: y',
    );
    expectIssue(text, {
      line: 3,
      column: 3,
      path: 'models["a..b"]',
      message: /^model name gives an invalid release tag "a\.\.b@v1\.0\.0": it contains "\.\."$/,
    });
  });
});

describe('validateConfig on a Config built by code', () => {
  test('the full example is consistent', () => {
    const config = parseConfig(FULL_EXAMPLE, FILE);
    expect(validateConfig(config)).toEqual([]);
  });

  test('without positions, locations carry the file and the key path', () => {
    const config = parseConfig(FULL_EXAMPLE, FILE);
    const churn = config.models[0]!;
    const broken = { ...config, models: [{ ...churn, sensitive: [], runner: 'command' as const }] };
    const issues = validateConfig(broken);
    expect(issues).toContainEqual({
      location: { file: FILE, path: 'models.churn.runner' },
      message: expect.stringMatching(/^runner is command but no command/),
    });
    expect(issues).toContainEqual({
      location: { file: FILE, path: 'models.churn.fairness' },
      message: expect.stringMatching(/need sensitive columns/),
    });
    expect(issues).toContainEqual({
      location: { file: FILE, path: 'models.churn.gates.recall.worst_group_min' },
      message: expect.stringMatching(/needs sensitive columns/),
    });
  });
});
