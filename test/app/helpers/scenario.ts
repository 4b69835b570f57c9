/**
 * The App under test: Probot with the ModelGate app, the simulated GitHub, and real webhook
 * payloads from @octokit/webhooks-examples edited only where a scenario needs it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Bottleneck from 'bottleneck';
import nock from 'nock';
import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { createModelGateApp } from '../../../app/index.js';
import type { Report } from '../../../shared/report/schema.js';
import { type Call, FakeGitHub } from './fake-github.js';

export const APP_ID = 4242;
export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const DEFAULT_BRANCH = 'master';
/** Head and base of pull request #2 in the examples. */
export const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const NEW_HEAD = '1111111111111111111111111111111111111111';
export const PR = 2;
export const WORKFLOW = '.github/workflows/modelgate.yml';
export const SECRET = 'webhook-secret';

export const WORKFLOW_TEXT = `name: ModelGate
on: pull_request
permissions: { contents: read, actions: read }
jobs:
  evaluate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: your-org/modelgate@v0
`;

/** Thresholds equal to the report fixtures' CHURN_THRESHOLDS; the policy of PRODUCT.md §4. */
export const CONFIG_TEXT = `version: 1
models:
  churn:
    artifact: models/churn/model.onnx
    data: data/churn/eval.csv
    task: binary
    target: churned
    sensitive: [gender, age_band]
    risk: high
    gates:
      roc_auc: { min: 0.80, max_regression: 0.01 }
      accuracy: { max_regression: 0.02, test: noninferiority }
      log_loss: { max: 0.5, max_regression_relative: 0.05 }
      recall: { worst_group_min: 0.6 }
    fairness:
      demographic_parity_ratio: { min: 0.8 }
      equalized_odds_difference: { max: 0.10, max_increase: 0.02, columns: [gender] }
    operational:
      latency_p95_ms: { max: 5 }
      size_mb: { max: 50 }
policy:
  workflows: [.github/workflows/modelgate.yml]
  rules:
    - name: ML lead review
      if: { risk: [medium, high] }
      require: { count: 1, teams: [acme/ml-leads] }
    - name: Responsible AI review
      if: { fairness: [fail, warn] }
      require: { count: 1, teams: [acme/responsible-ai] }
    - name: Business owner
      if: { models: [churn] }
      require: { count: 1, users: [bob], permission: write }
`;

// biome-ignore lint/suspicious/noExplicitAny: webhook payloads are edited freely in scenarios
export type Json = Record<string, any>;

/** The examples package is a JSON file; read it as data. */
const webhookExamples = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@octokit/webhooks-examples'), 'utf8'),
) as { name: string; examples: Json[] }[];

/** The App's private key in tests (any RSA key: the simulated GitHub accepts every JWT). */
export const PRIVATE_KEY = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;

/** A deep copy of the first example of `name`.`action` that has an installation. */
export function example(name: string, action: string): Json {
  const definition = webhookExamples.find((d) => d.name === name);
  const found =
    definition?.examples.find((e) => e.action === action && e.installation) ??
    definition?.examples.find((e) => e.action === action);
  if (found === undefined) throw new Error(`no example ${name}.${action}`);
  return structuredClone(found);
}

export type OctokitMode = 'plain' | 'retry' | 'throttle';

/** One delivered event and the API calls it made. */
export interface Delivery {
  name: string;
  action: string;
  calls: Call[];
}

export interface Harness {
  fake: FakeGitHub;
  probot: Probot;
  logs: Json[];
  deliveries: Delivery[];
  deliver(name: string, payload: Json, id?: string): Promise<Call[]>;
}

let deliveries = 0;

export async function createHarness(
  options: { octokit?: OctokitMode; config?: string } = {},
): Promise<Harness> {
  nock.disableNetConnect();
  const fake = new FakeGitHub({
    owner: OWNER,
    repo: REPO,
    defaultBranch: DEFAULT_BRANCH,
    appId: APP_ID,
  }).install();
  seed(fake, options.config ?? CONFIG_TEXT);
  const logs: Json[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    secret: SECRET,
    Octokit: octokitFor(options.octokit ?? 'plain'),
    log,
  });
  await probot.load(createModelGateApp({ appId: APP_ID }), {
    cwd: process.cwd(),
    addHandler: () => undefined,
  });
  const delivered: Delivery[] = [];
  const deliver = async (name: string, payload: Json, id = `delivery-${++deliveries}`) => {
    const start = fake.calls.length;
    await probot.receive({ id, name, payload } as Parameters<Probot['receive']>[0]);
    const calls = fake.calls.slice(start).filter((c) => !c.route.startsWith('POST /app/installations'));
    delivered.push({ name, action: String(payload.action), calls });
    return calls;
  };
  return { fake, probot, logs, deliveries: delivered, deliver };
}

/** Retry and throttling off unless a test is about them (then without waiting). */
function octokitFor(mode: OctokitMode): typeof ProbotOctokit {
  return ProbotOctokit.defaults((o: Json) => ({
    ...o,
    retry: mode === 'retry' ? { enabled: true, retryAfterBaseValue: 1 } : { enabled: false },
    throttle:
      mode === 'throttle'
        ? {
            ...o.throttle,
            enabled: true,
            retryAfterBaseValue: 0,
            write: new Bottleneck.Group({ minTime: 0 }),
          }
        : { enabled: false },
  })) as typeof ProbotOctokit;
}

/** The repository of the examples: config and workflow on master, pull request #2 changing churn. */
function seed(fake: FakeGitHub, config: string): void {
  const files = new Map([
    ['.github/modelgate.yml', config],
    [WORKFLOW, WORKFLOW_TEXT],
  ]);
  fake.state.files.set(DEFAULT_BRANCH, files);
  fake.state.files.set(HEAD, new Map(files));
  const pull = example('pull_request', 'opened').pull_request as Json;
  fake.state.pulls.set(PR, { ...pull, files: ['models/churn/model.onnx', 'README.md'] });
  fake.state.teams.set('acme/ml-leads', ['alice', 'carol']);
  fake.state.teams.set('acme/responsible-ai', ['rai']);
  for (const [login, role] of Object.entries({
    alice: 'write',
    bob: 'write',
    carol: 'admin',
    dave: 'read',
    codertocat: 'admin',
    rai: 'write',
  })) {
    fake.state.permissions.set(login, role);
  }
}

/** Moves pull request #2 to a new head commit (the files there start as a copy of the old head's). */
export function pushTo(fake: FakeGitHub, sha: string, files?: string[]): Json {
  const pull = fake.state.pulls.get(PR) as Json;
  const before = pull.head.sha as string;
  pull.head = { ...pull.head, sha };
  pull.updated_at = fake.tick(60);
  if (files) pull.files = files;
  fake.state.files.set(sha, new Map(fake.state.files.get(before)));
  return pullRequestPayload(fake, 'synchronize', { before, after: sha });
}

export function pullRequestPayload(fake: FakeGitHub, action: string, extra: Json = {}): Json {
  const payload = example('pull_request', action);
  const { files: _files, ...pull } = fake.state.pulls.get(PR) as Json;
  return { ...payload, ...extra, number: PR, pull_request: pull };
}

/** The workflow_run example with pull requests, moved to this repository and pull request. */
export function workflowRunPayload(run: Json): Json {
  const payload = example('workflow_run', 'completed');
  const withPulls = webhookExamples
    .find((d) => d.name === 'workflow_run')
    ?.examples.find((e) => e.action === 'completed' && e.workflow_run.pull_requests.length > 0) as Json;
  const base = example('pull_request', 'opened');
  return {
    ...payload,
    repository: base.repository,
    installation: base.installation,
    workflow_run: { ...structuredClone(withPulls.workflow_run), ...run },
  };
}

/** Adds a completed run to the fake and returns its webhook payload. */
export function addRun(
  fake: FakeGitHub,
  options: {
    id: number;
    headSha?: string;
    path?: string;
    event?: string;
    pullNumber?: number | null;
    zip?: Buffer | null;
    conclusion?: string;
  },
): Json {
  const headSha = options.headSha ?? HEAD;
  const run = {
    id: options.id,
    path: options.path ?? WORKFLOW,
    event: options.event ?? 'pull_request',
    status: 'completed',
    conclusion: options.conclusion ?? 'success',
    head_sha: headSha,
    head_branch: 'changes',
    html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${options.id}`,
    created_at: fake.tick(),
    pull_requests:
      options.pullNumber === null
        ? []
        : [
            {
              url: '',
              id: 1,
              number: options.pullNumber ?? PR,
              head: { ref: 'changes', sha: headSha, repo: { id: 1, url: '', name: REPO } },
              base: {
                ref: 'master',
                sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
                repo: { id: 1, url: '', name: REPO },
              },
            },
          ],
  };
  fake.state.runs.push(run);
  if (options.zip !== null && options.zip !== undefined) {
    fake.state.artifacts.push({
      id: options.id + 1,
      runId: options.id,
      name: 'modelgate-report',
      size_in_bytes: options.zip.length,
      expired: false,
      zip: options.zip,
    });
  }
  return workflowRunPayload(run);
}

/** A fixture report moved to this repository, pull request, head and run. */
export function reportFor(report: Report, options: { headSha?: string; runId: number }): Report {
  return {
    ...report,
    repository: `${OWNER}/${REPO}`,
    pullRequest: PR,
    head: { ref: 'changes', sha: options.headSha ?? HEAD },
    workflowRun: {
      id: options.runId,
      url: `https://github.com/${OWNER}/${REPO}/actions/runs/${options.runId}`,
    },
  };
}

export function reviewPayload(
  fake: FakeGitHub,
  review: { login: string; state: string; commitId?: string; at?: string; type?: string },
  action = 'submitted',
): Json {
  const payload = example('pull_request_review', 'submitted');
  const { files: _files, ...pull } = fake.state.pulls.get(PR) as Json;
  const at = review.at ?? fake.tick();
  const commitId = review.commitId ?? (pull.head.sha as string);
  payload.action = action;
  payload.review = {
    ...payload.review,
    user: { ...payload.review.user, login: review.login, type: review.type ?? 'User' },
    state: review.state,
    commit_id: commitId,
    submitted_at: at,
  };
  payload.pull_request = { ...payload.pull_request, ...pull };
  addTimeline(fake, {
    event: 'reviewed',
    id: fake.state.nextId++,
    user: { login: review.login, type: review.type ?? 'User' },
    state: review.state.toLowerCase(),
    commit_id: commitId,
    submitted_at: at,
  });
  return payload;
}

export function commentPayload(
  fake: FakeGitHub,
  comment: {
    login: string;
    body: string;
    action?: string;
    at?: string;
    editedAt?: string;
    previousBody?: string;
    association?: string;
    type?: string;
  },
): Json {
  const payload = example('issue_comment', 'created');
  const at = comment.at ?? fake.tick();
  const id = fake.state.nextId++;
  payload.action = comment.action ?? 'created';
  payload.issue = {
    ...payload.issue,
    number: PR,
    html_url: `https://github.com/${OWNER}/${REPO}/pull/${PR}`,
    pull_request: {
      url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${PR}`,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${PR}`,
    },
    user: { ...payload.issue.user, login: 'Codertocat' },
  };
  payload.comment = {
    ...payload.comment,
    id,
    body: comment.body,
    user: { ...payload.comment.user, login: comment.login, type: comment.type ?? 'User' },
    created_at: at,
    updated_at: comment.editedAt ?? at,
    author_association: comment.association ?? 'MEMBER',
  };
  if (comment.previousBody !== undefined) payload.changes = { body: { from: comment.previousBody } };
  addTimeline(fake, {
    event: 'commented',
    id,
    body: comment.body,
    user: { login: comment.login, type: comment.type ?? 'User' },
    created_at: at,
    updated_at: comment.editedAt ?? at,
    performed_via_github_app: null,
  });
  return payload;
}

export function addTimeline(fake: FakeGitHub, item: Json): void {
  fake.state.timeline.set(PR, [...(fake.state.timeline.get(PR) ?? []), item]);
}
