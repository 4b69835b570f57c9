/**
 * A normal promotion and a first promotion, request by request: every call mocked once with
 * nock (no network), request bodies asserted exactly, the order tag → draft release → assets →
 * publish checked, no mock left pending, every route checked against GitHub's REST description.
 */
import { createHash } from 'node:crypto';
import nock from 'nock';
import { parseReleaseRecord } from '../../../shared/promotion/release-record.js';
import { FakeGitHub } from './fake-github.js';
import { findUnknownRoutes } from './routes.js';
import {
  APP_ID,
  closedPayload,
  createProbot,
  deliver,
  MODEL_BYTES,
  MODEL_SHA,
  OWNER,
  type PullScenario,
  REPO,
  seedPull,
  seedTag,
  sentRequests,
} from './setup.js';

const API = 'https://api.github.com';
const UPLOADS = 'https://uploads.github.com';
const BASE = `/repos/${OWNER}/${REPO}`;
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const MERGE = 'c4295bd74fb0f4fda03689c3df3f2803b658fd85';
const PRODUCTION_COMMIT = 'b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0';
const TAG_OBJECT = '1111111111111111111111111111111111111111';
const NEW_TAG_OBJECT = '2222222222222222222222222222222222222222';
const RELEASE_ID = 9001;

const scenario: PullScenario = {
  number: 2,
  head: HEAD,
  merge: MERGE,
  runId: 1001,
  title: 'Retrain churn on Q1 data',
};

interface Seeded {
  data: FakeGitHub;
  reportText: string;
}

/** The repository's content, built by the same seeding as the other tests but served by hand. */
function seed(withProduction: boolean): Seeded {
  const data = new FakeGitHub({ owner: OWNER, name: REPO }, APP_ID, () => '2025-03-14T10:30:05Z');
  seedPull(data, scenario);
  if (withProduction)
    seedTag(data, { tag: 'churn@v1.3.0', commit: PRODUCTION_COMMIT, date: '2025-03-01T00:00:00Z' });
  return { data, reportText: JSON.stringify(seedReport(data)) };
}

function seedReport(data: FakeGitHub): unknown {
  // The zip holds report.json stored uncompressed after a 30-byte header and the name.
  const zip = data.artifacts.get(1001)!.zip;
  const size = zip.readUInt32LE(22);
  return JSON.parse(
    zip.subarray(30 + 'report.json'.length, 30 + 'report.json'.length + size).toString('utf8'),
  );
}

const unmatched: string[] = [];
const order: string[] = [];

function mockReads(seeded: Seeded, tags: { tag: string; object: string }[]): void {
  const { data } = seeded;
  nock(API)
    .post('/app/installations/1/access_tokens')
    .reply(201, { token: 'ghs_test', expires_at: '2099-01-01T00:00:00Z', permissions: {} })
    .get(`${BASE}/contents/.github%2Fmodelgate.yml`)
    .query({ ref: 'master' })
    .reply(200, data.files.get('master:.github/modelgate.yml'), {
      'content-type': 'application/vnd.github.raw; charset=utf-8',
    })
    .get(`${BASE}/commits/${HEAD}/check-runs`)
    .query({ app_id: String(APP_ID), filter: 'latest', per_page: '100' })
    .reply(200, { total_count: 2, check_runs: data.checkRuns.get(HEAD) })
    .get(`${BASE}/actions/runs/1001`)
    .reply(200, data.runs.get(1001))
    .get(`${BASE}/actions/runs/1001/artifacts`)
    .query({ name: 'modelgate-report', per_page: '100' })
    .reply(200, {
      total_count: 1,
      artifacts: [{ id: 1002, name: 'modelgate-report', size_in_bytes: 4000, expired: false }],
    })
    .get(`${BASE}/actions/artifacts/1002/zip`)
    .reply(200, data.artifacts.get(1001)!.zip, { 'content-type': 'application/zip' })
    .get(`${BASE}/issues/2/timeline`)
    .query({ per_page: '100' })
    .reply(200, data.reviews.get(2))
    .get('/orgs/codertocat/teams/ml-leads/members')
    .query({ per_page: '100' })
    .reply(200, [{ login: 'lee' }, { login: 'mia' }])
    // No `templates` key in the configuration: no template lookup.
    .get(`${BASE}/contents/models%2Fchurn%2Fmodel.onnx`)
    .query({ ref: MERGE })
    .reply(200, MODEL_BYTES, { 'content-type': 'application/vnd.github.raw; charset=utf-8' })
    .get(`${BASE}/git/matching-refs/tags%2Fchurn%40v`)
    .query({ per_page: '100' })
    .reply(
      200,
      tags.map((t) => ({ ref: `refs/tags/${t.tag}`, object: { type: 'tag', sha: t.object } })),
    );
}

function expectedMessage(version: string, reportSha: string): string {
  return [
    `churn v${version}`,
    '',
    'Promoted by ModelGate from pull request #2.',
    '',
    'ModelGate-Model: churn',
    `ModelGate-Version: ${version}`,
    'ModelGate-Promotion: pull/2',
    'ModelGate-Artifact: models/churn/model.onnx',
    `ModelGate-Artifact-SHA256: ${MODEL_SHA}`,
    `ModelGate-Report-SHA256: ${reportSha}`,
    `ModelGate-Evaluation-Digest: ${'d'.repeat(64)}`,
    '',
  ].join('\n');
}

/** Tag → draft release → three assets → publish → comment, each body exact. */
function mockWrites(
  tag: string,
  reportText: string,
  captured: { notes?: string; card?: string; ledger?: string },
): void {
  const version = tag.replace('churn@v', '');
  const reportSha = createHash('sha256').update(reportText).digest('hex');
  const release = (draft: boolean) => ({
    id: RELEASE_ID,
    tag_name: tag,
    draft,
    html_url: draft
      ? `https://github.com/${OWNER}/${REPO}/releases/tag/untagged-1`
      : `https://github.com/${OWNER}/${REPO}/releases/tag/churn%40v${version}`,
    upload_url: `${UPLOADS}${BASE}/releases/${RELEASE_ID}/assets{?name,label}`,
    published_at: draft ? null : '2025-03-14T10:30:06Z',
    body: captured.notes ?? '',
    assets: [],
  });
  nock(API)
    .post(`${BASE}/git/tags`, {
      tag,
      message: expectedMessage(version, reportSha),
      object: MERGE,
      type: 'commit',
    })
    .reply(201, () => {
      order.push('tag object');
      return { sha: NEW_TAG_OBJECT, tag, object: { sha: MERGE, type: 'commit' } };
    })
    .post(`${BASE}/git/refs`, { ref: `refs/tags/${tag}`, sha: NEW_TAG_OBJECT })
    .reply(201, () => {
      order.push('tag ref');
      return { ref: `refs/tags/${tag}`, object: { type: 'tag', sha: NEW_TAG_OBJECT } };
    })
    .post(`${BASE}/releases`, (body) => {
      captured.notes = body.body;
      return (
        body.tag_name === tag &&
        body.name === `churn v${version}` &&
        body.draft === true &&
        body.make_latest === 'false' &&
        Object.keys(body).length === 5
      );
    })
    .reply(201, () => {
      order.push('draft release');
      return release(true);
    })
    .patch(`${BASE}/releases/${RELEASE_ID}`, { draft: false, make_latest: 'false' })
    .reply(200, () => {
      order.push('publish');
      return release(false);
    })
    .post(`${BASE}/issues/2/comments`, (body) => {
      return (
        Object.keys(body).length === 1 &&
        body.body.includes(
          `promoted as [churn@\u200Dv${version}](https://github.com/${OWNER}/${REPO}/releases/tag/churn%40v${version})`,
        )
      );
    })
    .reply(201, () => {
      order.push('comment');
      return { id: 77, body: '' };
    });
  const upload = (name: string, type: string, check: (text: string) => boolean) =>
    nock(UPLOADS, { reqheaders: { 'content-type': type } })
      .post(`${BASE}/releases/${RELEASE_ID}/assets`, (body) =>
        check(typeof body === 'string' ? body : JSON.stringify(body)),
      )
      .query({ name })
      .reply(201, () => {
        order.push(`asset ${name}`);
        return { id: 1, name, state: 'uploaded' };
      });
  upload('modelgate-report.json', 'application/json', (text) => text === reportText);
  upload('model-card.md', 'text/markdown', (text) => {
    captured.card = text;
    return text.startsWith(`# Model card: churn v${version}\n`);
  });
  upload('signoff-ledger.json', 'application/json', (text) => {
    captured.ledger = text;
    return JSON.parse(text).release.tag === tag;
  });
}

beforeEach(() => {
  nock.disableNetConnect();
  unmatched.length = 0;
  order.length = 0;
  sentRequests.length = 0;
  nock.emitter.on('no match', (req: { method?: string; path?: string }) =>
    unmatched.push(`${req.method} ${req.path}`),
  );
});

afterEach(() => {
  nock.emitter.removeAllListeners('no match');
  nock.cleanAll();
  nock.enableNetConnect();
});

async function run(): Promise<void> {
  await deliver(await createProbot(), 'pull_request', closedPayload(scenario));
  // Every request the App sent is an operation of GitHub's REST API.
  expect(sentRequests.length).toBeGreaterThan(15);
  expect(findUnknownRoutes(sentRequests)).toEqual([]);
}

test('a normal promotion: tag, draft release, assets, publish — in that order, bodies exact', async () => {
  const seeded = seed(true);
  mockReads(seeded, [{ tag: 'churn@v1.3.0', object: TAG_OBJECT }]);
  // The newest tag is read (its ref object came with the listing): older than the merge, so not this promotion's.
  nock(API)
    .get(`${BASE}/git/tags/${TAG_OBJECT}`)
    .reply(200, {
      sha: TAG_OBJECT,
      tag: 'churn@v1.3.0',
      message: 'churn v1.3.0\n',
      object: { sha: PRODUCTION_COMMIT, type: 'commit' },
      tagger: { date: '2025-03-01T00:00:00Z' },
    });
  const captured: { notes?: string; card?: string; ledger?: string } = {};
  mockWrites('churn@v1.4.0', seeded.reportText, captured);
  await run();
  expect(unmatched).toEqual([]);
  expect(order).toEqual([
    'tag object',
    'tag ref',
    'draft release',
    'asset modelgate-report.json',
    'asset model-card.md',
    'asset signoff-ledger.json',
    'publish',
    'comment',
  ]);
  expect(nock.pendingMocks()).toEqual([]);
  expect(nock.isDone()).toBe(true);
  expect(parseReleaseRecord(captured.notes)).toMatchObject({
    tag: 'churn@v1.4.0',
    version: '1.4.0',
    commit: MERGE,
    pullRequest: 2,
  });
  expect(captured.notes).toContain('| ML lead review | lee | 2025-03-14 09:20 UTC | review |');
  expect(captured.notes).toContain(
    '| Metric | Production (v1.3.0) | This version | Δ (95% interval) | Gate |',
  );
  expect(JSON.parse(captured.ledger!).rules[0]).toMatchObject({
    name: 'ML lead review',
    status: 'satisfied',
  });
});

test('a first promotion: no earlier tag, the configured first version', async () => {
  const seeded = seed(false);
  mockReads(seeded, []);
  const captured: { notes?: string } = {};
  mockWrites('churn@v1.0.0', seeded.reportText, captured);
  await run();
  expect(unmatched).toEqual([]);
  expect(order.slice(0, 3)).toEqual(['tag object', 'tag ref', 'draft release']);
  expect(order.at(-2)).toBe('publish');
  expect(nock.isDone()).toBe(true);
});

test('the route check catches a wrong method, host or path', () => {
  expect(
    findUnknownRoutes([
      { method: 'PUT', url: `${API}${BASE}/git/refs` },
      { method: 'POST', url: `${API}${BASE}/releases/1/assets?name=x` },
      { method: 'GET', url: `${API}${BASE}/release/tags/x` },
    ]),
  ).toHaveLength(3);
  expect(findUnknownRoutes([{ method: 'POST', url: `${UPLOADS}${BASE}/releases/1/assets?name=x` }])).toEqual(
    [],
  );
});
