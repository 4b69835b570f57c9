/**
 * Promotion releases: found by tag name (published ones directly; drafts, which that endpoint does
 * not return, in the newest page of the listing), created as drafts, given their assets on the
 * upload host, then published — the order immutable releases require.
 */
import { ModelGateError } from '../../shared/errors.js';
import type { ExistingRelease } from '../../shared/promotion/promotion-types.js';
import { type EventContext, repoParams } from '../event-context.js';
import { call, orNull, statusOf, toGitHubApiError } from '../github/api-error.js';

type Ctx = Pick<EventContext, 'octokit' | 'owner' | 'repo'>;

/** A release with what the App needs to continue it. */
export interface ReleaseHandle extends ExistingRelease {
  uploadUrl: string;
  body: string | null;
  publishedAt: string | null;
  assetIds: Record<string, number>;
}

interface ReleaseLike {
  id: number;
  tag_name: string;
  draft: boolean;
  html_url: string;
  upload_url: string;
  body?: string | null;
  published_at: string | null;
  assets: { id: number; name: string; state: string }[];
}

export function toReleaseHandle(release: ReleaseLike): ReleaseHandle {
  const uploaded = release.assets.filter((asset) => asset.state === 'uploaded');
  return {
    id: release.id,
    tag: release.tag_name,
    draft: release.draft,
    url: release.html_url,
    uploadUrl: release.upload_url,
    body: release.body ?? null,
    publishedAt: release.published_at,
    assets: uploaded.map((asset) => asset.name),
    assetIds: Object.fromEntries(uploaded.map((asset) => [asset.name, asset.id])),
  };
}

/** The release of `tag`, published or draft, or null. */
export async function findReleaseByTag(ctx: Ctx, tag: string): Promise<ReleaseHandle | null> {
  const published = await orNull(`reading the release of ${tag}`, () =>
    ctx.octokit.rest.repos.getReleaseByTag({ ...repoParams(ctx), tag }),
  );
  if (published !== null) return toReleaseHandle(published.data);
  // Drafts are listed (newest first) to users with push access only; the App's is recent.
  const { data } = await call('listing releases', () =>
    ctx.octokit.rest.repos.listReleases({ ...repoParams(ctx), per_page: 100 }),
  );
  const draft = data.find((release) => release.tag_name === tag && release.draft);
  return draft === undefined ? null : toReleaseHandle(draft);
}

/** The newest published releases (one page), newest first. */
export async function listRecentReleases(ctx: Ctx): Promise<ReleaseHandle[]> {
  const { data } = await call('listing releases', () =>
    ctx.octokit.rest.repos.listReleases({ ...repoParams(ctx), per_page: 100 }),
  );
  return data.filter((release) => !release.draft).map(toReleaseHandle);
}

export type CreateReleaseResult = { created: true; release: ReleaseHandle } | { created: false };

/** Creates the draft release of an existing tag; `created: false` when the tag has one already (422). */
export async function createDraftRelease(
  ctx: Ctx,
  input: { tag: string; name: string; body: string; makeLatest: boolean },
): Promise<CreateReleaseResult> {
  try {
    const { data } = await ctx.octokit.rest.repos.createRelease({
      ...repoParams(ctx),
      tag_name: input.tag,
      name: input.name,
      body: input.body,
      draft: true,
      make_latest: input.makeLatest ? 'true' : 'false',
    });
    return { created: true, release: toReleaseHandle(data) };
  } catch (error) {
    if (statusOf(error) === 422) return { created: false };
    throw toGitHubApiError(error, `creating the release of ${input.tag}`);
  }
}

/** Uploads one asset to a draft release; an asset of that name already uploaded counts as done. */
export async function uploadReleaseAsset(
  ctx: Ctx,
  release: Pick<ReleaseHandle, 'uploadUrl' | 'tag'>,
  asset: { name: string; contentType: string; content: string },
): Promise<void> {
  try {
    await ctx.octokit.request({
      method: 'POST',
      url: release.uploadUrl,
      name: asset.name,
      data: asset.content,
      headers: { 'content-type': asset.contentType },
    });
  } catch (error) {
    // 422 already_exists: an earlier attempt uploaded it (the plan skips assets it knows of).
    if (statusOf(error) === 422) return;
    throw toGitHubApiError(error, `uploading ${asset.name} to the release of ${release.tag}`);
  }
}

/** Publishes a draft release. @returns the published release. */
export async function publishRelease(
  ctx: Ctx,
  release: Pick<ReleaseHandle, 'id' | 'tag'>,
  makeLatest: boolean,
): Promise<ReleaseHandle> {
  const { data } = await call(`publishing the release of ${release.tag}`, () =>
    ctx.octokit.rest.repos.updateRelease({
      ...repoParams(ctx),
      release_id: release.id,
      draft: false,
      make_latest: makeLatest ? 'true' : 'false',
    }),
  );
  return toReleaseHandle(data);
}

/** Downloads a release asset's bytes as text, within `maxBytes`, or null when it is gone. */
export async function downloadReleaseAsset(
  ctx: Ctx,
  assetId: number,
  maxBytes: number,
): Promise<string | null> {
  const response = await orNull(`downloading release asset ${assetId}`, () =>
    ctx.octokit.rest.repos.getReleaseAsset({
      ...repoParams(ctx),
      asset_id: assetId,
      headers: { accept: 'application/octet-stream' },
      request: { parseSuccessResponseBody: false },
    }),
  );
  if (response === null) return null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.data as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      throw new ModelGateError('asset_invalid', `Release asset ${assetId} is larger than ${maxBytes} bytes.`);
    }
    chunks.push(chunk);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch (error) {
    throw new ModelGateError('asset_invalid', `Release asset ${assetId} is not UTF-8 text.`, {
      cause: error,
    });
  }
}
