/**
 * After every App test: no request the simulation does not know, every call a route the App
 * declares in app/github/routes.json (itself checked against GitHub's REST description), and no
 * GET repeated within one event.
 */
import { readFileSync } from 'node:fs';
import type { Harness } from './scenario.js';

export const DECLARED_ROUTES = new Set(
  Object.values(
    JSON.parse(readFileSync(new URL('../../../app/github/routes.json', import.meta.url), 'utf8')) as Record<
      string,
      string
    >,
  ),
);
const TOKEN_ROUTE = 'POST /app/installations/{installation_id}/access_tokens';

export function expectClean(h: Harness): void {
  expect(h.fake.unhandled).toEqual([]);
  const undeclared = h.fake.calls
    .map((c) => c.route)
    .filter((r) => r !== TOKEN_ROUTE && !DECLARED_ROUTES.has(r));
  expect(undeclared).toEqual([]);
  for (const delivery of h.deliveries) {
    expect({ event: `${delivery.name}.${delivery.action}`, repeated: repeatedGets(delivery.calls) }).toEqual({
      event: `${delivery.name}.${delivery.action}`,
      repeated: [],
    });
  }
}

/** GETs (same path and query) made twice in one event; retried failures are not repeats. */
export function repeatedGets(calls: Harness['deliveries'][number]['calls']): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const call of calls) {
    if (call.method !== 'GET' || call.status >= 500 || call.status === 429 || call.status === 403) continue;
    const query = [...call.query.entries()]
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const key = `${call.path}?${query}`;
    if (seen.has(key)) repeated.push(key);
    seen.add(key);
  }
  return repeated;
}
