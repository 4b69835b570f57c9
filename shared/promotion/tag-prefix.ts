/**
 * The fixed beginning of a model's promotion tags, for listing them by prefix
 * (`GET /repos/{owner}/{repo}/git/matching-refs/tags/{prefix}`) instead of listing every tag.
 */
import { parseTagPattern, renderPattern, type TagPattern } from './tag-pattern.js';

/**
 * Everything the pattern fixes before `{version}` for `model`: `churn@v` for `{model}@v{version}`,
 * `models/team/churn/` for `models/{model}/{version}`, `v` for `v{version}/{model}`. Every tag of
 * the model starts with it; tags of other models may too, so filter the listing with
 * `resolveLatestVersion` or `matchPromotionTag`.
 * @throws ConfigError for an invalid pattern string.
 */
export function buildTagPrefix(pattern: string | TagPattern, model: string): string {
  const parsed = typeof pattern === 'string' ? parseTagPattern(pattern) : pattern;
  const end = parsed.parts.findIndex((part) => part.kind === 'version');
  return renderPattern(parsed.parts.slice(0, end), model, '');
}
