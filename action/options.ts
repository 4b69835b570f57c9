/** Shared option handling for the CLI and the Action. */
import type { Defaults, ModelConfig } from '../shared/config/types.js';
import { ModelGateError } from '../shared/errors.js';
import { MONITOR_METHOD } from '../shared/monitor/build-monitor-report.js';
import type { MonitorReport } from '../shared/monitor/schema.js';
import type { Report } from '../shared/report/schema.js';
import type { EvaluateModelInput } from './evaluate-model.js';

export const DEFAULT_SETTINGS: Defaults = {
  confidence: 0.95,
  bootstrap: 1000,
  seed: 42,
  minGroupSize: 30,
  importanceRepeats: 3,
  latencyBatches: 20,
  batchSize: 4096,
  inconclusive: 'action_required',
};

export function parseNumberOption(
  raw: string,
  name: string,
  range: { min?: number; max?: number; integer?: boolean } = {},
): number {
  const value = Number(raw);
  const bad =
    raw.trim() === '' ||
    !Number.isFinite(value) ||
    (range.integer && !Number.isInteger(value)) ||
    (range.min !== undefined && value < range.min) ||
    (range.max !== undefined && value > range.max);
  if (bad) {
    const bounds = [
      range.integer ? 'an integer' : 'a number',
      range.min !== undefined ? `>= ${range.min}` : '',
      range.max !== undefined ? `<= ${range.max}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    throw new ModelGateError('usage', `${name} must be ${bounds}, not "${raw}".`);
  }
  return value;
}

/** Engine settings from config defaults, overridden by --bootstrap/--seed/--confidence/--min-group-size. */
export function settingsFromOptions(
  values: {
    bootstrap?: string | undefined;
    seed?: string | undefined;
    confidence?: string | undefined;
    'min-group-size'?: string | undefined;
  },
  defaults: Defaults = DEFAULT_SETTINGS,
): EvaluateModelInput['settings'] {
  return {
    seed:
      values.seed !== undefined
        ? parseNumberOption(values.seed, '--seed', { min: 0, integer: true })
        : defaults.seed,
    bootstrap:
      values.bootstrap !== undefined
        ? parseNumberOption(values.bootstrap, '--bootstrap', { min: 0, max: 100000, integer: true })
        : defaults.bootstrap,
    confidence:
      values.confidence !== undefined
        ? parseNumberOption(values.confidence, '--confidence', { min: 0.5, max: 0.999 })
        : defaults.confidence,
    minGroupSize:
      values['min-group-size'] !== undefined
        ? parseNumberOption(values['min-group-size'], '--min-group-size', { min: 1, integer: true })
        : defaults.minGroupSize,
    importanceRepeats: defaults.importanceRepeats,
    latencyBatches: defaults.latencyBatches,
    batchSize: defaults.batchSize,
  };
}

/** onnx for .onnx; predictions for .csv/.jsonl/.ndjson/.parquet. */
export function runnerFromExtension(file: string, name: string): ModelConfig['runner'] {
  const lower = file.toLowerCase();
  if (lower.endsWith('.onnx')) return 'onnx';
  if (/\.(csv|jsonl|ndjson|parquet)$/.test(lower)) return 'predictions';
  throw new ModelGateError(
    'usage',
    `${name} ${file}: cannot tell the model format from the extension (expected .onnx, or a predictions file .csv/.jsonl/.parquet).`,
  );
}

/** The report's record of the settings that produced its intervals. */
export function reportSettings(
  settings: Pick<Defaults, 'seed' | 'bootstrap' | 'confidence' | 'minGroupSize'>,
): Report['settings'] {
  return {
    seed: settings.seed,
    bootstrap: settings.bootstrap,
    confidence: settings.confidence,
    method: 'paired percentile bootstrap',
    minGroupSize: settings.minGroupSize,
  };
}

/** The monitor report's record of its interval settings. */
export function monitorReportSettings(
  settings: Pick<Defaults, 'seed' | 'bootstrap' | 'confidence'>,
): MonitorReport['settings'] {
  return {
    seed: settings.seed,
    bootstrap: settings.bootstrap,
    confidence: settings.confidence,
    method: MONITOR_METHOD,
  };
}
