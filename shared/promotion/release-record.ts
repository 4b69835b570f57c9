/**
 * What a promotion release records for machines, kept as a hidden JSON block at the end of the
 * release notes (`<!-- modelgate:release {...} -->`): the dashboard draws the history from it
 * and a rollback reads the facts of the version it re-promotes. Appended by code after the
 * notes are rendered, so an overridden template cannot drop it.
 */
import { z } from 'zod';

export const releaseRecordSchema = z.strictObject({
  v: z.literal(1),
  model: z.string(),
  version: z.string(),
  tag: z.string(),
  kind: z.enum(['merge', 'rollback']),
  /** The commit the tag points at. */
  commit: z.string(),
  pullRequest: z.number().int().nullable(),
  /** The tag a rollback re-promotes. */
  rollbackOf: z.string().nullable(),
  artifact: z.strictObject({ path: z.string(), sha256: z.string() }),
  evaluationDigest: z.string().nullable(),
  verdict: z.enum(['pass', 'fail', 'inconclusive', 'error']),
  fairness: z.enum(['pass', 'warn', 'fail', 'none']).nullable(),
  regressed: z.boolean().nullable(),
  primaryMetric: z.string(),
  primary: z
    .strictObject({ value: z.number().nullable(), ci: z.tuple([z.number(), z.number()]).nullable() })
    .nullable(),
  /** ISO 8601 time of the promotion. */
  promotedAt: z.string(),
});
export type ReleaseRecord = z.infer<typeof releaseRecordSchema>;

const BLOCK = /<!-- modelgate:release (\{.*?\}) -->/s;

/** The hidden block. `<`, `>` and `&` are \u-escaped so no value can end the HTML comment. */
export function renderReleaseRecord(record: ReleaseRecord): string {
  const json = JSON.stringify(record).replace(
    /[<>&]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<!-- modelgate:release ${json} -->`;
}

/** The record in a release body, or null when there is none or it does not parse. */
export function parseReleaseRecord(body: string | null | undefined): ReleaseRecord | null {
  const match = body ? BLOCK.exec(body) : null;
  if (!match) return null;
  try {
    const parsed = releaseRecordSchema.safeParse(JSON.parse(match[1] as string));
    return parsed.success ? parsed.data : null;
  } catch {
    // A hand-edited block that no longer parses is treated as absent.
    return null;
  }
}
