/**
 * Who may approve for a rule: the `require` block against the looked-up directory.
 */
import type { ApprovalRule } from '../config/types.js';
import { type Directory, PERMISSIONS, type Permission } from './types.js';

type Requirement = ApprovalRule['require'];

/** `eligible: null` = a lookup is missing (see `needs`). */
export type Eligibility =
  | { eligible: true }
  | { eligible: false; reason: string; lookupFailed?: true }
  | { eligible: null; needs: { teams: string[]; permissions: string[] } };

/**
 * The lowest permission an approver needs: `permission` when set; `write` when the rule names
 * neither users nor teams (so "anyone" never means anyone on GitHub); else none.
 */
export function requiredPermission(require: Requirement): Permission | null {
  if (require.permission !== undefined) return require.permission;
  return require.users.length === 0 && require.teams.length === 0 ? 'write' : null;
}

/** `slug` → `owner/slug`, `org/slug` kept, `@` dropped; lower case (GitHub names are case-insensitive). */
export function normalizeTeam(team: string, owner: string): string {
  const name = team.replace(/^@/, '');
  return (name.includes('/') ? name : `${owner}/${name}`).toLowerCase();
}

/**
 * Whether `login` may approve under `require`: they must be one of `users` or a member of one of
 * `teams` (when either is given), and hold at least `requiredPermission(require)`.
 */
export function checkEligibility(
  login: string,
  require: Requirement,
  context: { owner: string; directory: Directory },
): Eligibility {
  const who = checkWho(login, require, context);
  if (who.eligible !== true) return who;
  const floor = requiredPermission(require);
  if (floor === null) return { eligible: true };
  const key = login.toLowerCase();
  if (!(key in context.directory.permissions))
    return { eligible: null, needs: { teams: [], permissions: [key] } };
  const held = context.directory.permissions[key] ?? null;
  if (held === null) {
    return {
      eligible: false,
      reason: 'their repository permission could not be looked up',
      lookupFailed: true,
    };
  }
  return rank(held) >= rank(floor)
    ? { eligible: true }
    : { eligible: false, reason: `they have ${held} permission; the rule needs ${floor} or higher` };
}

function checkWho(
  login: string,
  require: Requirement,
  context: { owner: string; directory: Directory },
): Eligibility {
  if (require.users.length === 0 && require.teams.length === 0) return { eligible: true };
  const key = login.toLowerCase();
  if (require.users.some((user) => user.replace(/^@/, '').toLowerCase() === key)) return { eligible: true };
  const teams = require.teams.map((team) => normalizeTeam(team, context.owner));
  const missing = teams.filter((team) => !(team in context.directory.teams));
  for (const team of teams) {
    if (context.directory.teams[team]?.includes(key)) return { eligible: true };
  }
  if (missing.length > 0) return { eligible: null, needs: { teams: missing, permissions: [] } };
  const failed = teams.filter((team) => context.directory.teams[team] === null);
  if (failed.length > 0) {
    const reason = `the members of ${failed.join(', ')} could not be looked up`;
    return { eligible: false, reason, lookupFailed: true };
  }
  return { eligible: false, reason: `they are not ${describeWho(require, context.owner)}` };
}

/** "bob or a member of acme/ml-leads" — who a rule names, in words. */
export function describeWho(require: Requirement, owner: string): string {
  const users = require.users.map((user) => user.replace(/^@/, ''));
  const teams = require.teams.map((team) => `a member of ${normalizeTeam(team, owner)}`);
  const names = [...users, ...teams];
  if (names.length === 0) return 'anyone';
  if (names.length === 1) return names[0] as string;
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

function rank(permission: Permission): number {
  return PERMISSIONS.indexOf(permission);
}
