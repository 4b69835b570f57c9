/**
 * Team members and repository permissions, looked up once per event (the loader is created per
 * event; nothing outlives it) and only for the people the policy needs.
 */
import type { Directory, Permission } from '../../shared/policy/types.js';
import { PERMISSIONS } from '../../shared/policy/types.js';
import { type EventContext, repoParams } from '../event-context.js';
import { statusOf, toGitHubApiError } from './api-error.js';

export interface DirectoryLoader {
  directory: Directory;
  /** Looks up what is missing; failures (403/404) are recorded as null. */
  fill(needs: { teams: readonly string[]; permissions: readonly string[] }): Promise<void>;
}

export function createDirectoryLoader(ctx: EventContext): DirectoryLoader {
  const teams: Record<string, readonly string[] | null> = {};
  const permissions: Record<string, Permission | null> = {};
  const fill = async (needs: { teams: readonly string[]; permissions: readonly string[] }) => {
    const newTeams = needs.teams.filter((t) => !(t in teams));
    const newLogins = needs.permissions.filter((l) => !(l in permissions));
    await Promise.all([
      ...newTeams.map(async (team) => {
        teams[team] = await fetchTeamMembers(ctx, team);
      }),
      ...newLogins.map(async (login) => {
        permissions[login] = await fetchPermission(ctx, login);
      }),
    ]);
  };
  return { directory: { teams, permissions }, fill };
}

async function fetchTeamMembers(ctx: EventContext, team: string): Promise<string[] | null> {
  const [org = '', slug = ''] = team.split('/');
  try {
    const members = await ctx.octokit.paginate(ctx.octokit.rest.teams.listMembersInOrg, {
      org,
      team_slug: slug,
      per_page: 100,
    });
    return members.map((m) => m.login.toLowerCase());
  } catch (error) {
    return recordFailure(ctx, error, `team ${team}`);
  }
}

async function fetchPermission(ctx: EventContext, login: string): Promise<Permission | null> {
  try {
    const { data } = await ctx.octokit.rest.repos.getCollaboratorPermissionLevel({
      ...repoParams(ctx),
      username: login,
    });
    const role = (PERMISSIONS as readonly string[]).includes(data.role_name)
      ? (data.role_name as Permission)
      : null;
    return (
      role ??
      ((PERMISSIONS as readonly string[]).includes(data.permission) ? (data.permission as Permission) : null)
    );
  } catch (error) {
    if (statusOf(error) === 404) return 'none'; // not a collaborator
    return recordFailure(ctx, error, `the permission of ${login}`);
  }
}

/** 403/404 are answers (no access, no such team) recorded as "unknown"; anything else is thrown. */
function recordFailure(ctx: EventContext, error: unknown, what: string): null {
  const status = statusOf(error);
  if (status !== 403 && status !== 404) throw toGitHubApiError(error, `looking up ${what}`);
  ctx.log.warn({ status, lookup: what }, 'directory lookup failed; the approver does not count');
  return null;
}
