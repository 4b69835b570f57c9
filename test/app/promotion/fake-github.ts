/**
 * A stateful stand-in for the parts of GitHub the promotion handlers use, served through nock
 * (network disabled): git refs and tag objects, releases and assets (uploads host), issues,
 * comments, timelines, check runs, workflow runs and artifacts, contents, teams, permissions.
 * Every request is logged (method, URL, decoded path, query, body) for assertions and the
 * route check. Faults and barriers let tests interrupt a promotion or force a race.
 */
import nock from 'nock';

export interface LoggedRequest {
  method: string;
  url: string;
  host: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

type Reply = [number, unknown, Record<string, string>?];

interface Fault {
  method: string;
  pattern: RegExp;
  status: number;
  times: number;
}

interface Barrier {
  method: string;
  pattern: RegExp;
  count: number;
  waiting: (() => void)[];
}

export interface FakeRelease {
  id: number;
  tag_name: string;
  name: string;
  body: string;
  draft: boolean;
  make_latest: string | undefined;
  created_at: string;
  published_at: string | null;
  assets: { id: number; name: string; state: string; content_type: string; content: string }[];
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  appId: number | null;
  pull_request?: unknown;
  html_url: string;
}

export interface FakeComment {
  id: number;
  body: string;
  login: string;
  type: 'User' | 'Bot';
  appId: number | null;
  created_at: string;
  updated_at: string;
}

export class FakeGitHub {
  readonly log: LoggedRequest[] = [];
  readonly unknown: string[] = [];
  readonly files = new Map<string, Buffer | string>();
  readonly checkRuns = new Map<string, object[]>();
  readonly runs = new Map<number, object>();
  readonly artifacts = new Map<number, { id: number; zip: Buffer }>();
  readonly reviews = new Map<number, object[]>();
  readonly comments = new Map<number, FakeComment[]>();
  readonly teams = new Map<string, string[]>();
  readonly permissions = new Map<string, string>();
  readonly refs = new Map<string, { type: 'tag' | 'commit'; sha: string }>();
  readonly tagObjects = new Map<
    string,
    {
      sha: string;
      tag: string;
      message: string;
      object: { sha: string; type: string };
      tagger: { name: string; email: string; date: string };
    }
  >();
  readonly releases: FakeRelease[] = [];
  readonly issues: FakeIssue[] = [];
  readonly labels = new Set<string>();
  readonly pulls: object[] = [];
  readonly pullFiles = new Map<number, string[]>();
  private readonly faults: Fault[] = [];
  private readonly barriers: Barrier[] = [];
  private seq = 5000;

  constructor(
    readonly repo: { owner: string; name: string },
    readonly appId: number,
    private readonly clock: () => string,
  ) {}

  /** The next `times` requests matching fail with `status` (after being logged). */
  fail(method: string, pattern: RegExp, status = 500, times = 1): void {
    this.faults.push({ method, pattern, status, times });
  }

  /** Matching requests (path and query) are answered only once `count` of them have arrived (forces a race). */
  hold(method: string, pattern: RegExp, count: number): void {
    this.barriers.push({ method, pattern, count, waiting: [] });
  }

  install(): void {
    for (const host of ['https://api.github.com', 'https://uploads.github.com']) {
      const scope = nock(host).persist();
      for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
        scope
          .intercept(() => true, method)
          .reply((uri, body, callback) => {
            this.handle(method, host, uri, body).then(
              (reply) => callback(null, reply as unknown as Parameters<typeof callback>[1]),
              (error: Error) => callback(error, undefined as unknown as Parameters<typeof callback>[1]),
            );
          });
      }
    }
  }

  /** Requests other than the installation token, as `METHOD path`. */
  calls(): string[] {
    return this.log.filter((r) => !r.path.startsWith('/app/')).map((r) => `${r.method} ${r.path}`);
  }

  private async handle(method: string, host: string, uri: string, raw: unknown): Promise<Reply> {
    const url = new URL(`${host}${uri}`);
    const path = url.pathname.split('/').map(decodeURIComponent).join('/');
    const body = typeof raw === 'string' && raw.startsWith('{') ? JSON.parse(raw) : raw;
    const entry: LoggedRequest = {
      method,
      url: url.href,
      host: url.host,
      path,
      query: Object.fromEntries(url.searchParams),
      body,
    };
    this.log.push(entry);
    await this.wait(method, `${path}${url.search}`);
    const fault = this.faults.find((f) => f.method === method && f.pattern.test(path) && f.times > 0);
    if (fault) {
      fault.times--;
      return [fault.status, { message: 'injected failure' }];
    }
    const reply = this.route(entry);
    if (reply === null) {
      this.unknown.push(`${method} ${url.href}`);
      return [599, { message: `fake: no route for ${method} ${path}` }];
    }
    return reply;
  }

  private async wait(method: string, path: string): Promise<void> {
    const barrier = this.barriers.find((b) => b.method === method && b.pattern.test(path) && b.count > 0);
    if (!barrier) return;
    await new Promise<void>((resolve) => {
      barrier.waiting.push(resolve);
      if (barrier.waiting.length >= barrier.count) {
        barrier.count = 0;
        for (const go of barrier.waiting.splice(0)) go();
      }
    });
  }

  private route(r: LoggedRequest): Reply | null {
    const base = `/repos/${this.repo.owner}/${this.repo.name}`;
    if (r.method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(r.path)) {
      return [
        201,
        {
          token: 'ghs_test',
          expires_at: '2099-01-01T00:00:00Z',
          permissions: {},
          repository_selection: 'all',
        },
      ];
    }
    const team = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/members$/.exec(r.path);
    if (team && r.method === 'GET')
      return [200, (this.teams.get(`${team[1]}/${team[2]}`.toLowerCase()) ?? []).map((login) => ({ login }))];
    if (!r.path.startsWith(`${base}/`)) return null;
    const rest = r.path.slice(base.length);
    return this.git(r, rest) ?? this.release(r, rest) ?? this.issue(r, rest) ?? this.other(r, rest);
  }

  private git(r: LoggedRequest, rest: string): Reply | null {
    let m: RegExpExecArray | null;
    m = r.method === 'GET' ? /^\/git\/matching-refs\/tags\/(.*)$/.exec(rest) : null;
    if (m) {
      const prefix = m[1] as string;
      const names = [...this.refs.keys()].filter((name) => name.startsWith(prefix)).sort();
      return [200, names.map((name) => ({ ref: `refs/tags/${name}`, object: this.refs.get(name) }))];
    }
    m = r.method === 'GET' ? /^\/git\/ref\/tags\/(.*)$/.exec(rest) : null;
    if (m) {
      const object = this.refs.get(m[1] as string);
      return object ? [200, { ref: `refs/tags/${m[1]}`, object }] : [404, { message: 'Not Found' }];
    }
    m = r.method === 'GET' ? /^\/git\/tags\/([0-9a-f]+)$/.exec(rest) : null;
    if (m) {
      const tag = this.tagObjects.get(m[1] as string);
      return tag ? [200, tag] : [404, { message: 'Not Found' }];
    }
    if (r.method === 'POST' && rest === '/git/tags') {
      const b = r.body as { tag: string; message: string; object: string; type: string };
      const sha = this.sha();
      const tag = {
        sha,
        tag: b.tag,
        message: b.message,
        object: { sha: b.object, type: b.type },
        tagger: { name: 'modelgate[bot]', email: 'bot@example.com', date: this.clock() },
      };
      this.tagObjects.set(sha, tag);
      return [201, tag];
    }
    if (r.method === 'POST' && rest === '/git/refs') {
      const b = r.body as { ref: string; sha: string };
      const name = b.ref.replace(/^refs\/tags\//, '');
      if (this.refs.has(name)) return [422, { message: 'Reference already exists' }];
      const object = {
        type: this.tagObjects.has(b.sha) ? ('tag' as const) : ('commit' as const),
        sha: b.sha,
      };
      this.refs.set(name, object);
      return [201, { ref: b.ref, object }];
    }
    return null;
  }

  private release(r: LoggedRequest, rest: string): Reply | null {
    let m: RegExpExecArray | null;
    m = r.method === 'GET' ? /^\/releases\/tags\/(.*)$/.exec(rest) : null;
    if (m) {
      const release = this.releases.find((x) => x.tag_name === m![1] && !x.draft);
      return release ? [200, this.releaseJson(release)] : [404, { message: 'Not Found' }];
    }
    if (r.method === 'GET' && rest === '/releases') {
      return [200, [...this.releases].sort((a, b) => b.id - a.id).map((x) => this.releaseJson(x))];
    }
    if (r.method === 'POST' && rest === '/releases') {
      const b = r.body as {
        tag_name: string;
        name: string;
        body: string;
        draft: boolean;
        make_latest?: string;
      };
      if (this.releases.some((x) => x.tag_name === b.tag_name)) {
        return [
          422,
          {
            message: 'Validation Failed',
            errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
          },
        ];
      }
      const release: FakeRelease = {
        id: this.seq++,
        tag_name: b.tag_name,
        name: b.name,
        body: b.body,
        draft: b.draft,
        make_latest: b.make_latest,
        created_at: this.clock(),
        published_at: b.draft ? null : this.clock(),
        assets: [],
      };
      this.releases.push(release);
      return [201, this.releaseJson(release)];
    }
    m = r.method === 'PATCH' ? /^\/releases\/(\d+)$/.exec(rest) : null;
    if (m) {
      const release = this.releases.find((x) => x.id === Number(m![1]));
      if (!release) return [404, { message: 'Not Found' }];
      const b = r.body as { draft?: boolean; make_latest?: string };
      if (b.draft === false && release.draft)
        Object.assign(release, { draft: false, published_at: this.clock() });
      if (b.make_latest !== undefined) release.make_latest = b.make_latest;
      return [200, this.releaseJson(release)];
    }
    m =
      r.method === 'POST' && r.host === 'uploads.github.com'
        ? /^\/releases\/(\d+)\/assets$/.exec(rest)
        : null;
    if (m) {
      const release = this.releases.find((x) => x.id === Number(m![1]));
      const name = r.query.name ?? '';
      if (!release) return [404, { message: 'Not Found' }];
      // Immutable releases: a published release takes no new asset.
      if (!release.draft || release.assets.some((a) => a.name === name)) {
        return [
          422,
          {
            message: 'Validation Failed',
            errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
          },
        ];
      }
      const content = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      const asset = {
        id: this.seq++,
        name,
        state: 'uploaded',
        content_type: 'application/octet-stream',
        content,
      };
      release.assets.push(asset);
      return [201, { id: asset.id, name, state: 'uploaded' }];
    }
    m = r.method === 'GET' ? /^\/releases\/assets\/(\d+)$/.exec(rest) : null;
    if (m) {
      const asset = this.releases.flatMap((x) => x.assets).find((a) => a.id === Number(m![1]));
      return asset
        ? [200, Buffer.from(asset.content), { 'content-type': 'application/octet-stream' }]
        : [404, { message: 'Not Found' }];
    }
    return null;
  }

  private issue(r: LoggedRequest, rest: string): Reply | null {
    let m: RegExpExecArray | null;
    if (r.method === 'GET' && rest === '/issues') {
      const labels = (r.query.labels ?? '').split(',').filter(Boolean);
      const state = r.query.state ?? 'open';
      const found = this.issues.filter(
        (i) => labels.every((l) => i.labels.includes(l)) && (state === 'all' || i.state === state),
      );
      return [200, found.map((i) => this.issueJson(i))];
    }
    if (r.method === 'POST' && rest === '/labels') {
      const name = (r.body as { name: string }).name;
      if (this.labels.has(name))
        return [422, { message: 'Validation Failed', errors: [{ code: 'already_exists' }] }];
      this.labels.add(name);
      return [201, { name }];
    }
    if (r.method === 'POST' && rest === '/issues') {
      const b = r.body as { title: string; body: string; labels?: string[] };
      const issue: FakeIssue = {
        number: this.nextIssueNumber(),
        title: b.title,
        body: b.body,
        state: 'open',
        labels: b.labels ?? [],
        appId: this.appId,
        html_url: '',
      };
      issue.html_url = `https://github.com/${this.repo.owner}/${this.repo.name}/issues/${issue.number}`;
      this.issues.push(issue);
      return [201, this.issueJson(issue)];
    }
    m = r.method === 'PATCH' ? /^\/issues\/(\d+)$/.exec(rest) : null;
    if (m) {
      const issue = this.issues.find((i) => i.number === Number(m![1]));
      if (!issue) return [404, { message: 'Not Found' }];
      const b = r.body as Partial<FakeIssue>;
      if (b.body !== undefined) issue.body = b.body;
      if (b.state !== undefined) issue.state = b.state;
      return [200, this.issueJson(issue)];
    }
    m = /^\/issues\/(\d+)\/comments$/.exec(rest);
    if (m) {
      const number = Number(m[1]);
      const list = this.comments.get(number) ?? [];
      if (r.method === 'GET') return [200, list.map((c) => this.commentJson(number, c))];
      if (r.method === 'POST') {
        const now = this.clock();
        const comment: FakeComment = {
          id: this.seq++,
          body: (r.body as { body: string }).body,
          login: 'modelgate[bot]',
          type: 'Bot',
          appId: this.appId,
          created_at: now,
          updated_at: now,
        };
        this.comments.set(number, [...list, comment]);
        return [201, this.commentJson(number, comment)];
      }
    }
    m = r.method === 'PATCH' ? /^\/issues\/comments\/(\d+)$/.exec(rest) : null;
    if (m) {
      for (const [number, list] of this.comments) {
        const comment = list.find((c) => c.id === Number(m![1]));
        if (comment) {
          comment.body = (r.body as { body: string }).body;
          comment.updated_at = this.clock();
          return [200, this.commentJson(number, comment)];
        }
      }
      return [404, { message: 'Not Found' }];
    }
    m = r.method === 'GET' ? /^\/issues\/(\d+)\/timeline$/.exec(rest) : null;
    if (m) {
      const number = Number(m[1]);
      const comments = (this.comments.get(number) ?? []).map((c) => ({
        event: 'commented',
        ...this.commentJson(number, c),
      }));
      return [200, [...(this.reviews.get(number) ?? []), ...comments]];
    }
    return null;
  }

  private other(r: LoggedRequest, rest: string): Reply | null {
    let m: RegExpExecArray | null;
    m = r.method === 'GET' ? /^\/contents\/(.*)$/.exec(rest) : null;
    if (m) {
      const file = this.files.get(`${r.query.ref}:${m[1]}`);
      if (file === undefined) return [404, { message: 'Not Found' }];
      return [
        200,
        typeof file === 'string' ? Buffer.from(file) : file,
        { 'content-type': 'application/vnd.github.raw; charset=utf-8' },
      ];
    }
    m = r.method === 'GET' ? /^\/commits\/([0-9a-f]+)\/check-runs$/.exec(rest) : null;
    if (m) {
      const runs = this.checkRuns.get(m[1] as string) ?? [];
      return [200, { total_count: runs.length, check_runs: runs }];
    }
    m = r.method === 'GET' ? /^\/actions\/runs\/(\d+)$/.exec(rest) : null;
    if (m) {
      const run = this.runs.get(Number(m[1]));
      return run ? [200, run] : [404, { message: 'Not Found' }];
    }
    m = r.method === 'GET' ? /^\/actions\/runs\/(\d+)\/artifacts$/.exec(rest) : null;
    if (m) {
      const artifact = this.artifacts.get(Number(m[1]));
      const list = artifact
        ? [{ id: artifact.id, name: 'modelgate-report', size_in_bytes: artifact.zip.length, expired: false }]
        : [];
      return [200, { total_count: list.length, artifacts: list }];
    }
    m = r.method === 'GET' ? /^\/actions\/artifacts\/(\d+)\/zip$/.exec(rest) : null;
    if (m) {
      const artifact = [...this.artifacts.values()].find((a) => a.id === Number(m![1]));
      return artifact
        ? [200, artifact.zip, { 'content-type': 'application/zip' }]
        : [404, { message: 'Not Found' }];
    }
    m = r.method === 'GET' ? /^\/collaborators\/([^/]+)\/permission$/.exec(rest) : null;
    if (m) {
      const role = this.permissions.get((m[1] as string).toLowerCase());
      return role
        ? [200, { permission: role, role_name: role, user: { login: m[1] } }]
        : [404, { message: 'Not Found' }];
    }
    if (r.method === 'GET' && rest === '/pulls') return [200, this.pulls];
    m = r.method === 'GET' ? /^\/pulls\/(\d+)\/files$/.exec(rest) : null;
    if (m)
      return [
        200,
        (this.pullFiles.get(Number(m[1])) ?? []).map((filename) => ({ filename, status: 'modified' })),
      ];
    return null;
  }

  private releaseJson(x: FakeRelease): object {
    const repo = `${this.repo.owner}/${this.repo.name}`;
    return {
      id: x.id,
      tag_name: x.tag_name,
      name: x.name,
      body: x.body,
      draft: x.draft,
      prerelease: false,
      created_at: x.created_at,
      published_at: x.published_at,
      html_url: x.draft
        ? `https://github.com/${repo}/releases/tag/untagged-${x.id}`
        : `https://github.com/${repo}/releases/tag/${encodeURIComponent(x.tag_name)}`,
      upload_url: `https://uploads.github.com/repos/${repo}/releases/${x.id}/assets{?name,label}`,
      assets: x.assets.map(({ id, name, state, content_type }) => ({ id, name, state, content_type })),
    };
  }

  private issueJson(i: FakeIssue): object {
    return {
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      html_url: i.html_url,
      labels: i.labels.map((name) => ({ name })),
      performed_via_github_app: i.appId === null ? null : { id: i.appId },
      ...(i.pull_request === undefined ? {} : { pull_request: i.pull_request }),
    };
  }

  private commentJson(number: number, c: FakeComment): object {
    return {
      id: c.id,
      body: c.body,
      user: { login: c.login, type: c.type },
      created_at: c.created_at,
      updated_at: c.updated_at,
      html_url: `https://github.com/${this.repo.owner}/${this.repo.name}/issues/${number}#issuecomment-${c.id}`,
      performed_via_github_app: c.appId === null ? null : { id: c.appId },
    };
  }

  private nextIssueNumber(): number {
    return Math.max(100, ...this.issues.map((i) => i.number)) + 1;
  }

  private sha(): string {
    return (this.seq++).toString(16).padStart(40, 'f');
  }
}
