/**
 * The App keeps no state of its own: what it verified about a head commit (the report's model
 * facts and the digests of earlier heads, for binding approvals) travels in a hidden marker in
 * its own evaluation check run, which only this App can write.
 */
import { z } from 'zod';
import type { ModelFacts } from '../../shared/policy/types.js';

const PREFIX = '<!-- modelgate:facts:';
const SUFFIX = ' -->';
/** Heads remembered for binding approvals (older approvals simply stop counting). */
export const MAX_COMMITS = 50;

const modelFactsSchema = z.strictObject({
  name: z.string(),
  risk: z.enum(['low', 'medium', 'high']),
  verdict: z.enum(['pass', 'fail', 'inconclusive', 'error']).nullable(),
  fairness: z.enum(['pass', 'warn', 'fail', 'none']).nullable(),
  regressed: z.boolean().nullable(),
  evaluationDigest: z.string().nullable(),
});

const commitSchema = z.strictObject({
  sha: z.string(),
  /** When the App first saw it as the pull request's head (GitHub's time of the push event). */
  at: z.string(),
  digests: z.record(z.string(), z.string()).nullable(),
});
export type CommitRecord = z.infer<typeof commitSchema>;

const factsSchema = z.strictObject({
  v: z.literal(1),
  pr: z.number().int(),
  /** Login of the pull request's author (it never changes), from GitHub's own payload or API. */
  author: z.string().optional(),
  head: z.string(),
  /** Workflow run of the verified report; null while none is verified. */
  run: z.number().int().nullable(),
  models: z.array(modelFactsSchema).nullable(),
  commits: z.array(commitSchema).max(MAX_COMMITS),
});
export type HeadFacts = z.infer<typeof factsSchema>;

/** The marker to append to the evaluation check's summary. */
export function encodeFacts(facts: HeadFacts): string {
  // base64url: no `-->` or markdown can appear inside the comment.
  return `${PREFIX}${Buffer.from(JSON.stringify(facts)).toString('base64url')}${SUFFIX}`;
}

/** The facts in a summary written by this App, or null when absent or not readable. */
export function decodeFacts(summary: string | null | undefined): HeadFacts | null {
  if (!summary) return null;
  const start = summary.lastIndexOf(PREFIX);
  if (start === -1) return null;
  const end = summary.indexOf(SUFFIX, start + PREFIX.length);
  if (end === -1) return null;
  try {
    const json: unknown = JSON.parse(
      Buffer.from(summary.slice(start + PREFIX.length, end), 'base64url').toString('utf8'),
    );
    const parsed = factsSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    // Unreadable facts are treated as absent: nothing verified, approvals unbound (fail closed).
    return null;
  }
}

/** Facts for a head seen for the first time, carrying the history of the previous head. */
export function startFacts(input: {
  pr: number;
  author: string;
  head: string;
  at: string;
  previous: HeadFacts | null;
}): HeadFacts {
  const earlier = (input.previous?.commits ?? []).filter((c) => c.sha !== input.head);
  const commits = [...earlier, { sha: input.head, at: input.at, digests: null }].slice(-MAX_COMMITS);
  return { v: 1, pr: input.pr, author: input.author, head: input.head, run: null, models: null, commits };
}

/** Records a verified report for the head: its model facts and the head's digests. */
export function recordVerified(facts: HeadFacts, run: number, models: ModelFacts[]): HeadFacts {
  const digests = Object.fromEntries(
    models.filter((m) => m.evaluationDigest !== null).map((m) => [m.name, m.evaluationDigest as string]),
  );
  const commits = facts.commits.map((c) => (c.sha === facts.head ? { ...c, digests } : c));
  return { ...facts, run, models, commits };
}

/** Forgets any verified report for the head (a rejected report must not leave one standing). */
export function clearVerified(facts: HeadFacts): HeadFacts {
  const commits = facts.commits.map((c) => (c.sha === facts.head ? { ...c, digests: null } : c));
  return { ...facts, run: null, models: null, commits };
}
