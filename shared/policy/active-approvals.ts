/**
 * Reviews and comment commands in time order → the approvals that still stand per person.
 */
import type { ApprovalEvent } from './types.js';

/**
 * The approvals that stand, per login (lower case), oldest first: a `revoke` withdraws every
 * earlier approval of that person (from reviews and comments alike); a later approval counts
 * again. Events are ordered by time; equal times keep their input order.
 */
export function buildActiveApprovals(events: readonly ApprovalEvent[]): Map<string, ApprovalEvent[]> {
  const ordered = events
    .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
    .sort((a, b) => (a.time === b.time ? a.index - b.index : compareTimes(a.time, b.time)));
  const active = new Map<string, ApprovalEvent[]>();
  for (const { event } of ordered) {
    const key = event.login.toLowerCase();
    if (event.kind === 'revoke') active.delete(key);
    else active.set(key, [...(active.get(key) ?? []), event]);
  }
  return active;
}

/** Unparseable times sort first, so they never override a well-formed later event. */
function compareTimes(a: number, b: number): number {
  if (Number.isNaN(a)) return -1;
  if (Number.isNaN(b)) return 1;
  return a - b;
}

/**
 * Each person's latest standing approval that targets `rule` (approvals without a rule target
 * every rule; rule names compare case-insensitively), oldest first.
 */
export function selectRuleApprovals(active: Map<string, ApprovalEvent[]>, rule: string): ApprovalEvent[] {
  const name = rule.trim().toLowerCase();
  const latest: ApprovalEvent[] = [];
  for (const approvals of active.values()) {
    const targeting = approvals.filter((a) => a.rule === undefined || a.rule.trim().toLowerCase() === name);
    const last = targeting.at(-1);
    if (last !== undefined) latest.push(last);
  }
  return latest.sort((a, b) => compareTimes(Date.parse(a.at), Date.parse(b.at)));
}

/** Approvals naming a rule that the policy does not have (they count nowhere). */
export function findUnknownRuleApprovals(
  active: Map<string, ApprovalEvent[]>,
  rules: readonly string[],
): ApprovalEvent[] {
  const names = new Set(rules.map((rule) => rule.trim().toLowerCase()));
  return [...active.values()]
    .flat()
    .filter((a) => a.rule !== undefined && !names.has(a.rule.trim().toLowerCase()));
}
