/** Content digests: what approvals and promotions bind to. */
import { createHash } from 'node:crypto';
import type { ModelConfig } from '../shared/config/types.js';

/**
 * sha256 over the candidate artifact digest, the data digest and the model's config entry (as
 * canonical JSON). A push that changes none of them keeps the digest, so approvals stay valid.
 */
export function computeEvaluationDigest(input: {
  model: ModelConfig;
  candidateSha256: string;
  dataSha256: string;
}): string {
  const hash = createHash('sha256');
  hash.update(`candidate:${input.candidateSha256}\n`);
  hash.update(`data:${input.dataSha256}\n`);
  hash.update(`config:${canonicalJson(input.model)}\n`);
  return hash.digest('hex');
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  });
}

/** sha256 of a buffer, hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
