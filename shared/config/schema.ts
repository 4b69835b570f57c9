/**
 * The `.github/modelgate.yml` format (PRODUCT.md §1, §4, §5): one strict zod schema, defaults
 * inside it, unknown keys rejected. YAML keys are snake_case; `toConfig` maps them to camelCase once.
 * The committed JSON Schema (`schema/modelgate.schema.json`) is generated from `configFileSchema`.
 */
import { z } from 'zod';

const testSchema = z.enum(['point', 'noninferiority']).describe('point: decide on the estimate; noninferiority: the whole interval must be within the tolerance');

export const metricGateSchema = z
  .strictObject({
    min: z.number().optional().describe('Inclusive lower bound on the candidate value'),
    max: z.number().optional().describe('Inclusive upper bound on the candidate value'),
    max_regression: z.number().min(0).optional().describe('Tolerated absolute worsening vs production'),
    max_regression_relative: z.number().min(0).optional().describe('Tolerated relative worsening vs production, (cand - prod) / |prod| in the bad direction'),
    worst_group_min: z.number().optional().describe('Lower bound on the worst group value, per sensitive column'),
    worst_group_max: z.number().optional().describe('Upper bound on the worst group value (lower-is-better metrics)'),
    test: testSchema.default('point'),
    warn_within_noise: z.boolean().default(true).describe('A point decision whose interval straddles the threshold is a warning'),
  })
  .describe('Thresholds on one metric');

export const fairnessGateSchema = z
  .strictObject({
    min: z.number().optional(),
    max: z.number().optional(),
    max_increase: z.number().min(0).optional().describe('Tolerated worsening of the gap vs production'),
    columns: z.array(z.string()).optional().describe('Sensitive columns (or a&b intersections) to check; default all'),
    test: testSchema.default('point'),
    warn_within_noise: z.boolean().default(true),
  })
  .describe('Thresholds on one fairness gap');

export const operationalGateSchema = z.strictObject({
  max: z.number().optional(),
  max_increase_relative: z.number().min(0).optional(),
});

const modelNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_./-]*$/, 'letters, digits, - _ / . (starting with a letter or digit)');

const monitorSchema = z.strictObject({
  data: z.string().describe('Path or glob of fresh labelled data'),
  schedule: z.string().optional().describe('Documentation hint: the cron schedule of the monitoring workflow'),
  reference: z.string().optional().describe('Reference data for drift (default: the promotion evaluation data)'),
  min_rows: z.number().int().positive().default(200),
  gates: z.record(z.string(), z.strictObject({
    max_degradation: z.number().min(0).optional(),
    max_degradation_relative: z.number().min(0).optional(),
    test: testSchema.default('point'),
  })).default({}),
  fairness: z.record(z.string(), z.strictObject({ max_increase: z.number().min(0) })).default({}),
  drift: z.strictObject({
    psi_max: z.number().positive().default(0.2),
    ks_max: z.number().positive().default(0.1),
    js_max: z.number().positive().default(0.1),
    max_share_drifted: z.number().min(0).max(1).default(0.3),
  }).prefault({}),
});

export const modelSchema = z.strictObject({
  artifact: z.string().min(1).describe('Repository-relative path of the model artifact'),
  runner: z.enum(['onnx', 'predictions', 'command']).optional().describe('Default from the artifact extension'),
  command: z.string().optional().describe('For runner: command; placeholders {model} {data} {out}'),
  timeout_seconds: z.number().positive().default(600),
  data: z.string().min(1).describe('Evaluation data: csv | jsonl | parquet'),
  task: z.enum(['binary', 'multiclass', 'regression']),
  target: z.string().min(1),
  positive: z.union([z.string(), z.number(), z.boolean()]).optional().describe('Positive label (binary); default 1'),
  id: z.string().optional(),
  features: z.array(z.string()).optional(),
  sensitive: z.array(z.string()).default([]),
  intersections: z.boolean().default(false),
  threshold: z.number().min(0).max(1).optional(),
  risk: z.enum(['low', 'medium', 'high']).default('medium'),
  primary_metric: z.string().optional().describe('Main metric (importance, charts); default roc_auc / accuracy / rmse'),
  gates: z.record(z.string(), metricGateSchema).default({}),
  fairness: z.record(z.string(), fairnessGateSchema).default({}),
  operational: z.record(z.string(), operationalGateSchema).default({}),
  monitor: monitorSchema.optional(),
});

export const defaultsSchema = z.strictObject({
  confidence: z.number().gt(0).lt(1).default(0.95),
  bootstrap: z.number().int().min(0).max(100000).default(1000),
  seed: z.number().int().min(0).default(42),
  min_group_size: z.number().int().min(1).default(30),
  importance_repeats: z.number().int().min(0).max(50).default(3),
  latency_batches: z.number().int().min(1).max(1000).default(20),
  batch_size: z.number().int().min(1).default(4096),
  inconclusive: z.enum(['action_required', 'neutral']).default('action_required'),
});

const approverSchema = z.strictObject({
  count: z.number().int().min(1).default(1),
  users: z.array(z.string()).default([]),
  teams: z.array(z.string()).default([]),
  permission: z.enum(['read', 'triage', 'write', 'maintain', 'admin']).optional(),
});

export const ruleSchema = z.strictObject({
  name: z.string().min(1),
  if: z.strictObject({
    risk: z.array(z.enum(['low', 'medium', 'high'])).optional(),
    models: z.array(z.string()).optional(),
    changed: z.array(z.string()).optional().describe('Globs of changed paths'),
    fairness: z.array(z.enum(['pass', 'fail', 'warn'])).optional(),
    regressed: z.boolean().optional(),
    verdict: z.array(z.enum(['pass', 'fail', 'inconclusive', 'error'])).optional(),
  }).default({}),
  require: approverSchema,
});

export const policySchema = z.strictObject({
  allow_author: z.boolean().default(false),
  invalidate_on_push: z.boolean().default(true),
  workflows: z.array(z.string()).default(['.github/workflows/modelgate.yml']),
  rules: z.array(ruleSchema).default([]),
});

export const releaseSchema = z.strictObject({
  tag: z.string().default('{model}@v{version}'),
  bump: z.enum(['major', 'minor', 'patch']).default('minor'),
  first_version: z.string().regex(/^\d+\.\d+\.\d+$/).default('1.0.0'),
  make_latest: z.boolean().default(false),
  assets: z.array(z.enum(['report', 'model_card', 'ledger'])).default(['report', 'model_card', 'ledger']),
});

export const configFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    _extends: z.string().optional().describe('Organisation defaults (App): repo or org/repo:path'),
    version: z.literal(1),
    defaults: defaultsSchema.prefault({}),
    models: z.record(modelNameSchema, modelSchema),
    policy: policySchema.prefault({}),
    release: releaseSchema.prefault({}),
    dashboard: z.boolean().default(true),
  })
  .describe('ModelGate configuration (.github/modelgate.yml)');

/** The parsed file, snake_case as written (defaults applied). */
export type ConfigFile = z.infer<typeof configFileSchema>;
export type ModelConfigFile = z.infer<typeof modelSchema>;
export type MetricGate = z.infer<typeof metricGateSchema>;
export type FairnessGate = z.infer<typeof fairnessGateSchema>;
export type OperationalGate = z.infer<typeof operationalGateSchema>;
export type PolicyFile = z.infer<typeof policySchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type ReleaseConfig = z.infer<typeof releaseSchema>;
export type Defaults = z.infer<typeof defaultsSchema>;
