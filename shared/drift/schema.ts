/**
 * Drift results as they appear in the monitor report (zod: the report's JSON Schema is generated
 * from it). One `ColumnDrift` per judged column: features, the model's scores (prediction drift)
 * and the target (label drift).
 */
import { z } from 'zod';

/** A column's (or the feature set's) drift decision. */
export const driftStatusSchema = z
  .enum(['drifted', 'stable', 'insufficient'])
  .describe('insufficient: too little data to judge (fewer rows than monitor.min_rows on a side)');
export type DriftStatus = z.infer<typeof driftStatusSchema>;

/** The statistics whose threshold a column exceeded (with a significant test). */
export const driftStatisticSchema = z.enum(['psi', 'ks', 'jensen_shannon', 'cramers_v']);
export type DriftStatistic = z.infer<typeof driftStatisticSchema>;

const sidesSchema = z.strictObject({
  reference: z.number().int().nonnegative(),
  current: z.number().int().nonnegative(),
});

/** Every statistic of one column, its readable shift, and the decision. */
export const columnDriftSchema = z.strictObject({
  column: z.string(),
  role: z.enum(['feature', 'prediction', 'label']),
  kind: z.enum(['numeric', 'categorical']),
  rows: sidesSchema,
  missing: sidesSchema,
  /** Bins (numeric: decile bins) or categories, the missing bin included. */
  bins: z.number().int().nonnegative(),
  psi: z.number().nullable(),
  ks: z.strictObject({ statistic: z.number(), pValue: z.number() }).nullable(),
  jensenShannon: z.number().nullable(),
  chiSquare: z
    .strictObject({ statistic: z.number(), dof: z.number().int(), pValue: z.number(), cramersV: z.number() })
    .nullable(),
  /** A readable summary: the mean (numeric), the positive rate (binary label) or the category whose share moved most. */
  shift: z
    .strictObject({
      statistic: z.enum(['mean', 'rate', 'share']),
      category: z.string().optional(),
      reference: z.number().nullable(),
      current: z.number().nullable(),
    })
    .nullable(),
  status: driftStatusSchema,
  exceeded: z.array(driftStatisticSchema),
});
export type ColumnDrift = z.infer<typeof columnDriftSchema>;

/** The model's features: one entry per column, and the share of drifted ones. */
export const featureDriftSchema = z.strictObject({
  status: driftStatusSchema,
  /** Columns that could be judged, and how many of them drifted. */
  judged: z.number().int().nonnegative(),
  drifted: z.number().int().nonnegative(),
  /** drifted / judged; null when nothing could be judged. */
  share: z.number().nullable(),
  maxShare: z.number(),
  columns: z.array(columnDriftSchema),
});
export type FeatureDrift = z.infer<typeof featureDriftSchema>;

/** The thresholds a drift decision uses (monitor.drift and monitor.min_rows, camelCase). */
export const driftThresholdsSchema = z.strictObject({
  psiMax: z.number(),
  ksMax: z.number(),
  jsMax: z.number(),
  cramersVMax: z.number(),
  /** Significance level the difference must also reach. */
  alpha: z.number(),
  categorical: z.enum(['jensen_shannon', 'chi_square']),
  maxShareDrifted: z.number(),
  /** Rows needed on each side to judge at all. */
  minRows: z.number().int(),
});
export type DriftThresholds = z.infer<typeof driftThresholdsSchema>;

/** The documented defaults (the same as the configuration schema's). */
export const DEFAULT_DRIFT_THRESHOLDS: DriftThresholds = {
  psiMax: 0.2,
  ksMax: 0.1,
  jsMax: 0.1,
  cramersVMax: 0.1,
  alpha: 0.05,
  categorical: 'jensen_shannon',
  maxShareDrifted: 0.3,
  minRows: 200,
};
