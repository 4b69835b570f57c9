/**
 * Every route the App calls is one GitHub publishes: app/github/routes.json is generated from the
 * Octokit methods the App's source uses (`UPDATE_ROUTES=1` rewrites it), and each entry is
 * checked against the REST description in @octokit/openapi. The simulated API answers only
 * these routes (plus installation tokens), so a wrong path or method fails the App tests.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ProbotOctokit } from 'probot';
import { ROUTES } from './helpers/fake-routes.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const ROUTES_FILE = join(ROOT, 'app/github/routes.json');
const openapi = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json'),
    'utf8',
  ),
) as { paths: Record<string, Record<string, unknown>> };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** `namespace.method` → `METHOD /template`, for every `rest.x.y` in the App's source. */
function buildRoutes(): Record<string, string> {
  const octokit = new ProbotOctokit({ auth: 'x' }) as unknown as {
    rest: Record<string, Record<string, { endpoint: { DEFAULTS: { method: string; url: string } } }>>;
  };
  const used = new Set<string>();
  const out: Record<string, string> = {};
  for (const file of sourceFiles(join(ROOT, 'app'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\brest\.(\w+)\.(\w+)\b/g)) used.add(`${match[1]}.${match[2]}`);
    // Routes written out, as in octokit.request('GET /repos/{owner}/{repo}/…').
    for (const match of text.matchAll(
      /\brequest\(\s*['"`]((?:GET|POST|PATCH|PUT|DELETE) \/[^'"`\s]*)['"`]/g,
    )) {
      out[`request ${match[1]}`] = match[1] as string;
    }
  }
  for (const name of [...used]) {
    const [ns = '', method = ''] = name.split('.');
    const defaults = octokit.rest[ns]?.[method]?.endpoint.DEFAULTS;
    if (defaults === undefined) throw new Error(`app/ uses rest.${name}, which Octokit does not have`);
    out[name] = `${defaults.method} ${defaults.url}`;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

test('routes.json is what the App source calls', () => {
  const routes = buildRoutes();
  if (process.env.UPDATE_ROUTES === '1') writeFileSync(ROUTES_FILE, `${JSON.stringify(routes, null, 2)}\n`);
  expect(JSON.parse(readFileSync(ROUTES_FILE, 'utf8'))).toEqual(routes);
});

test('every route in routes.json is in GitHub’s published REST description', () => {
  const routes = Object.values(JSON.parse(readFileSync(ROUTES_FILE, 'utf8')) as Record<string, string>);
  const missing = routes.filter((route) => {
    const [method = '', path = ''] = route.split(' ');
    return openapi.paths[path]?.[method.toLowerCase()] === undefined;
  });
  expect(missing).toEqual([]);
  expect(routes.length).toBeGreaterThan(10);
});

test('the simulated API answers only published routes that the App declares', () => {
  const declared = new Set(
    Object.values(JSON.parse(readFileSync(ROUTES_FILE, 'utf8')) as Record<string, string>),
  );
  const extra = ROUTES.map((r) => `${r.method} ${r.template}`).filter(
    (route) => !declared.has(route) && route !== 'POST /app/installations/{installation_id}/access_tokens',
  );
  expect(extra).toEqual([]);
  for (const r of ROUTES) expect(openapi.paths[r.template]?.[r.method.toLowerCase()]).toBeDefined();
});

test('a wrong route would be caught: the check is not vacuous', () => {
  expect(openapi.paths['/repos/{owner}/{repo}/checkruns']).toBeUndefined();
  expect(openapi.paths['/repos/{owner}/{repo}/check-runs']?.put).toBeUndefined();
});
