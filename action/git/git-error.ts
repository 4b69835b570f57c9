/**
 * Failures of the `git` CLI as typed errors. Arguments and stderr are redacted before they reach a
 * message: a remote URL or an extra header may carry a token.
 */
import type { ExecFileException } from 'node:child_process';
import { ModelGateError } from '../../shared/errors.js';

const STDERR_TAIL_CHARS = 2000;

/** A git command that failed: its (redacted) arguments, exit code and the tail of its stderr. */
export class GitError extends ModelGateError {
  readonly args: readonly string[];
  /** The exit code, or null when git could not be started or was killed. */
  readonly exitCode: number | null;
  readonly stderrTail: string;

  constructor(
    message: string,
    details: {
      args: readonly string[];
      exitCode: number | null;
      stderr: string;
      code?: string;
      cause?: unknown;
    },
    secrets: readonly string[] = [],
  ) {
    const stderrTail = redactSecrets(tail(details.stderr.trim(), STDERR_TAIL_CHARS), secrets);
    const args = details.args.map((a) => redactSecrets(a, secrets));
    const full = stderrTail === '' ? message : `${message}: ${stderrTail}`;
    super(
      details.code ?? 'git_failed',
      redactSecrets(full, secrets),
      details.cause === undefined ? {} : { cause: details.cause },
    );
    this.args = args;
    this.exitCode = details.exitCode;
    this.stderrTail = stderrTail;
  }
}

function tail(text: string, chars: number): string {
  return text.length <= chars ? text : `…${text.slice(text.length - chars)}`;
}

/**
 * Removes credentials from text: URL user-info (`https://x-access-token:TOKEN@host`), HTTP
 * authorization headers, GitHub token formats, and any explicitly given secret.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@')
    .replace(/(authorization:\s*)(basic|bearer|token)?\s*[^\s'"]+/gi, '$1***')
    .replace(/\b(gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{20,})\b/g, '***');
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

/** Turns a failed `execFile` of git into a GitError with a readable message. */
export function toGitError(
  args: readonly string[],
  error: ExecFileException,
  stderr: string,
  secrets?: readonly string[],
): GitError {
  const exitCode = typeof error.code === 'number' ? error.code : null;
  const details = { args, exitCode, stderr, cause: error };
  const command = commandName(args);
  if (error.code === 'ENOENT')
    return new GitError('git is not installed or not on PATH', { ...details, code: 'git_missing' }, secrets);
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return new GitError(`git ${command} produced more output than the configured limit`, details, secrets);
  }
  const how =
    exitCode === null ? `was stopped (${error.code ?? 'signal'})` : `failed with exit code ${exitCode}`;
  return new GitError(`git ${command} ${how}`, details, secrets);
}

/** The subcommand, skipping global options such as `-c key=value`. */
function commandName(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c' || args[i] === '-C') i++;
    else if (!args[i]!.startsWith('-')) return args[i]!;
  }
  return '';
}
