/** Repository files at a ref: raw text, blob SHA (content identity), directory listings. */
import { type EventContext, repoParams } from '../event-context.js';
import { orNull } from './api-error.js';

type Ctx = Pick<EventContext, 'octokit' | 'owner' | 'repo'>;

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * The file's text at `ref` (default: the repository's default branch), or null when it does not
 * exist there (or is a directory). `owner`/`repo` read another repository of the installation.
 */
export async function readText(
  ctx: Ctx,
  where: { path: string; ref?: string; owner?: string; repo?: string },
): Promise<string | null> {
  const ref = where.ref === undefined ? {} : { ref: where.ref };
  const params = {
    ...repoParams(ctx),
    ...pick(where),
    path: where.path,
    ...ref,
    mediaType: { format: 'raw' },
  };
  const response = await orNull(`reading ${where.path}`, () => ctx.octokit.rest.repos.getContent(params));
  if (response === null) return null;
  const data: unknown = response.data;
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return decoder.decode(data);
  return null; // a JSON body for a raw request: a directory or a submodule, not a file
}

/** The git blob SHA of the file at `ref` (equal SHAs = identical content), or null when absent. */
export async function readBlobSha(ctx: Ctx, where: { path: string; ref: string }): Promise<string | null> {
  const response = await orNull(`reading ${where.path}`, () =>
    ctx.octokit.rest.repos.getContent({ ...repoParams(ctx), path: where.path, ref: where.ref }),
  );
  const data = response?.data;
  return data && !Array.isArray(data) && data.type === 'file' ? data.sha : null;
}

/** File names directly in the directory at `ref`, or null when it does not exist. */
export async function listDirectory(
  ctx: Ctx,
  where: { path: string; ref: string },
): Promise<string[] | null> {
  const response = await orNull(`listing ${where.path}`, () =>
    ctx.octokit.rest.repos.getContent({ ...repoParams(ctx), path: where.path, ref: where.ref }),
  );
  const data = response?.data;
  return Array.isArray(data)
    ? data.filter((entry) => entry.type === 'file').map((entry) => entry.name)
    : null;
}

function pick(where: { owner?: string; repo?: string }): { owner?: string; repo?: string } {
  return {
    ...(where.owner === undefined ? {} : { owner: where.owner }),
    ...(where.repo === undefined ? {} : { repo: where.repo }),
  };
}
