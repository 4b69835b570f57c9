import { compareMetadata } from '../../../shared/evaluate/compare-metadata.js';
import type { ModelMetadata } from '../../../shared/report/schema.js';

const base: ModelMetadata = {
  format: 'onnx',
  producer: 'skl2onnx',
  producerVersion: '1.16',
  irVersion: 8,
  opsets: { '': 17, 'ai.onnx.ml': 3 },
  inputs: [{ name: 'input', type: 'float32', shape: ['N', 14] }],
  outputs: [{ name: 'label', type: 'int64', shape: ['N'] }],
};

describe('compareMetadata', () => {
  it('finds nothing for identical metadata or a first promotion', () => {
    expect(compareMetadata(base, { ...base })).toEqual([]);
    expect(compareMetadata(base, null)).toEqual([]);
  });

  it('flags opset, producer, IR and signature changes', () => {
    const candidate: ModelMetadata = {
      ...base,
      producer: 'modelgate-demo',
      irVersion: 9,
      opsets: { '': 18, 'ai.onnx.ml': 3 },
      inputs: [{ name: 'input', type: 'float32', shape: ['N', 15] }],
    };
    const codes = compareMetadata(candidate, base).map((f) => f.code);
    expect(codes).toEqual(['producer_changed', 'ir_version_changed', 'opset_changed', 'inputs_changed']);
    expect(compareMetadata(candidate, base)[2]!.message).toBe('The ai.onnx opset changed from 17 to 18.');
  });
});
