/**
 * What the engine consumes. The Action/CLI build these from files and model runs; `shared/` never
 * reads files. All per-row arrays have the same length n (rows of the evaluation data).
 */
import type { Task } from '../metrics/registry.js';

/** A metric value: `null` when undefined (zero denominator, single class), with the reason. */
export interface MetricValue {
  value: number | null;
  reason?: string;
}

/** Model outputs, per task. */
export type Predictions =
  | {
      task: 'binary';
      /** Probability of the positive class, in [0, 1]. */
      score: Float64Array;
      /** The model's own 0/1 label output, if it has one (used when no threshold is configured). */
      label: Uint8Array | null;
    }
  | {
      task: 'multiclass';
      /** Class labels as text, in the column order of `proba`. */
      classes: string[];
      /** Row-major n × k probabilities. */
      proba: Float64Array;
      /** Index into `classes` per row from the model's own label output, if any. */
      label: Int32Array | null;
    }
  | { task: 'regression'; prediction: Float64Array };

/** Encoded ground truth, per task. */
export type Target =
  | { task: 'binary'; y: Uint8Array; positiveLabel: string }
  | { task: 'multiclass'; y: Int32Array; classes: string[] }
  | { task: 'regression'; y: Float64Array };

/**
 * One slicing of the rows into groups (a sensitive column, or an intersection `a&b`).
 * `codes[i]` indexes `names`; -1 = missing value (reported as its own group "(missing)").
 */
export interface Grouping {
  column: string;
  names: string[];
  codes: Int32Array;
}

export interface EngineSettings {
  task: Task;
  seed: number;
  /** Resamples; 0 = no intervals. */
  bootstrap: number;
  confidence: number;
  minGroupSize: number;
  /** Decision threshold for binary: positive iff score >= threshold. */
  threshold: number | undefined;
}
