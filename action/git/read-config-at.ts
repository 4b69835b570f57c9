/** The configuration file as it was at a revision (the base of a pull request, a promotion tag). */
import { parseConfig } from '../../shared/config/parse-config.js';
import type { Config } from '../../shared/config/types.js';
import type { Git } from './git.js';

/**
 * Reads and parses `configPath` at `rev`. Messages name the file as `<path>@<short commit>`, so a
 * problem in an older revision is not mistaken for one in the working tree.
 * @returns null when the file does not exist at that revision (e.g. ModelGate is being added).
 * @throws ConfigError when it exists but is invalid; GitError when `rev` does not exist.
 */
export async function readConfigAt(git: Git, rev: string, configPath: string): Promise<Config | null> {
  const bytes = await git.showFile(rev, configPath);
  if (bytes === null) return null;
  const commit = await git.revParse(`${rev}^{commit}`);
  return parseConfig(bytes.toString('utf8'), `${configPath}@${commit.slice(0, 7)}`);
}
