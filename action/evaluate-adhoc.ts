/** The ad-hoc CLI form: two model files and one data file, no configuration file. */
import path from 'node:path';
import { METRIC_ALIASES } from '../shared/config/metric-names.js';
import { suggestName } from '../shared/config/suggest-name.js';
import type { FairnessThresholds, MetricThresholds, ModelConfig } from '../shared/config/types.js';
import { ConfigError, ModelGateError } from '../shared/errors.js';
import { GAPS, isGapName, isMetricName, METRICS } from '../shared/metrics/registry.js';
import { buildReport } from '../shared/report/build-report.js';
import type { Report } from '../shared/report/schema.js';
import { MODELGATE_VERSION } from '../shared/version.js';
import type { CliValues } from './cli.js';
import { hashFile } from './data/hash-file.js';
import { readEnvironment } from './environment.js';
import { evaluateModel } from './evaluate-model.js';
import { parseNumberOption, reportSettings, runnerFromExtension, settingsFromOptions } from './options.js';

/** Gates used when the ad-hoc form names none: no material regression, and the four-fifths rule. */
export const ADHOC_DEFAULT_GATES =
  'primary metric: max_regression 0.01; with sensitive columns: demographic_parity_ratio min 0.8';

export async function evaluateAdhoc(input: {
  values: CliValues;
  cwd: string;
  onProgress: (message: string, fraction?: number) => void;
}): Promise<Report> {
  const { values, cwd } = input;
  for (const key of ['candidate', 'data', 'target'] as const) {
    if (!values[key])
      throw new ModelGateError('usage', `--${key} is required in the ad-hoc form (or pass --config).`);
  }
  const task = (values.task ?? 'binary') as ModelConfig['task'];
  if (!['binary', 'multiclass', 'regression'].includes(task))
    throw new ModelGateError('usage', `--task must be binary, multiclass or regression, not "${task}".`);
  const list = (s: string | undefined) =>
    s
      ? s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : undefined;
  const sensitive = list(values.sensitive) ?? [];
  const primaryMetric = task === 'binary' ? 'roc_auc' : task === 'multiclass' ? 'accuracy' : 'rmse';
  const candidatePath = path.resolve(cwd, values.candidate!);
  const model: ModelConfig = {
    name: path.basename(candidatePath).replace(/\.[^.]+$/, ''),
    artifact: values.candidate!,
    runner: runnerFromExtension(values.candidate!, '--candidate'),
    timeoutSeconds: 600,
    data: values.data!,
    task,
    target: values.target!,
    positive: values.positive ?? '1',
    sensitive,
    intersections: sensitive.length >= 2,
    risk: 'medium',
    primaryMetric,
    ...parseGates(values.gate ?? [], { primaryMetric, sensitive }),
  };
  const features = list(values.features);
  if (features) model.features = features;
  if (values.id) model.id = values.id;
  if (values.threshold !== undefined)
    model.threshold = parseNumberOption(values.threshold, '--threshold', { min: 0, max: 1 });
  const settings = settingsFromOptions(values);
  const side = async (file: string, source: 'file') => {
    const abs = path.resolve(cwd, file);
    const { sha256, bytes } = await hashFile(abs);
    return { path: abs, displayPath: file, sha256, bytes, source };
  };
  const data = await side(values.data!, 'file');
  const evaluated = await evaluateModel({
    model,
    settings,
    root: cwd,
    data,
    candidate: await side(values.candidate!, 'file'),
    production: values.production ? await side(values.production, 'file') : null,
    onProgress: input.onProgress,
  });
  if (!values.gate || values.gate.length === 0) {
    evaluated.flags.unshift({
      code: 'default_gates',
      severity: 'info',
      message: `No --gate given, so the default gates apply (${ADHOC_DEFAULT_GATES}).`,
    });
  }
  return buildReport({
    createdAt: new Date().toISOString(),
    version: MODELGATE_VERSION,
    mode: 'adhoc',
    settings: reportSettings(settings),
    environment: readEnvironment(),
    models: [evaluated],
  });
}

/** `--gate roc_auc.max_regression=0.01`, `--gate demographic_parity_ratio.min=0.8`. */
function parseGates(
  specs: string[],
  ctx: { primaryMetric: string; sensitive: string[] },
): Pick<ModelConfig, 'gates' | 'fairness' | 'operational'> {
  const gates: Record<string, MetricThresholds> = {};
  const fairness: Record<string, FairnessThresholds> = {};
  const operational: ModelConfig['operational'] = {};
  if (specs.length === 0) {
    gates[ctx.primaryMetric] = { maxRegression: 0.01, test: 'point', warnWithinNoise: true };
    if (ctx.sensitive.length > 0)
      fairness.demographic_parity_ratio = { min: 0.8, test: 'point', warnWithinNoise: true };
    return { gates, fairness, operational };
  }
  const camel: Record<string, string> = {
    min: 'min',
    max: 'max',
    max_regression: 'maxRegression',
    max_regression_relative: 'maxRegressionRelative',
    worst_group_min: 'worstGroupMin',
    worst_group_max: 'worstGroupMax',
    max_increase: 'maxIncrease',
    max_increase_relative: 'maxIncreaseRelative',
  };
  for (const spec of specs) {
    const match = /^([A-Za-z0-9_]+)\.([a-z_]+)=(.+)$/.exec(spec);
    const location = { file: 'command line', path: `--gate ${spec}` };
    if (!match)
      throw new ConfigError('expected metric.bound=value, e.g. roc_auc.max_regression=0.01', location);
    const [, metric, bound, raw] = match as unknown as [string, string, string, string];
    const value = Number(raw);
    const key = camel[bound];
    if (!key || !Number.isFinite(value))
      throw new ConfigError(`unknown bound "${bound}" or non-numeric value "${raw}"`, location);
    if (isMetricName(metric))
      gates[metric] = { test: 'point', warnWithinNoise: true, ...gates[metric], [key]: value };
    else if (isGapName(metric))
      fairness[metric] = { test: 'point', warnWithinNoise: true, ...fairness[metric], [key]: value };
    else if (['latency_p95_ms', 'latency_p50_ms', 'size_mb'].includes(metric))
      operational[metric] = { ...operational[metric], [key]: value };
    else {
      const known = [
        ...Object.keys(METRICS),
        ...Object.keys(GAPS),
        'latency_p95_ms',
        'latency_p50_ms',
        'size_mb',
      ];
      const suggestion = suggestName(metric, known, METRIC_ALIASES);
      throw new ConfigError(
        `unknown metric "${metric}"${suggestion ? `; did you mean "${suggestion}"?` : ` (known: ${known.join(', ')})`}`,
        location,
      );
    }
  }
  return { gates, fairness, operational };
}
