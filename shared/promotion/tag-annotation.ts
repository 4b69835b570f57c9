/**
 * The message of an annotated promotion tag: a subject, a sentence, and git-style trailers
 * (`Key: value`) carrying the digests, so the tag alone says what was promoted and on what
 * evidence — and a retry can recognise a tag as its own.
 */

/** What the annotation records. */
export interface TagAnnotation {
  model: string;
  version: string;
  /** Identifies the promotion: `pull/<number>` or `rollback/<comment id>`. */
  promotion: string;
  /** The sentence after the subject ("Promoted from pull request #42."). */
  summary: string;
  artifactPath: string;
  artifactSha256: string;
  /** SHA-256 of the report JSON attached to the release. */
  reportSha256: string | null;
  evaluationDigest: string | null;
  /** The earlier tag a rollback re-promotes. */
  rollbackOf?: string;
}

const KEYS = {
  model: 'ModelGate-Model',
  version: 'ModelGate-Version',
  promotion: 'ModelGate-Promotion',
  artifactPath: 'ModelGate-Artifact',
  artifactSha256: 'ModelGate-Artifact-SHA256',
  reportSha256: 'ModelGate-Report-SHA256',
  evaluationDigest: 'ModelGate-Evaluation-Digest',
  rollbackOf: 'ModelGate-Rollback-Of',
} as const;

/** The tag message. Values are put on one line each (line breaks become spaces). */
export function buildTagMessage(annotation: TagAnnotation): string {
  const trailers: [string, string | null | undefined][] = [
    [KEYS.model, annotation.model],
    [KEYS.version, annotation.version],
    [KEYS.promotion, annotation.promotion],
    [KEYS.artifactPath, annotation.artifactPath],
    [KEYS.artifactSha256, annotation.artifactSha256],
    [KEYS.reportSha256, annotation.reportSha256],
    [KEYS.evaluationDigest, annotation.evaluationDigest],
    [KEYS.rollbackOf, annotation.rollbackOf],
  ];
  const lines = trailers
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([key, value]) => `${key}: ${oneLine(value)}`);
  return `${oneLine(`${annotation.model} v${annotation.version}`)}\n\n${oneLine(annotation.summary)}\n\n${lines.join('\n')}\n`;
}

/**
 * The ModelGate trailers of a tag message, by their field names (`promotion`, `artifactSha256`,
 * …). Lines that are not ModelGate trailers are ignored; the last occurrence of a key wins.
 */
export function parseTagTrailers(
  message: string | null | undefined,
): Partial<Record<keyof typeof KEYS, string>> {
  const out: Partial<Record<keyof typeof KEYS, string>> = {};
  const byKey = new Map(
    Object.entries(KEYS).map(([field, key]) => [key.toLowerCase(), field as keyof typeof KEYS]),
  );
  for (const line of (message ?? '').split(/\r?\n/)) {
    const match = /^(ModelGate-[A-Za-z0-9-]+):\s*(.*?)\s*$/i.exec(line);
    const field = match ? byKey.get((match[1] as string).toLowerCase()) : undefined;
    if (match && field !== undefined) out[field] = match[2] as string;
  }
  return out;
}

function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters do not belong in a tag message
  return text.replace(/[\r\n\u0000-\u001f\u007f]+/g, ' ').trim();
}
