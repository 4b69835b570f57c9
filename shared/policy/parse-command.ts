/**
 * Comment commands addressed to ModelGate: `/modelgate approve [rule]`, `/modelgate revoke`,
 * `/modelgate recheck` and `/modelgate rollback <model> <version> <reason>`.
 */

/** A parsed command; `rollback` is reserved for promotions (PRODUCT.md §5). */
export type Command =
  | { kind: 'approve'; rule?: string }
  | { kind: 'revoke' }
  | { kind: 'recheck' }
  | { kind: 'rollback'; model: string; version: string; reason: string }
  /** A line starting with `/modelgate` that is not a valid command; `message` says what is expected. */
  | { kind: 'invalid'; message: string };

const USAGE =
  'Commands: /modelgate approve [rule name], /modelgate revoke, /modelgate recheck, /modelgate rollback <model> <version> <reason>.';

/**
 * Finds the first command in a comment body. A command is a line that starts with `/modelgate`
 * (leading spaces allowed). Quoted lines (`> …`) and fenced code blocks are skipped, so quoting or
 * documenting someone's command never issues it.
 * @returns the command, or null when the body contains none.
 */
export function parseCommand(body: string): Command | null {
  let fence: string | null = null;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined) {
      if (fence === null) fence = marker[0] as string;
      else if (marker[0] === fence) fence = null;
      continue;
    }
    if (fence !== null || line.startsWith('>')) continue;
    const match = /^\/modelgate(?:\s+(.*))?$/i.exec(line);
    if (match) return parseWords((match[1] ?? '').trim());
  }
  return null;
}

function parseWords(rest: string): Command {
  const [verb = '', ...args] = rest.split(/\s+/).filter((word) => word.length > 0);
  const tail = args.join(' ');
  switch (verb.toLowerCase()) {
    case 'approve':
      return tail.length > 0 ? { kind: 'approve', rule: tail } : { kind: 'approve' };
    case 'revoke':
      return tail.length > 0 ? invalid('/modelgate revoke takes no arguments.') : { kind: 'revoke' };
    case 'recheck':
      return tail.length > 0 ? invalid('/modelgate recheck takes no arguments.') : { kind: 'recheck' };
    case 'rollback':
      return parseRollback(args);
    case '':
      return invalid(`No command given. ${USAGE}`);
    default:
      return invalid(`Unknown command "${verb}". ${USAGE}`);
  }
}

function parseRollback(args: string[]): Command {
  const [model, version, ...reason] = args;
  if (model === undefined || version === undefined || reason.length === 0) {
    return invalid(
      'Usage: /modelgate rollback <model> <version> <reason>, e.g. /modelgate rollback churn 1.2.0 AUC dropped in production.',
    );
  }
  const plain = version.replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(plain)) {
    return invalid(`"${version}" is not a version; expected a semantic version such as 1.2.0.`);
  }
  return { kind: 'rollback', model, version: plain, reason: reason.join(' ') };
}

function invalid(message: string): Command {
  return { kind: 'invalid', message };
}
