import { evaluateModelPair } from '../../../shared/evaluate/evaluate-model-pair.js';
import { MISSING_GROUP } from '../../../shared/fairness/build-groupings.js';
import { computeBinaryMetrics, decideBinary } from '../../../shared/metrics/binary.js';
import { BINARY_METRICS } from '../../../shared/metrics/metric-names.js';
import { GAP_NAMES } from '../../../shared/metrics/registry.js';
import type { Comparison } from '../../../shared/report/schema.js';
import { binarySettings, buildBinaryFixture, subset } from './fixtures.js';

const data = buildBinaryFixture(3000);
const settings = binarySettings();
const result = evaluateModelPair({ ...data, settings });
const width = (ci: [number, number] | null | undefined) => (ci ? ci[1] - ci[0] : Number.NaN);

describe('evaluateModelPair (binary): point estimates', () => {
  const predC = decideBinary(data.candidate.score, null, 0.5);
  const predP = decideBinary(data.production.score, null, 0.5);
  const pointC = computeBinaryMetrics({ y: data.target.y, score: data.candidate.score, pred: predC });
  const pointP = computeBinaryMetrics({ y: data.target.y, score: data.production.score, pred: predP });

  test('every binary metric, in registry order', () => {
    expect(Object.keys(result.metrics)).toEqual([...BINARY_METRICS]);
  });

  test.each([...BINARY_METRICS])(
    '%s equals the metric function exactly, delta = candidate − production',
    (name) => {
      const m = result.metrics[name]!;
      expect(m.candidate.value).toBe(pointC[name].value);
      expect(m.production!.value).toBe(pointP[name].value);
      expect(m.delta!.value).toBe(pointC[name].value! - pointP[name].value!);
    },
  );

  test('group tables: every grouping, the metric functions on each group’s rows', () => {
    expect(Object.keys(result.groups)).toEqual(['sex', 'region', 'sex&region']);
    const sex = data.groupings[0]!;
    const names = [...sex.names, MISSING_GROUP];
    expect(Object.keys(result.groups.sex!)).toEqual(names);
    names.forEach((name, g) => {
      const code = g === sex.names.length ? -1 : g;
      const keep = (i: number) => sex.codes[i] === code;
      const y = subset(data.target.y, keep);
      const expected = computeBinaryMetrics({
        y,
        score: subset(data.candidate.score, keep),
        pred: subset(predC, keep),
      });
      const entry = result.groups.sex![name]!;
      expect(entry.n).toBe(y.length);
      expect(entry.positives).toBe(y.reduce((a, b) => a + b, 0));
      for (const metric of BINARY_METRICS) expect(entry.candidate[metric]).toBe(expected[metric].value);
    });
  });

  test('flags: small groups, undefined metrics', () => {
    const missing = result.groups.sex![MISSING_GROUP]!;
    expect(missing.n).toBeLessThan(30);
    expect(missing.flags).toContain('small_group');
    expect(result.groups.sex!.f!.flags).toEqual([]);
    const tiny = Object.values(result.groups['sex&region']!).filter((e) => e.n < 30);
    expect(tiny.length).toBeGreaterThan(0);
    for (const e of tiny) expect(e.flags).toContain('small_group');
  });

  test.each([...GAP_NAMES])('%s is reported for every grouping', (gap) => {
    expect(Object.keys(result.fairness[gap]!)).toEqual(['sex', 'region', 'sex&region']);
  });

  test('demographic parity difference = max − min selection rate over the groups that are not small', () => {
    for (const [column, groups] of Object.entries(result.groups)) {
      const rates = Object.values(groups)
        .filter((e) => !e.flags.includes('small_group'))
        .map((e) => e.candidate.selection_rate!);
      const gap = result.fairness.demographic_parity_difference![column]!;
      expect(gap.candidate.value).toBeCloseTo(Math.max(...rates) - Math.min(...rates), 15);
      const small = Object.entries(groups).filter(([, e]) => e.flags.includes('small_group'));
      expect(gap.excluded.map((x) => x.group)).toEqual(small.map(([name]) => name));
      expect(gap.extremes).not.toBeNull();
    }
  });
});

describe('evaluateModelPair (binary): paired bootstrap', () => {
  const all: [string, Comparison][] = [
    ...Object.entries(result.metrics),
    ...Object.entries(result.fairness).flatMap(([gap, byColumn]) =>
      Object.entries(byColumn).map(([c, g]): [string, Comparison] => [`${gap} ${c}`, g]),
    ),
  ];

  test('every metric and gap with a value has intervals for both sides and the delta', () => {
    for (const [name, c] of all) {
      if (c.candidate.value === null) continue;
      expect([name, c.candidate.ci]).toEqual([name, expect.any(Array)]);
      expect([name, c.production!.ci]).toEqual([name, expect.any(Array)]);
      expect([name, c.delta!.ci]).toEqual([name, expect.any(Array)]);
    }
  });

  test('intervals contain their point estimates (typical case: 3000 rows)', () => {
    for (const [name, c] of all) {
      for (const e of [c.candidate, c.production!, c.delta!]) {
        if (e.value === null || e.ci === null) continue;
        expect([name, e.ci[0] <= e.value && e.value <= e.ci[1]]).toEqual([name, true]);
      }
    }
  });

  test('the paired delta interval is far tighter than the difference of two independent intervals', () => {
    for (const name of ['accuracy', 'roc_auc', 'log_loss', 'brier', 'average_precision', 'f1']) {
      const m = result.metrics[name]!;
      const naive = width(m.candidate.ci) + width(m.production!.ci);
      expect([name, width(m.delta!.ci) < 0.6 * naive]).toEqual([name, true]);
    }
  });

  test('the same seed gives identical results; another seed other intervals', () => {
    const again = evaluateModelPair({ ...data, settings });
    expect(again).toEqual(result);
    const other = evaluateModelPair({ ...data, settings: { ...settings, seed: 8 } });
    expect(other.metrics.roc_auc!.candidate.ci).not.toEqual(result.metrics.roc_auc!.candidate.ci);
    expect(other.metrics.roc_auc!.candidate.value).toBe(result.metrics.roc_auc!.candidate.value);
  });

  test('bootstrap 0: no intervals anywhere, same point estimates', () => {
    const none = evaluateModelPair({ ...data, settings: { ...settings, bootstrap: 0 } });
    for (const c of [
      ...Object.values(none.metrics),
      ...Object.values(none.fairness).flatMap((g) => Object.values(g)),
    ]) {
      expect([c.candidate.ci, c.production?.ci ?? null, c.delta?.ci ?? null]).toEqual([null, null, null]);
    }
    expect(none.metrics.accuracy!.candidate.value).toBe(result.metrics.accuracy!.candidate.value);
    expect(none.groups).toEqual(result.groups);
  });

  test('progress is reported, increasing, ending at 1', () => {
    const seen: number[] = [];
    evaluateModelPair({
      ...data,
      settings: { ...settings, bootstrap: 200 },
      onProgress: (f) => seen.push(f),
    });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  test('timings come from the given clock, in milliseconds', () => {
    let t = 0;
    const r = evaluateModelPair({ ...data, settings: { ...settings, bootstrap: 10 }, now: () => (t += 5) });
    expect(Object.keys(r.timings)).toEqual([
      'engine_prepare_ms',
      'engine_metrics_ms',
      'engine_groups_ms',
      'engine_bootstrap_ms',
      'engine_total_ms',
    ]);
    expect(r.timings.engine_prepare_ms).toBe(5);
    const defaults = evaluateModelPair({ ...data, settings: { ...settings, bootstrap: 0 } });
    expect(Object.values(defaults.timings).every((v) => v === 0)).toBe(true);
  });
});

describe('evaluateModelPair (binary): edges', () => {
  test('first promotion: no production, no delta; candidate intervals still there', () => {
    const first = evaluateModelPair({ ...data, production: null, settings });
    for (const m of Object.values(first.metrics)) {
      expect(m.production).toBeNull();
      expect(m.delta).toBeNull();
    }
    // Same point estimate; the interval comes from other cells (no production decisions), so it differs.
    expect(first.metrics.accuracy!.candidate.value).toBe(result.metrics.accuracy!.candidate.value);
    expect(first.metrics.accuracy!.candidate.ci).toEqual(expect.any(Array));
    expect(first.metrics.roc_auc!.candidate.ci).toEqual(expect.any(Array));
    expect(first.groups.sex!.f!.production).toBeNull();
    expect(first.fairness.equalized_odds_difference!.sex!.production).toBeNull();
  });

  test('a single class: rank metrics null with a reason and no interval', () => {
    const y = new Uint8Array(data.target.y.length);
    const r = evaluateModelPair({
      ...data,
      target: { ...data.target, y },
      settings: { ...settings, bootstrap: 20 },
    });
    expect(r.metrics.roc_auc!.candidate).toEqual({
      value: null,
      ci: null,
      reason: 'only one class present (no positives)',
    });
    expect(r.metrics.roc_auc!.delta).toEqual({
      value: null,
      ci: null,
      reason: 'undefined for the candidate',
    });
    expect(r.metrics.accuracy!.candidate.ci).not.toBeNull();
    expect(r.fairness.equal_opportunity_difference!.sex!.candidate.value).toBeNull();
  });

  test('tied scores (rounded to 2 decimals) work the same way', () => {
    const tied = buildBinaryFixture(1500, { decimals: 2 });
    const r = evaluateModelPair({ ...tied, settings });
    const predC = decideBinary(tied.candidate.score, null, 0.5);
    const expected = computeBinaryMetrics({ y: tied.target.y, score: tied.candidate.score, pred: predC });
    expect(r.metrics.roc_auc!.candidate.value).toBe(expected.roc_auc.value);
    expect(r.metrics.average_precision!.candidate.value).toBe(expected.average_precision.value);
    const ci = r.metrics.roc_auc!.candidate.ci!;
    expect(ci[0] <= expected.roc_auc.value! && expected.roc_auc.value! <= ci[1]).toBe(true);
  });

  test('the model’s own labels are used when no threshold is configured', () => {
    const label = new Uint8Array(data.target.y.length).fill(1);
    const r = evaluateModelPair({
      ...data,
      candidate: { ...data.candidate, label },
      settings: { ...settings, threshold: undefined, bootstrap: 0 },
    });
    expect(r.metrics.selection_rate!.candidate.value).toBe(1);
  });
});
