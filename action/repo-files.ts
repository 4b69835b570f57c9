/** Repository-relative paths from the configuration, checked to stay inside the checkout. */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { resolveRepoPath } from '../shared/config/paths.js';
import { PathError } from '../shared/errors.js';

/**
 * Resolves a configured path to an absolute file inside `root`, following symlinks: a path that
 * escapes (`..`, absolute, or a symlink out of the checkout) is a PathError naming the key.
 * A missing file resolves lexically (the reader then reports "file not found").
 */
export async function resolveInsideRepo(root: string, configured: string, key: string): Promise<string> {
  const relative = resolveRepoPath(configured, key);
  const lexical = path.join(root, relative);
  let real: string;
  try {
    real = await realpath(lexical);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return lexical;
    throw error;
  }
  const realRoot = await realpath(root);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw new PathError(
      `${key}: "${configured}" resolves (through a symbolic link) to ${real}, outside the repository; paths must stay inside the checkout.`,
    );
  }
  return real;
}
