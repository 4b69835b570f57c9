import {
  BinaryScoreBootstrap,
  buildBinaryScorePlan,
} from '../../../shared/evaluate/binary-score-bootstrap.js';
import { buildCells } from '../../../shared/evaluate/build-cells.js';
import { BinaryCellBootstrap } from '../../../shared/evaluate/cell-bootstrap.js';
import { LANES, LaneRowCountSampler } from '../../../shared/evaluate/lane-row-counts.js';
import { MulticlassLossBootstrap, RegressionBootstrap } from '../../../shared/evaluate/linear-bootstrap.js';
import { CHUNK } from '../../../shared/evaluate/score-layout.js';
import { decideBinary } from '../../../shared/metrics/binary.js';
import { computeBrier, computeLogLoss } from '../../../shared/metrics/loss.js';
import { computeMulticlassLogLoss } from '../../../shared/metrics/multiclass.js';
import { computeAveragePrecision, computeRocAuc, sortOrderDescending } from '../../../shared/metrics/rank.js';
import { computeRegressionMetrics } from '../../../shared/metrics/regression.js';
import { RowCountSampler } from '../../../shared/stats/multinomial.js';
import { createRng, type Rng } from '../../../shared/stats/rng.js';
import { buildBinaryFixture } from './fixtures.js';

/**
 * The bootstrap kernels must give, for a resample, exactly what the metric functions give on the
 * same rows repeated by their resample counts (the functions' `weights` argument).
 */
describe('BinaryScoreBootstrap: a replicate equals the metric functions on the resample', () => {
  // 700 rows: one chunk; 10,000 rows: three chunks (CHUNK = 4096), so the totals carried from
  // chunk to chunk are exercised; with 1 decimal, runs of equal scores (~1000 rows) set the cuts.
  test.each([
    ['continuous scores, two models', 700, undefined, true],
    ['tied scores (2 decimals), two models', 700, 2, true],
    ['heavily tied scores (1 decimal), candidate only', 700, 1, false],
    ['continuous scores, two models, several chunks', 10_000, undefined, true],
    ['tied scores (2 decimals), two models, several chunks', 10_000, 2, true],
    ['heavily tied scores (1 decimal), two models, several chunks', 10_000, 1, true],
  ])('%s (%i rows)', (_name, n, decimals, paired) => {
    const data = buildBinaryFixture(n, decimals === undefined ? {} : { decimals });
    const y = data.target.y;
    const sides = paired ? [data.candidate.score, data.production.score] : [data.candidate.score];
    const orders = sides.map((s) => sortOrderDescending(s));
    const plan = buildBinaryScorePlan({
      y,
      scoreC: sides[0]!,
      orderC: orders[0]!,
      scoreP: sides[1] ?? null,
      orderP: orders[1] ?? null,
    });
    expect(plan.candidate.starts.length - 1 > 1).toBe(n > CHUNK);
    expect(plan.candidate.ties === null).toBe(decimals === undefined);
    const source = new BinaryScoreBootstrap(plan);
    expect(source.models).toBe(sides.length);
    const width = 4 * sides.length;
    // A full batch of LANES resamples and a partial one of 3; the last batch's weights are kept.
    const rngs = Array.from({ length: LANES + 3 }, (_, r) => createRng(3, r));
    const out = new Float64Array((LANES + 3) * width);
    source.resample(rngs, out);
    for (let lane = 0; lane < 3; lane++) {
      const w = source.rowWeights(lane);
      expect(w.reduce((a, b) => a + b, 0)).toBe(y.length);
      sides.forEach((score, m) => {
        const expected = [
          computeRocAuc(y, score, orders[m], w).value,
          computeAveragePrecision(y, score, orders[m], w).value,
          computeLogLoss(y, score, w).value,
          computeBrier(y, score, w).value,
        ];
        expected.forEach((v, k) => {
          expect(out[(LANES + lane) * width + 4 * m + k]).toBeCloseTo(v!, 12);
        });
      });
    }
  });

  test('a resample does not depend on the other resamples of its batch, nor on its lane', () => {
    const data = buildBinaryFixture(5000, { decimals: 2 });
    const y = data.target.y;
    const plan = buildBinaryScorePlan({
      y,
      scoreC: data.candidate.score,
      orderC: sortOrderDescending(data.candidate.score),
      scoreP: data.production.score,
      orderP: sortOrderDescending(data.production.score),
    });
    const source = new BinaryScoreBootstrap(plan);
    const batch = new Float64Array(LANES * 8);
    source.resample(
      Array.from({ length: LANES }, (_, r) => createRng(9, r)),
      batch,
    );
    for (const r of [0, 5, LANES - 1]) {
      const alone = new Float64Array(8);
      source.resample([createRng(9, r)], alone);
      expect(Array.from(alone)).toEqual(Array.from(batch.subarray(8 * r, 8 * r + 8)));
    }
    const shifted = new Float64Array(3 * 8);
    source.resample([createRng(9, 99), createRng(9, 98), createRng(9, 6)], shifted);
    expect(Array.from(shifted.subarray(16))).toEqual(Array.from(batch.subarray(48, 56)));
  });

  test('a resample without positives gives NaN for ROC AUC and AP', () => {
    const y = Uint8Array.from([0, 0, 0, 0]);
    const score = Float64Array.from([0.1, 0.4, 0.3, 0.2]);
    const source = new BinaryScoreBootstrap(
      buildBinaryScorePlan({
        y,
        scoreC: score,
        orderC: sortOrderDescending(score),
        scoreP: null,
        orderP: null,
      }),
    );
    const out = new Float64Array(4);
    source.resample([createRng(1)], out);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(computeLogLoss(y, score, source.rowWeights()).value!, 14);
  });

  test('no rows: every replicate is NaN', () => {
    const empty = new Float64Array(0);
    const source = new BinaryScoreBootstrap(
      buildBinaryScorePlan({
        y: new Uint8Array(0),
        scoreC: empty,
        orderC: new Uint32Array(0),
        scoreP: empty,
        orderP: new Uint32Array(0),
      }),
    );
    const out = new Float64Array(8);
    source.resample([createRng(1)], out);
    expect(Array.from(out).every(Number.isNaN)).toBe(true);
  });
});

describe('LaneRowCountSampler', () => {
  test.each([
    [1000, 'three full blocks and a ragged one'],
    [512, 'full blocks only'],
    [7, 'a ragged block only'],
    [1, 'one row'],
  ])('a lane holds exactly the counts RowCountSampler draws from the same generator (%i rows: %s)', (n) => {
    const lanes = new LaneRowCountSampler(n);
    const counts = lanes.createCounts().fill(7);
    const used = [3, 0, LANES - 1];
    lanes.sample(
      used.map((lane) => createRng(21, lane)),
      counts,
      used,
    );
    for (const lane of used) {
      const expected = new Uint8Array(n);
      new RowCountSampler(n).sample(createRng(21, lane), expected);
      const got = Uint8Array.from({ length: n }, (_, slot) => counts[slot * LANES + lane]!);
      expect(Array.from(got)).toEqual(Array.from(expected));
    }
    const unused = Uint8Array.from({ length: n }, (_, slot) => counts[slot * LANES + 1]!);
    expect(unused.every((c) => c === 0)).toBe(true);
  });

  test('30,000 rows (several segments of blocks): lanes equal RowCountSampler', () => {
    const n = 30_000;
    const lanes = new LaneRowCountSampler(n);
    const counts = lanes.createCounts();
    const used = Array.from({ length: LANES }, (_, lane) => lane);
    lanes.sample(
      used.map((lane) => createRng(5, lane)),
      counts,
      used,
    );
    for (const lane of [0, 9, LANES - 1]) {
      const expected = new Uint8Array(n);
      new RowCountSampler(n).sample(createRng(5, lane), expected);
      expect(Uint8Array.from({ length: n }, (_, slot) => counts[slot * LANES + lane]!)).toEqual(expected);
    }
  });

  test('rejects a wrong counts length or lanes; a count past 255 wraps and the score source throws', () => {
    const lanes = new LaneRowCountSampler(10);
    expect(() => lanes.sample([createRng(1)], new Uint8Array(10), [0])).toThrow(RangeError);
    expect(() => lanes.sample([createRng(1)], lanes.createCounts(), [LANES])).toThrow(RangeError);
    expect(() => lanes.sample([createRng(1), createRng(2)], lanes.createCounts(), [1, 1])).toThrow(
      RangeError,
    );
    expect(() => new LaneRowCountSampler(-1)).toThrow(RangeError);
    const scripted: Rng = {
      nextUint32: () => 0,
      nextFloat: () => 0.5,
      nextInt: () => 0,
      fillUint32: (out, count) => out.fill(0, 0, count),
    };
    // Every word is 0, so all 256 draws of the first block (BTRS returns its mode for 0.5) hit slot 0.
    const big = new LaneRowCountSampler(512);
    const counts = big.createCounts();
    big.sample([scripted], counts, [2]);
    expect(counts[2]).toBe(0);
    const y = Uint8Array.from({ length: 512 }, (_, i) => i % 2);
    const score = Float64Array.from({ length: 512 }, (_, i) => i / 512);
    const source = new BinaryScoreBootstrap(
      buildBinaryScorePlan({
        y,
        scoreC: score,
        orderC: sortOrderDescending(score),
        scoreP: null,
        orderP: null,
      }),
    );
    expect(() => source.resample([scripted], new Float64Array(4))).toThrow('exceeded 255');
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
      source.resample([rng], out);
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
    constant.resample([createRng(1)], out);
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
      source.resample([rng], out);
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
      source.resample([rng], out);
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
