/**
 * One error hierarchy for the whole product. Every error carries a stable `code`, an optional
 * `cause`, and a markdown-safe `userMessage`: what happened, why there is no verdict, what to do.
 */
export class ModelGateError extends Error {
  readonly code: string;
  readonly userMessage: string;

  constructor(code: string, message: string, options: { cause?: unknown; userMessage?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.userMessage = options.userMessage ?? message;
  }
}

/** Where in a YAML/JSON file something went wrong. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  /** Key path such as `models.churn.gates.roc_auc.min`. */
  path?: string;
}

/** Invalid configuration: names file, line, column and key path. */
export class ConfigError extends ModelGateError {
  readonly location: SourceLocation;
  /** Every problem found (the message holds the first ones); each with its own location. */
  readonly issues: readonly { location: SourceLocation; message: string }[];

  constructor(
    message: string,
    location: SourceLocation,
    options: { cause?: unknown; issues?: readonly { location: SourceLocation; message: string }[] } = {},
  ) {
    super('config_invalid', `${formatLocation(location)}: ${message}`, options);
    this.location = location;
    this.issues = options.issues ?? [{ location, message }];
  }
}

/** Bad data: names the file, the 1-based data row (header excluded) and the column. */
export class DataError extends ModelGateError {
  readonly file: string;
  readonly row: number | undefined;
  readonly column: string | undefined;

  constructor(
    message: string,
    where: { file: string; row?: number; column?: string },
    options: { cause?: unknown } = {},
  ) {
    const parts = [where.file];
    if (where.row !== undefined) parts.push(`row ${where.row}`);
    if (where.column !== undefined) parts.push(`column "${where.column}"`);
    super('data_invalid', `${parts.join(', ')}: ${message}`, options);
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
  }
}

/** A model that cannot be loaded or run, or whose outputs are unusable. */
export class ModelError extends ModelGateError {
  readonly artifact: string;

  constructor(message: string, artifact: string, options: { cause?: unknown; code?: string } = {}) {
    super(options.code ?? 'model_invalid', `${artifact}: ${message}`, options);
    this.artifact = artifact;
  }
}

/** A path in the configuration that leaves the repository. */
export class PathError extends ModelGateError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('path_invalid', message, options);
  }
}

/** A GitHub API failure. Never carries a token. */
export class GitHubApiError extends ModelGateError {
  readonly status: number | undefined;
  readonly requestId: string | undefined;

  constructor(message: string, details: { status?: number; requestId?: string; cause?: unknown } = {}) {
    const suffix = details.requestId ? ` (request id ${details.requestId})` : '';
    super('github_api', `${message}${suffix}`, details.cause === undefined ? {} : { cause: details.cause });
    this.status = details.status;
    this.requestId = details.requestId;
  }
}

/** Formats `file:line:column (key path)` for messages. */
export function formatLocation(location: SourceLocation): string {
  let out = location.file;
  if (location.line !== undefined) out += `:${location.line}`;
  if (location.column !== undefined) out += `:${location.column}`;
  if (location.path) out += ` (${location.path})`;
  return out;
}

/** Narrows an unknown thrown value to a ModelGateError, wrapping anything else. */
export function toModelGateError(error: unknown): ModelGateError {
  if (error instanceof ModelGateError) return error;
  if (error instanceof Error) return new ModelGateError('internal', error.message, { cause: error });
  return new ModelGateError('internal', String(error));
}
