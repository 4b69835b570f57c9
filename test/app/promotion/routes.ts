/**
 * Checks requests against GitHub's published REST description (`@octokit/openapi`): each
 * method + host + path must be an operation of api.github.com (uploads on uploads.github.com).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Operation {
  method: string;
  segments: string[];
  host: string;
}

const require = createRequire(import.meta.url);
let operations: Operation[] | null = null;

function load(): Operation[] {
  if (operations !== null) return operations;
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, { servers?: { url: string }[] }>>;
  };
  operations = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      const host = op.servers?.[0]?.url ? new URL(op.servers[0].url).host : 'api.github.com';
      operations.push({ method: method.toUpperCase(), segments: path.split('/').slice(1), host });
    }
  }
  return operations;
}

function matches(op: Operation, method: string, host: string, segments: string[]): boolean {
  if (op.method !== method || op.host !== host || op.segments.length !== segments.length) return false;
  return op.segments.every((s, i) =>
    s.startsWith('{') && s.endsWith('}') ? segments[i] !== '' : s === segments[i],
  );
}

/** The requests that are not operations of GitHub's REST API (empty = all fine). */
export function findUnknownRoutes(requests: readonly { method: string; url: string }[]): string[] {
  const ops = load();
  return requests
    .filter(({ method, url }) => {
      const parsed = new URL(url);
      const segments = parsed.pathname.split('/').slice(1);
      return !ops.some((op) => matches(op, method.toUpperCase(), parsed.host, segments));
    })
    .map(({ method, url }) => `${method} ${url}`);
}
