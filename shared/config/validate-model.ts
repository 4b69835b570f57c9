/**
 * Cross-field rules of one model: what the schema alone cannot see (a fairness column that is not
 * sensitive, `min > max`, a key that has no effect for this task or runner).
 */

import { formatKeyPath } from './config-source.js';
import { explainUnknown, suggestName } from './suggest-name.js';
import type { Defaults, ModelConfig } from './types.js';
import {
  checkFairness,
  checkMetricGate,
  type ModelContext,
  type ReportIssue,
  requireSomeBound,
} from './validate-gates.js';

export type { ReportIssue } from './validate-gates.js';

/** Checks one model; every problem goes to `report`. */
export function validateModel(model: ModelConfig, defaults: Defaults, report: ReportIssue): void {
  const ctx: ModelContext = { model, defaults, report, base: ['models', model.name] };
  checkRunner(ctx);
  checkColumns(ctx);
  for (const [metric, gate] of Object.entries(model.gates)) checkMetricGate(ctx, metric, gate);
  checkFairness(ctx);
  checkOperational(ctx);
  checkMonitor(ctx);
}

const COMMAND_PLACEHOLDERS = ['model', 'data', 'out'];

function checkRunner({ model, report, base }: ModelContext): void {
  if (model.runner === 'command' && model.command === undefined) {
    report(
      [...base, 'runner'],
      `runner is command but no command is set; set command (placeholders {model} {data} {out}), ` +
        `or use an artifact ending in .onnx or .csv, .jsonl, .parquet (got ${JSON.stringify(model.artifact)})`,
    );
  }
  if (model.command === undefined) return;
  if (model.runner !== 'command') {
    report(
      [...base, 'command'],
      `does nothing with runner: ${model.runner}; remove it or set runner: command`,
    );
  }
  for (const match of model.command.matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1] ?? '';
    if (COMMAND_PLACEHOLDERS.includes(name)) continue;
    report(
      [...base, 'command'],
      explainUnknown(
        `unknown placeholder {${name}}`,
        suggestName(name, COMMAND_PLACEHOLDERS),
        '{model}, {data} or {out}',
      ),
    );
  }
}

function checkColumns({ model, report, base }: ModelContext): void {
  if (model.threshold !== undefined && model.task !== 'binary') {
    report(
      [...base, 'threshold'],
      `does nothing for a ${model.task} model; threshold applies to binary models only`,
    );
  }
  if (model.id !== undefined && model.id === model.target) {
    report([...base, 'id'], `"${model.id}" is also the target; the id column must be a different column`);
  }
  for (const key of ['features', 'sensitive'] as const) {
    const seen = new Set<string>();
    (model[key] ?? []).forEach((column, i) => {
      if (column === model.target)
        report([...base, key, i], `"${column}" is the target column; it cannot be in ${key}`);
      else if (seen.has(column)) report([...base, key, i], `"${column}" is listed twice`);
      seen.add(column);
    });
  }
  if (model.intersections && model.sensitive.length < 2) {
    report(
      [...base, 'intersections'],
      `does nothing with ${model.sensitive.length} sensitive column(s); intersections need at least two`,
    );
  }
}

function checkOperational({ model, report, base }: ModelContext): void {
  for (const [name, gate] of Object.entries(model.operational)) {
    const path = [...base, 'operational', name];
    if (!requireSomeBound(report, path, gate, ['max', 'maxIncreaseRelative'])) continue;
    if (model.runner === 'predictions') {
      report(
        path,
        'does nothing with runner: predictions: no model runs, so there is no latency or model size to measure',
        'key',
      );
    }
  }
}

function checkMonitor({ model, report, base }: ModelContext): void {
  const monitor = model.monitor;
  if (monitor === undefined) return;
  const path = [...base, 'monitor'];
  if (Object.keys(monitor.fairness).length > 0 && model.sensitive.length === 0) {
    report(
      [...path, 'fairness'],
      `fairness monitoring needs sensitive columns, but ${formatKeyPath([...base, 'sensitive'])} is empty`,
      'key',
    );
  }
  for (const [metric, gate] of Object.entries(monitor.gates)) {
    requireSomeBound(report, [...path, 'gates', metric], gate, ['maxDegradation', 'maxDegradationRelative']);
  }
}
