/**
 * The SHA-256 of a repository file at a commit, read through the contents API as raw bytes and
 * hashed while streaming (the whole model is never held in memory). A Git LFS pointer stands
 * for the file it names: its `oid` is the SHA-256 of the real content.
 */
import { createHash } from 'node:crypto';
import { ModelGateError } from '../../shared/errors.js';
import { MAX_POINTER_BYTES, parseLfsPointer } from '../../shared/promotion/lfs-pointer.js';
import { type EventContext, repoParams } from '../event-context.js';
import { orNull } from '../github/api-error.js';

/** The contents API serves raw files up to 100 MB. */
export const MAX_RAW_BYTES = 100 * 1024 * 1024;

export interface FileDigest {
  sha256: string;
  /** True when the file is an LFS pointer and the digest is the one it names. */
  lfs: boolean;
}

/**
 * @returns the digest, or null when the path does not exist at `ref` (or is a directory).
 * @throws ModelGateError (`artifact_too_large`) beyond {@link MAX_RAW_BYTES}; GitHubApiError.
 */
export async function fetchFileDigest(
  ctx: Pick<EventContext, 'octokit' | 'owner' | 'repo'>,
  where: { path: string; ref: string },
): Promise<FileDigest | null> {
  const response = await orNull(`reading ${where.path} at ${where.ref.slice(0, 7)}`, () =>
    ctx.octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repoParams(ctx),
      path: where.path,
      ref: where.ref,
      headers: { accept: 'application/vnd.github.raw+json' },
      // GitHub labels raw binary files `charset=utf-8`, which would make Octokit decode them as
      // text and corrupt the bytes: read the body stream ourselves.
      request: { parseSuccessResponseBody: false },
    }),
  );
  if (response === null) return null;
  if (/^application\/json\b/.test(String(response.headers['content-type'] ?? ''))) {
    await cancel(response.data);
    return null; // a directory listing, not a file
  }
  return hashStream(response.data as unknown as ReadableStream<Uint8Array>, where.path);
}

async function hashStream(stream: ReadableStream<Uint8Array>, path: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  const head: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > MAX_RAW_BYTES) {
      throw new ModelGateError(
        'artifact_too_large',
        `${path} is larger than ${MAX_RAW_BYTES} bytes; its digest cannot be checked through the GitHub API.`,
      );
    }
    if (total <= MAX_POINTER_BYTES) head.push(chunk);
    hash.update(chunk);
  }
  if (total <= MAX_POINTER_BYTES) {
    const pointer = parseLfsPointer(Buffer.concat(head).toString('utf8'));
    if (pointer !== null) return { sha256: pointer.sha256, lfs: true };
  }
  return { sha256: hash.digest('hex'), lfs: false };
}

async function cancel(body: unknown): Promise<void> {
  const stream = body as { cancel?: () => Promise<void> } | null;
  await stream?.cancel?.().catch(() => undefined);
}

/** SHA-256 of text as UTF-8 (report assets). */
export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
