/**
 * Every GitHub route monitor mode calls is one GitHub publishes: the calls are read from the
 * source of action/monitor/ and checked against the REST description in @octokit/openapi.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const DIR = new URL('../../../action/monitor/', import.meta.url).pathname;
const openapi = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json'),
    'utf8',
  ),
) as { paths: Record<string, Record<string, unknown>> };

/** `METHOD /path` of every request(), paginate() and downloadAsset() call, `${…}` as `{}`. */
function calledRoutes(): string[] {
  const routes = new Set<string>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(DIR, file), 'utf8');
    const normal = (path: string) =>
      path.replace(/\$\{repository\}/g, '{owner}/{repo}').replace(/\$\{[^}]*\}/g, '{}');
    for (const m of text.matchAll(/\.request(?:<[^>]*>)?\(\s*'(GET|POST|PATCH|PUT|DELETE)',\s*`(\/[^`]+)`/g))
      routes.add(`${m[1]} ${normal(m[2]!)}`);
    for (const m of text.matchAll(/\.(paginate|downloadAsset)(?:<[^>]*>)?\(\s*`([^`]+)`/g))
      routes.add(`GET ${normal(m[2]!)}`);
    for (const m of text.matchAll(/\.request(?:<[^>]*>)?\(\s*'(GET|POST|PATCH|PUT|DELETE)',\s*(\w+)\b/g)) {
      const constant = new RegExp(`const ${m[2]} = \`([^\`]+)\``).exec(text);
      if (constant) routes.add(`${m[1]} ${normal(constant[1]!)}`);
    }
    for (const m of text.matchAll(/\.request(?:<[^>]*>)?\(\s*'(PATCH)',\s*`\$\{(\w+)\}([^`]*)`/g)) {
      const constant = new RegExp(`const ${m[2]} = \`([^\`]+)\``).exec(text);
      if (constant) routes.add(`${m[1]} ${normal(constant[1]! + m[3]!)}`);
    }
  }
  return [...routes].sort();
}

function published(route: string): boolean {
  const [method = '', path = ''] = route.split(' ');
  return Object.entries(openapi.paths).some(
    ([template, methods]) =>
      template.replace(/\{[^}]+\}/g, '{}') === path.replace(/\{[^}]*\}/g, '{}') &&
      methods[method.toLowerCase()] !== undefined,
  );
}

test('the routes monitor mode calls', () => {
  expect(calledRoutes()).toEqual([
    'GET /repos/{owner}/{repo}/issues',
    'GET /repos/{owner}/{repo}/releases/assets/{}',
    'GET /repos/{owner}/{repo}/releases/tags/{}',
    'PATCH /repos/{owner}/{repo}/issues/{}',
    'POST /repos/{owner}/{repo}/issues',
    'POST /repos/{owner}/{repo}/labels',
  ]);
});

test('each is in GitHub’s published REST description', () => {
  expect(calledRoutes().filter((route) => !published(route))).toEqual([]);
});

test('the check is not vacuous: a wrong route or method is caught', () => {
  expect(published('GET /repos/{owner}/{repo}/release/tags/{}')).toBe(false);
  expect(published('PUT /repos/{owner}/{repo}/labels')).toBe(false);
});
