/**
 * Bootstrap replicates of every count metric and every gap from the cells: one exact multinomial
 * draw of n over the K cells per resample is distributed exactly like resampling the n rows, at
 * O(K) cost (see build-cells.ts).
 */
import type { GroupConfusions } from '../fairness/compute-gap.js';
import { computeGapValue, GapScratch } from '../fairness/compute-gap.js';
import {
  COUNT_METRICS,
  type Confusion,
  type CountMetricName,
  computeCountMetricValue,
} from '../metrics/confusion.js';
import { computeMulticlassCountMetricValue, type MulticlassCountMetricName } from '../metrics/multiclass.js';
import type { GapName } from '../metrics/registry.js';
import { sampleMultinomial } from '../stats/multinomial.js';
import type { Rng } from '../stats/rng.js';
import {
  type BinaryTotals,
  computeConfusionSlots,
  createBinaryTotals,
  createClassCounts,
  readConfusion,
  sumBinaryCells,
  sumClassCells,
} from './aggregate-cells.js';
import type { CellTable } from './build-cells.js';
import { gapKey, type ReplicateSource } from './replicates.js';

/** A gap to bootstrap: its grouping (index into the cells' groupings) and fixed eligible groups. */
export interface GapPlan {
  column: string;
  grouping: number;
  gap: GapName;
  eligible: Uint8Array;
}

/** Binary count metrics (overall) and gaps, for one or two models. */
export class BinaryCellBootstrap implements ReplicateSource {
  readonly keys: string[];
  readonly models: number;
  private readonly drawn: Float64Array;
  private readonly slots: Uint8Array[];
  private readonly totals: BinaryTotals[];
  private readonly confusion: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  private readonly scratch = new GapScratch();

  /** `metrics`: the count metrics to replicate (default: all). */
  constructor(
    private readonly cells: CellTable,
    groupSizes: readonly number[],
    private readonly gaps: readonly GapPlan[],
    private readonly metrics: readonly CountMetricName[] = COUNT_METRICS,
  ) {
    this.keys = [...metrics, ...gaps.map((g) => gapKey(g.column, g.gap))];
    const preds = cells.predP === null ? [cells.predC] : [cells.predC, cells.predP];
    this.models = preds.length;
    this.drawn = new Float64Array(cells.size);
    this.slots = preds.map((pred) => computeConfusionSlots(cells.y, pred));
    this.totals = preds.map(() => createBinaryTotals(groupSizes));
  }

  resample(rngs: readonly Rng[], out: Float64Array): void {
    rngs.forEach((rng, r) => {
      this.resampleOne(rng, out, r * this.keys.length * this.models);
    });
  }

  private resampleOne(rng: Rng, out: Float64Array, at: number): void {
    const { cells, drawn, keys } = this;
    sampleMultinomial(rng, totalRows(cells), cells.count, drawn);
    for (let m = 0; m < this.models; m++) {
      const totals = this.totals[m]!;
      sumBinaryCells(cells, this.slots[m]!, drawn, totals);
      const base = at + m * keys.length;
      readConfusion(totals.overall, 0, this.confusion);
      const metrics = this.metrics;
      for (let i = 0; i < metrics.length; i++) {
        out[base + i] = computeCountMetricValue(metrics[i]!, this.confusion) ?? Number.NaN;
      }
      for (let j = 0; j < this.gaps.length; j++) {
        const plan = this.gaps[j]!;
        const conf: GroupConfusions = totals.groups[plan.grouping]!;
        out[base + metrics.length + j] = computeGapValue(plan.gap, conf, plan.eligible, this.scratch);
      }
    }
  }
}

/** Multiclass count metrics (overall), for one or two models. */
export class MulticlassCellBootstrap implements ReplicateSource {
  readonly keys: MulticlassCountMetricName[] = ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted'];
  readonly models: number;
  private readonly drawn: Float64Array;
  private readonly counts;

  constructor(
    private readonly cells: CellTable,
    k: number,
  ) {
    this.models = cells.predP === null ? 1 : 2;
    this.drawn = new Float64Array(cells.size);
    this.counts = createClassCounts(k);
  }

  resample(rngs: readonly Rng[], out: Float64Array): void {
    const { cells, drawn, counts, keys } = this;
    rngs.forEach((rng, r) => {
      sampleMultinomial(rng, totalRows(cells), cells.count, drawn);
      for (let m = 0; m < this.models; m++) {
        sumClassCells({ cells, pred: m === 0 ? cells.predC : cells.predP!, counts: drawn, out: counts });
        const base = (r * this.models + m) * keys.length;
        keys.forEach((name, i) => {
          out[base + i] = computeMulticlassCountMetricValue(name, counts) ?? Number.NaN;
        });
      }
    });
  }
}

function totalRows(cells: CellTable): number {
  let n = 0;
  for (let c = 0; c < cells.size; c++) n += cells.count[c]!;
  return n;
}
