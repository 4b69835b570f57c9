import { parseOnnxModel } from '../../../action/runners/parse-onnx-model.js';
import {
  decodePackedVarints,
  encodeVarint,
  parseWireFields,
  WireFormatError,
} from '../../../action/runners/protobuf-wire.js';
import { buildModelWithoutZipMaps } from '../../../action/runners/strip-zip-maps.js';
import {
  buildLinearClassifier,
  buildModel,
  buildMulticlassClassifier,
  DT,
} from '../../fixtures/onnx/build-onnx.js';

describe('protobuf wire format', () => {
  it('round-trips varints past 32 bits', () => {
    for (const v of [0, 1, 127, 128, 300, 2 ** 31, 2 ** 40 + 5]) {
      const [field] = parseWireFields(Uint8Array.from([0x08, ...encodeVarint(v)]));
      expect(field?.varint).toBe(BigInt(v));
    }
  });

  it('decodes negative int64 values (ten-byte varints)', () => {
    // -1 and -2 as int64: 0xff..ff01 and 0xfe ff..ff01 (protobuf encodes negatives as 10 bytes).
    const minusOne = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
    const minusTwo = [0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
    expect(decodePackedVarints(Uint8Array.from([...minusOne, 0x05, ...minusTwo]))).toEqual([-1n, 5n, -2n]);
  });

  it.each([
    ['a truncated length', [0x12, 0x05, 0x61]],
    ['a truncated varint', [0x08, 0x80]],
    ['field number 0', [0x00, 0x01]],
    ['wire type 3 (groups)', [0x0b]],
  ])('rejects %s', (_, bytes) => {
    expect(() => parseWireFields(Uint8Array.from(bytes))).toThrow(WireFormatError);
  });
});

describe('parseOnnxModel', () => {
  it('reads header fields, opsets by domain, metadata_props and class labels', () => {
    const info = parseOnnxModel(buildLinearClassifier({ weights: [1, 2], bias: 0, classes: ['no', 'yes'] }));
    expect(info).toMatchObject({
      irVersion: 8,
      producer: 'skl2onnx',
      producerVersion: '1.17.0',
      modelVersion: 3,
      docString: 'a model built for tests',
      opsets: { 'ai.onnx': 17, 'ai.onnx.ml': 3 },
      properties: { model: 'linear', role: 'test' },
      classLabels: ['no', 'yes'],
      zipMaps: [],
    });
  });

  it('reads negative integer class labels', () => {
    const model = buildModel({
      inputs: { X: { tensor: DT.float, shape: ['N', 1] } },
      outputs: {
        label: { tensor: DT.int64, shape: ['N'] },
        probabilities: { tensor: DT.float, shape: ['N', 2] },
      },
      nodes: [
        {
          op: 'LinearClassifier',
          domain: 'ai.onnx.ml',
          inputs: ['X'],
          outputs: ['label', 'probabilities'],
          attrs: {
            coefficients: { floats: [-1, 1] },
            intercepts: { floats: [0, 0] },
            classlabels_ints: { ints: [-1, 1] },
          },
        },
      ],
    });
    expect(parseOnnxModel(model).classLabels).toEqual(['-1', '1']);
  });

  it('finds a ZipMap feeding a graph output and its keys', () => {
    const info = parseOnnxModel(
      buildMulticlassClassifier({
        classes: ['a', 'b', 'c'],
        coefficients: [1, 0, 0, 1, 1, 1],
        intercepts: [0, 0, 0],
        zipMap: true,
      }),
    );
    expect(info.zipMaps).toEqual([
      { output: 'probabilities', input: 'scores', classes: ['a', 'b', 'c'], nodeIndex: 1 },
    ]);
    expect(info.outputs[1]).toEqual({ name: 'probabilities', type: 'seq(map(string,float32))', shape: [] });
  });

  it('rejects protobuf that holds no graph', () => {
    expect(() => parseOnnxModel(Uint8Array.from([0x08, 0x07]))).toThrow('no ir_version or graph field');
  });
});

describe('buildModelWithoutZipMaps', () => {
  it('returns the same bytes when there is no ZipMap', () => {
    const bytes = buildLinearClassifier({ weights: [1], bias: 0 });
    expect(buildModelWithoutZipMaps(bytes, parseOnnxModel(bytes))).toBe(bytes);
  });

  it('replaces the ZipMap output with its float tensor and keeps everything else', () => {
    const bytes = buildLinearClassifier({ weights: [1, 2], bias: 0, zipMap: true });
    const rewritten = parseOnnxModel(buildModelWithoutZipMaps(bytes, parseOnnxModel(bytes)));
    expect(rewritten.zipMaps).toEqual([]);
    expect(rewritten.outputs.map((o) => [o.name, o.type])).toEqual([
      ['label', 'int64'],
      ['probability_tensor', 'float32'],
    ]);
    expect(rewritten).toMatchObject({
      producer: 'skl2onnx',
      irVersion: 8,
      properties: { model: 'linear', role: 'test' },
      classLabels: ['0', '1'],
    });
  });
});
