/**
 * A simulated GitHub REST API for App tests and the call-count benchmark: nock interceptors for
 * api.github.com (and the artifact storage host) backed by in-memory state. Every request is
 * recorded with the route template it matched; a request no route knows is recorded as unhandled
 * and answered 599 so that the test fails loudly.
 */
import nock from 'nock';
import { ROUTES, type RouteHandler } from './fake-routes.js';
import { API, BLOB_HOST } from './hosts.js';

export { API, BLOB_HOST } from './hosts.js';

export interface Call {
  method: string;
  /** Route template, e.g. `GET /repos/{owner}/{repo}/pulls/{pull_number}`. */
  route: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  status: number;
}

export interface CheckRunState {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number };
  annotations: unknown[];
  app: { id: number; slug: string };
  started_at: string;
  completed_at: string | null;
}

export interface ArtifactState {
  id: number;
  runId: number;
  name: string;
  size_in_bytes: number;
  expired: boolean;
  zip: Buffer;
}

export interface Failure {
  route: string;
  status: number;
  times: number;
  headers?: Record<string, string>;
  message?: string;
}

export interface FakeState {
  owner: string;
  repo: string;
  defaultBranch: string;
  appId: number;
  /** Files per ref (branch name or commit SHA): path → text. Other repositories: `owner/repo@ref`. */
  files: Map<string, Map<string, string>>;
  pulls: Map<number, Record<string, unknown> & { files: string[] }>;
  timeline: Map<number, Record<string, unknown>[]>;
  checkRuns: CheckRunState[];
  runs: Record<string, unknown>[];
  artifacts: ArtifactState[];
  /** `org/slug` → logins; a number answers with that HTTP status instead. */
  teams: Map<string, string[] | number>;
  /** login → role name ('none' answers 404). */
  permissions: Map<string, string>;
  failures: Failure[];
  nextId: number;
  /** A deterministic clock: every write advances it by one second. */
  clock: number;
}

export class FakeGitHub {
  readonly state: FakeState;
  readonly calls: Call[] = [];
  readonly unhandled: string[] = [];
  readonly blobDownloads: string[] = [];

  constructor(options: { owner: string; repo: string; defaultBranch: string; appId: number }) {
    this.state = {
      ...options,
      files: new Map(),
      pulls: new Map(),
      timeline: new Map(),
      checkRuns: [],
      runs: [],
      artifacts: [],
      teams: new Map(),
      permissions: new Map(),
      failures: [],
      nextId: 1000,
      clock: Date.parse('2025-03-01T10:00:00Z'),
    };
  }

  /** Starts intercepting. Call `nock.cleanAll()` (or `stop`) afterwards. */
  install(): this {
    const fake = this;
    for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
      nock(API)
        .persist()
        .intercept(() => true, method)
        .reply(function (uri, body) {
          return fake.dispatch(method, uri, body, this.req.headers);
        });
    }
    nock(BLOB_HOST)
      .persist()
      .get(() => true)
      .reply((uri) => {
        fake.blobDownloads.push(uri);
        const id = Number(/\/(\d+)\.zip/.exec(uri)?.[1]);
        const artifact = fake.state.artifacts.find((a) => a.id === id);
        return artifact ? [200, artifact.zip, { 'content-type': 'application/zip' }] : [404, 'not found'];
      });
    return this;
  }

  stop(): void {
    nock.cleanAll();
  }

  /** ISO time of the fake clock, advancing it. */
  tick(seconds = 1): string {
    this.state.clock += seconds * 1000;
    return new Date(this.state.clock).toISOString();
  }

  /** API calls (installation token creation excluded: Probot caches it for an hour). */
  apiCalls(): Call[] {
    return this.calls.filter((c) => c.route !== 'POST /app/installations/{installation_id}/access_tokens');
  }

  /** Route templates of the API calls, in order. */
  routes(): string[] {
    return this.apiCalls().map((c) => c.route);
  }

  /** Calls of one route template. */
  callsTo(route: string): Call[] {
    return this.calls.filter((c) => c.route === route);
  }

  /** The check run of the App with this name on `sha` (latest). */
  check(sha: string, name: string): CheckRunState | undefined {
    return this.state.checkRuns
      .filter((c) => c.head_sha === sha && c.name === name)
      .sort((a, b) => b.id - a.id)[0];
  }

  /** Comments of the App on a pull request. */
  appComments(number: number): Record<string, unknown>[] {
    return (this.state.timeline.get(number) ?? []).filter(
      (item) =>
        item.event === 'commented' &&
        (item.performed_via_github_app as { id: number } | null)?.id === this.state.appId,
    );
  }

  private dispatch(
    method: string,
    uri: string,
    raw: unknown,
    headers: Record<string, unknown>,
  ): [number, unknown, Record<string, string>?] {
    const url = new URL(uri, API);
    const path = url.pathname;
    const body = typeof raw === 'string' && raw.length > 0 ? safeJson(raw) : raw;
    for (const route of ROUTES) {
      if (route.method !== method) continue;
      const params = matchTemplate(route.template, path);
      if (params === null) continue;
      const name = `${method} ${route.template}`;
      const failure = this.state.failures.find((f) => f.route === name && f.times > 0);
      if (failure) {
        failure.times--;
        this.calls.push({ method, route: name, path, query: url.searchParams, body, status: failure.status });
        return [
          failure.status,
          { message: failure.message ?? 'Server Error' },
          { 'x-github-request-id': 'F00D:1', ...failure.headers },
        ];
      }
      const [status, data, extra] = (route.handler as RouteHandler)(this, {
        params,
        query: url.searchParams,
        body,
        headers,
        url,
      });
      this.calls.push({ method, route: name, path, query: url.searchParams, body, status });
      const type = typeof data === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
      return [
        status,
        data,
        { 'content-type': type, 'x-github-request-id': `REQ:${this.calls.length}`, ...extra },
      ];
    }
    this.unhandled.push(`${method} ${path}${url.search}`);
    return [599, { message: `no fake route for ${method} ${path}` }];
  }
}

/** Matches `/repos/{owner}/{repo}/…` against a path; parameters are URL-decoded. */
export function matchTemplate(template: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${source}$`).exec(path);
  if (match === null) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] as string)]));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
