/**
 * The trusted configuration: `.github/modelgate.yml` read from the default branch (never the pull
 * request's head), falling back to the owner's `.github` repository like Probot's `context.config`,
 * with `_extends` chains for organisation defaults.
 */
import { LineCounter, parseDocument, stringify } from 'yaml';
import { buildConfigError, parseConfig } from '../../shared/config/parse-config.js';
import type { Config } from '../../shared/config/types.js';
import { ConfigError } from '../../shared/errors.js';
import {
  type ConfigRef,
  locateKeyPath,
  mergeConfigs,
  type ParsedSource,
  parseExtends,
} from '../core/merge-config.js';
import type { EventContext } from '../event-context.js';
import { readText } from './contents.js';

export const CONFIG_PATH = '.github/modelgate.yml';
const MAX_EXTENDS = 5;

interface Loaded extends ParsedSource {
  ref: ConfigRef;
  text: string;
}

/**
 * Loads and validates the trusted configuration.
 * @returns null when neither the repository nor its owner's `.github` repository has one.
 * @throws ConfigError naming the file (and line) of every problem; GitHubApiError on API failures.
 */
export async function loadTrustedConfig(ctx: EventContext): Promise<Config | null> {
  const first = await loadFirst(ctx);
  if (first === null) return null;
  const chain = await loadExtends(ctx, first);
  if (chain.length === 1) return parseConfig(first.text, first.file);
  const merged = mergeConfigs(chain.map((source) => source.doc.toJS()).reverse());
  try {
    return parseConfig(stringify(merged), first.file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const issues = error.issues.map((issue) => ({
      message: issue.message,
      location: locateKeyPath(issue.location.path, chain) ?? {
        file: first.file,
        ...pathOf(issue.location.path),
      },
    }));
    throw buildConfigError(issues);
  }
}

/** Parses configuration text read from another ref (the pull request's head, for simulations). */
export function parseConfigText(text: string): Config {
  return parseConfig(text, CONFIG_PATH);
}

async function loadFirst(ctx: EventContext): Promise<Loaded | null> {
  const own = await readText(ctx, { path: CONFIG_PATH, ref: ctx.defaultBranch });
  if (own !== null) return parse(own, { owner: ctx.owner, repo: ctx.repo, path: CONFIG_PATH }, CONFIG_PATH);
  if (ctx.repo === '.github') return null;
  const ref = { owner: ctx.owner, repo: '.github', path: CONFIG_PATH };
  const shared = await readText(ctx, ref);
  return shared === null ? null : parse(shared, ref, label(ref));
}

async function loadExtends(ctx: EventContext, first: Loaded): Promise<Loaded[]> {
  const chain = [first];
  let current = first;
  while (current.doc.errors.length === 0 && current.doc.has('_extends')) {
    const value = current.doc.get('_extends');
    const where = locateKeyPath('_extends', [current]) ?? { file: current.file, path: '_extends' };
    const ref = parseExtends(value, current.ref);
    if (ref === null) throw new ConfigError('expected repo, owner/repo or owner/repo:path.yml', where);
    if (chain.some((c) => c.ref.owner === ref.owner && c.ref.repo === ref.repo && c.ref.path === ref.path)) {
      throw new ConfigError(`_extends loops back to ${label(ref)}`, where);
    }
    if (chain.length > MAX_EXTENDS)
      throw new ConfigError(`more than ${MAX_EXTENDS} levels of _extends`, where);
    const text = await readText(ctx, ref);
    if (text === null) {
      throw new ConfigError(
        `${label(ref)} does not exist or is not readable by the App (is it installed there?)`,
        where,
      );
    }
    current = parse(text, ref, label(ref));
    chain.push(current);
  }
  // A syntax error in a base is reported by parsing that file on its own.
  for (const source of chain) if (source.doc.errors.length > 0) parseConfig(source.text, source.file);
  return chain;
}

function parse(text: string, ref: ConfigRef, file: string): Loaded {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return { ref, text, file, doc, lineCounter };
}

function label(ref: ConfigRef): string {
  return `${ref.owner}/${ref.repo}:${ref.path}`;
}

function pathOf(path: string | undefined): { path?: string } {
  return path === undefined ? {} : { path };
}
