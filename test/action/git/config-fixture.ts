/** Config objects built directly (camelCase, defaults filled in) for the git-layer tests. */
import type { Config, ModelConfig } from '../../../shared/config/types.js';

export function model(name: string, overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    name,
    artifact: `models/${name}/model.onnx`,
    runner: 'onnx',
    timeoutSeconds: 600,
    data: `data/${name}/eval.csv`,
    task: 'binary',
    target: 'churned',
    positive: '1',
    sensitive: ['gender'],
    intersections: false,
    risk: 'medium',
    primaryMetric: 'roc_auc',
    gates: { roc_auc: { min: 0.8, maxRegression: 0.01, test: 'point', warnWithinNoise: true } },
    fairness: {},
    operational: {},
    ...overrides,
  };
}

export function config(models: ModelConfig[]): Config {
  return {
    file: '.github/modelgate.yml',
    version: 1,
    defaults: {
      confidence: 0.95,
      bootstrap: 1000,
      seed: 42,
      minGroupSize: 30,
      importanceRepeats: 3,
      latencyBatches: 20,
      batchSize: 4096,
      inconclusive: 'action_required',
    },
    models,
    policy: {
      allowAuthor: false,
      invalidateOnPush: true,
      workflows: ['.github/workflows/modelgate.yml'],
      rules: [],
    },
    release: {
      tag: '{model}@v{version}',
      bump: 'minor',
      firstVersion: '1.0.0',
      makeLatest: false,
      assets: ['report'],
    },
    dashboard: true,
  };
}
