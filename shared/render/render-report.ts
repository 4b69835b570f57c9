/**
 * Renders a report as markdown for a PR comment, a job summary or a file, within a size limit.
 */

import { ModelGateError } from '../errors.js';
import type { Report } from '../report/schema.js';
import type { Sections } from './build-model-view.js';
import { buildReportView, type ReportLinks } from './build-report-view.js';
import { createMarkdownHandlebars } from './create-markdown-handlebars.js';
import { DEFAULT_TEMPLATES, TEMPLATE_NAMES, type TemplateName } from './templates/index.js';

/** Hidden first line of the sticky PR comment, used to find and update it. */
export const COMMENT_MARKER = '<!-- modelgate:report -->';

/** Where the markdown goes: a PR comment (with marker), a job summary, or a file/terminal (no HTML). */
export type RenderTarget = 'terminal-file' | 'summary' | 'comment';

/** GitHub's limits: 65,536 characters for a comment body, 1 MiB for a step's job summary. */
export const MAX_LENGTH: Record<RenderTarget, number> = {
  comment: 65_536,
  summary: 1_048_576,
  'terminal-file': Number.POSITIVE_INFINITY,
};

/** Options of `renderReport`. */
export interface RenderOptions {
  target: RenderTarget;
  /** Template sources overriding the defaults by name (the shells read them from files). */
  templates?: Partial<Record<TemplateName, string>>;
  /** Size limit in UTF-8 bytes (never fewer than the characters GitHub counts); default per target. */
  maxLength?: number;
  links?: ReportLinks;
}

/**
 * Renders `report`. Every value from data or users is escaped; the comment starts with
 * `COMMENT_MARKER`. When the result exceeds `maxLength`, parts are dropped in this order and the
 * report says so: details, group charts and tables, metric and fairness tables, then checks
 * needing attention beyond what fits; the verdicts always stay.
 * @throws ModelGateError (`template_invalid`) when an override template does not compile or render.
 */
export function renderReport(report: Report, options: RenderOptions): string {
  const render = compile(options);
  const max = options.maxLength ?? MAX_LENGTH[options.target];
  const marker = options.target === 'comment' ? COMMENT_MARKER : null;
  const links = options.links ?? {};
  const attempt = (sections: Sections, dropped: string[]) =>
    render(
      buildReportView(report, {
        marker,
        sections,
        links,
        truncation: truncationNote(dropped, max, options.target),
      }),
    );
  for (const level of LEVELS) {
    const text = attempt(level.sections, level.dropped);
    if (byteLength(text) <= max) return text;
  }
  return fitAttention(report, attempt, max);
}

const FULL: Sections = { details: true, groups: true, tables: true, attentionLimit: null };
const LEVELS: { sections: Sections; dropped: string[] }[] = [
  { sections: FULL, dropped: [] },
  { sections: { ...FULL, details: false }, dropped: ['details'] },
  {
    sections: { ...FULL, details: false, groups: false },
    dropped: ['details', 'per-group charts and tables'],
  },
  {
    sections: { details: false, groups: false, tables: false, attentionLimit: null },
    dropped: ['details', 'per-group charts and tables', 'metric and fairness tables'],
  },
];

type Attempt = (sections: Sections, dropped: string[]) => string;

/** Largest number of attention rows per model that fits (binary search), else a hard cut. */
function fitAttention(report: Report, attempt: Attempt, max: number): string {
  const dropped = [
    'details',
    'per-group charts and tables',
    'metric and fairness tables',
    'some checks needing attention',
  ];
  const most = Math.max(0, ...report.models.map((m) => m.checks.length));
  const at = (limit: number) =>
    attempt({ details: false, groups: false, tables: false, attentionLimit: limit }, dropped);
  let lo = 0;
  let hi = most;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (byteLength(at(mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  const text = at(lo);
  return byteLength(text) <= max ? text : hardCut(text, max);
}

/** Last resort: cut at a line boundary and say so. */
function hardCut(text: string, max: number): string {
  const note =
    '\n\n> [!NOTE]\n> The report was cut here to fit the size limit; the full report is in the workflow artifact.\n';
  const budget = Math.max(0, max - byteLength(note));
  let cut = text.slice(0, budget);
  while (byteLength(cut) > budget) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  const line = cut.lastIndexOf('\n');
  return `${line > 0 ? cut.slice(0, line) : ''}${note}`.slice(0, Math.max(0, max));
}

function truncationNote(dropped: string[], max: number, target: RenderTarget): string | null {
  if (dropped.length === 0) return null;
  const limit =
    target === 'comment'
      ? 'of a pull request comment'
      : target === 'summary'
        ? 'of a job summary'
        : 'configured';
  return `This report was shortened to fit the size limit ${limit} (${max.toLocaleString('en-US')} characters). Left out: ${dropped.join(', ')}. The full report is in the workflow artifact.`;
}

const encoder = new TextEncoder();

function byteLength(text: string): number {
  return encoder.encode(text).length;
}

function compile(options: RenderOptions): (view: unknown) => string {
  const hb = createMarkdownHandlebars(options.target !== 'terminal-file');
  const sources = { ...DEFAULT_TEMPLATES, ...options.templates };
  try {
    for (const name of TEMPLATE_NAMES) if (name !== 'report') hb.registerPartial(name, sources[name]);
    const template = hb.compile(sources.report, { strict: false });
    return (view) => {
      try {
        return tidy(template(view));
      } catch (error) {
        throw templateError(error);
      }
    };
  } catch (error) {
    throw templateError(error);
  }
}

function templateError(error: unknown): ModelGateError {
  const message = error instanceof Error ? error.message : String(error);
  return new ModelGateError('template_invalid', `A report template could not be compiled: ${message}`, {
    cause: error,
  });
}

/** At most one blank line in a row, no trailing spaces, one final newline. */
function tidy(markdown: string): string {
  return `${markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
