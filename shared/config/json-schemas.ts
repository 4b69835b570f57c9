/**
 * The published JSON Schemas, generated from the zod schemas (the single source of truth) and
 * committed under `schema/`; a test fails when the committed files drift from a fresh generation.
 */
import { z } from 'zod';
import { reportSchema } from '../report/schema.js';
import { configFileSchema } from './schema.js';

/** `$id` of the configuration schema. */
export const CONFIG_SCHEMA_ID = 'https://modelgate.dev/schema/modelgate.schema.json';
/** `$id` of the report schema. */
export const REPORT_SCHEMA_ID = 'https://modelgate.dev/schema/report.schema.json';

/** File names under `schema/` → their JSON text (two-space indent, trailing newline). */
export type JsonSchemaFiles = Readonly<Record<'modelgate.schema.json' | 'report.schema.json', string>>;

/**
 * Builds both schema files. The config schema describes what may be written (`io: 'input'`:
 * defaulted keys are optional); the report schema describes what is written (`io: 'output'`).
 * Deterministic: the same zod schemas always give the same text.
 */
export function buildJsonSchemas(): JsonSchemaFiles {
  const config = z.toJSONSchema(configFileSchema, { io: 'input', target: 'draft-2020-12' });
  const report = z.toJSONSchema(reportSchema, { io: 'output', target: 'draft-2020-12' });
  return {
    'modelgate.schema.json': toText(withHeader(config, CONFIG_SCHEMA_ID, 'ModelGate configuration')),
    'report.schema.json': toText(withHeader(report, REPORT_SCHEMA_ID, 'ModelGate report')),
  };
}

/** Puts `$schema`, `$id` and `title` first, where people and editors look for them. */
function withHeader(schema: Record<string, unknown>, id: string, title: string): Record<string, unknown> {
  const { $schema, ...rest } = schema;
  return { $schema, $id: id, title, ...rest };
}

function toText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
