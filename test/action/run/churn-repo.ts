/**
 * Repositories like a user's: the churn demo (examples/churn-repo) committed into a real temporary
 * git repository, and pull requests opened on it as GitHub checks them out (a merge commit of the
 * PR branch into main, the event naming the base and head commits).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { TempRepo } from '../git/temp-repo.js';
import { ROOT } from './action-bundle.js';

const EXAMPLE = path.join(ROOT, 'examples', 'churn-repo');
export const CONFIG_PATH = '.github/modelgate.yml';
export const DATA_PATH = 'data/churn/eval.csv';

/** The demo's files: the evaluation data, the boosted-trees candidate and the linear production model. */
export const CHURN = {
  data: readFileSync(path.join(EXAMPLE, DATA_PATH)),
  candidate: readFileSync(path.join(EXAMPLE, 'models/churn/model.onnx')),
  production: readFileSync(path.join(EXAMPLE, 'models/churn/production.onnx')),
};

// biome-ignore lint/suspicious/noExplicitAny: a YAML document edited freely by scenarios
export type ConfigDoc = Record<string, any>;

/**
 * The demo configuration with 50 bootstrap resamples (fast tests), edited by `edit`. Models named
 * in `models` are copies of the demo's `churn` entry whose artifact is `models/<name>/model.onnx`.
 */
export function buildConfig(options: { models?: string[]; edit?: (doc: ConfigDoc) => void } = {}): string {
  const doc = parse(readFileSync(path.join(EXAMPLE, CONFIG_PATH), 'utf8')) as ConfigDoc;
  doc.defaults.bootstrap = 50;
  const template = doc.models.churn;
  doc.models = {};
  for (const name of options.models ?? ['churn']) {
    doc.models[name] = { ...structuredClone(template), artifact: `models/${name}/model.onnx` };
  }
  options.edit?.(doc);
  return stringify(doc);
}

/**
 * Gates the demo's candidate passes on any machine: no fairness thresholds (it fails them on
 * purpose) and a per-row latency limit no load on a shared runner reaches.
 */
export function passingGates(doc: ConfigDoc, models: string[] = Object.keys(doc.models)): void {
  for (const name of models) {
    const model = doc.models[name] as ConfigDoc;
    delete model.fairness;
    model.operational.latency_p95_ms.max = 1000;
  }
}

/** A repository on `main` with the configuration, the data and each model's production artifact. */
export function createChurnRepo(options: { models?: string[]; config?: string } = {}): TempRepo {
  const models = options.models ?? ['churn'];
  const repo = TempRepo.create('modelgate-action-repo-');
  const files: Record<string, string | Buffer> = {
    [CONFIG_PATH]: options.config ?? buildConfig({ models }),
    [DATA_PATH]: CHURN.data,
  };
  for (const name of models) files[artifactPath(name)] = CHURN.production;
  repo.commit('Add models', files);
  return repo;
}

export function artifactPath(model: string): string {
  return `models/${model}/model.onnx`;
}

export interface PullRequest {
  number: number;
  base: string;
  head: string;
  /** The merge commit checked out for the pull request (GITHUB_SHA). */
  merge: string;
  baseRef: string;
  headRef: string;
}

/**
 * Commits `files` on a new branch from main and checks out its merge into main (detached), as
 * actions/checkout does for a pull_request event.
 */
export function openPullRequest(
  repo: TempRepo,
  files: Record<string, string | Buffer | null>,
  options: { number?: number; branch?: string } = {},
): PullRequest {
  const headRef = options.branch ?? 'retrain';
  const base = repo.git('rev-parse', 'main');
  repo.git('checkout', '-q', '-b', headRef, 'main');
  const head = repo.commit('Retrain the model', files);
  repo.git('checkout', '-q', '--detach', 'main');
  repo.git('merge', '-q', '--no-ff', '-m', `Merge ${headRef} into main`, headRef);
  const merge = repo.git('rev-parse', 'HEAD');
  return { number: options.number ?? 7, base, head, merge, baseRef: 'main', headRef };
}
