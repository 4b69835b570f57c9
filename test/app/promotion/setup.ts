/**
 * A repository with a merged, evaluated pull request, as the App left it before the merge: the
 * trusted configuration on the default branch, the App's evaluation check (verified facts) and
 * sign-off check on the head, the workflow run with its report artifact, approving reviews, the
 * merged artifact. Plus Probot with retries and throttling off, and real webhook payloads.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Probot, ProbotOctokit } from 'probot';
import { encodeFacts } from '../../../app/core/facts-marker.js';
import { trustReport } from '../../../app/core/trust-report.js';
import { createPromotionHandlers, registerPromotion } from '../../../app/promotion/index.js';
import { parseConfig } from '../../../shared/config/parse-config.js';
import type { Report } from '../../../shared/report/schema.js';
import { buildReport, churnModel } from '../../fixtures/reports/report-fixtures.js';
import { FakeGitHub } from './fake-github.js';
import { buildZip } from './zip.js';

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const APP_ID = 42;
export const NOW = '2025-03-14T10:30:05.000Z';
export const WORKFLOW = '.github/workflows/modelgate.yml';

export const MODEL_BYTES = Buffer.from([
  0x08, 0x07, 0x12, 0x08, 0x73, 0x6b, 0x6c, 0x32, 0x6f, 0x6e, 0x6e, 0x78, 0xff, 0x00, 0x80, 0xfe,
]);
export const MODEL_SHA = createHash('sha256').update(MODEL_BYTES).digest('hex');

const require = createRequire(import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: webhook payloads are edited field by field in tests
export type Payload = Record<string, any>;
const examples = JSON.parse(
  readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
) as {
  name: string;
  examples: Record<string, unknown>[];
}[];

/** A real webhook payload (deep copy) of `name` with `action`. */
export function examplePayload(name: string, action: string, index = 0): Payload {
  const found = examples.find((e) => e.name === name)?.examples.filter((e) => e.action === action)[index];
  if (!found) throw new Error(`no ${name}.${action} example`);
  return structuredClone(found) as Payload;
}

export interface ConfigOptions {
  dashboard?: boolean;
  bump?: string;
  firstVersion?: string;
  secondModel?: boolean;
}

export function configYaml(options: ConfigOptions = {}): string {
  const gates = `    gates:
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
`;
  const model = (name: string, artifact: string) => `  ${name}:
    artifact: ${artifact}
    data: data/churn/eval.csv
    task: binary
    target: churned
    sensitive: [gender, age_band]
    risk: high
${gates}`;
  return `version: 1
models:
${model('churn', 'models/churn/model.onnx')}${options.secondModel ? model('team/churn-eu', 'models/churn-eu/model.onnx') : ''}policy:
  workflows: [${WORKFLOW}]
  rules:
    - name: ML lead review
      if: { risk: [medium, high] }
      require: { count: 1, teams: [ml-leads] }
release:
  tag: "{model}@v{version}"
  bump: ${options.bump ?? 'minor'}
  first_version: ${options.firstVersion ?? '1.0.0'}
dashboard: ${options.dashboard ?? false}
`;
}

export interface PullScenario {
  number: number;
  head: string;
  merge: string;
  runId: number;
  /** Models in the report (default: churn, passing, against production churn@v1.3.0). */
  report?: Report;
  /** What was merged at the artifact path (default: the evaluated bytes). */
  merged?: Buffer | null;
  signoffConclusion?: string;
  /** Logins whose approving reviews are on the head. */
  approvers?: string[];
  labels?: string[];
  mergedAt?: string;
  title?: string;
}

export function passingReport(
  scenario: Pick<PullScenario, 'number' | 'head' | 'runId'>,
  models = [churnModel('pass')],
): Report {
  return buildReport(
    models.map((m) => ({ ...m, candidate: { ...m.candidate, sha256: MODEL_SHA, commit: scenario.head } })),
    {
      repository: `${OWNER}/${REPO}`,
      pullRequest: scenario.number,
      head: { ref: 'retrain', sha: scenario.head },
      workflowRun: {
        id: scenario.runId,
        url: `https://github.com/${OWNER}/${REPO}/actions/runs/${scenario.runId}`,
      },
    },
  );
}

/** Seeds the fake with the repository, its configuration and one merged pull request. */
export function seedPull(fake: FakeGitHub, scenario: PullScenario, config: ConfigOptions = {}): Report {
  const yaml = configYaml(config);
  fake.files.set(`master:.github/modelgate.yml`, yaml);
  fake.teams.set('codertocat/ml-leads', ['lee', 'mia']);
  const report = scenario.report ?? passingReport(scenario);
  for (const model of report.models) {
    if (scenario.merged !== null)
      fake.files.set(`${scenario.merge}:${model.candidate.path}`, scenario.merged ?? MODEL_BYTES);
  }
  const trusted = trustReport(report, parseConfig(yaml, '.github/modelgate.yml'));
  const digests = Object.fromEntries(trusted.models.map((m) => [m.name, m.evaluationDigest as string]));
  const facts = {
    v: 1 as const,
    pr: scenario.number,
    head: scenario.head,
    run: scenario.runId,
    models: trusted.models,
    commits: [{ sha: scenario.head, at: '2025-03-14T09:00:00Z', digests }],
  };
  fake.checkRuns.set(scenario.head, [
    checkRun(
      scenario.runId * 10,
      'ModelGate / evaluation',
      scenario.head,
      'success',
      `Verified.\n${encodeFacts(facts)}`,
    ),
    checkRun(
      scenario.runId * 10 + 1,
      'ModelGate / sign-off',
      scenario.head,
      scenario.signoffConclusion ?? 'success',
      'Signed off.',
    ),
  ]);
  fake.runs.set(scenario.runId, {
    id: scenario.runId,
    path: WORKFLOW,
    event: 'pull_request',
    status: 'completed',
    conclusion: 'success',
    head_sha: scenario.head,
    head_branch: 'retrain',
    head_repository: { owner: { login: OWNER } },
    html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${scenario.runId}`,
    created_at: '2025-03-14T09:10:00Z',
    pull_requests: [{ number: scenario.number }],
  });
  fake.artifacts.set(scenario.runId, {
    id: scenario.runId + 1,
    zip: buildZip({ 'report.json': JSON.stringify(report) }),
  });
  fake.reviews.set(
    scenario.number,
    (scenario.approvers ?? ['lee']).map((login, i) => ({
      event: 'reviewed',
      id: 700 + i,
      user: { login, type: 'User' },
      state: 'APPROVED',
      submitted_at: `2025-03-14T09:2${i}:00Z`,
      commit_id: scenario.head,
      body: '',
    })),
  );
  return report;
}

function checkRun(id: number, name: string, sha: string, conclusion: string, summary: string): object {
  return {
    id,
    name,
    head_sha: sha,
    status: 'completed',
    conclusion,
    app: { id: APP_ID },
    output: { title: `${name}: ${conclusion}`, summary, text: null },
    pull_requests: [],
  };
}

/** A real `pull_request.closed` payload, merged. */
export function closedPayload(scenario: PullScenario): Payload {
  const payload = examplePayload('pull_request', 'closed');
  const pr = payload.pull_request;
  Object.assign(pr, {
    number: scenario.number,
    merged: true,
    merged_at: scenario.mergedAt ?? '2025-03-14T10:30:00Z',
    merge_commit_sha: scenario.merge,
    title: scenario.title ?? pr.title,
    html_url: `https://github.com/${OWNER}/${REPO}/pull/${scenario.number}`,
    labels: (scenario.labels ?? []).map((name, i) => ({ ...pr.labels[0], id: i + 1, name })),
  });
  pr.head.sha = scenario.head;
  payload.number = scenario.number;
  return payload;
}

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** Every request the App's Octokit sends (method and expanded URL), for the route check. */
export const sentRequests: { method: string; url: string }[] = [];

const RecordingOctokit = ProbotOctokit.plugin((octokit) => {
  octokit.hook.before('request', (options) => {
    const { method, url } = octokit.request.endpoint(options as never);
    sentRequests.push({ method, url });
  });
  return {};
});

/** Probot with the promotion handlers, retries and throttling off, a fixed clock. */
export async function createProbot(now = NOW): Promise<Probot> {
  const probot = new Probot({
    appId: APP_ID,
    privateKey,
    Octokit: RecordingOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
    logLevel: 'fatal',
  });
  await probot.load((app) => {
    const options = { appId: APP_ID, now: () => new Date(now) };
    registerPromotion(app, options);
    // In the App, comments reach the rollback handler through the comment handler's session.
    app.on('issue_comment.created', createPromotionHandlers(options, app).rollback);
  });
  return probot;
}

let delivery = 0;
/** Delivers an event (a fresh delivery id unless one is given, as GitHub's redelivery keeps it). */
export function deliver(probot: Probot, name: string, payload: Payload, id?: string): Promise<void> {
  delivery++;
  return probot.receive({ id: id ?? `delivery-${delivery}`, name, payload } as Parameters<
    Probot['receive']
  >[0]);
}

export function newFake(clock: () => string = () => NOW): FakeGitHub {
  const fake = new FakeGitHub({ owner: OWNER, name: REPO }, APP_ID, clock);
  fake.install();
  return fake;
}

/** An annotated tag made earlier (by ModelGate or anyone) at `commit`. */
export function seedTag(
  fake: FakeGitHub,
  input: { tag: string; commit: string; date: string; message?: string },
): void {
  const sha = createHash('sha1').update(input.tag).digest('hex');
  fake.tagObjects.set(sha, {
    sha,
    tag: input.tag,
    message: input.message ?? `${input.tag}\n`,
    object: { sha: input.commit, type: 'commit' },
    tagger: { name: 'someone', email: 'someone@example.com', date: input.date },
  });
  fake.refs.set(input.tag, { type: 'tag', sha });
}
