/**
 * The sign-off engine's vocabulary (PRODUCT.md §4): the facts the App gathers from GitHub and the
 * verified report, and the state the engine returns. Plain data, no behaviour.
 */
import type { RiskTier } from '../config/types.js';
import type { Verdict } from '../report/schema.js';

/** Repository permission levels, weakest first (GitHub's role names). */
export const PERMISSIONS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Worst status of a model's fairness checks; `none` when it has no fairness check. */
export type FairnessOutcome = 'pass' | 'warn' | 'fail' | 'none';

/**
 * What the policy knows about one model the pull request changes. The gate fields are null until
 * a verified report exists for the head commit (rules depending on them then wait).
 */
export interface ModelFacts {
  name: string;
  /** From the trusted (default-branch) configuration. */
  risk: RiskTier;
  verdict: Verdict | null;
  fairness: FairnessOutcome | null;
  regressed: boolean | null;
  /** The report's `evaluationDigest`: what approvals are bound to. */
  evaluationDigest: string | null;
}

/** One approval or revocation, from a review or a comment command, in any order. */
export interface ApprovalEvent {
  login: string;
  /** ISO 8601 time it was given (orders events; the later one wins). */
  at: string;
  kind: 'approve' | 'revoke';
  via: 'review' | 'comment';
  isBot: boolean;
  /** The rule named in `/modelgate approve <rule>`; absent = every rule. */
  rule?: string;
  /**
   * Evaluation digests per model of the commit the approval was given on (bound content), or
   * null when that commit has no verified report.
   */
  digests: Readonly<Record<string, string>> | null;
}

/**
 * Team members and permissions the App looked up (once per event). Team keys are `org/slug`
 * in lower case, logins in lower case; `null` = the lookup failed (counts as "not a member").
 */
export interface Directory {
  teams: Readonly<Record<string, readonly string[] | null>>;
  permissions: Readonly<Record<string, Permission | null>>;
}

/** Everything the engine decides on, gathered by the App for one event. */
export interface SignoffFacts {
  /** Login of the pull request's author. */
  author: string;
  /** Owner of the repository: the organisation of team slugs written without `org/`. */
  owner: string;
  /** Models the pull request changes. */
  models: ModelFacts[];
  /** Paths changed by the pull request; null when not looked up (rules with `changed` then wait). */
  changedFiles: readonly string[] | null;
  approvals: readonly ApprovalEvent[];
  directory: Directory;
}

/** An approval that counts for a rule. */
export interface Approver {
  login: string;
  at: string;
  via: 'review' | 'comment';
}

/** An approval that does not count for a rule, and why (a plain sentence). */
export interface IgnoredApproval {
  login: string;
  reason: string;
}

/**
 * `waiting`: cannot be decided yet (no verified report); `pending`: applies and needs approvals;
 * `satisfied`; `not_applicable`: its conditions do not match.
 */
export type RuleStatus = 'not_applicable' | 'satisfied' | 'pending' | 'waiting';

/** The outcome of one rule, with everything the sign-off check shows about it. */
export interface RuleState {
  name: string;
  status: RuleStatus;
  /** Why the rule applies, does not apply, or cannot be decided yet. */
  reason: string;
  /** Models the rule applies to (its approvals are bound to their digests). */
  models: string[];
  required: number;
  approvers: Approver[];
  ignored: IgnoredApproval[];
  /** Who is still needed, as a plain sentence; '' when satisfied or not applicable. */
  needed: string;
}

/** The sign-off decision: `satisfied` only when every applicable rule is satisfied. */
export interface SignoffState {
  status: 'satisfied' | 'pending' | 'error';
  rules: RuleState[];
  /** One plain sentence for the check run title. */
  summary: string;
  /** Problems that prevent a decision (e.g. a team that could not be looked up). */
  errors: string[];
  /** Other things worth saying, e.g. an approval naming a rule that does not exist. */
  notes: string[];
}
