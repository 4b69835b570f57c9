/** Reads a whole data file, turning file-system failures into DataErrors that name the file. */
import { readFile } from 'node:fs/promises';
import { DataError } from '../../shared/errors.js';

/** The file's bytes. ENOENT → 'file not found'; a directory or unreadable file → DataError. */
export async function readFileBytes(path: string, file: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw toFileError(error, file);
  }
}

/** Maps a Node file-system error to a DataError naming the file. */
export function toFileError(error: unknown, file: string): DataError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new DataError('file not found', { file }, { cause: error });
  if (code === 'EISDIR') return new DataError('is a directory, not a data file', { file }, { cause: error });
  if (code === 'EACCES' || code === 'EPERM')
    return new DataError('permission denied', { file }, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new DataError(`cannot read the file: ${message}`, { file }, { cause: error });
}
