/** Octokit failures → GitHubApiError (status and request id, never a token or header dump). */
import { GitHubApiError } from '../../shared/errors.js';

interface RequestErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown> };
  request?: { method?: unknown; url?: unknown };
}

/** Wraps an Octokit error; other errors pass through unchanged. */
export function toGitHubApiError(error: unknown, doing: string): unknown {
  if (!isRequestError(error)) return error;
  const requestId = error.response?.headers?.['x-github-request-id'];
  const status = typeof error.status === 'number' ? error.status : undefined;
  const message = `GitHub API error while ${doing}: ${status ?? 'no'} status${describe(error)}`;
  return new GitHubApiError(message, {
    ...(status === undefined ? {} : { status }),
    ...(typeof requestId === 'string' ? { requestId } : {}),
    cause: error,
  });
}

/** The HTTP status of an Octokit error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  return isRequestError(error) && typeof error.status === 'number' ? error.status : undefined;
}

function isRequestError(error: unknown): error is RequestErrorLike {
  return typeof error === 'object' && error !== null && 'status' in error && 'request' in error;
}

function describe(error: RequestErrorLike): string {
  const message = typeof error.message === 'string' ? error.message.split('\n')[0]?.slice(0, 200) : '';
  return message ? ` (${message})` : '';
}

/** Runs a request; a 404 gives null, other failures become GitHubApiError. */
export async function orNull<T>(doing: string, request: () => Promise<T>): Promise<T | null> {
  try {
    return await request();
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw toGitHubApiError(error, doing);
  }
}

/** Runs a request; failures become GitHubApiError. */
export async function call<T>(doing: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toGitHubApiError(error, doing);
  }
}
