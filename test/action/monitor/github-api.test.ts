/** The small REST client: retries, rate limits, pagination, asset downloads, errors without tokens. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitHubApi } from '../../../action/monitor/github-api.js';
import { GitHubApiError } from '../../../shared/errors.js';

type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void;
const servers: Server[] = [];

async function serve(handler: Handler): Promise<string> {
  let base = '';
  const server = createServer((req, res) => handler(req, res, base));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return base;
}

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const TOKEN = 'ghs_secret_value_1234';
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

function client(baseUrl: string, waits: number[] = []) {
  return new GitHubApi({ token: TOKEN, baseUrl, sleep: async (ms) => void waits.push(ms) });
}

test('a 502 is retried (with back-off) and the answer returned', async () => {
  let calls = 0;
  const base = await serve((_req, res) =>
    ++calls === 1 ? json(res, 502, { message: 'Bad gateway' }) : json(res, 200, { ok: true }),
  );
  const waits: number[] = [];
  const api = client(base, waits);
  expect((await api.request('GET', '/x')).data).toEqual({ ok: true });
  expect(waits).toEqual([1000]);
  expect(api.calls).toBe(2);
});

test('a secondary rate limit waits retry-after seconds; retries are bounded', async () => {
  const base = await serve((_req, res) =>
    json(res, 403, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '2' }),
  );
  const waits: number[] = [];
  const error = await client(base, waits)
    .request('GET', '/x')
    .catch((e: unknown) => e);
  expect(waits).toEqual([2000, 2000]);
  expect(error).toBeInstanceOf(GitHubApiError);
  expect((error as GitHubApiError).status).toBe(403);
});

test('an error names method, path, status, message and request id, never the token', async () => {
  const seen: (string | undefined)[] = [];
  const base = await serve((req, res) => {
    seen.push(req.headers.authorization);
    json(res, 404, { message: 'Not Found' }, { 'x-github-request-id': 'F00D:42' });
  });
  const error = (await client(base)
    .request('GET', '/repos/a/b/releases/tags/x')
    .catch((e: unknown) => e)) as GitHubApiError;
  expect(seen).toEqual([`Bearer ${TOKEN}`]);
  expect(error.message).toBe(
    'GET /repos/a/b/releases/tags/x failed with 404: Not Found (request id F00D:42)',
  );
  expect(error).toMatchObject({ status: 404, requestId: 'F00D:42' });
  expect(`${error.message} ${error.userMessage} ${JSON.stringify(error)}`).not.toContain(TOKEN);
});

test('allowed statuses are returned, not thrown', async () => {
  const base = await serve((_req, res) => json(res, 422, { message: 'Validation Failed' }));
  expect((await client(base).request('POST', '/labels', { body: { name: 'x' }, allow: [422] })).status).toBe(
    422,
  );
});

test('pagination follows rel="next" on the same host only', async () => {
  const other = await serve((_req, res) => json(res, 200, [{ n: 99 }]));
  const base = await serve((req, res, self) => {
    const page = Number(new URL(req.url!, self).searchParams.get('page') ?? '1');
    const next = page === 1 ? `<${self}/items?page=2>; rel="next"` : `<${other}/items?page=3>; rel="next"`;
    json(res, 200, [{ n: page }], { link: next });
  });
  expect(await client(base).paginate('/items')).toEqual([{ n: 1 }, { n: 2 }]);
});

test('an asset answered directly (200) is returned as bytes', async () => {
  const base = await serve((req, res) =>
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(req.headers.accept),
  );
  expect((await client(base).downloadAsset('/repos/a/b/releases/assets/1')).toString()).toBe(
    'application/octet-stream',
  );
});

test('a network failure becomes a GitHubApiError after the retries', async () => {
  const waits: number[] = [];
  const api = new GitHubApi({
    token: TOKEN,
    baseUrl: 'http://127.0.0.1:9',
    fetchImpl: async () => Promise.reject(new TypeError('fetch failed')),
    sleep: async (ms) => void waits.push(ms),
  });
  await expect(api.request('GET', '/x')).rejects.toThrow('GET /x: fetch failed');
  expect(waits).toEqual([1000, 2000]);
});
