/**
 * Promotion tags through the git database API: list a model's tags by prefix, peel a tag to its
 * commit and annotation, create an annotated tag (tag object, then ref) and tell a conflicting
 * ref apart (`422 Reference already exists`).
 */
import type { PeeledTag } from '../../shared/promotion/promotion-types.js';
import { type EventContext, repoParams } from '../event-context.js';
import { call, orNull, statusOf, toGitHubApiError } from '../github/api-error.js';

type Ctx = Pick<EventContext, 'octokit' | 'owner' | 'repo'>;

/** What a tag ref points at: a tag object (annotated) or a commit (lightweight). */
export interface RefObject {
  type: string;
  sha: string;
}

/** Tags starting with `prefix`, by name (without `refs/tags/`), with what each ref points at. */
export async function listTagsWithPrefix(ctx: Ctx, prefix: string): Promise<Map<string, RefObject>> {
  const refs = await call(`listing the tags starting with ${prefix}`, () =>
    ctx.octokit.paginate(ctx.octokit.rest.git.listMatchingRefs, {
      ...repoParams(ctx),
      ref: `tags/${prefix}`,
      per_page: 100,
    }),
  );
  return new Map(
    refs.map((ref) => [ref.ref.replace(/^refs\/tags\//, ''), { type: ref.object.type, sha: ref.object.sha }]),
  );
}

/** The tag's ref object (a tag object or a commit), or null when the tag does not exist. */
export async function readTagRef(ctx: Ctx, tag: string): Promise<RefObject | null> {
  const response = await orNull(`reading the tag ${tag}`, () =>
    ctx.octokit.rest.git.getRef({ ...repoParams(ctx), ref: `tags/${tag}` }),
  );
  return response === null ? null : { type: response.data.object.type, sha: response.data.object.sha };
}

/** The commit a tag points at, with its annotation (one more call for an annotated tag). */
export async function peelTag(ctx: Ctx, tag: string, object: RefObject): Promise<PeeledTag> {
  if (object.type !== 'tag') return { tag, commit: object.sha, message: null, taggedAt: null };
  const { data } = await call(`reading the tag object of ${tag}`, () =>
    ctx.octokit.rest.git.getTag({ ...repoParams(ctx), tag_sha: object.sha }),
  );
  // A tag of a tag: its target is not a commit; treat it as pointing nowhere we promote.
  const commit = data.object.type === 'commit' ? data.object.sha : '';
  return { tag, commit, message: data.message, taggedAt: data.tagger?.date ?? null };
}

export type CreateTagResult = { created: true } | { created: false; existing: PeeledTag };

/**
 * Creates an annotated tag at `commit`: the tag object, then `refs/tags/<tag>`. When the ref
 * exists already (a concurrent promotion, or an earlier attempt), reads what it points at.
 */
export async function createAnnotatedTag(
  ctx: Ctx,
  input: { tag: string; commit: string; message: string },
): Promise<CreateTagResult> {
  const { data: object } = await call(`creating the tag object ${input.tag}`, () =>
    ctx.octokit.rest.git.createTag({
      ...repoParams(ctx),
      tag: input.tag,
      message: input.message,
      object: input.commit,
      type: 'commit',
    }),
  );
  try {
    await ctx.octokit.rest.git.createRef({
      ...repoParams(ctx),
      ref: `refs/tags/${input.tag}`,
      sha: object.sha,
    });
    return { created: true };
  } catch (error) {
    if (statusOf(error) !== 422) throw toGitHubApiError(error, `creating the tag ${input.tag}`);
    const ref = await readTagRef(ctx, input.tag);
    // 422 without an existing ref is another validation failure: report it as it is.
    if (ref === null) throw toGitHubApiError(error, `creating the tag ${input.tag}`);
    return { created: false, existing: await peelTag(ctx, input.tag, ref) };
  }
}
