/**
 * L2-regularised logistic regression on standardised features, fitted by Newton's method (IRLS),
 * with scikit-learn's LogisticRegression(C=1) objective: Σ log-loss + ||w||² / (2C), intercept free.
 */
import type { LogisticRegressionSpec } from '../../scripts/onnx/write-onnx.js';

export interface LogisticRegressionInput {
  /** Row-major [n, featureCount]. */
  x: Float32Array;
  y: Uint8Array;
  featureCount: number;
  /** Columns the model may use; the others get weight 0 (and mean 0, scale 1). */
  use: readonly boolean[];
  c?: number;
}

function standardize(input: LogisticRegressionInput): { mean: number[]; scale: number[] } {
  const { x, featureCount: f, use } = input;
  const n = x.length / f;
  const mean = new Array<number>(f).fill(0);
  const scale = new Array<number>(f).fill(1);
  for (let j = 0; j < f; j++) {
    if (!use[j]) continue;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i * f + j]!;
    mean[j] = sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (x[i * f + j]! - mean[j]!) ** 2;
    scale[j] = Math.sqrt(ss / n) || 1; // population std, as StandardScaler
  }
  return { mean, scale };
}

/** Solves a·s = b in place by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const d = b.length;
  for (let k = 0; k < d; k++) {
    let pivot = k;
    for (let r = k + 1; r < d; r++) if (Math.abs(a[r]![k]!) > Math.abs(a[pivot]![k]!)) pivot = r;
    [a[k], a[pivot]] = [a[pivot]!, a[k]!];
    [b[k], b[pivot]] = [b[pivot]!, b[k]!];
    for (let r = k + 1; r < d; r++) {
      const factor = a[r]![k]! / a[k]![k]!;
      for (let c = k; c < d; c++) a[r]![c]! -= factor * a[k]![c]!;
      b[r]! -= factor * b[k]!;
    }
  }
  const s = new Array<number>(d).fill(0);
  for (let k = d - 1; k >= 0; k--) {
    let acc = b[k]!;
    for (let c = k + 1; c < d; c++) acc -= a[k]![c]! * s[c]!;
    s[k] = acc / a[k]![k]!;
  }
  return s;
}

/** One Newton step on θ = [intercept, weights of the used columns] over design matrix z. */
function newtonStep(z: Float64Array, y: Uint8Array, theta: number[], lambda: number): number[] {
  const d = theta.length;
  const n = y.length;
  const grad = theta.map((t, k) => (k === 0 ? 0 : lambda * t));
  const hess = theta.map((_, r) => theta.map((__, c) => (r === c && r > 0 ? lambda : 0)));
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let k = 0; k < d; k++) eta += theta[k]! * z[i * d + k]!;
    const p = 1 / (1 + Math.exp(-eta));
    const w = p * (1 - p);
    for (let r = 0; r < d; r++) {
      const zr = z[i * d + r]!;
      grad[r]! += (p - y[i]!) * zr;
      for (let c = 0; c < d; c++) hess[r]![c]! += w * zr * z[i * d + c]!;
    }
  }
  return solve(hess, grad);
}

export function fitLogisticRegression(input: LogisticRegressionInput): LogisticRegressionSpec {
  const { x, y, featureCount: f, use } = input;
  const { mean, scale } = standardize(input);
  const used = use.flatMap((u, j) => (u ? [j] : []));
  const d = used.length + 1;
  const n = y.length;
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    z[i * d] = 1;
    used.forEach((j, k) => {
      z[i * d + k + 1] = (x[i * f + j]! - mean[j]!) / scale[j]!;
    });
  }
  let theta = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < 100; iteration++) {
    const step = newtonStep(z, y, theta, 1 / (input.c ?? 1));
    theta = theta.map((t, k) => t - step[k]!);
    if (Math.max(...step.map(Math.abs)) < 1e-12) break;
  }
  const weights = new Array<number>(f).fill(0);
  used.forEach((j, k) => {
    weights[j] = theta[k + 1]!;
  });
  return { kind: 'logistic_regression', mean, scale, weights, intercept: theta[0]! };
}
