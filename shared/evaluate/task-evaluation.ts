/**
 * What each task's evaluation hands to the common assembly: point metrics of both models, group
 * tables, gap details, and (built only when intervals are wanted) the bootstrap plan.
 */
import type { GapDetail } from '../fairness/compute-gap-detail.js';
import type { GapName } from '../metrics/registry.js';
import type { BootstrapPlan } from './bootstrap-plan.js';
import type { GroupTable } from './build-group-tables.js';
import type { EngineSettings, Grouping, MetricValue, Predictions, Target } from './types.js';

/** The engine input plus the timing lap. */
export interface TaskInput {
  target: Target;
  candidate: Predictions;
  production: Predictions | null;
  groupings: readonly Grouping[];
  settings: EngineSettings;
  /** Records the time since the previous lap under `name` (milliseconds). */
  lap: (name: string) => void;
}

/** One gap on one grouping, for both models. */
export interface GapResult {
  column: string;
  /** Index of the grouping. */
  grouping: number;
  gap: GapName;
  candidate: GapDetail;
  production: GapDetail | null;
}

/** Point metrics, candidate then production (null without production), and the group tables. */
export interface TaskPoints {
  metrics: [Record<string, MetricValue>, Record<string, MetricValue> | null];
  groups: Record<string, GroupTable>;
}

/**
 * A task's results before the bootstrap and the assembly into comparisons. The gaps are computed
 * up front (the bootstrap plan needs them); the point metrics and group tables, the costly part,
 * on demand — so a shell can compute them while the bootstrap runs on other threads.
 */
export interface TaskEvaluation {
  gaps: GapResult[];
  /** Laps engine_metrics_ms and engine_groups_ms. */
  computePoints: () => TaskPoints;
  buildPlan: () => BootstrapPlan;
}
