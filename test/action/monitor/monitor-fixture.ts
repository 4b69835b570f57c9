/**
 * A monitored repository for tests: a logistic churn model (ONNX, features x1, x2, x3 with x3
 * unused), its promotion evaluation data, a promotion tag, and fresh monthly extracts drawn from
 * the same population, with concept drift (flipped labels), with x3 shifted, or too few rows.
 * The promotion report is produced by the engine itself, as the promotion release carries it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sha256Hex } from '../../../action/digest.js';
import { evaluateModel, type SideSource } from '../../../action/evaluate-model.js';
import { parseConfig } from '../../../shared/config/parse-config.js';
import { buildReport } from '../../../shared/report/build-report.js';
import type { Report } from '../../../shared/report/schema.js';
import { buildLinearClassifier } from '../../fixtures/onnx/build-onnx.js';
import { TempRepo } from '../git/temp-repo.js';

export const CONFIG_PATH = '.github/modelgate.yml';
export const TAG = 'churn@v1.3.0';

export const CONFIG = `version: 1
defaults:
  bootstrap: 200
  seed: 7
models:
  churn:
    artifact: models/churn/model.onnx
    data: data/churn/eval.csv
    task: binary
    target: churned
    id: id
    features: [x1, x2, x3]
    sensitive: [region]
    gates:
      roc_auc: { min: 0.6 }
    monitor:
      data: data/churn/fresh/*.csv
      schedule: "0 6 * * 1"
      min_rows: 200
      gates:
        roc_auc: { max_degradation: 0.05 }
        accuracy: { max_degradation_relative: 0.1 }
      fairness:
        demographic_parity_difference: { max_increase: 0.15 }
  upsell:
    artifact: models/upsell/model.onnx
    data: data/churn/eval.csv
    task: binary
    target: churned
    features: [x1, x2, x3]
    gates:
      roc_auc: { min: 0.6 }
`;

export const MODEL_BYTES = Buffer.from(buildLinearClassifier({ weights: [1.5, -1, 0], bias: -0.2 }));

/** Deterministic uniforms (mulberry32) and standard normals (Box–Muller) from one seed. */
function random(seed: number): { uniform: () => number; normal: () => number } {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
  };
}

export interface Population {
  rows: number;
  seed: number;
  /** Share of labels flipped after drawing them (concept drift: the model's ranking degrades). */
  flip?: number;
  /** Added to x3, which the model ignores (feature drift without any other effect). */
  shiftX3?: number;
}

/** A CSV of `rows` customers: id, region, x1, x2, x3, churned ~ Bernoulli(σ(1.5 x1 − x2 − 0.2)). */
export function population(p: Population): string {
  const { uniform: u, normal: z } = random(p.seed);
  const lines = ['id,region,x1,x2,x3,churned'];
  for (let i = 0; i < p.rows; i++) {
    const x1 = z();
    const x2 = z();
    const x3 = z() + (p.shiftX3 ?? 0);
    const logit = 1.5 * x1 - x2 - 0.2;
    let y = u() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    if (p.flip && u() < p.flip) y = 1 - y;
    const region = i % 3 === 0 ? 'north' : 'south';
    lines.push(`C${p.seed}-${i},${region},${x1.toFixed(4)},${x2.toFixed(4)},${x3.toFixed(4)},${y}`);
  }
  return `${lines.join('\n')}\n`;
}

export const EVAL_DATA = population({ rows: 2000, seed: 1 });

/** The repository at promotion: config, model, evaluation data, tag; the fresh folder empty. */
export function createMonitoredRepo(): TempRepo {
  const repo = TempRepo.create('modelgate-monitor-');
  repo.commit('promote churn', {
    [CONFIG_PATH]: CONFIG,
    'models/churn/model.onnx': MODEL_BYTES,
    'models/upsell/model.onnx': MODEL_BYTES,
    'data/churn/eval.csv': EVAL_DATA,
  });
  repo.tag(TAG, 'HEAD', `Promote churn 1.3.0\n\nartifact sha256 ${sha256Hex(MODEL_BYTES)}`);
  return repo;
}

/** The promotion report (what the App attaches to the release), evaluated by the engine. */
export async function buildPromotionReport(): Promise<Report> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-baseline-'));
  try {
    const config = parseConfig(CONFIG, CONFIG_PATH);
    const model = config.models[0]!;
    writeFileSync(path.join(dir, 'model.onnx'), MODEL_BYTES);
    writeFileSync(path.join(dir, 'eval.csv'), EVAL_DATA);
    const candidate: SideSource = {
      path: path.join(dir, 'model.onnx'),
      displayPath: model.artifact,
      sha256: sha256Hex(MODEL_BYTES),
      bytes: MODEL_BYTES.length,
      source: 'head',
    };
    const data = {
      path: path.join(dir, 'eval.csv'),
      displayPath: model.data,
      sha256: sha256Hex(EVAL_DATA),
      bytes: Buffer.byteLength(EVAL_DATA),
    };
    const settings = {
      seed: 7,
      bootstrap: 200,
      confidence: 0.95,
      minGroupSize: 30,
      importanceRepeats: 0,
      latencyBatches: 1,
      batchSize: 4096,
    };
    const evaluated = await evaluateModel({ model, settings, root: dir, data, candidate, production: null });
    return buildReport({
      createdAt: '2024-04-01T12:00:00.000Z',
      version: '0.1.0',
      mode: 'pr',
      repository: 'acme/models',
      pullRequest: 12,
      settings: {
        seed: 7,
        bootstrap: 200,
        confidence: 0.95,
        method: 'paired percentile bootstrap',
        minGroupSize: 30,
      },
      environment: { modelgate: '0.1.0', node: process.version, onnxruntime: null, platform: 'test' },
      models: [evaluated],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
