import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// shared/errors.ts
var ModelGateError = class extends Error {
  code;
  userMessage;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.userMessage = options.userMessage ?? message;
  }
};
var ConfigError = class extends ModelGateError {
  location;
  /** Every problem found (the message holds the first ones); each with its own location. */
  issues;
  constructor(message, location, options = {}) {
    super("config_invalid", `${formatLocation(location)}: ${message}`, options);
    this.location = location;
    this.issues = options.issues ?? [{ location, message }];
  }
};
var DataError = class extends ModelGateError {
  file;
  row;
  column;
  constructor(message, where, options = {}) {
    const parts = [where.file];
    if (where.row !== void 0) parts.push(`row ${where.row}`);
    if (where.column !== void 0) parts.push(`column "${where.column}"`);
    super("data_invalid", `${parts.join(", ")}: ${message}`, options);
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
  }
};
var ModelError = class extends ModelGateError {
  artifact;
  constructor(message, artifact, options = {}) {
    super(options.code ?? "model_invalid", `${artifact}: ${message}`, options);
    this.artifact = artifact;
  }
};
var PathError = class extends ModelGateError {
  constructor(message, options = {}) {
    super("path_invalid", message, options);
  }
};
var GitHubApiError = class extends ModelGateError {
  status;
  requestId;
  constructor(message, details = {}) {
    const suffix = details.requestId ? ` (request id ${details.requestId})` : "";
    super("github_api", `${message}${suffix}`, details.cause === void 0 ? {} : { cause: details.cause });
    this.status = details.status;
    this.requestId = details.requestId;
  }
};
function formatLocation(location) {
  let out = location.file;
  if (location.line !== void 0) out += `:${location.line}`;
  if (location.column !== void 0) out += `:${location.column}`;
  if (location.path) out += ` (${location.path})`;
  return out;
}
function toModelGateError(error) {
  if (error instanceof ModelGateError) return error;
  if (error instanceof Error) return new ModelGateError("internal", error.message, { cause: error });
  return new ModelGateError("internal", String(error));
}

export {
  ModelGateError,
  ConfigError,
  DataError,
  ModelError,
  PathError,
  GitHubApiError,
  formatLocation,
  toModelGateError
};
