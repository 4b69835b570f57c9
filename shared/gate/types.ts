/**
 * What the gate reads: the numbers of one model's report and its trusted thresholds.
 */
import type { ModelConfig } from '../config/types.js';
import type { Check, ModelReport } from '../report/schema.js';

/** The parts of a model report the gate decides on. */
export type GateModel = Pick<
  ModelReport,
  'name' | 'metrics' | 'groups' | 'fairness' | 'operational' | 'firstPromotion'
>;

/** The thresholds of one model (from the configuration the verdict is decided under). */
export type GateThresholds = Pick<ModelConfig, 'gates' | 'fairness' | 'operational'>;

/** Shared by every check builder. */
export interface GateContext {
  model: GateModel;
  /** Confidence level of the report's intervals, for messages (0.95 → "95% interval"). */
  confidence: number;
}

/** A finite number, or null for anything undefined (null, undefined, NaN, ±Infinity). */
export function finite(x: number | null | undefined): number | null {
  return x !== null && x !== undefined && Number.isFinite(x) ? x : null;
}

/** A finite interval, ordered, or null. */
export function finiteInterval(ci: readonly [number, number] | null | undefined): [number, number] | null {
  if (!ci || !Number.isFinite(ci[0]) || !Number.isFinite(ci[1])) return null;
  return ci[0] <= ci[1] ? [ci[0], ci[1]] : [ci[1], ci[0]];
}

/** A check before its decision: everything but status, observed, interval and message. */
export type CheckHead = Omit<Check, 'status' | 'observed' | 'interval' | 'message'>;

/** A check that could not be decided (fails closed). */
export function errorCheck(head: CheckHead, message: string): Check {
  return { ...head, observed: null, interval: null, status: 'error', message };
}

/** A check that does not apply to this run (e.g. a comparison on first promotion). */
export function skippedCheck(head: CheckHead, message: string): Check {
  return { ...head, observed: null, interval: null, status: 'skipped', message };
}

/** Message of comparison checks on first promotion. */
export const FIRST_PROMOTION_SKIP =
  'Skipped: this is the first promotion of this model, so there is no production version to compare with.';

/** Joins sentences, dropping empty ones. */
export function sentences(...parts: string[]): string {
  return parts.filter((part) => part.length > 0).join(' ');
}
