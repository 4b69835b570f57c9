/**
 * What each task's evaluation hands to the common assembly: point metrics of both models, group
 * tables, gap details, and (built only when intervals are wanted) the bootstrap sources.
 */
import type { GapDetail } from '../fairness/compute-gap-detail.js';
import type { GapName } from '../metrics/registry.js';
import type { GroupTable } from './build-group-tables.js';
import type { ReplicateSource } from './replicates.js';
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
  gap: GapName;
  candidate: GapDetail;
  production: GapDetail | null;
}

/** A task's results before the bootstrap and the assembly into comparisons. */
export interface TaskEvaluation {
  /** Point metrics, candidate then production (null without production), in registry order. */
  metrics: [Record<string, MetricValue>, Record<string, MetricValue> | null];
  groups: Record<string, GroupTable>;
  gaps: GapResult[];
  buildSources: () => ReplicateSource[];
}
