/**
 * Compares the metadata of the candidate and production models and flags differences that are
 * library or version risks (a new opset, another producer, a changed input/output signature).
 */
import type { Flag, ModelMetadata } from '../report/schema.js';

/** Returns one flag per difference; none when production is absent (first promotion). */
export function compareMetadata(candidate: ModelMetadata, production: ModelMetadata | null): Flag[] {
  if (!production) return [];
  const flags: Flag[] = [];
  const warn = (code: string, message: string) => flags.push({ code, severity: 'warn', message });
  if (candidate.format !== production.format) {
    warn('format_changed', `The model format changed from ${production.format} to ${candidate.format}.`);
  }
  const producer = (m: ModelMetadata) => [m.producer, m.producerVersion].filter(Boolean).join(' ');
  if (producer(candidate) !== producer(production)) {
    warn(
      'producer_changed',
      `The exporting library changed from "${producer(production) || 'unknown'}" to "${producer(candidate) || 'unknown'}".`,
    );
  }
  if (candidate.irVersion !== production.irVersion) {
    warn(
      'ir_version_changed',
      `The ONNX IR version changed from ${production.irVersion ?? 'unknown'} to ${candidate.irVersion ?? 'unknown'}.`,
    );
  }
  const domains = new Set([...Object.keys(candidate.opsets ?? {}), ...Object.keys(production.opsets ?? {})]);
  for (const domain of [...domains].sort()) {
    const before = production.opsets?.[domain];
    const after = candidate.opsets?.[domain];
    if (before !== after) {
      warn(
        'opset_changed',
        `The ${domain || 'ai.onnx'} opset changed from ${before ?? 'none'} to ${after ?? 'none'}.`,
      );
    }
  }
  const signature = (io: ModelMetadata['inputs']) =>
    JSON.stringify((io ?? []).map((x) => [x.name, x.type, x.shape]));
  if (signature(candidate.inputs) !== signature(production.inputs)) {
    warn(
      'inputs_changed',
      `The model inputs changed from ${describe(production.inputs)} to ${describe(candidate.inputs)}.`,
    );
  }
  if (signature(candidate.outputs) !== signature(production.outputs)) {
    warn(
      'outputs_changed',
      `The model outputs changed from ${describe(production.outputs)} to ${describe(candidate.outputs)}.`,
    );
  }
  return flags;
}

function describe(io: ModelMetadata['inputs']): string {
  if (!io || io.length === 0) return 'none';
  return io.map((x) => `${x.name} ${x.type} [${x.shape.join(', ')}]`).join('; ');
}
