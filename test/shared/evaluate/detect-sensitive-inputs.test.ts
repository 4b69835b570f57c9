import type { Column } from '../../../shared/data/table.js';
import {
  computeProxyStrength,
  detectSensitiveInputs,
} from '../../../shared/evaluate/detect-sensitive-inputs.js';

const cat = (name: string, values: string[]): Column => {
  const levels = [...new Set(values)];
  return { kind: 'categorical', name, levels, codes: Int32Array.from(values, (v) => levels.indexOf(v)) };
};
const num = (name: string, values: number[]): Column => ({
  kind: 'numeric',
  name,
  values: Float64Array.from(values),
});
const times = <T>(values: T[], k: number): T[] => Array.from({ length: k }, () => values).flat();

describe('detectSensitiveInputs', () => {
  const gender = cat('gender', times(['f', 'm', 'f', 'm', 'f', 'm', 'f', 'm'], 40));

  it('flags one-hot encodings of a sensitive column once, listing them', () => {
    const flags = detectSensitiveInputs({
      features: [
        num('gender=f', times([1, 0, 1, 0, 1, 0, 1, 0], 40)),
        num('gender=m', times([0, 1, 0, 1, 0, 1, 0, 1], 40)),
        num('tenure', times([1, 1, 2, 2, 3, 3, 4, 4], 40)),
      ],
      sensitive: [gender],
    });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.code).toBe('sensitive_input');
    expect(flags[0]!.message).toContain('"gender=f", "gender=m"');
  });

  it('flags a proxy that determines the group, not an unrelated column', () => {
    const flags = detectSensitiveInputs({
      features: [
        num('height', times([160, 180, 161, 181, 162, 182, 163, 183], 40)),
        num('noise', times([1, 1, 2, 2, 1, 1, 2, 2], 40)),
      ],
      sensitive: [gender],
    });
    expect(flags.map((f) => [f.code, f.message.includes('height')])).toEqual([['sensitive_proxy', true]]);
  });

  it('computes proxy strength as the share of majority-guess error removed', () => {
    // Feature value 0 → f,f,m (guess f: 2 of 3 right); value 1 → m,m,m (3 right): 5/6 vs base 4/6 (m).
    const feature = { codes: Int32Array.from(times([0, 0, 0, 1, 1, 1], 10)), k: 2 };
    const target = { codes: Int32Array.from(times([0, 0, 1, 1, 1, 1], 10)), k: 2 };
    expect(computeProxyStrength(feature, target)).toBeCloseTo((5 / 6 - 4 / 6) / (1 - 4 / 6), 12);
    expect(computeProxyStrength(feature, { codes: new Int32Array(60), k: 1 })).toBeNull();
    // Too many values for the rows: a majority guess would memorise them, so no judgement.
    expect(
      computeProxyStrength({ codes: Int32Array.from({ length: 60 }, (_, i) => i), k: 60 }, target),
    ).toBeNull();
  });
});
