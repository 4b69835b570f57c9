/**
 * Route handlers of the simulated GitHub API. Templates are GitHub's (checked against
 * @octokit/openapi in routes.test.ts); responses carry the fields the App reads.
 */
import { createHash } from 'node:crypto';
import type { CheckRunState, FakeGitHub } from './fake-github.js';
import { API, BLOB_HOST } from './hosts.js';

export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, unknown>;
  url: URL;
}

export type Reply = [number, unknown, Record<string, string>?];
// biome-ignore lint/suspicious/noExplicitAny: fields of the stored payloads are read freely
type Json = Record<string, any>;
export type RouteHandler = (fake: FakeGitHub, req: RouteRequest) => Reply;

export interface Route {
  method: string;
  template: string;
  handler: RouteHandler;
}

const route = (method: string, template: string, handler: RouteHandler): Route => ({
  method,
  template,
  handler,
});

/** git's blob id of a text (what the contents API returns as `sha`). */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function paginate(items: unknown[], req: RouteRequest): Reply {
  const perPage = Number(req.query.get('per_page') ?? 30);
  const page = Number(req.query.get('page') ?? 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  if (page * perPage >= items.length) return [200, slice];
  const next = new URL(req.url.toString());
  next.searchParams.set('page', String(page + 1));
  return [200, slice, { link: `<${next.toString()}>; rel="next"` }];
}

function filesAt(
  fake: FakeGitHub,
  owner: string,
  repo: string,
  ref: string | null,
): Map<string, string> | undefined {
  const { state } = fake;
  const own = owner === state.owner && repo === state.repo;
  return state.files.get(own ? (ref ?? state.defaultBranch) : `${owner}/${repo}`);
}

function getContent(fake: FakeGitHub, req: RouteRequest): Reply {
  const { owner = '', repo = '', path = '' } = req.params;
  const files = filesAt(fake, owner, repo, req.query.get('ref'));
  const text = files?.get(path);
  const raw = String(req.headers.accept ?? '').includes('raw');
  if (text !== undefined) {
    if (raw) return [200, text];
    const content = Buffer.from(text).toString('base64');
    return [
      200,
      {
        type: 'file',
        name: path.split('/').pop(),
        path,
        sha: gitBlobSha(text),
        size: text.length,
        encoding: 'base64',
        content,
      },
    ];
  }
  const children = [...(files?.keys() ?? [])].filter((p) => p.startsWith(`${path}/`));
  if (children.length === 0) return [404, { message: 'Not Found' }];
  const names = new Set(children.map((p) => p.slice(path.length + 1).split('/')[0] as string));
  const entries = [...names].map((name) => {
    const full = `${path}/${name}`;
    const file = files?.get(full);
    return {
      type: file === undefined ? 'dir' : 'file',
      name,
      path: full,
      sha: file === undefined ? 'd'.repeat(40) : gitBlobSha(file),
    };
  });
  return [200, entries];
}

function pullOf(fake: FakeGitHub, number: number): Record<string, unknown> | undefined {
  const pull = fake.state.pulls.get(number);
  if (pull === undefined) return undefined;
  const { files: _files, ...rest } = pull;
  return rest;
}

/** A commit SHA, or `refs/pull/N/head` resolved to the pull request's head as GitHub does. */
function resolveRef(fake: FakeGitHub, ref: string): string | null {
  const pull = /^refs\/pull\/(\d+)\/head$/.exec(ref);
  if (pull === null) return ref;
  const head = fake.state.pulls.get(Number(pull[1]))?.head as { sha?: string } | undefined;
  return head?.sha ?? null;
}

function listCheckRuns(fake: FakeGitHub, req: RouteRequest): Reply {
  const appId = req.query.get('app_id');
  const sha = resolveRef(fake, req.params.ref ?? '');
  if (sha === null) return [422, { message: `No commit found for SHA: ${req.params.ref}` }];
  let runs = fake.state.checkRuns.filter((c) => c.head_sha === sha);
  if (appId !== null) runs = runs.filter((c) => String(c.app.id) === appId);
  if (req.query.get('filter') !== 'all') {
    const latest = new Map<string, CheckRunState>();
    for (const run of runs) if ((latest.get(run.name)?.id ?? 0) < run.id) latest.set(run.name, run);
    runs = [...latest.values()];
  }
  const page = paginate(
    runs.map((run) => ({ ...run, pull_requests: openPullsAt(fake, run.head_sha) })),
    req,
  );
  return [page[0], { total_count: runs.length, check_runs: page[1] }, page[2] ?? {}];
}

/** A check run's `pull_requests`: open pull requests of this repository with that head (forks: none). */
function openPullsAt(fake: FakeGitHub, sha: string): unknown[] {
  return [...fake.state.pulls.values()]
    .map((pull) => pull as unknown as { number: number; state: string; head: Json; base: Json })
    .filter((pull) => pull.state === 'open' && pull.head.sha === sha)
    .filter((pull) => pull.head.repo?.owner?.login === fake.state.owner)
    .map((pull) => ({
      id: pull.number,
      number: pull.number,
      url: `${API}/repos/${fake.state.owner}/${fake.state.repo}/pulls/${pull.number}`,
      head: { ref: pull.head.ref, sha: pull.head.sha, repo: { id: 1, url: '', name: fake.state.repo } },
      base: { ref: pull.base.ref, sha: pull.base.sha, repo: { id: 1, url: '', name: fake.state.repo } },
    }));
}

interface CheckBody {
  name?: string;
  head_sha?: string;
  status?: string;
  conclusion?: string;
  details_url?: string;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: unknown[] };
}

function writeCheckRun(fake: FakeGitHub, run: CheckRunState, body: CheckBody): void {
  if (body.status !== undefined) run.status = body.status;
  if (body.conclusion !== undefined) {
    run.conclusion = body.conclusion;
    run.status = 'completed';
    run.completed_at = fake.tick();
  }
  if (body.details_url !== undefined) run.details_url = body.details_url;
  if (body.output !== undefined) {
    run.output.title = body.output.title ?? null;
    run.output.summary = body.output.summary ?? null;
    run.output.text = body.output.text ?? null;
    run.annotations.push(...(body.output.annotations ?? []));
    run.output.annotations_count = run.annotations.length;
  }
}

function createCheckRun(fake: FakeGitHub, req: RouteRequest): Reply {
  const body = req.body as CheckBody;
  const run: CheckRunState = {
    id: fake.state.nextId++,
    name: body.name ?? '',
    head_sha: body.head_sha ?? '',
    status: 'queued',
    conclusion: null,
    details_url: null,
    output: { title: null, summary: null, text: null, annotations_count: 0 },
    annotations: [],
    app: { id: fake.state.appId, slug: 'modelgate' },
    started_at: fake.tick(),
    completed_at: null,
  };
  writeCheckRun(fake, run, body);
  fake.state.checkRuns.push(run);
  return [201, run];
}

function updateCheckRun(fake: FakeGitHub, req: RouteRequest): Reply {
  const run = fake.state.checkRuns.find((c) => c.id === Number(req.params.check_run_id));
  if (run === undefined) return [404, { message: 'Not Found' }];
  writeCheckRun(fake, run, req.body as CheckBody);
  return [200, run];
}

function createComment(fake: FakeGitHub, req: RouteRequest): Reply {
  const number = Number(req.params.issue_number);
  const at = fake.tick();
  const comment = {
    event: 'commented',
    id: fake.state.nextId++,
    body: (req.body as { body: string }).body,
    user: { login: 'modelgate[bot]', type: 'Bot' },
    created_at: at,
    updated_at: at,
    author_association: 'NONE',
    performed_via_github_app: { id: fake.state.appId, slug: 'modelgate' },
  };
  fake.state.timeline.set(number, [...(fake.state.timeline.get(number) ?? []), comment]);
  return [201, comment];
}

function updateComment(fake: FakeGitHub, req: RouteRequest): Reply {
  const id = Number(req.params.comment_id);
  for (const items of fake.state.timeline.values()) {
    const comment = items.find((item) => item.event === 'commented' && item.id === id);
    if (comment) {
      comment.body = (req.body as { body: string }).body;
      comment.updated_at = fake.tick();
      return [200, comment];
    }
  }
  return [404, { message: 'Not Found' }];
}

function listPulls(fake: FakeGitHub, req: RouteRequest): Reply {
  const head = req.query.get('head');
  const state = req.query.get('state') ?? 'open';
  const pulls = [...fake.state.pulls.keys()]
    .map(
      (n) =>
        pullOf(fake, n) as Record<string, unknown> & {
          state: string;
          head: { ref: string; repo: { owner: { login: string } } | null };
        },
    )
    .filter((p) => state === 'all' || p.state === state)
    .filter((p) => head === null || `${p.head.repo?.owner.login}:${p.head.ref}` === head);
  return paginate(pulls, req);
}

export const ROUTES: Route[] = [
  route('POST', '/app/installations/{installation_id}/access_tokens', () => [
    201,
    { token: 'ghs_test', expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' },
  ]),
  route('GET', '/app', (fake) => [200, { id: fake.state.appId, slug: 'modelgate', name: 'ModelGate' }]),
  route('GET', '/repos/{owner}/{repo}/contents/{path}', getContent),
  route('GET', '/repos/{owner}/{repo}/pulls', listPulls),
  route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', (fake, req) => {
    const pull = pullOf(fake, Number(req.params.pull_number));
    return pull ? [200, pull] : [404, { message: 'Not Found' }];
  }),
  route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', (fake, req) => {
    const files = fake.state.pulls.get(Number(req.params.pull_number))?.files ?? [];
    return paginate(
      files.map((filename) => ({ filename, status: 'modified', sha: gitBlobSha(filename) })),
      req,
    );
  }),
  route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/timeline', (fake, req) =>
    paginate(fake.state.timeline.get(Number(req.params.issue_number)) ?? [], req),
  ),
  route('GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', listCheckRuns),
  route('POST', '/repos/{owner}/{repo}/check-runs', createCheckRun),
  route('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', updateCheckRun),
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', createComment),
  route('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', updateComment),
  route('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', (fake, req) => {
    const name = req.query.get('name');
    const artifacts = fake.state.artifacts
      .filter((a) => a.runId === Number(req.params.run_id) && (name === null || a.name === name))
      .map(({ zip: _zip, runId: _run, ...a }) => ({
        ...a,
        archive_download_url: `${API}/repos/x/y/actions/artifacts/${a.id}/zip`,
      }));
    return [200, { total_count: artifacts.length, artifacts }];
  }),
  route('GET', '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', (_fake, req) => [
    302,
    '',
    { location: `${BLOB_HOST}/artifacts/${req.params.artifact_id}.zip?sig=secret` },
  ]),
  route('GET', '/repos/{owner}/{repo}/actions/runs', (fake, req) => {
    const sha = req.query.get('head_sha');
    const status = req.query.get('status');
    const runs = fake.state.runs.filter(
      (r) => (sha === null || r.head_sha === sha) && (status === null || r.status === status),
    );
    return [200, { total_count: runs.length, workflow_runs: runs }];
  }),
  route('GET', '/orgs/{org}/teams/{team_slug}/members', (fake, req) => {
    const members = fake.state.teams.get(`${req.params.org}/${req.params.team_slug}`.toLowerCase());
    if (members === undefined) return [404, { message: 'Not Found' }];
    if (typeof members === 'number') return [members, { message: 'Resource not accessible by integration' }];
    return paginate(
      members.map((login) => ({ login, type: 'User' })),
      req,
    );
  }),
  route('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', (fake, req) => {
    const role = fake.state.permissions.get((req.params.username ?? '').toLowerCase());
    if (role === undefined || role === 'none') return [404, { message: 'Not Found' }];
    const legacy: Record<string, string> = {
      admin: 'admin',
      maintain: 'write',
      write: 'write',
      triage: 'read',
      read: 'read',
    };
    return [
      200,
      { permission: legacy[role] ?? 'read', role_name: role, user: { login: req.params.username } },
    ];
  }),
];
