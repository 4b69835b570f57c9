/**
 * Plain-language names of gated quantities, for messages.
 */

import {
  GAPS,
  isGapName,
  isMetricName,
  METRICS,
  OPERATIONAL,
  type OperationalName,
} from '../metrics/registry.js';
import { formatNumber } from '../render/format-number.js';

/** Human label of a metric (the registry's, else its name). */
export function metricLabel(name: string): string {
  return isMetricName(name) ? METRICS[name].label : name;
}

/** Human label of a fairness gap (the registry's, else its name). */
export function gapLabel(name: string): string {
  return isGapName(name) ? GAPS[name].label : name;
}

const OPERATIONAL_WORDS: Record<OperationalName, { noun: string; unit: string }> = {
  latency_p95_ms: { noun: 'Latency per row (95th percentile)', unit: 'ms' },
  latency_p50_ms: { noun: 'Latency per row (median)', unit: 'ms' },
  size_mb: { noun: 'Model size', unit: 'MB' },
};

/** Noun and unit of an operational measurement. */
export function operationalWords(name: string): { noun: string; unit: string } {
  return Object.hasOwn(OPERATIONAL, name)
    ? OPERATIONAL_WORDS[name as OperationalName]
    : { noun: name, unit: '' };
}

/** A value with its unit: `6.2 ms`. */
export function withUnit(value: number, unit: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/**
 * A label for the middle of a sentence: "accuracy", but "ROC AUC" and "R²" unchanged
 * (only a capital followed by a lowercase letter is lowered).
 */
export function lowerLabel(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}
