/**
 * What the bootstrap of one evaluation needs, as plain data: typed arrays, numbers, strings and
 * plain objects only (no functions or class instances), so it can be handed to another thread
 * (structured clone, or shared memory) and turned into the replicate sources there.
 */
import { BinaryScoreBootstrap, type BinaryScorePlan } from './binary-score-bootstrap.js';
import type { CellTable } from './build-cells.js';
import { BinaryCellBootstrap, type GapPlan, MulticlassCellBootstrap } from './cell-bootstrap.js';
import { MulticlassLossBootstrap, RegressionBootstrap } from './linear-bootstrap.js';
import type { ReplicateSource } from './replicates.js';

/** The bootstrap inputs of one task's evaluation (see the file comment). */
export type BootstrapPlan =
  | {
      task: 'binary';
      /** Row count of the evaluation data. */
      rows: number;
      cells: CellTable;
      /** Groups per grouping, missing included (names.length + 1). */
      groupSizes: number[];
      gaps: GapPlan[];
      scores: BinaryScorePlan;
    }
  | { task: 'multiclass'; rows: number; cells: CellTable; k: number; y: Int32Array; probas: Float64Array[] }
  | { task: 'regression'; rows: number; y: Float64Array; predictions: Float64Array[] };

/**
 * The plan's replicate sources, in a fixed order (a source's index names its random streams).
 * Cheap: the costly per-row preparation is in the plan already.
 */
export function buildReplicateSources(plan: BootstrapPlan): ReplicateSource[] {
  switch (plan.task) {
    case 'binary':
      return [
        new BinaryCellBootstrap(plan.cells, plan.groupSizes, plan.gaps),
        new BinaryScoreBootstrap(plan.scores),
      ];
    case 'multiclass':
      return [
        new MulticlassCellBootstrap(plan.cells, plan.k),
        new MulticlassLossBootstrap({ y: plan.y, k: plan.k, probas: plan.probas }),
      ];
    case 'regression':
      return [new RegressionBootstrap({ y: plan.y, predictions: plan.predictions })];
  }
}
