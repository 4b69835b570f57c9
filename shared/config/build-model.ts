/**
 * One model entry at the parse boundary: the defaults that depend on other keys (runner from the
 * artifact extension, primary metric from the task, positive label as text) and metric names
 * checked against the task.
 */
import type { Task } from '../metrics/registry.js';
import type { IssueCollector } from './build-config.js';
import {
  buildMonitor,
  mapEntries,
  toFairnessThresholds,
  toMetricThresholds,
  toOperationalThresholds,
} from './build-thresholds.js';
import type { KeyPath } from './config-source.js';
import {
  appliesToTask,
  expectedNames,
  METRIC_ALIASES,
  type MetricSection,
  namesForSection,
} from './metric-names.js';
import type { ModelConfigFile } from './schema.js';
import { explainUnknown, suggestName } from './suggest-name.js';
import type { ModelConfig } from './types.js';

const PRIMARY_METRIC: Record<Task, string> = {
  binary: 'roc_auc',
  multiclass: 'accuracy',
  regression: 'rmse',
};
const PREDICTION_EXTENSIONS = ['.csv', '.jsonl', '.parquet'];

export interface ModelArgs {
  name: string;
  model: ModelConfigFile;
  issues: IssueCollector;
  rawModel: Record<string, unknown>;
}

/**
 * One model in camelCase: paths normalised, runner, positive label and primary metric defaulted,
 * metric names checked against the task. Problems go to `issues`.
 */
export function buildModel({ name, model, issues, rawModel }: ModelArgs): ModelConfig {
  const base = ['models', name] as const;
  checkMetricSections({ name, model, issues, rawModel });
  const out: ModelConfig = {
    name,
    artifact: issues.path(model.artifact, [...base, 'artifact']),
    runner: defaultRunner({ name, model, issues, rawModel }),
    timeoutSeconds: model.timeout_seconds,
    data: issues.path(model.data, [...base, 'data']),
    task: model.task,
    target: model.target,
    positive: buildPositive({ name, model, issues, rawModel }),
    sensitive: [...model.sensitive],
    intersections: model.intersections,
    risk: model.risk,
    primaryMetric: buildPrimaryMetric({ name, model, issues, rawModel }),
    gates: mapEntries(model.gates, rawModel.gates, toMetricThresholds),
    fairness: mapEntries(model.fairness, rawModel.fairness, toFairnessThresholds),
    operational: mapEntries(model.operational, rawModel.operational, toOperationalThresholds),
  };
  checkDataExtension(out.data, [...base, 'data'], issues);
  if (model.command !== undefined) out.command = model.command;
  if (model.id !== undefined) out.id = model.id;
  if (model.features !== undefined) out.features = [...model.features];
  if (model.threshold !== undefined) out.threshold = model.threshold;
  if (model.monitor !== undefined) {
    out.monitor = buildMonitor({
      monitor: model.monitor,
      raw: rawModel.monitor,
      base: [...base, 'monitor'],
      issues,
    });
  }
  return out;
}

/** Explicit runner; else `command` when a command is set; else from the artifact extension. */
function defaultRunner({ model }: ModelArgs): ModelConfig['runner'] {
  if (model.runner !== undefined) return model.runner;
  if (model.command !== undefined) return 'command';
  const extension = extensionOf(model.artifact);
  if (extension === '.onnx') return 'onnx';
  if (PREDICTION_EXTENSIONS.includes(extension)) return 'predictions';
  // Neither: validateConfig reports runner: command without a command, naming the artifact.
  return 'command';
}

function checkDataExtension(data: string, path: KeyPath, issues: IssueCollector): void {
  const extension = extensionOf(data);
  if (PREDICTION_EXTENSIONS.includes(extension)) return;
  issues.add(path, `expected a data file ending in .csv, .jsonl or .parquet, got ${JSON.stringify(data)}`);
}

function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The positive label as text (numbers in their shortest form: `1.0` → "1"); default "1". */
function buildPositive({ name, model, issues }: ModelArgs): string {
  if (model.positive === undefined) return '1';
  if (model.task !== 'binary') {
    issues.add(
      ['models', name, 'positive'],
      `does nothing for a ${model.task} model; positive applies to binary models only`,
    );
  }
  return String(model.positive);
}

function buildPrimaryMetric({ name, model, issues }: ModelArgs): string {
  const configured = model.primary_metric;
  if (configured === undefined) return PRIMARY_METRIC[model.task];
  if (!appliesToTask('gates', configured, model.task)) {
    const options = namesForSection('gates', model.task);
    const suggestion = suggestName(configured, options, METRIC_ALIASES);
    issues.add(
      ['models', name, 'primary_metric'],
      explainUnknown(
        `${JSON.stringify(configured)} is not a metric of ${model.task} models`,
        suggestion,
        `one of: ${options.join(', ')}`,
      ),
    );
  }
  return configured;
}

/** Metrics that exist but do not apply to the model's task (rmse on a binary model). */
function checkMetricSections({ name, model, issues }: ModelArgs): void {
  const sections: [KeyPath, MetricSection, object][] = [
    [['models', name, 'gates'], 'gates', model.gates],
    [['models', name, 'fairness'], 'fairness', model.fairness],
  ];
  if (model.monitor !== undefined) {
    sections.push([['models', name, 'monitor', 'gates'], 'gates', model.monitor.gates]);
    sections.push([['models', name, 'monitor', 'fairness'], 'fairness', model.monitor.fairness]);
  }
  for (const [path, section, entries] of sections) {
    for (const metric of Object.keys(entries)) {
      if (appliesToTask(section, metric, model.task)) continue;
      issues.add(
        [...path, metric],
        `${metric} does not apply to ${model.task} models; ${expectedNames(section, model.task)}`,
        'key',
      );
    }
  }
}
