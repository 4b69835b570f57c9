/**
 * The monitor report: what one scheduled run found for each production model — degradation of
 * its metrics and fairness gaps since promotion, and drift of its features, scores and labels.
 * `schemaVersion: 1`, `kind: "monitor"`; it embeds the engine's evaluation of the production model
 * on the fresh data (a `ModelReport` of the report contract) for the full tables.
 */
import { z } from 'zod';
import { columnDriftSchema, driftThresholdsSchema, featureDriftSchema } from '../drift/schema.js';
import { estimateSchema, flagSchema, intervalSchema, modelReportSchema } from '../report/schema.js';

/** Version of the monitor report format. */
export const MONITOR_SCHEMA_VERSION = 1 as const;

export const monitorStatusSchema = z
  .enum(['healthy', 'alert', 'insufficient_data', 'error'])
  .describe(
    'alert: a threshold was crossed; insufficient_data: too little fresh data to judge; error: no judgement possible',
  );
export type MonitorStatus = z.infer<typeof monitorStatusSchema>;

/** insufficient: too little data to judge; error: could not be decided (raises the alert). */
export const monitorCheckStatusSchema = z.enum(['pass', 'fail', 'warn', 'insufficient', 'error']);
export type MonitorCheckStatus = z.infer<typeof monitorCheckStatusSchema>;

/** One decided threshold of monitoring, like a gate check. */
export const monitorCheckSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['degradation', 'fairness_increase', 'feature_drift', 'prediction_drift', 'label_drift']),
  /** Metric or gap name; `features`, `score` or the target column for drift checks. */
  metric: z.string(),
  column: z.string().optional(),
  bound: z.enum([
    'max_degradation',
    'max_degradation_relative',
    'max_increase',
    'max_share_drifted',
    'drift',
  ]),
  /** The configured limit (null for the per-column drift decisions, whose limits are listed in the drift table). */
  threshold: z.number().nullable(),
  observed: z.number().nullable(),
  interval: intervalSchema.nullable(),
  test: z.enum(['point', 'noninferiority']),
  status: monitorCheckStatusSchema,
  message: z.string(),
});
export type MonitorCheck = z.infer<typeof monitorCheckSchema>;

/** A metric (or gap) at promotion and now, and the independent-sample difference now − promotion. */
export const monitorComparisonSchema = z.strictObject({
  metric: z.string(),
  column: z.string().optional(),
  direction: z.enum(['higher', 'lower']),
  baseline: estimateSchema.nullable(),
  current: estimateSchema.nullable(),
  change: estimateSchema.nullable(),
});
export type MonitorComparison = z.infer<typeof monitorComparisonSchema>;

const dataSchema = z.strictObject({
  path: z.string(),
  sha256: z.string(),
  rows: z.number().int().nonnegative(),
});

/** One production model's monitoring result. */
export const monitorModelSchema = z.strictObject({
  name: z.string(),
  task: z.enum(['binary', 'multiclass', 'regression']),
  primaryMetric: z.string(),
  status: monitorStatusSchema,
  /** One line naming the first problem, e.g. "roc_auc degraded 0.842 → 0.791"; null when healthy. */
  headline: z.string().nullable(),
  production: z
    .strictObject({
      tag: z.string().nullable(),
      version: z.string().nullable(),
      commit: z.string().nullable(),
      path: z.string(),
      sha256: z.string(),
    })
    .nullable(),
  baseline: z
    .strictObject({
      source: z.enum(['release', 'file']),
      tag: z.string().nullable(),
      url: z.string().nullable(),
      createdAt: z.string().nullable(),
      data: dataSchema,
    })
    .nullable(),
  /** The fresh data the production model was evaluated on. */
  data: dataSchema.nullable(),
  /** The reference data of drift (the promotion's evaluation data, or monitor.reference). */
  reference: dataSchema.extend({ source: z.enum(['promotion', 'configured']) }).nullable(),
  minRows: z.number().int(),
  metrics: z.array(monitorComparisonSchema),
  fairness: z.array(monitorComparisonSchema),
  drift: z
    .strictObject({
      features: featureDriftSchema,
      predictions: columnDriftSchema.nullable(),
      labels: columnDriftSchema.nullable(),
      thresholds: driftThresholdsSchema,
    })
    .nullable(),
  checks: z.array(monitorCheckSchema),
  flags: z.array(flagSchema),
  evaluation: modelReportSchema.nullable(),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
});
export type MonitorModel = z.infer<typeof monitorModelSchema>;

/** The monitor report of one run. */
export const monitorReportSchema = z.strictObject({
  schemaVersion: z.literal(MONITOR_SCHEMA_VERSION),
  kind: z.literal('monitor'),
  createdAt: z.string(),
  tool: z.strictObject({ name: z.literal('modelgate'), version: z.string() }),
  repository: z.string().nullable(),
  workflowRun: z.strictObject({ id: z.number(), url: z.string().optional() }).nullable(),
  settings: z.strictObject({
    seed: z.number().int(),
    bootstrap: z.number().int(),
    confidence: z.number(),
    method: z.string(),
  }),
  environment: z.strictObject({
    modelgate: z.string(),
    node: z.string(),
    onnxruntime: z.string().nullable(),
    platform: z.string(),
  }),
  status: monitorStatusSchema,
  models: z.array(monitorModelSchema),
  skipped: z.array(z.strictObject({ name: z.string(), reason: z.string() })),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
});
export type MonitorReport = z.infer<typeof monitorReportSchema>;
