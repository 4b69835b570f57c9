/**
 * A small GitHub REST client over `fetch` (Node's built-in): JSON requests with the job token,
 * Link-header pagination, release asset downloads (the redirect to storage is followed without
 * the token), bounded retries on server errors and rate limits. The base URL comes from
 * `GITHUB_API_URL`, so GitHub Enterprise Server and tests' local servers work alike.
 * Errors are `GitHubApiError`s with status and request id, never with the token.
 */
import { GitHubApiError } from '../../shared/errors.js';

export interface GitHubApiOptions {
  token: string;
  /** e.g. https://api.github.com (GITHUB_API_URL). */
  baseUrl: string;
  fetchImpl?: typeof fetch;
  /** Retries after a 5xx or a rate limit (default 2). */
  retries?: number;
  /** Waits between retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number>;
  /** Statuses returned to the caller instead of thrown (e.g. 404, 422). */
  allow?: readonly number[];
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

/** Largest release asset accepted (a report is far smaller). */
const MAX_ASSET_BYTES = 200 * 1024 * 1024;
const MAX_WAIT_MS = 60_000;

export class GitHubApi {
  /** Requests sent (retries included): the cost of a run, reported in the log. */
  calls = 0;
  readonly #options: Required<Omit<GitHubApiOptions, 'fetchImpl'>> & { fetchImpl: typeof fetch };

  constructor(options: GitHubApiOptions) {
    this.#options = {
      token: options.token,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      fetchImpl: options.fetchImpl ?? fetch,
      retries: options.retries ?? 2,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
  }

  /** One JSON request. @throws GitHubApiError for a status outside 2xx and `allow`. */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const url = this.url(path, options.query);
    const init: RequestInit = {
      method,
      headers: this.headers('application/vnd.github+json', options.body !== undefined),
    };
    if (options.body !== undefined) init.body = JSON.stringify(options.body);
    const response = await this.send(url, init, `${method} ${path}`);
    if (response.ok || options.allow?.includes(response.status)) {
      const text = await response.text();
      return {
        status: response.status,
        data: (text ? JSON.parse(text) : null) as T,
        headers: response.headers,
      };
    }
    throw await toApiError(response, `${method} ${path}`);
  }

  /** Every page of a list endpoint (per_page 100), following `Link: rel="next"`. */
  async paginate<T>(path: string, query: Record<string, string | number> = {}): Promise<T[]> {
    const items: T[] = [];
    let url: string | null = this.url(path, { per_page: 100, ...query });
    while (url) {
      const response = await this.send(
        url,
        { method: 'GET', headers: this.headers('application/vnd.github+json', false) },
        `GET ${path}`,
      );
      if (!response.ok) throw await toApiError(response, `GET ${path}`);
      items.push(...((await response.json()) as T[]));
      url = nextLink(response.headers.get('link'));
      // Never send the token to another host, whatever a Link header says.
      if (url && new URL(url).origin !== new URL(this.#options.baseUrl).origin) url = null;
    }
    return items;
  }

  /**
   * Downloads a release asset (`GET /repos/{owner}/{repo}/releases/assets/{id}` with
   * `Accept: application/octet-stream`). GitHub answers with a redirect to storage; it is followed
   * by hand so the token is never sent to another host.
   */
  async downloadAsset(path: string): Promise<Buffer> {
    const first = await this.send(
      this.url(path),
      { method: 'GET', headers: this.headers('application/octet-stream', false), redirect: 'manual' },
      `GET ${path}`,
    );
    let response = first;
    if (first.status >= 300 && first.status < 400) {
      const location = first.headers.get('location');
      if (!location)
        throw new GitHubApiError(`GET ${path}: redirect without a location`, { status: first.status });
      const target = new URL(location, this.#options.baseUrl);
      const sameOrigin = target.origin === new URL(this.#options.baseUrl).origin;
      const headers = sameOrigin
        ? this.headers('application/octet-stream', false)
        : { accept: 'application/octet-stream' };
      response = await this.send(target.toString(), { method: 'GET', headers }, `GET ${path} (download)`);
    }
    if (!response.ok) throw await toApiError(response, `GET ${path}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > MAX_ASSET_BYTES)
      throw new GitHubApiError(`GET ${path}: the asset is larger than ${MAX_ASSET_BYTES} bytes`);
    return bytes;
  }

  private url(path: string, query?: Record<string, string | number>): string {
    const url = new URL(`${this.#options.baseUrl}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, String(value));
    return url.toString();
  }

  private headers(accept: string, json: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      accept,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'modelgate',
    };
    if (this.#options.token) headers.authorization = `Bearer ${this.#options.token}`;
    if (json) headers['content-type'] = 'application/json';
    return headers;
  }

  /** Sends with retries: 5xx and rate limits (403/429 with retry-after or no remaining quota). */
  private async send(url: string, init: RequestInit, what: string): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      this.calls++;
      let response: Response;
      try {
        response = await this.#options.fetchImpl(url, init);
      } catch (error) {
        if (attempt < this.#options.retries) {
          await this.#options.sleep(1000 * 2 ** attempt);
          continue;
        }
        throw new GitHubApiError(`${what}: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      const wait = retryDelay(response, attempt);
      if (wait === null || attempt >= this.#options.retries) return response;
      await response.arrayBuffer().catch(() => undefined);
      await this.#options.sleep(wait);
    }
  }
}

function retryDelay(response: Response, attempt: number): number | null {
  const limited =
    (response.status === 403 || response.status === 429) &&
    (response.headers.has('retry-after') || response.headers.get('x-ratelimit-remaining') === '0');
  if (response.status < 500 && !limited) return null;
  const after = Number(response.headers.get('retry-after'));
  if (Number.isFinite(after) && after > 0) return Math.min(after * 1000, MAX_WAIT_MS);
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  if (limited && Number.isFinite(reset) && reset > 0)
    return Math.min(Math.max(0, reset * 1000 - Date.now()), MAX_WAIT_MS);
  return 1000 * 2 ** attempt;
}

async function toApiError(response: Response, what: string): Promise<GitHubApiError> {
  let detail = '';
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string') detail = `: ${body.message}`;
  } catch {
    // Not JSON: the status says enough.
  }
  const requestId = response.headers.get('x-github-request-id') ?? undefined;
  return new GitHubApiError(`${what} failed with ${response.status}${detail}`, {
    status: response.status,
    ...(requestId !== undefined && { requestId }),
  });
}

function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (m) return m[1]!;
  }
  return null;
}
