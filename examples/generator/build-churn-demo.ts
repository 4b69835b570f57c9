/**
 * The churn demo, from seed to files: simulate customers, train the production model (logistic
 * regression without the sensitive attributes) and the candidate (boosted trees that also see
 * one-hot gender and age band), and render the evaluation CSV and both ONNX models. Pure: the
 * same code gives the same bytes; writing them is the caller's job.
 */
import type { BinaryClassifierSpec } from '../../scripts/onnx/write-onnx.js';
import { buildOnnxClassifier } from '../../scripts/onnx/write-onnx.js';
import { fitBoostedTrees } from './fit-boosted-trees.js';
import { fitLogisticRegression } from './fit-logistic-regression.js';
import { createRandom } from './random.js';
import type { Customer } from './simulate-churn.js';
import { buildFeatureMatrix, FEATURES, NUMERIC_FEATURES, simulateCustomers } from './simulate-churn.js';

export const SEED = 20240611;
export const TRAIN_ROWS = 8000;
export const EVAL_ROWS = 4000;
export const BOOSTING = { trees: 30, depth: 3, learningRate: 0.2, minSamplesLeaf: 20 } as const;

/** Repository-relative paths inside `examples/churn-repo`. */
export const PATHS = {
  data: 'data/churn/eval.csv',
  candidate: 'models/churn/model.onnx',
  production: 'models/churn/production.onnx',
} as const;

export interface ChurnDemo {
  /** Repository-relative path → file content. */
  files: Map<string, Uint8Array>;
  evaluation: { customers: Customer[]; x: Float32Array; y: Uint8Array };
  models: { production: BinaryClassifierSpec; candidate: BinaryClassifierSpec };
}

function renderCsv(customers: readonly Customer[]): Uint8Array {
  const header = ['customer_id', 'gender', 'age_band', ...FEATURES, 'churned'];
  const lines = [header.join(',')];
  const x = buildFeatureMatrix(customers);
  const f = FEATURES.length;
  customers.forEach((c, i) => {
    const features = Array.from(x.subarray(i * f, (i + 1) * f), (v, j) =>
      j === 1 ? c.numeric[1]!.toFixed(2) : String(v),
    );
    lines.push([c.id, c.gender, c.ageBand, ...features, String(c.churned)].join(','));
  });
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

function modelBytes(
  role: 'production' | 'candidate',
  spec: BinaryClassifierSpec,
  used: readonly string[],
): Uint8Array {
  const algorithm =
    spec.kind === 'logistic_regression' ? 'logistic regression (L2, C=1, IRLS)' : 'gradient-boosted trees';
  return buildOnnxClassifier({
    classifier: spec,
    featureCount: FEATURES.length,
    producerVersion: '1.0.0',
    graphName: `churn_${spec.kind}`,
    docString: `Churn ${role} model of the ModelGate demo: ${algorithm}. P(churned = 1) is probabilities[:, 1].`,
    metadata: {
      model: 'churn',
      role,
      algorithm,
      ...(spec.kind === 'tree_ensemble' ? { hyperparameters: JSON.stringify(BOOSTING) } : {}),
      feature_columns: JSON.stringify(FEATURES),
      features_used: JSON.stringify(used),
      training_rows: String(TRAIN_ROWS),
      seed: String(SEED),
    },
  });
}

/** Builds every generated file of the demo repository. Deterministic. */
export function buildChurnDemo(): ChurnDemo {
  const random = createRandom(SEED);
  const train = simulateCustomers(random, { count: TRAIN_ROWS, firstId: 1 });
  const customers = simulateCustomers(random, { count: EVAL_ROWS, firstId: TRAIN_ROWS + 1 });
  const f = FEATURES.length;
  const xTrain = buildFeatureMatrix(train);
  const yTrain = Uint8Array.from(train, (c) => c.churned);
  const use = FEATURES.map((_, j) => j < NUMERIC_FEATURES.length);
  const production = fitLogisticRegression({ x: xTrain, y: yTrain, featureCount: f, use });
  const candidate = fitBoostedTrees({ x: xTrain, y: yTrain, featureCount: f, ...BOOSTING });
  const files = new Map<string, Uint8Array>([
    [PATHS.data, renderCsv(customers)],
    [PATHS.candidate, modelBytes('candidate', candidate, FEATURES)],
    [PATHS.production, modelBytes('production', production, NUMERIC_FEATURES)],
  ]);
  return {
    files,
    evaluation: {
      customers,
      x: buildFeatureMatrix(customers),
      y: Uint8Array.from(customers, (c) => c.churned),
    },
    models: { production, candidate },
  };
}
