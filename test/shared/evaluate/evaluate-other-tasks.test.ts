import { evaluateModelPair } from '../../../shared/evaluate/evaluate-model-pair.js';
import { buildGroupings } from '../../../shared/fairness/build-groupings.js';
import {
  computeClassCounts,
  computeMulticlassCountMetricValue,
  computeMulticlassMetrics,
  decideMulticlass,
} from '../../../shared/metrics/multiclass.js';
import { metricsForTask } from '../../../shared/metrics/registry.js';
import { computeRegressionMetrics } from '../../../shared/metrics/regression.js';
import { createRng } from '../../../shared/stats/rng.js';
import { binarySettings, buildBinaryFixture, subset } from './fixtures.js';

const rng = createRng(31);
const n = 1200;
const group = Int32Array.from({ length: n }, () => (rng.nextFloat() < 0.02 ? 2 : rng.nextInt(2)));
const groupings = buildGroupings({
  columns: [{ name: 'g', codes: group, levels: ['x', 'y', 'z'] }],
  intersections: false,
});

describe('evaluateModelPair (multiclass)', () => {
  const k = 3;
  const classes = ['a', 'b', 'c'];
  const y = Int32Array.from({ length: n }, () => rng.nextInt(k));
  const proba = (strength: number) => {
    const p = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      const raw = [0, 1, 2].map((c) => rng.nextFloat() + (c === y[i] ? strength : 0));
      const sum = raw.reduce((a, b) => a + b, 0);
      raw.forEach((v, c) => {
        p[i * k + c] = v / sum;
      });
    }
    return p;
  };
  const pc = proba(0.8);
  const pp = proba(0.5);
  // Production lists its classes in another order: the engine maps them by name.
  const permuted = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    [2, 0, 1].forEach((c, j) => {
      permuted[i * k + j] = pp[i * k + c]!;
    });
  }
  const result = evaluateModelPair({
    target: { task: 'multiclass', y, classes },
    candidate: { task: 'multiclass', classes, proba: pc, label: null },
    production: { task: 'multiclass', classes: ['c', 'a', 'b'], proba: permuted, label: null },
    groupings,
    settings: { ...binarySettings(), task: 'multiclass', threshold: undefined },
  });

  test('point metrics equal the metric functions; production after class alignment', () => {
    expect(Object.keys(result.metrics)).toEqual(metricsForTask('multiclass'));
    const expectedC = computeMulticlassMetrics({ y, k, proba: pc, pred: decideMulticlass(pc, k, null) });
    const expectedP = computeMulticlassMetrics({ y, k, proba: pp, pred: decideMulticlass(pp, k, null) });
    for (const name of metricsForTask('multiclass')) {
      expect(result.metrics[name]!.candidate.value).toBe(expectedC[name as keyof typeof expectedC].value);
      expect(result.metrics[name]!.production!.value).toBeCloseTo(
        expectedP[name as keyof typeof expectedP].value!,
        14,
      );
      const c = result.metrics[name]!;
      expect(c.candidate.ci![0] <= c.candidate.value! && c.candidate.value! <= c.candidate.ci![1]).toBe(true);
      expect(c.delta!.ci).toEqual(expect.any(Array));
    }
  });

  test('group table: accuracy, balanced accuracy, macro F1 per group; no gaps', () => {
    const keep = (i: number) => group[i] === 0;
    const predC = decideMulticlass(pc, k, null);
    const counts = computeClassCounts({ y: subset(y, keep), pred: subset(predC, keep), k });
    const x = result.groups.g!.x!;
    expect(Object.keys(x.candidate)).toEqual(['accuracy', 'balanced_accuracy', 'f1_macro']);
    for (const name of ['accuracy', 'balanced_accuracy', 'f1_macro'] as const) {
      expect(x.candidate[name]).toBe(computeMulticlassCountMetricValue(name, counts));
    }
    expect(x.positives).toBeUndefined();
    expect(result.groups.g!.z!.flags).toContain('small_group');
    expect(result.fairness).toEqual({});
  });

  test('classes that do not match are an error naming them', () => {
    expect(() =>
      evaluateModelPair({
        target: { task: 'multiclass', y, classes },
        candidate: { task: 'multiclass', classes: ['a', 'b', 'q'], proba: pc, label: null },
        production: null,
        groupings,
        settings: { ...binarySettings(), task: 'multiclass' },
      }),
    ).toThrow('the target has class "c", which the candidate does not');
  });
});

describe('evaluateModelPair (regression)', () => {
  const y = Float64Array.from({ length: n }, () => 5 + 3 * rng.nextFloat());
  const c = Float64Array.from(y, (t) => t + 0.3 * (rng.nextFloat() - 0.5));
  const p = Float64Array.from(c, (v) => v + 0.2 * (rng.nextFloat() - 0.5));
  const result = evaluateModelPair({
    target: { task: 'regression', y },
    candidate: { task: 'regression', prediction: c },
    production: { task: 'regression', prediction: p },
    groupings,
    settings: { ...binarySettings(), task: 'regression' },
  });

  test('point metrics equal the metric function, with intervals', () => {
    const expected = computeRegressionMetrics({ y, prediction: c });
    for (const name of ['mae', 'rmse', 'r2', 'mape'] as const) {
      const m = result.metrics[name]!;
      expect(m.candidate.value).toBe(expected[name].value);
      expect(m.candidate.ci![0] <= m.candidate.value! && m.candidate.value! <= m.candidate.ci![1]).toBe(true);
      expect(m.delta!.ci).toEqual(expect.any(Array));
    }
  });

  test('group table: mae, rmse, r2 per group from the metric function', () => {
    const keep = (i: number) => group[i] === 1;
    const expected = computeRegressionMetrics({ y: subset(y, keep), prediction: subset(c, keep) });
    expect(result.groups.g!.y!.candidate).toEqual({
      mae: expected.mae.value,
      rmse: expected.rmse.value,
      r2: expected.r2.value,
    });
    expect(result.fairness).toEqual({});
  });
});

describe('evaluateModelPair: input errors', () => {
  const data = buildBinaryFixture(50);
  const settings = binarySettings({ bootstrap: 0 });
  test.each([
    [
      'a length mismatch',
      { candidate: { ...data.candidate, score: new Float64Array(49) } },
      'candidate has 49 scores for 50 rows',
    ],
    [
      'a NaN score',
      {
        production: {
          ...data.production,
          score: data.production.score.map((s, i) => (i === 3 ? Number.NaN : s)),
        },
      },
      'production score at row 4 is NaN',
    ],
    [
      'a score above 1',
      { candidate: { ...data.candidate, score: data.candidate.score.map((s, i) => (i === 0 ? 1.5 : s)) } },
      'row 1 is 1.5',
    ],
    [
      'a task mismatch',
      { settings: { ...settings, task: 'regression' as const } },
      'the target is binary but the task is regression',
    ],
    [
      'a group code outside its names',
      { groupings: [{ column: 'g', names: ['a'], codes: new Int32Array(50).fill(1) }] },
      'grouping g, row 1: group code 1 outside its 1 names',
    ],
    ['a negative bootstrap', { settings: { ...settings, bootstrap: -1 } }, 'bootstrap must be an integer'],
    ['a confidence of 1', { settings: { ...settings, confidence: 1 } }, 'confidence must be in (0, 1)'],
  ])('%s is rejected', (_name, patch, message) => {
    expect(() => evaluateModelPair({ ...data, settings, ...patch })).toThrow(message);
  });
});
