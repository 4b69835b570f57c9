/**
 * Git LFS pointer files (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md): a model kept
 * in LFS is stored in git as a small text file naming the SHA-256 and size of the real content.
 */

/** What a pointer names: the SHA-256 (lower-case hex) and size in bytes of the real file. */
export interface LfsPointer {
  sha256: string;
  size: number;
}

/** Pointers are small: the spec caps them well below this. */
export const MAX_POINTER_BYTES = 1024;

const VERSION_LINE = 'version https://git-lfs.github.com/spec/v1';

/**
 * Reads an LFS pointer. The spec's `version` line must come first, then `oid sha256:<64 hex>` and
 * `size <n>` lines in any order among other `key value` lines.
 * @returns null when the text is not a pointer (then it is the file itself).
 */
export function parseLfsPointer(text: string): LfsPointer | null {
  if (text.length > MAX_POINTER_BYTES) return null;
  const lines = text.split('\n').filter((line) => line.length > 0);
  if (lines[0] !== VERSION_LINE) return null;
  let sha256: string | null = null;
  let size: number | null = null;
  for (const line of lines.slice(1)) {
    const oid = /^oid sha256:([0-9a-f]{64})$/.exec(line);
    if (oid) sha256 = oid[1] as string;
    const bytes = /^size (\d+)$/.exec(line);
    if (bytes) size = Number(bytes[1]);
    if (!oid && !bytes && !/^[a-z0-9.-]+ \S.*$/.test(line)) return null;
  }
  return sha256 !== null && size !== null && Number.isSafeInteger(size) ? { sha256, size } : null;
}
