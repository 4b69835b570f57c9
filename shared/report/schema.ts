/**
 * The report: the one contract between the Action (writer), the CLI, and the App (reader).
 * `schemaVersion: 1`; the JSON Schema in `schema/report.schema.json` is generated from `reportSchema`.
 * Everything human-facing is rendered from this document.
 */
import { z } from 'zod';

export const REPORT_SCHEMA_VERSION = 1 as const;

/** Confidence interval [lo, hi] at `settings.confidence`. */
export const intervalSchema = z.tuple([z.number(), z.number()]);

/** A point estimate with its interval; `value: null` when undefined, with the reason. */
export const estimateSchema = z.strictObject({
  value: z.number().nullable(),
  ci: intervalSchema.nullable(),
  reason: z.string().optional(),
});
export type Estimate = z.infer<typeof estimateSchema>;

/** Candidate and production side by side, and the paired difference candidate − production. */
export const comparisonSchema = z.strictObject({
  candidate: estimateSchema,
  production: estimateSchema.nullable(),
  delta: estimateSchema.nullable(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const gapComparisonSchema = comparisonSchema.extend({
  /** Groups left out of the gap: too small, or the base metric undefined there. */
  excluded: z.array(z.strictObject({ group: z.string(), reason: z.string() })),
  /** Groups at the extremes of the candidate's gap (for plain-language messages). */
  extremes: z.strictObject({ min: z.string(), max: z.string() }).nullable().optional(),
});
export type GapComparison = z.infer<typeof gapComparisonSchema>;

export const groupFlagSchema = z.enum(['small_group', 'no_positives', 'no_negatives', 'undefined_metrics']);

export const groupEntrySchema = z.strictObject({
  n: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative().optional(),
  flags: z.array(groupFlagSchema),
  candidate: z.record(z.string(), z.number().nullable()),
  production: z.record(z.string(), z.number().nullable()).nullable(),
});
export type GroupEntry = z.infer<typeof groupEntrySchema>;

export const checkStatusSchema = z.enum(['pass', 'fail', 'warn', 'skipped', 'error']);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

export const checkSchema = z.strictObject({
  id: z.string(),
  /** `model`: a decision about the model as a whole (no thresholds, no trusted thresholds). */
  kind: z.enum([
    'metric',
    'regression',
    'worst_group',
    'fairness',
    'fairness_regression',
    'operational',
    'model',
  ]),
  metric: z.string(),
  column: z.string().optional(),
  group: z.string().optional(),
  bound: z.enum([
    'min',
    'max',
    'max_regression',
    'max_regression_relative',
    'worst_group_min',
    'worst_group_max',
    'max_increase',
    'max_increase_relative',
  ]),
  threshold: z.number(),
  observed: z.number().nullable(),
  /** Interval of the observed quantity when one exists (used for noise and non-inferiority). */
  interval: intervalSchema.nullable(),
  test: z.enum(['point', 'noninferiority']),
  status: checkStatusSchema,
  message: z.string(),
});
export type Check = z.infer<typeof checkSchema>;

export const verdictSchema = z.enum(['pass', 'fail', 'inconclusive', 'error']);
export type Verdict = z.infer<typeof verdictSchema>;

export const modelMetadataSchema = z.strictObject({
  format: z.enum(['onnx', 'predictions', 'command']),
  producer: z.string().optional(),
  producerVersion: z.string().optional(),
  irVersion: z.number().optional(),
  opsets: z.record(z.string(), z.number()).optional(),
  inputs: z
    .array(
      z.strictObject({
        name: z.string(),
        type: z.string(),
        shape: z.array(z.union([z.number(), z.string()])),
      }),
    )
    .optional(),
  outputs: z
    .array(
      z.strictObject({
        name: z.string(),
        type: z.string(),
        shape: z.array(z.union([z.number(), z.string()])),
      }),
    )
    .optional(),
  properties: z.record(z.string(), z.string()).optional(),
});
export type ModelMetadata = z.infer<typeof modelMetadataSchema>;

export const artifactSchema = z.strictObject({
  path: z.string(),
  /** Hex SHA-256; empty when the file could not be read (the model's `error` says why). */
  sha256: z.string().regex(/^([0-9a-f]{64})?$/),
  bytes: z.number().int().nonnegative(),
  /** Git commit the artifact was read at, when known. */
  commit: z.string().nullable().optional(),
  /** Promotion tag and version of production (null when it came from the base branch). */
  tag: z.string().nullable().optional(),
  version: z.string().nullable().optional(),
  source: z.enum(['head', 'release', 'base', 'file']).optional(),
  metadata: modelMetadataSchema,
});
export type Artifact = z.infer<typeof artifactSchema>;

export const operationalSideSchema = z.strictObject({
  size_mb: z.number(),
  load_ms: z.number().nullable(),
  latency_p50_ms: z.number().nullable(),
  latency_p95_ms: z.number().nullable(),
  batches: z.number().int(),
  load_error: z.string().nullable(),
});

/** Mean worsening of the metric when the feature is shuffled (null: the metric was undefined). */
export const importanceEntrySchema = z.strictObject({
  feature: z.string(),
  drop: z.number().nullable(),
  std: z.number().nullable(),
  rank: z.number().int(),
});
export type ImportanceEntry = z.infer<typeof importanceEntrySchema>;

export const importanceSchema = z.strictObject({
  metric: z.string(),
  repeats: z.number().int(),
  /** Rows used (a seeded subsample above 20,000 rows). */
  rows: z.number().int(),
  candidate: z.array(importanceEntrySchema),
  production: z.array(importanceEntrySchema).nullable(),
});

export const flagSchema = z.strictObject({
  code: z.string(),
  severity: z.enum(['info', 'warn', 'risk']),
  message: z.string(),
});
export type Flag = z.infer<typeof flagSchema>;

export const modelReportSchema = z.strictObject({
  name: z.string(),
  task: z.enum(['binary', 'multiclass', 'regression']),
  risk: z.enum(['low', 'medium', 'high']),
  verdict: verdictSchema,
  firstPromotion: z.boolean(),
  primaryMetric: z.string(),
  candidate: artifactSchema,
  production: artifactSchema.nullable(),
  data: z.strictObject({
    path: z.string(),
    sha256: z.string(),
    bytes: z.number().int(),
    rows: z.number().int(),
    positives: z.number().int().optional(),
  }),
  configDigest: z.string().optional(),
  /** sha256 over candidate artifact, data and the model's config entry: what approvals bind to. */
  evaluationDigest: z.string(),
  metrics: z.record(z.string(), comparisonSchema),
  groups: z.record(z.string(), z.record(z.string(), groupEntrySchema)),
  fairness: z.record(z.string(), z.record(z.string(), gapComparisonSchema)),
  checks: z.array(checkSchema),
  operational: z.strictObject({
    candidate: operationalSideSchema,
    production: operationalSideSchema.nullable(),
  }),
  importance: importanceSchema.nullable(),
  flags: z.array(flagSchema),
  /** Thresholds the PR would change (decided under the base's; see the Action). */
  thresholdChanges: z.array(z.string()).default([]),
  timings: z.record(z.string(), z.number()),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
});
export type ModelReport = z.infer<typeof modelReportSchema>;

export const reportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  createdAt: z.string(),
  tool: z.strictObject({ name: z.literal('modelgate'), version: z.string() }),
  mode: z.enum(['pr', 'evaluate', 'adhoc', 'monitor']),
  repository: z.string().nullable(),
  pullRequest: z.number().int().nullable(),
  base: z.strictObject({ ref: z.string().nullable(), sha: z.string().nullable() }).nullable(),
  head: z.strictObject({ ref: z.string().nullable(), sha: z.string().nullable() }).nullable(),
  workflowRun: z.strictObject({ id: z.number(), url: z.string().optional() }).nullable().optional(),
  settings: z.strictObject({
    seed: z.number().int(),
    bootstrap: z.number().int(),
    confidence: z.number(),
    method: z.string(),
    minGroupSize: z.number().int(),
  }),
  environment: z.strictObject({
    modelgate: z.string(),
    node: z.string(),
    onnxruntime: z.string().nullable(),
    platform: z.string(),
  }),
  verdict: verdictSchema,
  models: z.array(modelReportSchema),
  skipped: z.array(z.strictObject({ name: z.string(), reason: z.string() })),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable().optional(),
});
export type Report = z.infer<typeof reportSchema>;
