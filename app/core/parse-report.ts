/** The downloaded report.json → a Report validated against the report contract. */
import { ModelGateError } from '../../shared/errors.js';
import { REPORT_SCHEMA_VERSION, type Report, reportSchema } from '../../shared/report/schema.js';

const LISTED_ISSUES = 5;

/**
 * Parses and validates a report.
 * @throws ModelGateError `report_invalid` naming what is wrong (JSON syntax, schema version, or
 *   the first schema violations with their key paths).
 */
export function parseReport(text: string): Report {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw invalid(`report.json is not valid JSON (${detail}).`, error);
  }
  const version =
    typeof json === 'object' && json !== null
      ? (json as { schemaVersion?: unknown }).schemaVersion
      : undefined;
  if (version !== REPORT_SCHEMA_VERSION) {
    throw invalid(
      `report.json has schemaVersion ${JSON.stringify(version) ?? 'none'}; this App reads version ${REPORT_SCHEMA_VERSION}. Use matching versions of the Action and the App.`,
    );
  }
  const parsed = reportSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, LISTED_ISSUES).map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    return `${path}: ${issue.message}`;
  });
  const more =
    parsed.error.issues.length > LISTED_ISSUES
      ? ` … and ${parsed.error.issues.length - LISTED_ISSUES} more`
      : '';
  throw invalid(`report.json does not match the report schema: ${issues.join('; ')}${more}.`);
}

function invalid(message: string, cause?: unknown): ModelGateError {
  return new ModelGateError('report_invalid', message, cause === undefined ? {} : { cause });
}
