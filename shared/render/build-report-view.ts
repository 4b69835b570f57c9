/**
 * The whole report's view: headline, context, models, skipped models, environment, links.
 */
import type { Report } from '../report/schema.js';
import { buildModelView, type Sections } from './build-model-view.js';
import { escapeMarkdown, type Markup, markup, safeLink, safeUrl } from './escape-markdown.js';
import { formatConfidence } from './format-number.js';
import { VERDICT_EMOJI, VERDICT_WORDS } from './render-labels.js';
import type { ReportView } from './view.js';

/** Links the shell knows (workflow run, uploaded report); only http(s) URLs are used. */
export interface ReportLinks {
  run?: string;
  report?: string;
}

/** How to build the view: comment marker, parts to include, truncation note, links. */
export interface ViewOptions {
  marker: string | null;
  sections: Sections;
  truncation: string | null;
  links: ReportLinks;
}

/** The view of a whole report (pure; all numbers formatted, untrusted text left for the template to escape). */
export function buildReportView(report: Report, options: ViewOptions): ReportView {
  return {
    marker: options.marker === null ? null : markup(options.marker),
    emoji: markup(VERDICT_EMOJI[report.verdict]),
    verdict: markup(VERDICT_WORDS[report.verdict]),
    summary: markup(summarize(report)),
    context: contextLine(report),
    error: report.error ? report.error.message : null,
    truncation: options.truncation === null ? null : markup(options.truncation),
    level: markup(formatConfidence(report.settings.confidence)),
    overview: report.models.length > 1,
    models: report.models.map((model) => buildModelView(model, options.sections)),
    skipped: report.skipped,
    environment: options.sections.details ? environmentRows(report) : null,
    links: linksLine(report, options.links),
  };
}

function summarize(report: Report): string {
  const n = report.models.length;
  const counts = (['fail', 'error', 'inconclusive', 'pass'] as const)
    .map(
      (verdict) =>
        [report.models.filter((m) => m.verdict === verdict).length, VERDICT_WORDS[verdict]] as const,
    )
    .filter(([k]) => k > 0)
    .map(([k, words]) => `${k} ${words}`);
  const noneChanged =
    report.mode === 'pr' &&
    !report.error &&
    report.skipped.every((s) => s.reason === 'not changed by this pull request');
  const evaluated =
    n === 0
      ? noneChanged
        ? 'This pull request changes no model, so there is nothing to gate.'
        : 'No model was evaluated.'
      : `${n} ${n === 1 ? 'model' : 'models'} evaluated: ${counts.join(', ')}.`;
  const skipped = report.skipped.length;
  return skipped === 0 ? evaluated : `${evaluated} ${skipped} not evaluated.`;
}

function contextLine(report: Report): Markup | null {
  const parts: string[] = [];
  if (report.repository) parts.push(escapeMarkdown(report.repository));
  if (report.pullRequest !== null) parts.push(`pull request #${report.pullRequest}`);
  const side = (name: string, ref: { ref: string | null; sha: string | null } | null) => {
    if (!ref || (!ref.ref && !ref.sha)) return null;
    const sha = ref.sha ? ` (${escapeMarkdown(ref.sha.slice(0, 7))})` : '';
    return `${name} ${escapeMarkdown(ref.ref ?? '')}${sha}`.replace(/ {2,}/g, ' ');
  };
  const sides = [side('base', report.base), side('head', report.head)].filter((s): s is string => s !== null);
  if (sides.length > 0) parts.push(sides.join(' → '));
  return parts.length > 0 ? markup(parts.join(' · ')) : null;
}

function environmentRows(report: Report): { label: string; value: string }[] {
  const { environment: env, settings } = report;
  return [
    { label: 'ModelGate', value: env.modelgate },
    { label: 'Node.js', value: env.node },
    { label: 'ONNX Runtime', value: env.onnxruntime ?? 'not used' },
    { label: 'Platform', value: env.platform },
    { label: 'Mode', value: report.mode },
    { label: 'Created at', value: report.createdAt },
    { label: 'Confidence level', value: formatConfidence(settings.confidence) },
    { label: 'Bootstrap resamples', value: String(settings.bootstrap) },
    { label: 'Interval method', value: settings.method },
    { label: 'Seed', value: String(settings.seed) },
    { label: 'Minimum group size', value: String(settings.minGroupSize) },
  ];
}

function linksLine(report: Report, links: ReportLinks): Markup | null {
  const run = links.run ?? report.workflowRun?.url;
  const parts = [
    safeUrl(links.report) ? safeLink('Full report', links.report) : null,
    safeUrl(run) ? safeLink('Workflow run', run) : null,
  ].filter((part): part is Markup => part !== null);
  return parts.length > 0 ? markup(parts.map(String).join(' · ')) : null;
}
