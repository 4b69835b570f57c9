import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOnnxModel, loadOnnxModel, type OnnxModel } from '../../../action/runners/onnx-runner.js';
import { DataError, ModelError } from '../../../shared/errors.js';
import type { Predictions } from '../../../shared/evaluate/types.js';
import {
  buildLinearClassifier,
  buildLinearRegressor,
  buildMulticlassClassifier,
  buildNamedInputClassifier,
  buildSigmoidGraph,
  DT,
} from '../../fixtures/onnx/build-onnx.js';
import { categorical, caught, numeric, sigmoid, table } from './table-helpers.js';

const W = [0.8, -0.5];
const B = 0.1;
const A = [-2, -1, 0, 0.5, 1, 2, 3];
const C = [1, 0.5, 2, -1, 0, 4, -3];
const data = table([
  numeric('a', A),
  numeric('b', C),
  categorical('group', ['x', 'y', 'x', 'y', 'x', 'y', 'x']),
]);
/** P(class 1) = sigmoid(0.8 a − 0.5 b + 0.1), computed in float64. */
const expected = A.map((a, i) => sigmoid(W[0]! * a + W[1]! * C[i]! + B));

const models: OnnxModel[] = [];
async function open(bytes: Uint8Array, name = 'models/test.onnx'): Promise<OnnxModel> {
  const model = await createOnnxModel(bytes, name);
  models.push(model);
  return model;
}
afterAll(async () => {
  for (const m of models) await m.dispose();
});

function binary(p: Predictions): { score: Float64Array; label: Uint8Array | null } {
  if (p.task !== 'binary') throw new Error(`expected binary predictions, got ${p.task}`);
  return p;
}

function expectClose(actual: ArrayLike<number>, wanted: readonly number[], tolerance = 1e-6): void {
  expect(actual.length).toBe(wanted.length);
  wanted.forEach((w, i) => {
    expect(Math.abs(actual[i]! - w)).toBeLessThan(tolerance);
  });
}

describe('ONNX metadata', () => {
  it('reads producer, IR version, opsets, properties and the declared signature, ZipMap included', async () => {
    const model = await open(buildLinearClassifier({ weights: W, bias: B, zipMap: true }));
    expect(model.metadata).toEqual({
      format: 'onnx',
      producer: 'skl2onnx',
      producerVersion: '1.17.0',
      irVersion: 8,
      opsets: { 'ai.onnx': 17, 'ai.onnx.ml': 3 },
      inputs: [{ name: 'input', type: 'float32', shape: ['N', 2] }],
      outputs: [
        { name: 'label', type: 'int64', shape: ['N'] },
        { name: 'probabilities', type: 'seq(map(int64,float32))', shape: [] },
      ],
      properties: { model: 'linear', role: 'test' },
    });
    expect(model.loadMs).toBeGreaterThan(0);
  });

  it('excludes initializers from the inputs of a graph that lists them', async () => {
    const model = await open(buildSigmoidGraph({ weights: W, bias: B }));
    expect(model.metadata.inputs).toEqual([{ name: 'x', type: 'float32', shape: ['batch', 2] }]);
    expect(model.metadata).toMatchObject({ producer: 'pytorch', irVersion: 7, opsets: { 'ai.onnx': 13 } });
  });
});

describe('binary classifiers', () => {
  it('reads label and [N, 2] probabilities; column 1 is the positive class', async () => {
    const model = await open(buildLinearClassifier({ weights: W, bias: B }));
    const { predictions, batchMsPerRow } = await model.predict(data, {
      features: ['a', 'b'],
      task: 'binary',
    });
    const p = binary(predictions);
    expectClose(p.score, expected);
    expect(Array.from(p.label!)).toEqual(expected.map((s) => (s > 0.5 ? 1 : 0)));
    expect(batchMsPerRow).toHaveLength(1);
  });

  it('gives the same scores in any batch size, one latency figure per batch', async () => {
    const model = await open(buildLinearClassifier({ weights: W, bias: B }));
    const full = binary((await model.predict(data, { features: ['a', 'b'], task: 'binary' })).predictions);
    for (const batchSize of [1, 3, 7]) {
      const run = await model.predict(data, { features: ['a', 'b'], task: 'binary', batchSize });
      expectClose(binary(run.predictions).score, Array.from(full.score), 1e-7);
      expect(run.batchMsPerRow).toHaveLength(Math.ceil(A.length / batchSize));
    }
  });

  it.each([
    ['float32', DT.float],
    ['float64', DT.double],
  ])('packs many columns into a %s matrix in model-input order', async (_, inputType) => {
    // Seven columns: one pass of four, then three single columns; batches of 3 leave a partial one.
    const weights = [0.3, -0.2, 0.1, 0.05, -0.4, 0.25, -0.15];
    const names = weights.map((__, j) => `f${j}`);
    const columns = names.map((name, j) =>
      numeric(
        name,
        A.map((a, i) => a * (j + 1) - C[i]! * j),
      ),
    );
    const wide = table([...columns].reverse());
    const want = A.map((__, i) =>
      sigmoid(weights.reduce((z, w, j) => z + w * (A[i]! * (j + 1) - C[i]! * j), 0) + B),
    );
    const model = await open(buildLinearClassifier({ weights, bias: B, inputType }));
    const p = binary(
      (await model.predict(wide, { features: names, task: 'binary', batchSize: 3 })).predictions,
    );
    expectClose(p.score, want);
  });

  it('treats a single input of unknown shape as the feature matrix', async () => {
    const model = await open(buildLinearClassifier({ weights: W, bias: B, inputShape: null }));
    expect(model.metadata.inputs).toEqual([{ name: 'input', type: 'float32', shape: [] }]);
    const p = binary((await model.predict(data, { features: ['a', 'b'], task: 'binary' })).predictions);
    expectClose(p.score, expected);
  });

  it('reads ZipMap probabilities (sequence of maps) through the rewritten model', async () => {
    const model = await open(buildLinearClassifier({ weights: W, bias: B, zipMap: true }));
    const p = binary(
      (await model.predict(data, { features: ['a', 'b'], task: 'binary', batchSize: 4 })).predictions,
    );
    expectClose(p.score, expected);
    expect(Array.from(p.label!)).toEqual(expected.map((s) => (s > 0.5 ? 1 : 0)));
  });

  it('matches the configured positive label against string ZipMap keys', async () => {
    const model = await open(
      buildLinearClassifier({ weights: W, bias: B, zipMap: true, classes: ['no', 'yes'] }),
    );
    const yes = binary(
      (await model.predict(data, { features: ['a', 'b'], task: 'binary', positiveLabel: 'yes' })).predictions,
    );
    expectClose(yes.score, expected);
    expect(Array.from(yes.label!)).toEqual(expected.map((s) => (s > 0.5 ? 1 : 0)));
    const no = binary(
      (await model.predict(data, { features: ['a', 'b'], task: 'binary', positiveLabel: 'no' })).predictions,
    );
    expectClose(
      no.score,
      expected.map((s) => 1 - s),
    );
    expect(Array.from(no.label!)).toEqual(expected.map((s) => (s > 0.5 ? 0 : 1)));
  });

  it.each([
    [[-1, 1], '1'],
    [[2 ** 40, 2 ** 40 + 1], String(2 ** 40 + 1)],
  ] as [[number, number], string][])(
    'maps int64 class labels %j to 0/1 against positive %s',
    async (intClasses, positiveLabel) => {
      const model = await open(buildLinearClassifier({ weights: W, bias: B, intClasses }));
      const p = binary(
        (await model.predict(data, { features: ['a', 'b'], task: 'binary', positiveLabel })).predictions,
      );
      expectClose(p.score, expected);
      expect(Array.from(p.label!)).toEqual(expected.map((s) => (s > 0.5 ? 1 : 0)));
    },
  );

  it('rejects a positive label that is not one of the model classes', async () => {
    const model = await open(buildLinearClassifier({ weights: W, bias: B, classes: ['no', 'yes'] }));
    const error = await caught(() =>
      model.predict(data, { features: ['a', 'b'], task: 'binary', positiveLabel: '1' }),
    );
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toBe(
      "models/test.onnx: positive label '1' is not one of the model's classes [no, yes]",
    );
  });

  it('takes column 0 for positive label 0 when the model declares no classes, and has no label output', async () => {
    const model = await open(buildSigmoidGraph({ weights: W, bias: B }));
    const one = binary((await model.predict(data, { features: ['a', 'b'], task: 'binary' })).predictions);
    expectClose(one.score, expected);
    expect(one.label).toBeNull();
    const zero = binary(
      (await model.predict(data, { features: ['a', 'b'], task: 'binary', positiveLabel: '0' })).predictions,
    );
    expectClose(
      zero.score,
      expected.map((s) => 1 - s),
    );
  });
});

describe('named per-column inputs', () => {
  const weights: [number, number, number, number] = [0.05, 0.001, 0.3, 1.5];
  const bias = -3;
  const named = table([
    numeric('age', [25, 40, 61, 33]),
    numeric('income', [1200.5, 300, 4500.25, 0]),
    numeric('visits', [0, 3, 7, 1]),
    categorical('plan', ['basic', 'pro', 'other', null]),
  ]);
  // plan maps basic → 0, pro → 1, anything else (also the empty cell) → −1.
  const plan = [0, 1, -1, -1];
  const want = [0, 1, 2, 3].map((i) => {
    const x = [named.columns.get('age'), named.columns.get('income'), named.columns.get('visits')].map((c) =>
      c?.kind === 'numeric' ? c.values[i]! : 0,
    );
    return sigmoid(
      weights[0] * x[0]! + weights[1] * x[1]! + weights[2] * x[2]! + weights[3] * plan[i]! + bias,
    );
  });

  it('feeds float, double, int64 and string inputs by name, whatever the feature order', async () => {
    const model = await open(buildNamedInputClassifier({ weights, bias }));
    const p = binary(
      (
        await model.predict(named, {
          features: ['plan', 'visits', 'income', 'age'],
          task: 'binary',
          batchSize: 3,
        })
      ).predictions,
    );
    expectClose(p.score, want);
  });

  it('names the missing input and the feature columns', async () => {
    const model = await open(buildNamedInputClassifier({ weights, bias }));
    const error = await caught(() =>
      model.predict(named, { features: ['age', 'income', 'plan'], task: 'binary' }),
    );
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toBe(
      "models/test.onnx: model expects inputs 'age' float32 [N, 1], 'income' float64 [N, 1], 'visits' int64 [N, 1], 'plan' string [N, 1]; no feature column for input(s) visits; the 3 feature columns are age, income, plan",
    );
  });

  it('rejects a text column for a numeric input', async () => {
    const model = await open(buildNamedInputClassifier({ weights, bias }));
    const swapped = table([
      numeric('plan', [1, 2, 3, 4]),
      categorical('age', ['a', 'b', 'c', 'd']),
      named.columns.get('income')!,
      named.columns.get('visits')!,
    ]);
    const error = await caught(() =>
      model.predict(swapped, { features: ['age', 'income', 'visits', 'plan'], task: 'binary' }),
    );
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toContain("column 'age' holds text (row 1: 'a'), but input 'age' is float32");
  });

  it('rejects a non-integer value for an int64 input with the row', async () => {
    const model = await open(buildNamedInputClassifier({ weights, bias }));
    const bad = table([
      named.columns.get('age')!,
      named.columns.get('income')!,
      numeric('visits', [0, 3, 2.5, 1]),
      named.columns.get('plan')!,
    ]);
    const error = await caught(() =>
      model.predict(bad, { features: ['age', 'income', 'visits', 'plan'], task: 'binary' }),
    );
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toBe(
      'data/eval.csv, row 3, column "visits": is 2.5, not an integer, but the model input is int64',
    );
  });
});

describe('regression and multiclass', () => {
  it('reads a regressor output [N, 1]', async () => {
    const model = await open(buildLinearRegressor({ weights: [2, -3], bias: 0.5 }));
    const { predictions } = await model.predict(data, {
      features: ['a', 'b'],
      task: 'regression',
      batchSize: 2,
    });
    if (predictions.task !== 'regression') throw new Error('not regression');
    expectClose(
      predictions.prediction,
      A.map((a, i) => 2 * a - 3 * C[i]! + 0.5),
      1e-5,
    );
  });

  // Softmax over (a, b, −a − b): classes c0 = 'low', c1 = 'mid', c2 = 'high'.
  const classes = ['low', 'mid', 'high'];
  const softmax = A.map((a, i) => {
    const z = [a, C[i]!, -a - C[i]!].map(Math.exp);
    const s = z[0]! + z[1]! + z[2]!;
    return z.map((v) => v / s);
  });
  const argmax = softmax.map((p) => p.indexOf(Math.max(...p)));

  it.each([false, true])(
    'reads class labels, [N, k] probabilities and string labels (ZipMap: %s)',
    async (zipMap) => {
      const model = await open(
        buildMulticlassClassifier({
          classes,
          coefficients: [1, 0, 0, 1, -1, -1],
          intercepts: [0, 0, 0],
          zipMap,
        }),
      );
      const { predictions } = await model.predict(data, {
        features: ['a', 'b'],
        task: 'multiclass',
        batchSize: 3,
      });
      if (predictions.task !== 'multiclass') throw new Error('not multiclass');
      expect(predictions.classes).toEqual(classes);
      expectClose(predictions.proba, softmax.flat());
      expect(Array.from(predictions.label!)).toEqual(argmax);
    },
  );

  it('rejects a three-class model for a binary task', async () => {
    const model = await open(
      buildMulticlassClassifier({ classes, coefficients: [1, 0, 0, 1, -1, -1], intercepts: [0, 0, 0] }),
    );
    const error = await caught(() => model.predict(data, { features: ['a', 'b'], task: 'binary' }));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toBe(
      'models/test.onnx: the task is binary, but the probability output has 3 columns',
    );
  });
});

describe('bad inputs and outputs', () => {
  it('names the expected and the found signature when F differs', async () => {
    const model = await open(buildLinearClassifier({ weights: [1, 2, 3], bias: 0 }));
    const error = await caught(() => model.predict(data, { features: ['a', 'b'], task: 'binary' }));
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('model_signature');
    expect(error.message).toBe(
      "models/test.onnx: model expects input 'input' float32 [N, 3]; the data has 2 feature columns: a, b",
    );
  });

  it('rejects a text column in a numeric matrix', async () => {
    const model = await open(buildLinearClassifier({ weights: W, bias: B }));
    const error = await caught(() => model.predict(data, { features: ['a', 'group'], task: 'binary' }));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toContain('row 1, column "group": "x" is not a number');
  });

  it('names a feature column missing from the data', async () => {
    const model = await open(buildLinearClassifier({ weights: W, bias: B }));
    const error = await caught(() => model.predict(data, { features: ['a', 'tenure'], task: 'binary' }));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toBe(
      'data/eval.csv, column "tenure": feature column(s) not found: tenure; the data has a, b, group',
    );
  });

  it('rejects a NaN score with its data row', async () => {
    const model = await open(buildSigmoidGraph({ weights: W, bias: B }));
    const withNaN = table([numeric('a', [1, 2, 3, 4, 5]), numeric('b', [0, 0, 0, Number.NaN, 0])]);
    const error = await caught(() =>
      model.predict(withNaN, { features: ['a', 'b'], task: 'binary', batchSize: 2 }),
    );
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('model_output');
    expect(error.message).toBe(
      "models/test.onnx: output 'probabilities' gives a score of NaN for data row 4",
    );
  });

  it('rejects scores outside [0, 1] with the row', async () => {
    // Weights and inputs exact in float32: z = 0.5 a − 0.25 b + 0.5 gives 0.5, 0.75, then 2.
    const model = await open(buildSigmoidGraph({ weights: [0.5, -0.25], bias: 0.5, raw: true }));
    const exact = table([numeric('a', [0, 0.5, 3]), numeric('b', [0, 0, 0])]);
    const error = await caught(() => model.predict(exact, { features: ['a', 'b'], task: 'binary' }));
    expect(error.message).toBe(
      "models/test.onnx: output 'probabilities' gives a score of 2 (outside [0, 1]) for data row 3",
    );
  });

  it('says when a classifier has no probability output', async () => {
    const model = await open(buildLinearRegressor({ weights: W, bias: B }));
    const error = await caught(() => model.predict(data, { features: ['a', 'b'], task: 'multiclass' }));
    expect(error.message).toBe(
      "models/test.onnx: no probability output (a float tensor [N, k] or a ZipMap); the outputs are 'variable' float32 [N, 1]",
    );
  });

  it('rejects an empty table', async () => {
    const model = await open(buildLinearClassifier({ weights: W, bias: B }));
    const error = await caught(() =>
      model.predict(table([numeric('a', []), numeric('b', [])]), { features: ['a', 'b'], task: 'binary' }),
    );
    expect(error).toBeInstanceOf(DataError);
  });
});

describe('loading', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onnx-runner-test-'));
  });

  it('loads a model from a path and shows the display path', async () => {
    const path = join(dir, 'ok.onnx');
    await writeFile(path, buildLinearClassifier({ weights: W, bias: B }));
    const model = await loadOnnxModel(path, { displayPath: 'models/churn/model.onnx' });
    models.push(model);
    expect(model.path).toBe('models/churn/model.onnx');
    expect(model.bytes).toBeGreaterThan(100);
  });

  it.each([
    ['random bytes', Uint8Array.from([0x08, 0x07, 0x12, 0xff, 0x01, 0x02])],
    ['text', new TextEncoder().encode('this is not a model\n')],
  ])('rejects %s as not a valid ONNX model', async (_, bytes) => {
    const path = join(dir, 'bad.onnx');
    await writeFile(path, bytes);
    const error = await caught(() => loadOnnxModel(path, { displayPath: 'models/bad.onnx' }));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/^models\/bad\.onnx: not a valid ONNX model/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('rejects a model ONNX Runtime cannot load, keeping its error as the cause', async () => {
    const good = buildLinearClassifier({ weights: W, bias: B });
    // Only the graph's last bytes are cut: the header parses, the graph does not.
    const truncated = good.slice(0, good.length - 40);
    const error = await caught(() => createOnnxModel(truncated, 'models/cut.onnx'));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/^models\/cut\.onnx: not a valid ONNX model/);
    expect(error.cause).toBeDefined();
  });

  it('reports a missing file as unreadable', async () => {
    const error = await caught(() =>
      loadOnnxModel(join(dir, 'missing.onnx'), { displayPath: 'models/missing.onnx' }),
    );
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('model_unreadable');
  });
});
