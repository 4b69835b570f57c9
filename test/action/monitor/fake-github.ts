/**
 * A simulated GitHub REST API on 127.0.0.1 for monitor tests: releases with assets (downloads
 * redirect to a second server, a different origin, as GitHub's storage is), labels, and issues
 * with the list/create/update routes monitor mode uses. State is in memory; every request is
 * recorded so tests can assert the calls, their bodies and their headers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIssue {
  number: number;
  state: 'open' | 'closed';
  state_reason: string | null;
  title: string;
  body: string;
  labels: { name: string }[];
  pull_request?: { url: string };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export class FakeGitHub {
  readonly repository = 'acme/models';
  readonly releases = new Map<
    string,
    { id: number; assets: { id: number; name: string; content: string }[] }
  >();
  readonly issues: FakeIssue[] = [];
  readonly labels = new Set<string>();
  readonly requests: RecordedRequest[] = [];
  readonly downloads: RecordedRequest[] = [];
  /** Issues per page of the listing (small, so pagination is exercised). */
  pageSize = 2;
  private api!: Server;
  private storage!: Server;
  apiUrl = '';
  private storageUrl = '';
  private nextId = 100;

  async start(): Promise<void> {
    this.api = createServer((req, res) => void this.handle(req, res));
    this.storage = createServer((req, res) => void this.handleDownload(req, res));
    this.apiUrl = await listen(this.api);
    this.storageUrl = await listen(this.storage);
  }

  async stop(): Promise<void> {
    await Promise.all([close(this.api), close(this.storage)]);
  }

  addRelease(tag: string, assets: Record<string, string>): void {
    const list = Object.entries(assets).map(([name, content]) => ({ id: this.nextId++, name, content }));
    this.releases.set(tag, { id: this.nextId++, assets: list });
  }

  /** Requests after `since` (an index into `requests`), as "METHOD path" lines. */
  calls(since = 0): string[] {
    return this.requests.slice(since).map((r) => `${r.method} ${r.path}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiUrl);
    const text = await readBody(req);
    const body = text ? JSON.parse(text) : undefined;
    const record = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    };
    this.requests.push(record);
    const repo = `/repos/${this.repository}`;
    const route = `${record.method} ${url.pathname.startsWith(repo) ? url.pathname.slice(repo.length) : url.pathname}`;
    const routes: [RegExp, (m: RegExpExecArray) => void][] = [
      [/^GET \/releases\/tags\/(.+)$/, (m) => this.getRelease(res, decodeURIComponent(m[1]!))],
      [/^GET \/releases\/assets\/(\d+)$/, (m) => this.getAsset(res, Number(m[1]), req.headers.accept)],
      [/^GET \/issues$/, () => this.listIssues(res, url)],
      [/^POST \/labels$/, () => this.createLabel(res, body as { name: string })],
      [
        /^POST \/issues$/,
        () => this.createIssue(res, body as { title: string; body: string; labels: string[] }),
      ],
      [/^PATCH \/issues\/(\d+)$/, (m) => this.updateIssue(res, Number(m[1]), body as Partial<FakeIssue>)],
    ];
    for (const [pattern, handler] of routes) {
      const m = pattern.exec(route);
      if (m) {
        handler(m);
        return;
      }
    }
    send(res, 404, { message: 'Not Found' });
  }

  private getRelease(res: ServerResponse, tag: string): void {
    const release = this.releases.get(tag);
    if (!release) {
      send(res, 404, { message: 'Not Found' });
      return;
    }
    const assets = release.assets.map((a) => ({
      id: a.id,
      name: a.name,
      url: `${this.apiUrl}/repos/${this.repository}/releases/assets/${a.id}`,
    }));
    send(res, 200, {
      id: release.id,
      tag_name: tag,
      draft: false,
      html_url: `https://github.com/${this.repository}/releases/tag/${encodeURIComponent(tag)}`,
      assets,
    });
  }

  private getAsset(res: ServerResponse, id: number, accept: string | undefined): void {
    const asset = [...this.releases.values()].flatMap((r) => r.assets).find((a) => a.id === id);
    if (!asset) {
      send(res, 404, { message: 'Not Found' });
      return;
    }
    if (accept !== 'application/octet-stream') {
      send(res, 200, { id, name: asset.name });
      return;
    }
    res.writeHead(302, { location: `${this.storageUrl}/blob/${id}?signature=abc` }).end();
  }

  private async handleDownload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.storageUrl);
    this.downloads.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: undefined,
    });
    const id = Number(/^\/blob\/(\d+)$/.exec(url.pathname)?.[1]);
    const asset = [...this.releases.values()].flatMap((r) => r.assets).find((a) => a.id === id);
    if (!asset) {
      send(res, 404, { message: 'Not Found' });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(asset.content);
  }

  private listIssues(res: ServerResponse, url: URL): void {
    const label = url.searchParams.get('labels');
    const state = url.searchParams.get('state') ?? 'open';
    const page = Number(url.searchParams.get('page') ?? '1');
    const all = [...this.issues]
      .sort((a, b) => b.number - a.number)
      .filter(
        (i) => (state === 'all' || i.state === state) && (!label || i.labels.some((l) => l.name === label)),
      );
    const items = all.slice((page - 1) * this.pageSize, page * this.pageSize);
    const headers: Record<string, string> = {};
    if (page * this.pageSize < all.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    send(res, 200, items, headers);
  }

  private createLabel(res: ServerResponse, body: { name: string }): void {
    if (this.labels.has(body.name)) {
      send(res, 422, { message: 'Validation Failed', errors: [{ code: 'already_exists' }] });
      return;
    }
    this.labels.add(body.name);
    send(res, 201, { name: body.name });
  }

  private createIssue(res: ServerResponse, body: { title: string; body: string; labels: string[] }): void {
    const issue: FakeIssue = {
      number: this.issues.length + 1,
      state: 'open',
      state_reason: null,
      title: body.title,
      body: body.body,
      labels: body.labels.map((name) => ({ name })),
    };
    this.issues.push(issue);
    send(res, 201, { ...issue, html_url: `https://github.com/${this.repository}/issues/${issue.number}` });
  }

  private updateIssue(res: ServerResponse, number: number, body: Partial<FakeIssue>): void {
    const issue = this.issues.find((i) => i.number === number);
    if (!issue) {
      send(res, 404, { message: 'Not Found' });
      return;
    }
    if (body.title !== undefined) issue.title = body.title;
    if (body.body !== undefined) issue.body = body.body;
    if (body.state !== undefined) {
      issue.state = body.state;
      issue.state_reason = body.state === 'closed' ? (body.state_reason ?? 'completed') : 'reopened';
    }
    send(res, 200, { ...issue, html_url: `https://github.com/${this.repository}/issues/${issue.number}` });
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, { 'content-type': 'application/json', 'x-github-request-id': 'ABCD:1234', ...headers })
    .end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
