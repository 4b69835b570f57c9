import { createOnnxModel } from '../../../action/runners/onnx-runner.js';
import { runPermutationImportance } from '../../../action/runners/permutation-importance.js';
import type { Table } from '../../../shared/data/table.js';
import type { Predictions } from '../../../shared/evaluate/types.js';
import { buildLinearClassifier } from '../../fixtures/onnx/build-onnx.js';
import { categorical, numeric, table } from './table-helpers.js';

const dummy: Predictions = { task: 'regression', prediction: new Float64Array(0) };

describe('runPermutationImportance', () => {
  const data = table([
    numeric('a', [1, 2, 3, 4]),
    numeric('b', [5, 6, 7, 8]),
    categorical('c', ['x', 'y', 'x', 'z']),
  ]);

  it('averages the drops over repeats with the population standard deviation, and ranks', async () => {
    // Scripted metric: baseline 1.0, then three shuffles of a, b, c each.
    const script = [1.0, 0.9, 0.7, 0.8, 1.0, 1.0, 1.0, 0.95, 0.95, 0.95];
    const result = await runPermutationImportance({
      predict: async () => dummy,
      table: data,
      features: ['a', 'b', 'c'],
      metric: () => script.shift()!,
      direction: 'higher',
      repeats: 3,
      seed: 1,
    });
    expect(result.baseline).toBe(1);
    expect(result.sampled).toBe(false);
    const [a, c, b] = result.features;
    // a: drops 0.1, 0.3, 0.2 → mean 0.2, std sqrt(((−0.1)² + 0.1² + 0²) / 3) = 0.0816496580927726.
    expect(a).toMatchObject({ feature: 'a', rank: 1 });
    expect(a!.drop).toBeCloseTo(0.2, 12);
    expect(a!.std).toBeCloseTo(0.0816496580927726, 12);
    expect(c).toMatchObject({ feature: 'c', rank: 2 });
    expect(c!.drop).toBeCloseTo(0.05, 12);
    expect(c!.std).toBeCloseTo(0, 12);
    expect(b).toEqual({ feature: 'b', drop: 0, std: 0, rank: 3 });
  });

  it('measures the drop the other way for lower-is-better metrics, and ranks null drops last', async () => {
    const script = [0.5, null, null, 0.7, 0.9, 0.4, 0.6];
    const result = await runPermutationImportance({
      predict: async () => dummy,
      table: data,
      features: ['a', 'b', 'c'],
      metric: () => script.shift()!,
      direction: 'lower',
      repeats: 2,
      seed: 1,
    });
    expect(
      result.features.map((f) => [f.feature, f.drop === null ? null : Number(f.drop.toFixed(12)), f.rank]),
    ).toEqual([
      ['b', 0.3, 1],
      ['c', 0, 2],
      ['a', null, 3],
    ]);
  });

  it('shuffles only the one feature, as a permutation of its cells, reproducibly per seed', async () => {
    const seen: Table[] = [];
    const options = {
      predict: async (t: Table) => {
        seen.push(t);
        return dummy;
      },
      table: table([
        numeric(
          'a',
          Array.from({ length: 50 }, (_, i) => i),
        ),
        numeric(
          'b',
          Array.from({ length: 50 }, (_, i) => 100 + i),
        ),
      ]),
      features: ['a'],
      metric: () => 1,
      direction: 'higher' as const,
      repeats: 2,
    };
    await runPermutationImportance({ ...options, seed: 7 });
    await runPermutationImportance({ ...options, seed: 7 });
    await runPermutationImportance({ ...options, seed: 8 });
    const col = (t: Table, name: string) => {
      const c = t.columns.get(name)!;
      return Array.from(c.kind === 'numeric' ? c.values : c.codes);
    };
    const original = col(options.table, 'a');
    const shuffled = col(seen[1]!, 'a');
    expect(shuffled).not.toEqual(original);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(original);
    expect(col(seen[1]!, 'b')).toEqual(col(options.table, 'b'));
    expect(col(seen[4]!, 'a')).toEqual(shuffled);
    expect(col(seen[7]!, 'a')).not.toEqual(shuffled);
  });

  it('caps the rows with a seeded subsample and tells the metric which rows', async () => {
    const big = table([
      numeric(
        'a',
        Array.from({ length: 100 }, (_, i) => i * 10),
      ),
      categorical(
        'c',
        Array.from({ length: 100 }, (_, i) => `v${i}`),
      ),
    ]);
    const rowsSeen: Int32Array[] = [];
    const tables: Table[] = [];
    const result = await runPermutationImportance({
      predict: async (t) => {
        tables.push(t);
        return dummy;
      },
      table: big,
      features: ['a'],
      metric: (_, rows) => {
        rowsSeen.push(rows);
        return 1;
      },
      direction: 'higher',
      repeats: 1,
      seed: 3,
      maxRows: 20,
    });
    expect(result).toMatchObject({ rows: 20, sampled: true });
    const rows = Array.from(rowsSeen[0]!);
    expect(rows).toHaveLength(20);
    expect(new Set(rows).size).toBe(20);
    expect(rows).toEqual([...rows].sort((x, y) => x - y));
    expect(rowsSeen[1]).toBe(rowsSeen[0]);
    const base = tables[0]!;
    expect(base.rowCount).toBe(20);
    const a = base.columns.get('a')!;
    const c = base.columns.get('c')!;
    expect(a.kind === 'numeric' && Array.from(a.values)).toEqual(rows.map((r) => r * 10));
    expect(c.kind === 'categorical' && Array.from(c.codes, (code) => c.levels[code])).toEqual(
      rows.map((r) => `v${r}`),
    );
  });

  it('gives exactly zero importance to an input the ONNX model ignores', async () => {
    const model = await createOnnxModel(buildLinearClassifier({ weights: [2, 0], bias: 0 }), 'models/m.onnx');
    const n = 200;
    const a = Array.from({ length: n }, (_, i) => Math.sin(i) * 3);
    const b = Array.from({ length: n }, (_, i) => Math.cos(i * 7));
    const y = a.map((v, i) => (v + 0.5 * Math.sin(i * 13) > 0 ? 1 : 0));
    const accuracy = (p: Predictions, rows: Int32Array) => {
      if (p.task !== 'binary') return null;
      let hits = 0;
      rows.forEach((r, i) => {
        hits += Number((p.score[i]! >= 0.5 ? 1 : 0) === y[r]);
      });
      return hits / rows.length;
    };
    const result = await runPermutationImportance({
      predict: async (t) => (await model.predict(t, { features: ['a', 'b'], task: 'binary' })).predictions,
      table: table([numeric('a', a), numeric('b', b)]),
      features: ['a', 'b'],
      metric: accuracy,
      direction: 'higher',
      repeats: 3,
      seed: 42,
    });
    await model.dispose();
    expect(result.features[0]).toMatchObject({ feature: 'a', rank: 1 });
    expect(result.features[0]!.drop).toBeGreaterThan(0.2);
    expect(result.features[1]).toEqual({ feature: 'b', drop: 0, std: 0, rank: 2 });
  });
});
