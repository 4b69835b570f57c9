import { BinaryScoreBootstrap } from '../../../shared/evaluate/binary-score-bootstrap.js';
import { buildCells } from '../../../shared/evaluate/build-cells.js';
import { BinaryCellBootstrap } from '../../../shared/evaluate/cell-bootstrap.js';
import { MulticlassLossBootstrap, RegressionBootstrap } from '../../../shared/evaluate/linear-bootstrap.js';
import { decideBinary } from '../../../shared/metrics/binary.js';
import { computeBrier, computeLogLoss } from '../../../shared/metrics/loss.js';
import { computeMulticlassLogLoss } from '../../../shared/metrics/multiclass.js';
import { computeAveragePrecision, computeRocAuc, sortOrderDescending } from '../../../shared/metrics/rank.js';
import { computeRegressionMetrics } from '../../../shared/metrics/regression.js';
import { createRng } from '../../../shared/stats/rng.js';
import { buildBinaryFixture } from './fixtures.js';

/**
 * The bootstrap kernels must give, for a resample, exactly what the metric functions give on the
 * same rows repeated by their resample counts (the functions' `weights` argument).
 */
describe('BinaryScoreBootstrap: a replicate equals the metric functions on the resample', () => {
  test.each([
    ['continuous scores, two models', undefined, true],
    ['tied scores (2 decimals), two models', 2, true],
    ['heavily tied scores (1 decimal), candidate only', 1, false],
  ])('%s', (_name, decimals, paired) => {
    const data = buildBinaryFixture(700, decimals === undefined ? {} : { decimals });
    const y = data.target.y;
    const sides = paired ? [data.candidate.score, data.production.score] : [data.candidate.score];
    const orders = sides.map((s) => sortOrderDescending(s));
    const source = new BinaryScoreBootstrap({
      y,
      scoreC: sides[0]!,
      orderC: orders[0]!,
      scoreP: sides[1] ?? null,
      orderP: orders[1] ?? null,
    });
    expect(source.models).toBe(sides.length);
    const out = new Float64Array(4 * sides.length);
    const rng = createRng(3);
    for (let r = 0; r < 25; r++) {
      source.resample(rng, out);
      const w = source.rowWeights();
      expect(w.reduce((a, b) => a + b, 0)).toBe(y.length);
      sides.forEach((score, m) => {
        const expected = [
          computeRocAuc(y, score, orders[m], w).value,
          computeAveragePrecision(y, score, orders[m], w).value,
          computeLogLoss(y, score, w).value,
          computeBrier(y, score, w).value,
        ];
        expected.forEach((v, k) => {
          expect(out[4 * m + k]).toBeCloseTo(v!, 12);
        });
      });
    }
  });

  test('a resample without positives gives NaN for ROC AUC and AP', () => {
    const y = Uint8Array.from([0, 0, 0, 0]);
    const score = Float64Array.from([0.1, 0.4, 0.3, 0.2]);
    const source = new BinaryScoreBootstrap({
      y,
      scoreC: score,
      orderC: sortOrderDescending(score),
      scoreP: null,
      orderP: null,
    });
    const out = new Float64Array(4);
    source.resample(createRng(1), out);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(computeLogLoss(y, score, source.rowWeights()).value!, 14);
  });
});

describe('RegressionBootstrap and MulticlassLossBootstrap: replicates equal the metric functions', () => {
  const rng = createRng(17);
  const n = 400;
  const y = Float64Array.from({ length: n }, () => rng.nextFloat() * 10 - 2);
  const predictions = [0.5, 1.5].map((noise) =>
    Float64Array.from(y, (t) => t + noise * (rng.nextFloat() - 0.5)),
  );

  test('regression: mae, rmse, r2, mape per model', () => {
    const source = new RegressionBootstrap({ y, predictions });
    const out = new Float64Array(8);
    for (let r = 0; r < 20; r++) {
      source.resample(rng, out);
      const weights = source.rowWeights();
      predictions.forEach((prediction, m) => {
        const e = computeRegressionMetrics({ y, prediction, weights });
        [e.mae, e.rmse, e.r2, e.mape].forEach((v, k) => {
          expect(out[4 * m + k]).toBeCloseTo(v.value!, 10);
        });
      });
    }
  });

  test('regression: a constant target in the resample leaves r2 undefined, a perfect fit gives 1', () => {
    const constant = new RegressionBootstrap({
      y: Float64Array.from([2, 2, 2]),
      predictions: [Float64Array.from([1, 3, 5]), Float64Array.from([2, 2, 2])],
    });
    const out = new Float64Array(8);
    constant.resample(createRng(1), out);
    expect(out[2]).toBeNaN();
    expect(out[6]).toBe(1);
  });

  test('multiclass log loss per model', () => {
    const k = 3;
    const classes = Int32Array.from({ length: n }, () => rng.nextInt(k));
    const probas = [0, 1].map(() => {
      const p = new Float64Array(n * k);
      for (let i = 0; i < n; i++) {
        const raw = [0, 1, 2].map((c) => rng.nextFloat() + (c === classes[i] ? 1 : 0));
        const sum = raw.reduce((a, b) => a + b, 0);
        raw.forEach((v, c) => {
          p[i * k + c] = v / sum;
        });
      }
      return p;
    });
    const source = new MulticlassLossBootstrap({ y: classes, k, probas });
    const out = new Float64Array(2);
    for (let r = 0; r < 10; r++) {
      source.resample(rng, out);
      const weights = source.rowWeights();
      probas.forEach((proba, m) => {
        expect(out[m]).toBeCloseTo(computeMulticlassLogLoss({ y: classes, k, proba, weights }).value!, 12);
      });
    }
  });
});

describe('BinaryCellBootstrap: resampling cells is resampling rows', () => {
  test('accuracy replicates have the mean and variance of a row bootstrap (Binomial(n, acc) / n)', () => {
    const data = buildBinaryFixture(2000);
    const y = data.target.y;
    const predC = decideBinary(data.candidate.score, null, 0.5);
    const predP = decideBinary(data.production.score, null, 0.5);
    const cells = buildCells({ y, k: 2, predC, predP, groupings: data.groupings });
    expect(cells.count.reduce((a, b) => a + b, 0)).toBe(2000);
    const source = new BinaryCellBootstrap(
      cells,
      data.groupings.map((g) => g.names.length + 1),
      [],
      ['accuracy'],
    );
    let correctC = 0;
    let correctP = 0;
    let bothWrongOrRight = 0;
    y.forEach((t, i) => {
      correctC += predC[i] === t ? 1 : 0;
      correctP += predP[i] === t ? 1 : 0;
      bothWrongOrRight += (predC[i] === t) === (predP[i] === t) ? 1 : 0;
    });
    const acc = correctC / 2000;
    const rng = createRng(5);
    const out = new Float64Array(2);
    const draws = 4000;
    let sum = 0;
    let sumSq = 0;
    let sumDelta = 0;
    let sumDeltaSq = 0;
    for (let r = 0; r < draws; r++) {
      source.resample(rng, out);
      sum += out[0]!;
      sumSq += out[0]! ** 2;
      sumDelta += out[0]! - out[1]!;
      sumDeltaSq += (out[0]! - out[1]!) ** 2;
    }
    const mean = sum / draws;
    const variance = sumSq / draws - mean ** 2;
    const theory = (acc * (1 - acc)) / 2000;
    expect(Math.abs(mean - acc)).toBeLessThan(5 * Math.sqrt(theory / draws));
    expect(Math.abs(variance / theory - 1)).toBeLessThan(5 * Math.sqrt(2 / draws));
    // Paired: delta = (disagreements where C is right − where P is right) / n; its variance is
    // that of a mean of per-row values in {−1, 0, 1}.
    const d = (correctC - correctP) / 2000;
    const share = (2000 - bothWrongOrRight) / 2000;
    const deltaTheory = (share - d * d) / 2000;
    const deltaVar = sumDeltaSq / draws - (sumDelta / draws) ** 2;
    expect(Math.abs(deltaVar / deltaTheory - 1)).toBeLessThan(6 * Math.sqrt(2 / draws));
  });
});
