import * as ort from 'onnxruntime-node';
import protobuf from 'protobufjs';
import { computeClassifierScores } from '../../scripts/onnx/compute-classifier-scores.js';
import type { BinaryClassifierSpec, OnnxClassifierOptions } from '../../scripts/onnx/write-onnx.js';
import { buildOnnxClassifier } from '../../scripts/onnx/write-onnx.js';

const F = 3;
const LOGISTIC: BinaryClassifierSpec = {
  kind: 'logistic_regression',
  mean: [1, 2, 0],
  scale: [2, 0.5, 1],
  weights: [0.7, -1.2, 0],
  intercept: -0.3,
};
const TREES: BinaryClassifierSpec = {
  kind: 'tree_ensemble',
  baseScore: -0.8,
  trees: [
    {
      feature: 0,
      threshold: 1.5,
      left: { value: -0.3 },
      right: { feature: 1, threshold: 2.25, left: { value: 0.2 }, right: { value: 0.9 } },
    },
    {
      feature: 2,
      threshold: 0.5,
      left: { feature: 0, threshold: 0.5, left: { value: 0.1 }, right: { value: -0.05 } },
      right: { value: 0.4 },
    },
  ],
};

/** Every combination of values on a grid that contains the split thresholds themselves (x <= t goes left). */
function grid(): Float32Array {
  const values = [-1, 0, 0.5, 1, 1.5, 2, 2.25, 3];
  const rows: number[] = [];
  for (const a of values) for (const b of values) for (const c of values) rows.push(a, b, c);
  return Float32Array.from(rows);
}

async function run(options: OnnxClassifierOptions, x: Float32Array, fetches?: string[]) {
  const session = await ort.InferenceSession.create(buildOnnxClassifier(options));
  const feeds = { input: new ort.Tensor('float32', x, [x.length / F, F]) };
  return { session, outputs: fetches ? await session.run(feeds, fetches) : await session.run(feeds) };
}

/** Top-level ModelProto fields, read with protobufjs (an encoder-independent check of field numbers). */
function readModelHeader(bytes: Uint8Array) {
  const reader = protobuf.Reader.create(bytes);
  const header = {
    irVersion: 0,
    producer: '',
    version: '',
    opsets: [] as string[],
    metadata: [] as string[],
  };
  const pair = (b: Uint8Array) => {
    const r = protobuf.Reader.create(b);
    const parts: string[] = [];
    while (r.pos < r.len) {
      const tag = r.uint32();
      parts.push((tag & 7) === 0 ? String(r.int64()) : r.string());
    }
    return parts.join('=');
  };
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === 1) header.irVersion = Number(reader.int64());
    else if (field === 2) header.producer = reader.string();
    else if (field === 3) header.version = reader.string();
    else if (field === 8) header.opsets.push(pair(reader.bytes()));
    else if (field === 14) header.metadata.push(pair(reader.bytes()));
    else reader.skipType(tag & 7);
  }
  return header;
}

describe.each([
  ['logistic regression', LOGISTIC],
  ['tree ensemble', TREES],
])('%s', (_, classifier) => {
  const options: OnnxClassifierOptions = { classifier, featureCount: F, producerVersion: '9.9.9' };

  test('onnxruntime scores equal the float32 reference on every row, thresholds included', async () => {
    const x = grid();
    const { session, outputs } = await run(options, x);
    expect(session.inputMetadata).toEqual([
      { name: 'input', isTensor: true, type: 'float32', shape: ['N', F] },
    ]);
    expect(session.outputNames).toEqual(['label', 'probabilities']);
    const reference = computeClassifierScores(classifier, x, F);
    const proba = outputs.probabilities!.data as Float32Array;
    const label = outputs.label!.data as BigInt64Array;
    expect(outputs.probabilities!.dims).toEqual([x.length / F, 2]);
    expect(new Set(reference.label).size).toBe(2); // the grid reaches both classes
    reference.probability.forEach((p, i) => {
      expect(Math.abs(proba[2 * i + 1]! - p)).toBeLessThan(1e-6);
      expect(Math.abs(proba[2 * i]! + proba[2 * i + 1]! - 1)).toBeLessThan(1e-6);
      expect(Number(label[i])).toBe(reference.label[i]);
    });
  });

  test('the ZipMap variant declares a sequence-of-maps output and still yields the label tensor', async () => {
    const x = grid();
    const { session, outputs } = await run({ ...options, output: 'zipmap' }, x, ['label']);
    expect(session.outputMetadata).toEqual([
      { name: 'label', isTensor: true, type: 'int64', shape: ['N'] },
      { name: 'probabilities', isTensor: false },
    ]);
    const reference = computeClassifierScores(classifier, x, F);
    expect(Array.from(outputs.label!.data as BigInt64Array, Number)).toEqual(Array.from(reference.label));
  });
});

test('the ModelProto header carries IR version, producer, opsets and metadata in order', () => {
  const bytes = buildOnnxClassifier({
    classifier: LOGISTIC,
    featureCount: F,
    producerVersion: '2.3.4',
    metadata: { role: 'candidate', model: 'churn' },
  });
  expect(readModelHeader(bytes)).toEqual({
    irVersion: 8,
    producer: 'modelgate-demo',
    version: '2.3.4',
    opsets: ['17', 'ai.onnx.ml=3'],
    metadata: ['role=candidate', 'model=churn'],
  });
});

test('equal options give equal bytes', () => {
  const options: OnnxClassifierOptions = {
    classifier: TREES,
    featureCount: F,
    producerVersion: '1',
    output: 'zipmap',
  };
  expect(Buffer.from(buildOnnxClassifier(options)).equals(Buffer.from(buildOnnxClassifier(options)))).toBe(
    true,
  );
});

test.each([
  ['a parameter vector of the wrong length', { ...LOGISTIC, mean: [0, 0] }, /mean: expected 3 values, got 2/],
  [
    'a split on a feature outside the input',
    {
      kind: 'tree_ensemble',
      baseScore: 0,
      trees: [{ feature: 3, threshold: 0, left: { value: -1 }, right: { value: 1 } }],
    },
    /feature 3 is outside \[0, 3\)/,
  ],
  [
    'a non-finite threshold',
    {
      kind: 'tree_ensemble',
      baseScore: 0,
      trees: [{ feature: 0, threshold: Number.NaN, left: { value: -1 }, right: { value: 1 } }],
    },
    /threshold NaN is not finite/,
  ],
  [
    'only non-negative leaves',
    {
      kind: 'tree_ensemble',
      baseScore: 0,
      trees: [{ feature: 0, threshold: 0, left: { value: 0 }, right: { value: 1 } }],
    },
    /at least one leaf value must be negative/,
  ],
] as [string, BinaryClassifierSpec, RegExp][])('rejects %s', (_, classifier, message) => {
  expect(() => buildOnnxClassifier({ classifier, featureCount: F, producerVersion: '1' })).toThrow(message);
});

test('the reference scorer rejects an input that is not whole rows', () => {
  expect(() => computeClassifierScores(LOGISTIC, new Float32Array(4), F)).toThrow(RangeError);
});
