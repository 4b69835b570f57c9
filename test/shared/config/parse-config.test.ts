import { parseConfig } from '../../../shared/config/parse-config.js';
import type { Config, ModelConfig } from '../../../shared/config/types.js';
import { FULL_EXAMPLE, SECTION_1 } from './product-example.js';

const FILE = '.github/modelgate.yml';

const CHURN: ModelConfig = {
  name: 'churn',
  artifact: 'models/churn/model.onnx',
  runner: 'onnx',
  timeoutSeconds: 600,
  data: 'data/churn/eval.csv',
  task: 'binary',
  target: 'churned',
  positive: '1',
  id: 'customer_id',
  features: ['tenure', 'monthly_charges'],
  sensitive: ['gender', 'age_band'],
  intersections: true,
  threshold: 0.5,
  risk: 'high',
  primaryMetric: 'roc_auc',
  gates: {
    roc_auc: { min: 0.8, maxRegression: 0.01, test: 'point', warnWithinNoise: true },
    accuracy: { maxRegression: 0.02, test: 'noninferiority', warnWithinNoise: true },
    log_loss: { max: 0.5, maxRegressionRelative: 0.05, test: 'point', warnWithinNoise: true },
    recall: { worstGroupMin: 0.6, test: 'point', warnWithinNoise: true },
  },
  fairness: {
    demographic_parity_ratio: { min: 0.8, test: 'point', warnWithinNoise: true },
    equalized_odds_difference: {
      max: 0.1,
      maxIncrease: 0.02,
      columns: ['gender'],
      test: 'point',
      warnWithinNoise: true,
    },
  },
  operational: { latency_p95_ms: { max: 5 }, size_mb: { max: 50 } },
};

const DEFAULTS: Config['defaults'] = {
  confidence: 0.95,
  bootstrap: 1000,
  seed: 42,
  minGroupSize: 30,
  importanceRepeats: 3,
  latencyBatches: 20,
  batchSize: 4096,
  inconclusive: 'action_required',
};

const DEFAULT_RELEASE: Config['release'] = {
  tag: '{model}@v{version}',
  bump: 'minor',
  firstVersion: '1.0.0',
  makeLatest: false,
  assets: ['report', 'model_card', 'ledger'],
};

describe('parseConfig: the documented examples', () => {
  test('PRODUCT.md §1 parses as written; the empty policy/release placeholders mean defaults', () => {
    const config = parseConfig(SECTION_1, FILE);
    expect(config).toEqual({
      file: FILE,
      version: 1,
      defaults: DEFAULTS,
      models: [CHURN],
      policy: {
        allowAuthor: false,
        invalidateOnPush: true,
        workflows: ['.github/workflows/modelgate.yml'],
        rules: [],
      },
      release: DEFAULT_RELEASE,
      dashboard: true,
    });
  });

  test('§1 with the §4 policy and §5 release sections parses to the full Config', () => {
    const config = parseConfig(FULL_EXAMPLE, FILE);
    expect(config.models).toEqual([CHURN]);
    expect(config.policy).toEqual({
      allowAuthor: false,
      invalidateOnPush: true,
      workflows: ['.github/workflows/modelgate.yml'],
      rules: [
        {
          name: 'ML lead review',
          if: { risk: ['medium', 'high'] },
          require: { count: 1, users: [], teams: ['ml-leads'] },
        },
        {
          name: 'Responsible AI review',
          if: { fairness: ['fail', 'warn'] },
          require: { count: 1, users: [], teams: ['responsible-ai'] },
        },
        {
          name: 'Business owner',
          if: { models: ['churn'] },
          require: { count: 1, users: ['bob'], teams: [], permission: 'write' },
        },
      ],
    });
    expect(config.release).toEqual(DEFAULT_RELEASE);
    expect(config.dashboard).toBe(true);
  });

  test('gates keep the order of the file, not the order of the metric registry', () => {
    const config = parseConfig(SECTION_1, FILE);
    expect(Object.keys(config.models[0]!.gates)).toEqual(['roc_auc', 'accuracy', 'log_loss', 'recall']);
    expect(Object.keys(config.models[0]!.fairness)).toEqual([
      'demographic_parity_ratio',
      'equalized_odds_difference',
    ]);
  });
});

/** A minimal model entry; `extra` lines are appended at model indentation. */
function oneModel(fields: Record<string, string>, extra = ''): string {
  const lines = Object.entries(fields).map(([k, v]) => `    ${k}: ${v}`);
  return `version: 1\nmodels:\n  m:\n${lines.join('\n')}\n${extra}`;
}

const BASE = { artifact: 'models/m/model.onnx', data: 'data/eval.csv', task: 'binary', target: 'y' };

describe('parseConfig: derived defaults', () => {
  test.each([
    ['models/m/model.onnx', 'onnx'],
    ['models/m/MODEL.ONNX', 'onnx'],
    ['preds/m.csv', 'predictions'],
    ['preds/m.jsonl', 'predictions'],
    ['preds/m.parquet', 'predictions'],
  ])('runner of %s defaults to %s', (artifact, runner) => {
    const config = parseConfig(oneModel({ ...BASE, artifact }), FILE);
    expect(config.models[0]!.runner).toBe(runner);
  });

  test('a command without a runner means runner: command, whatever the extension', () => {
    const config = parseConfig(
      oneModel({ ...BASE, artifact: 'models/m/model.pkl', command: '"python p.py {model} {data} {out}"' }),
      FILE,
    );
    expect(config.models[0]).toMatchObject({
      runner: 'command',
      command: 'python p.py {model} {data} {out}',
    });
  });

  test.each([
    ['binary', 'roc_auc'],
    ['multiclass', 'accuracy'],
    ['regression', 'rmse'],
  ])('primary metric of a %s model defaults to %s', (task, metric) => {
    expect(parseConfig(oneModel({ ...BASE, task }), FILE).models[0]!.primaryMetric).toBe(metric);
  });

  test('a configured primary metric is kept', () => {
    expect(parseConfig(oneModel({ ...BASE, primary_metric: 'f1' }), FILE).models[0]!.primaryMetric).toBe(
      'f1',
    );
  });

  test.each([
    [undefined, '1'],
    ['1', '1'],
    ['1.0', '1'],
    ['"1.0"', '1.0'],
    ['yes', 'yes'],
    ['true', 'true'],
    ['"Churned"', 'Churned'],
    ['0', '0'],
  ])('positive %s is stored as the text %s', (written, expected) => {
    const fields = written === undefined ? BASE : { ...BASE, positive: written };
    expect(parseConfig(oneModel(fields), FILE).models[0]!.positive).toBe(expected);
  });

  test('paths are normalised', () => {
    const config = parseConfig(
      oneModel({ ...BASE, artifact: './models//m/../m/model.onnx', data: 'data/./eval.csv' }),
      FILE,
    );
    expect(config.models[0]).toMatchObject({ artifact: 'models/m/model.onnx', data: 'data/eval.csv' });
  });

  test('the templates directory is normalised, and absent when not set', () => {
    expect(parseConfig(oneModel(BASE, 'templates: ./.github//modelgate/\n'), FILE).templates).toBe(
      '.github/modelgate',
    );
    expect(Object.hasOwn(parseConfig(oneModel(BASE), FILE), 'templates')).toBe(false);
  });

  test('models keep the order of the file', () => {
    const model = (n: string) =>
      `  ${n}:\n    artifact: a/${n}.onnx\n    data: d.csv\n    task: regression\n    target: y\n`;
    const config = parseConfig(
      `version: 1\nmodels:\n${model('zeta')}${model('alpha')}${model('team/mid')}`,
      FILE,
    );
    expect(config.models.map((m) => m.name)).toEqual(['zeta', 'alpha', 'team/mid']);
  });

  test('optional keys that are not set are absent, not undefined', () => {
    const model = parseConfig(oneModel(BASE), FILE).models[0]!;
    for (const key of ['command', 'id', 'features', 'threshold', 'monitor'])
      expect(Object.hasOwn(model, key)).toBe(false);
    expect(model).toMatchObject({
      sensitive: [],
      intersections: false,
      risk: 'medium',
      gates: {},
      fairness: {},
      operational: {},
    });
  });

  test('a monitor section maps to camelCase with its defaults', () => {
    const extra =
      '    monitor:\n      data: data/fresh/*.csv\n      gates:\n        roc_auc: { max_degradation: 0.02 }\n';
    const model = parseConfig(oneModel(BASE, extra), FILE).models[0]!;
    expect(model.monitor).toEqual({
      data: 'data/fresh/*.csv',
      minRows: 200,
      gates: { roc_auc: { maxDegradation: 0.02, test: 'point' } },
      fairness: {},
      drift: {
        psiMax: 0.2,
        ksMax: 0.1,
        jsMax: 0.1,
        maxShareDrifted: 0.3,
        categorical: 'jensen_shannon',
        cramersVMax: 0.1,
        alpha: 0.05,
        predictions: true,
        labels: true,
      },
    });
  });

  test('anchors and aliases are resolved', () => {
    const text = `${oneModel(BASE)}  n:\n    artifact: a/n.onnx\n    data: d.csv\n    task: binary\n    target: y\n    gates: { roc_auc: &g { min: 0.7 }, average_precision: *g }\n`;
    const n = parseConfig(text, FILE).models[1]!;
    expect(n.gates.average_precision).toEqual({ min: 0.7, test: 'point', warnWithinNoise: true });
  });
});
