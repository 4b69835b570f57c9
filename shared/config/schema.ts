/**
 * The `.github/modelgate.yml` format (PRODUCT.md §1, §4, §5): one strict zod schema, defaults
 * inside it, unknown keys rejected. YAML keys are snake_case; `parseConfig` maps them to camelCase once.
 * The committed JSON Schema (`schema/modelgate.schema.json`) is generated from `configFileSchema`;
 * metric sections list every metric as a property so editors can autocomplete them.
 */
import { z } from 'zod';
import {
  GAP_NAMES,
  GAPS,
  METRIC_NAMES,
  METRICS,
  OPERATIONAL,
  OPERATIONAL_NAMES,
} from '../metrics/registry.js';

const testSchema = z
  .enum(['point', 'noninferiority'])
  .describe(
    'point: decide on the estimate; noninferiority: the whole interval of the change must be within the tolerance',
  );

export const metricGateSchema = z
  .strictObject({
    min: z.number().optional().describe('Inclusive lower bound on the candidate value'),
    max: z.number().optional().describe('Inclusive upper bound on the candidate value'),
    max_regression: z.number().min(0).optional().describe('Tolerated absolute worsening vs production'),
    max_regression_relative: z
      .number()
      .min(0)
      .optional()
      .describe('Tolerated relative worsening vs production, (cand - prod) / |prod| in the bad direction'),
    worst_group_min: z
      .number()
      .optional()
      .describe('Lower bound on the worst group value, per sensitive column (higher-is-better metrics)'),
    worst_group_max: z
      .number()
      .optional()
      .describe('Upper bound on the worst group value, per sensitive column (lower-is-better metrics)'),
    test: testSchema.default('point'),
    warn_within_noise: z
      .boolean()
      .default(true)
      .describe('A point decision whose interval straddles the threshold is a warning'),
  })
  .meta({ id: 'MetricGate', description: 'Thresholds on one metric; any subset of the keys' });

export const fairnessGateSchema = z
  .strictObject({
    min: z
      .number()
      .optional()
      .describe('Inclusive lower bound on the gap (ratios: 0.8 is the four-fifths rule)'),
    max: z.number().optional().describe('Inclusive upper bound on the gap (differences)'),
    max_increase: z.number().min(0).optional().describe('Tolerated worsening of the gap vs production'),
    columns: z
      .array(z.string())
      .optional()
      .describe('Sensitive columns (or a&b intersections) to check; default all sensitive columns'),
    test: testSchema.default('point'),
    warn_within_noise: z
      .boolean()
      .default(true)
      .describe('A point decision whose interval straddles the threshold is a warning'),
  })
  .meta({ id: 'FairnessGate', description: 'Thresholds on one fairness gap' });

export const operationalGateSchema = z
  .strictObject({
    max: z.number().optional().describe('Inclusive upper bound on the candidate value'),
    max_increase_relative: z
      .number()
      .min(0)
      .optional()
      .describe('Tolerated relative increase vs production (0.2 = 20% slower or larger)'),
  })
  .meta({ id: 'OperationalGate', description: 'Thresholds on one operational measurement' });

/** A strict object with one optional property per name: what lets editors complete metric names. */
function namedSections<S extends z.ZodType>(
  names: readonly string[],
  item: S,
  describe: (name: string) => string,
): z.ZodObject<Record<string, z.ZodOptional<S>>, z.core.$strict> {
  return z.strictObject(
    Object.fromEntries(names.map((name) => [name, item.optional().describe(describe(name))])),
  );
}

const metricDescription = (name: string): string => {
  const info = METRICS[name as keyof typeof METRICS];
  return `${info.label} (${info.tasks.join(', ')}; ${info.direction} is better)`;
};
const gapDescription = (name: string): string => {
  const info = GAPS[name as keyof typeof GAPS];
  return `${info.label} (binary; ${info.direction} is better)`;
};
const operationalDescription = (name: string): string => {
  const info = OPERATIONAL[name as keyof typeof OPERATIONAL];
  return `${info.label} (${info.direction} is better)`;
};

export const metricGatesSchema = namedSections(METRIC_NAMES, metricGateSchema, metricDescription)
  .default({})
  .describe('Thresholds per performance metric');
export const fairnessGatesSchema = namedSections(GAP_NAMES, fairnessGateSchema, gapDescription)
  .default({})
  .describe('Thresholds per fairness gap; columns default to every sensitive column');
export const operationalGatesSchema = namedSections(
  OPERATIONAL_NAMES,
  operationalGateSchema,
  operationalDescription,
)
  .default({})
  .describe('Thresholds on latency and size');

const modelNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_./-]*$/, 'letters, digits, - _ / . (starting with a letter or digit)');

const monitorGateSchema = z
  .strictObject({
    max_degradation: z.number().min(0).optional().describe('Tolerated absolute worsening vs the promotion'),
    max_degradation_relative: z
      .number()
      .min(0)
      .optional()
      .describe('Tolerated relative worsening vs the promotion'),
    test: testSchema.default('point'),
  })
  .meta({ id: 'MonitorGate', description: 'Degradation thresholds on one metric' });

const monitorFairnessSchema = z
  .strictObject({
    max_increase: z.number().min(0).describe('Tolerated worsening of the gap vs the promotion'),
  })
  .meta({ id: 'MonitorFairnessGate' });

const monitorSchema = z
  .strictObject({
    data: z.string().min(1).describe('Path or glob of fresh labelled data'),
    schedule: z
      .string()
      .optional()
      .describe('Documentation hint: the cron schedule of the monitoring workflow'),
    reference: z
      .string()
      .min(1)
      .optional()
      .describe('Reference data for drift (default: the promotion evaluation data)'),
    min_rows: z.number().int().positive().default(200).describe('Fewer fresh rows: no decision'),
    gates: namedSections(METRIC_NAMES, monitorGateSchema, metricDescription).default({}),
    fairness: namedSections(GAP_NAMES, monitorFairnessSchema, gapDescription).default({}),
    drift: z
      .strictObject({
        psi_max: z
          .number()
          .positive()
          .default(0.2)
          .describe('Population stability index above which a feature drifted'),
        ks_max: z
          .number()
          .positive()
          .default(0.1)
          .describe('Kolmogorov-Smirnov statistic above which a feature drifted'),
        js_max: z
          .number()
          .positive()
          .default(0.1)
          .describe('Jensen-Shannon distance above which a feature drifted'),
        max_share_drifted: z
          .number()
          .min(0)
          .max(1)
          .default(0.3)
          .describe('Share of drifted features above which an alert is raised (0: any drifted feature)'),
        categorical: z
          .enum(['jensen_shannon', 'chi_square'])
          .default('jensen_shannon')
          .describe(
            "Effect size for categorical features: Jensen-Shannon distance or Cramer's V (chi-square)",
          ),
        cramers_v_max: z
          .number()
          .positive()
          .default(0.1)
          .describe("Cramer's V above which a categorical feature drifted (categorical: chi_square)"),
        alpha: z
          .number()
          .gt(0)
          .lt(1)
          .default(0.05)
          .describe(
            'Significance level a drift must also reach (KS or chi-square test), so noise in small samples does not decide',
          ),
        predictions: z
          .boolean()
          .default(true)
          .describe("Raise an alert when the production model's score distribution drifts"),
        labels: z
          .boolean()
          .default(true)
          .describe('Raise an alert when the label distribution (base rate) drifts'),
      })
      .prefault({}),
  })
  .describe('Scheduled monitoring of the production model on fresh labelled data');

export const modelSchema = z
  .strictObject({
    artifact: z.string().min(1).describe('Repository-relative path of the model artifact'),
    runner: z
      .enum(['onnx', 'predictions', 'command'])
      .optional()
      .describe(
        'Default: command when `command` is set, else from the extension (.onnx; .csv/.jsonl/.parquet)',
      ),
    command: z.string().min(1).optional().describe('For runner: command; placeholders {model} {data} {out}'),
    timeout_seconds: z.number().positive().default(600).describe('Limit for one run of the command'),
    data: z.string().min(1).describe('Repository-relative evaluation data: .csv | .jsonl | .parquet'),
    task: z.enum(['binary', 'multiclass', 'regression']),
    target: z.string().min(1).describe('Label column'),
    positive: z
      .union([z.string(), z.number(), z.boolean()])
      .optional()
      .describe('Positive label (binary); default 1'),
    id: z.string().min(1).optional().describe('Row id column (aligns predictions files)'),
    features: z
      .array(z.string().min(1))
      .optional()
      .describe('Model inputs; default every column not target/id/sensitive, in file order'),
    sensitive: z.array(z.string().min(1)).default([]).describe('Columns to slice fairness by'),
    intersections: z
      .boolean()
      .default(false)
      .describe('Also evaluate a&b intersections of the sensitive columns'),
    threshold: z.number().min(0).max(1).optional().describe('Binary: score >= threshold is positive'),
    risk: z.enum(['low', 'medium', 'high']).default('medium').describe('Risk tier: decides the sign-offs'),
    primary_metric: z
      .string()
      .optional()
      .describe('Main metric (importance, charts); default roc_auc / accuracy / rmse'),
    gates: metricGatesSchema,
    fairness: fairnessGatesSchema,
    operational: operationalGatesSchema,
    monitor: monitorSchema.optional(),
  })
  .meta({ id: 'Model', description: 'One model: its artifact, evaluation data and gates' });

export const defaultsSchema = z
  .strictObject({
    confidence: z.number().gt(0).lt(1).default(0.95).describe('Level of every confidence interval'),
    bootstrap: z
      .number()
      .int()
      .min(0)
      .max(100000)
      .default(1000)
      .describe('Resamples for intervals (0 = no intervals)'),
    seed: z.number().int().min(0).default(42).describe('Seed of the resampling (results are reproducible)'),
    min_group_size: z
      .number()
      .int()
      .min(1)
      .default(30)
      .describe('Smaller groups are reported and flagged but not gated'),
    importance_repeats: z
      .number()
      .int()
      .min(0)
      .max(50)
      .default(3)
      .describe('Permutation importance repeats (0 = off)'),
    latency_batches: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(20)
      .describe('Batches timed for latency percentiles'),
    batch_size: z.number().int().min(1).default(4096).describe('Rows per inference batch'),
    inconclusive: z
      .enum(['action_required', 'neutral'])
      .default('action_required')
      .describe('Check run conclusion of an inconclusive verdict'),
  })
  .describe('Settings shared by every model');

const approverSchema = z
  .strictObject({
    count: z.number().int().min(1).default(1).describe('Approvals needed'),
    users: z.array(z.string()).default([]).describe('GitHub logins who may approve'),
    teams: z.array(z.string()).default([]).describe('Team slugs whose members may approve'),
    permission: z
      .enum(['read', 'triage', 'write', 'maintain', 'admin'])
      .optional()
      .describe('Anyone with at least this repository permission may approve'),
  })
  .describe('Who must approve');

export const ruleSchema = z
  .strictObject({
    name: z.string().min(1).describe('Shown in the sign-off check'),
    if: z
      .strictObject({
        risk: z
          .array(z.enum(['low', 'medium', 'high']))
          .optional()
          .describe('Risk tiers the rule applies to'),
        models: z.array(z.string()).optional().describe('Model names the rule applies to'),
        changed: z.array(z.string()).optional().describe('Globs of changed paths'),
        fairness: z
          .array(z.enum(['pass', 'fail', 'warn']))
          .optional()
          .describe('Fairness outcomes'),
        regressed: z.boolean().optional().describe('Any metric worse than production'),
        verdict: z
          .array(z.enum(['pass', 'fail', 'inconclusive', 'error']))
          .optional()
          .describe('Gate verdicts'),
      })
      .default({})
      .describe('All conditions must hold; none = always'),
    require: approverSchema,
  })
  .meta({ id: 'Rule', description: 'A sign-off rule' });

export const policySchema = z
  .strictObject({
    allow_author: z.boolean().default(false).describe('Whether the PR author counts as an approver'),
    invalidate_on_push: z.boolean().default(true).describe('Approvals are bound to the evaluated content'),
    workflows: z
      .array(z.string().min(1))
      .default(['.github/workflows/modelgate.yml'])
      .describe('Only reports from these workflow files are trusted'),
    rules: z.array(ruleSchema).default([]).describe('Every rule whose `if` matches must be satisfied'),
  })
  .describe('Sign-off policy (read from the default branch)');

export const releaseSchema = z
  .strictObject({
    tag: z.string().default('{model}@v{version}').describe('Tag pattern with {model} and {version}'),
    bump: z
      .enum(['major', 'minor', 'patch'])
      .default('minor')
      .describe('Default bump; PR labels modelgate:major|minor|patch override'),
    first_version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'a version like 1.0.0')
      .default('1.0.0')
      .describe('Version of a first promotion'),
    make_latest: z
      .boolean()
      .default(false)
      .describe("Mark promotion releases as the repository's latest release"),
    assets: z
      .array(z.enum(['report', 'model_card', 'ledger']))
      .default(['report', 'model_card', 'ledger'])
      .describe('Files attached to each promotion release'),
  })
  .describe('Promotions as tags and GitHub releases');

export const configFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema of this file (for editors)'),
    _extends: z.string().optional().describe('Organisation defaults (App): repo or org/repo:path'),
    version: z.literal(1).describe('Format version: 1'),
    defaults: defaultsSchema.prefault({}),
    models: z.record(modelNameSchema, modelSchema).describe('Models by name: letters, digits, - _ / .'),
    policy: policySchema.prefault({}),
    release: releaseSchema.prefault({}),
    dashboard: z.boolean().default(true).describe('Keep a model dashboard issue'),
    templates: z
      .string()
      .optional()
      .describe(
        'Directory on the default branch whose report.hbs, model.hbs or details.hbs override the comment and check templates (App), e.g. .github/modelgate; unset: the built-in templates, nothing read',
      ),
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
