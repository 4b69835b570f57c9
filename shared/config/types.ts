/**
 * The configuration as the code uses it: camelCase, defaults applied, models in file order.
 * Produced once, at the parse boundary, from the snake_case file (see schema.ts).
 */
import type { Task } from '../metrics/registry.js';

export type TestKind = 'point' | 'noninferiority';
export type RiskTier = 'low' | 'medium' | 'high';

export interface MetricThresholds {
  min?: number;
  max?: number;
  maxRegression?: number;
  maxRegressionRelative?: number;
  worstGroupMin?: number;
  worstGroupMax?: number;
  test: TestKind;
  warnWithinNoise: boolean;
}

export interface FairnessThresholds {
  min?: number;
  max?: number;
  maxIncrease?: number;
  /** Columns (or `a&b` intersections) to check; undefined = every sensitive column. */
  columns?: string[];
  test: TestKind;
  warnWithinNoise: boolean;
}

export interface OperationalThresholds {
  max?: number;
  maxIncreaseRelative?: number;
}

export interface MonitorConfig {
  data: string;
  schedule?: string;
  reference?: string;
  minRows: number;
  gates: Record<string, { maxDegradation?: number; maxDegradationRelative?: number; test: TestKind }>;
  fairness: Record<string, { maxIncrease: number }>;
  drift: {
    psiMax: number;
    ksMax: number;
    jsMax: number;
    maxShareDrifted: number;
    categorical: 'jensen_shannon' | 'chi_square';
    cramersVMax: number;
    alpha: number;
    /** Alert on prediction (score) drift. */
    predictions: boolean;
    /** Alert on label (base rate) drift. */
    labels: boolean;
  };
}

export interface ModelConfig {
  name: string;
  artifact: string;
  runner: 'onnx' | 'predictions' | 'command';
  command?: string;
  timeoutSeconds: number;
  data: string;
  task: Task;
  target: string;
  /** Positive label as text (binary); default "1". */
  positive: string;
  id?: string;
  features?: string[];
  sensitive: string[];
  intersections: boolean;
  threshold?: number;
  risk: RiskTier;
  /** Main metric: configured, else roc_auc (binary), accuracy (multiclass), rmse (regression). */
  primaryMetric: string;
  gates: Record<string, MetricThresholds>;
  fairness: Record<string, FairnessThresholds>;
  operational: Record<string, OperationalThresholds>;
  monitor?: MonitorConfig;
}

export interface Defaults {
  confidence: number;
  bootstrap: number;
  seed: number;
  minGroupSize: number;
  importanceRepeats: number;
  latencyBatches: number;
  batchSize: number;
  inconclusive: 'action_required' | 'neutral';
}

export interface ApprovalRule {
  name: string;
  if: {
    risk?: RiskTier[];
    models?: string[];
    changed?: string[];
    fairness?: ('pass' | 'fail' | 'warn')[];
    regressed?: boolean;
    verdict?: ('pass' | 'fail' | 'inconclusive' | 'error')[];
  };
  require: {
    count: number;
    users: string[];
    teams: string[];
    permission?: 'read' | 'triage' | 'write' | 'maintain' | 'admin';
  };
}

export interface Policy {
  allowAuthor: boolean;
  invalidateOnPush: boolean;
  workflows: string[];
  rules: ApprovalRule[];
}

export interface ReleaseSettings {
  tag: string;
  bump: 'major' | 'minor' | 'patch';
  firstVersion: string;
  makeLatest: boolean;
  assets: ('report' | 'model_card' | 'ledger')[];
}

export interface Config {
  /** The file it was read from (for messages). */
  file: string;
  version: 1;
  defaults: Defaults;
  /** In file order. */
  models: ModelConfig[];
  policy: Policy;
  release: ReleaseSettings;
  dashboard: boolean;
  /**
   * Repository directory (normalised, on the default branch) of the comment and check template
   * overrides; absent = the built-in templates, and the App reads none.
   */
  templates?: string;
}
