/**
 * Renders the promotion documents: release notes (with the hidden record), model card and
 * dashboard, each from a default or overriding Handlebars template, within GitHub's size limits.
 */
import { ModelGateError } from '../../errors.js';
import { type ReleaseRecord, renderReleaseRecord } from '../../promotion/release-record.js';
import { createMarkdownHandlebars } from '../create-markdown-handlebars.js';
import { buildDashboardView, type DashboardFacts } from './build-dashboard-view.js';
import { buildModelCardView } from './build-model-card-view.js';
import { buildReleaseNotesView } from './build-release-notes-view.js';
import type { ReleaseFacts } from './release-facts.js';
import { DEFAULT_RELEASE_TEMPLATES, type ReleaseTemplateName } from './release-templates.js';

/** GitHub's limits: a release body holds 125,000 characters, an issue body 65,536. */
export const MAX_RELEASE_BODY = 125_000;
export const MAX_ISSUE_BODY = 65_536;

export type ReleaseTemplates = Partial<Record<ReleaseTemplateName, string>>;

/**
 * The release notes followed by the hidden record. Too long notes lose the checks table first,
 * then are cut at a line; the record always stays.
 * @throws ModelGateError (`template_invalid`) when an override does not compile or render.
 */
export function renderReleaseNotes(
  facts: ReleaseFacts,
  record: ReleaseRecord,
  templates: ReleaseTemplates = {},
): string {
  const render = compileTemplate('release-notes', templates, true);
  const tail = `\n${renderReleaseRecord(record)}\n`;
  const view = buildReleaseNotesView(facts);
  let notes = render(view);
  if (notes.length + tail.length > MAX_RELEASE_BODY) {
    notes = render({
      ...view,
      checks: [],
      checksTitle: 'All checks: left out to fit the size limit; see the report asset',
    });
  }
  return `${cutToLength(notes, MAX_RELEASE_BODY - tail.length)}${tail}`;
}

/** The model card (a file: sections instead of collapsed blocks). */
export function renderModelCard(facts: ReleaseFacts, templates: ReleaseTemplates = {}): string {
  return compileTemplate('model-card', templates, false)(buildModelCardView(facts));
}

/** The dashboard issue body, within the issue size limit. */
export function renderDashboard(facts: DashboardFacts, templates: ReleaseTemplates = {}): string {
  const text = compileTemplate('dashboard', templates, true)(buildDashboardView(facts));
  return cutToLength(text, MAX_ISSUE_BODY);
}

/** Compiles a named template (override or default) into a tidy renderer. */
export function compileTemplate(
  name: ReleaseTemplateName,
  templates: ReleaseTemplates,
  collapse: boolean,
): (view: unknown) => string {
  const hb = createMarkdownHandlebars(collapse);
  const source = templates[name] ?? DEFAULT_RELEASE_TEMPLATES[name];
  let template: (view: unknown) => string;
  try {
    template = hb.compile(source, { strict: false });
  } catch (error) {
    throw templateError(name, error);
  }
  return (view) => {
    try {
      return tidy(template(view));
    } catch (error) {
      throw templateError(name, error);
    }
  };
}

function templateError(name: string, error: unknown): ModelGateError {
  const message = error instanceof Error ? error.message : String(error);
  return new ModelGateError('template_invalid', `The ${name} template could not be rendered: ${message}`, {
    cause: error,
  });
}

/** Cuts at the last line break that fits and says so. */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = '\n\n_Cut here to fit the size limit._\n';
  const cut = text.slice(0, Math.max(0, max - note.length));
  const line = cut.lastIndexOf('\n');
  return `${line > 0 ? cut.slice(0, line) : cut}${note}`;
}

/** At most one blank line in a row, no trailing spaces, one final newline. */
function tidy(markdown: string): string {
  return `${markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
