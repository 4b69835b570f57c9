/**
 * Trusted configuration: read from the default branch only (with `_extends`), errors shown as a
 * failing check with annotations, a proposed policy simulated in a comment, template overrides.
 */
import { passReport } from '../fixtures/reports/report-fixtures.js';
import { expectClean } from './helpers/expect-clean.js';
import {
  addRun,
  CONFIG_TEXT,
  createHarness,
  DEFAULT_BRANCH,
  type Harness,
  HEAD,
  PR,
  pullRequestPayload,
  reportFor,
  reviewPayload,
} from './helpers/scenario.js';
import { zipFiles } from './helpers/zip.js';

const EVALUATION = 'ModelGate / evaluation';
const SIGNOFF = 'ModelGate / sign-off';
const CONFIG = '.github/modelgate.yml';

let h: Harness;
afterEach(() => {
  expectClean(h);
  h.fake.stop();
});

async function reportRun(id: number) {
  const zip = await zipFiles({ 'report.json': JSON.stringify(reportFor(passReport(), { runId: id })) });
  return addRun(h.fake, { id, zip });
}

test('no configuration anywhere: the App stays silent', async () => {
  h = await createHarness();
  h.fake.state.files.get(DEFAULT_BRANCH)?.delete(CONFIG);
  const calls = await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  expect(calls.map((c) => `${c.route} ${c.path}`)).toEqual([
    'GET /repos/{owner}/{repo}/contents/{path} /repos/Codertocat/Hello-World/contents/.github%2Fmodelgate.yml',
    'GET /repos/{owner}/{repo}/contents/{path} /repos/Codertocat/.github/contents/.github%2Fmodelgate.yml',
  ]);
});

test('an invalid configuration fails both checks, with annotations at its lines', async () => {
  h = await createHarness({ config: CONFIG_TEXT.replace('roc_auc: { min: 0.80', 'roc_acu: { min: 0.80') });
  await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  for (const name of [EVALUATION, SIGNOFF]) {
    const check = h.fake.check(HEAD, name);
    expect(check).toMatchObject({ conclusion: 'failure', output: { title: 'Configuration error' } });
    expect(check?.output.summary).toMatch(
      /\.github\/modelgate\.yml:11:7 \(models\.churn\.gates\.roc\\_acu\)/,
    );
    expect(check?.annotations).toEqual([
      expect.objectContaining({
        path: CONFIG,
        start_line: 11,
        end_line: 11,
        annotation_level: 'failure',
        message: expect.stringContaining('roc_auc'),
      }),
    ]);
  }
  expect(h.logs.some((l) => l.level === 40 && l.code === 'config_invalid')).toBe(true);
});

test('a configuration error on an approval fails the sign-off check', async () => {
  h = await createHarness();
  await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  await h.deliver('workflow_run', await reportRun(77));
  h.fake.state.files.get(DEFAULT_BRANCH)?.set(CONFIG, 'version: 2\n');
  await h.deliver('pull_request_review', reviewPayload(h.fake, { login: 'alice', state: 'APPROVED' }));
  expect(h.fake.check(HEAD, SIGNOFF)).toMatchObject({
    conclusion: 'failure',
    output: { title: 'Configuration error' },
  });
  expect(h.fake.check(HEAD, EVALUATION)?.conclusion).toBe('success');
});

test('_extends: organisation defaults add policy rules; errors point at the file that has them', async () => {
  h = await createHarness({
    config: `_extends: policies:modelgate/base.yml\n${CONFIG_TEXT.split('policy:')[0]}`,
  });
  h.fake.state.files.set(
    'Codertocat/policies',
    new Map([
      [
        'modelgate/base.yml',
        'policy:\n  rules:\n    - name: Org review\n      require: { users: [carol] }\n',
      ],
    ]),
  );
  await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  await h.deliver('workflow_run', await reportRun(77));
  expect(h.fake.check(HEAD, SIGNOFF)?.output.summary).toBe(
    'Waiting for: Org review (needs 1 approval from carol).',
  );
  // An error in the base: named with its file and line.
  h.fake.state.files.set(
    'Codertocat/policies',
    new Map([['modelgate/base.yml', 'policy:\n  allow_author: maybe\n']]),
  );
  await h.deliver('pull_request_review', reviewPayload(h.fake, { login: 'carol', state: 'APPROVED' }));
  const check = h.fake.check(HEAD, SIGNOFF);
  expect(check?.output.title).toBe('Configuration error');
  expect(check?.output.summary).toContain(
    'Codertocat/policies:modelgate/base.yml:2:3 (policy.allow\\_author)',
  );
  expect(check?.annotations).toEqual([]);
});

test('a pull request that edits the policy gets a simulation; the current policy still decides', async () => {
  h = await createHarness();
  h.fake.state.pulls.get(PR)!.files = ['models/churn/model.onnx', CONFIG];
  const proposed = CONFIG_TEXT.replace(
    /policy:[\s\S]*$/,
    'policy:\n  allow_author: true\n  rules: []\n',
  ).replace('roc_auc: { min: 0.80', 'roc_auc: { min: 0.50');
  h.fake.state.files.get(HEAD)?.set(CONFIG, proposed);
  await h.deliver('pull_request', pullRequestPayload(h.fake, 'opened'));
  const [comment] = h.fake.appComments(PR);
  const body = String(comment?.body);
  expect(body).toContain('<!-- modelgate:policy-simulation -->');
  expect(body).toContain('**Under the proposed policy this pull request would need:**\n- no sign-off');
  expect(body).toContain(
    '**Under the current policy it needs:**\n- ML lead review: Needs 1 approval from a member of acme/ml-leads.',
  );
  expect(body).toContain('- churn: This PR relaxes the ROC AUC minimum (min) from 0.8 to 0.5.');
  expect(body).toContain('allow\\_author false → true.');
  await h.deliver('workflow_run', await reportRun(77));
  expect(h.fake.check(HEAD, SIGNOFF)?.conclusion).toBe('action_required');
  expect(h.fake.appComments(PR)).toHaveLength(2);
});

test('template overrides come from the configured directory on the default branch; a broken one falls back to the defaults', async () => {
  h = await createHarness({ config: `${CONFIG_TEXT}templates: .github/modelgate\n` });
  h.fake.state.files
    .get(DEFAULT_BRANCH)
    ?.set('.github/modelgate/report.hbs', '{{marker}}\n# Custom report: {{verdict}}\n');
  h.fake.state.files.get(HEAD)?.set('.github/modelgate/report.hbs', '{{marker}}\n# Everything is fine\n');
  await h.deliver('workflow_run', await reportRun(77));
  expect(String(h.fake.appComments(PR)[0]?.body)).toMatch(
    /^<!-- modelgate:report -->\n# Custom report: passed/,
  );
  h.fake.state.files.get(DEFAULT_BRANCH)?.set('.github/modelgate/report.hbs', '{{#each}}');
  await h.deliver('workflow_run', await reportRun(78));
  const body = String(h.fake.appComments(PR)[0]?.body);
  expect(body).toContain('## ✅ ModelGate: passed');
  expect(body).toContain('could not be used');
});

test('without `templates` in the configuration no override is read (and none is used)', async () => {
  h = await createHarness();
  h.fake.state.files
    .get(DEFAULT_BRANCH)
    ?.set('.github/modelgate/report.hbs', '{{marker}}\n# Custom report: {{verdict}}\n');
  const calls = await h.deliver('workflow_run', await reportRun(77));
  expect(
    calls.filter((c) => c.path.includes('.github%2Fmodelgate%2F') || c.path.endsWith('%2Fmodelgate')),
  ).toEqual([]);
  expect(String(h.fake.appComments(PR)[0]?.body)).toContain('## ✅ ModelGate: passed');
});
