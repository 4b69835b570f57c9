/** Streaming SHA-256 of a file (datasets and artifacts can be larger than memory should hold). */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { toFileError } from './read-file-bytes.js';

/** Hex SHA-256 and size in bytes of a file. Throws DataError naming `displayPath` (default `path`). */
export async function hashFile(
  path: string,
  displayPath: string = path,
): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
  } catch (error) {
    throw toFileError(error, displayPath);
  }
  return { sha256: hash.digest('hex'), bytes };
}
