/**
 * Renders the monitor report (job summary, CLI file) and a model's alert issue (title and body)
 * with a private Handlebars instance whose `{{x}}` escapes for markdown. Bodies are kept under
 * the size limits: drift rows, then the trend table and metric tables are shortened first.
 */
import { createMarkdownHandlebars } from '../render/create-markdown-handlebars.js';
import { markup, safeLink } from '../render/escape-markdown.js';
import { type HistoryEntry, renderHistoryBlock } from './alert-history.js';
import {
  buildMonitorModelView,
  FULL_LIMITS,
  MONITOR_STATUS_EMOJI,
  MONITOR_STATUS_WORDS,
  type MonitorViewLimits,
} from './build-monitor-view.js';
import { buildAlertMarker } from './find-alert-issue.js';
import {
  MONITOR_ALERT_TEMPLATE,
  MONITOR_MODEL_TEMPLATE,
  MONITOR_SUMMARY_TEMPLATE,
} from './monitor-templates.js';
import type { MonitorModel, MonitorReport } from './schema.js';

/** GitHub's limit on an issue body, in characters. */
export const ISSUE_BODY_LIMIT = 65_536;
/** GitHub's limit on an issue title. */
export const TITLE_LIMIT = 256;

const LEVELS: MonitorViewLimits[] = [
  FULL_LIMITS,
  { driftRows: 20, trendRows: 12, metrics: true },
  { driftRows: 5, trendRows: 5, metrics: false },
  { driftRows: 0, trendRows: 0, metrics: false },
];

/** The job summary or the CLI's markdown file. */
export function renderMonitorSummary(
  report: MonitorReport,
  options: { target: 'summary' | 'terminal-file'; maxLength?: number },
): string {
  const template = compile(MONITOR_SUMMARY_TEMPLATE, options.target === 'summary');
  const max = options.maxLength ?? Number.POSITIVE_INFINITY;
  const intro = `${report.models.length} production model(s) checked for degradation and drift since their promotion.`;
  let text = '';
  for (const [i, limits] of LEVELS.entries()) {
    text = template({
      emoji: markup(MONITOR_STATUS_EMOJI[report.status]),
      status: markup(MONITOR_STATUS_WORDS[report.status]),
      intro,
      error: report.error?.message ?? null,
      models: report.models.map((m) =>
        buildMonitorModelView(m, { limits, confidence: report.settings.confidence }),
      ),
      skipped: report.skipped,
      truncation:
        i === 0
          ? null
          : 'Shortened to fit the size limit; the full results are in the monitor report (JSON).',
    });
    if (byteLength(text) <= max) return text;
  }
  return hardCut(text, max, '');
}

/** One model's result and the runs of its alert issue. */
export interface AlertIssueInput {
  model: MonitorModel;
  /** Every run including this one, oldest first. */
  history: readonly HistoryEntry[];
  /** open: the model needs attention; resolved: healthy again (the issue is closed); waiting: too little data this run. */
  state: 'open' | 'resolved' | 'waiting';
  at: string;
  runUrl: string | null;
  version: string;
  confidence: number;
}

/** The alert issue's title: `churn@v1.3.0: roc_auc degraded 0.842 → 0.791` (plain text). */
export function buildAlertTitle(model: MonitorModel): string {
  const who = model.production?.tag ?? model.name;
  const title = `${who}: ${model.headline ?? MONITOR_STATUS_WORDS[model.status]}`;
  return title.length > TITLE_LIMIT ? `${title.slice(0, TITLE_LIMIT - 1)}…` : title;
}

/** The alert issue's body: marker first, the model's results, the trend, the hidden history last. */
export function renderAlertBody(input: AlertIssueInput): string {
  const template = compile(MONITOR_ALERT_TEMPLATE, true);
  const history = markup(renderHistoryBlock(input.history));
  const base = {
    marker: markup(buildAlertMarker(input.model.name)),
    intro: markup(intro(input)),
    footer: markup(
      `<sub>ModelGate ${input.version} · ${safeLink('workflow run', input.runUrl).markdown} · updated ${input.at}</sub>`,
    ),
    history,
  };
  let text = '';
  for (const [i, limits] of LEVELS.entries()) {
    const model = buildMonitorModelView(input.model, {
      history: input.history,
      limits,
      confidence: input.confidence,
    });
    text = template({
      ...base,
      model,
      truncation:
        i === 0
          ? null
          : 'Shortened to fit the size limit of an issue; the full results are in the monitor report of the workflow run.',
    });
    if (byteLength(text) <= ISSUE_BODY_LIMIT) return text;
  }
  return hardCut(text.replace(history.markdown, ''), ISSUE_BODY_LIMIT, history.markdown);
}

function intro(input: AlertIssueInput): string {
  const day = input.at.slice(0, 10);
  switch (input.state) {
    case 'open':
      return `**Monitoring alert.** The run of ${day} found the production model beyond its monitoring thresholds. This issue is updated by every monitoring run and closed automatically when a run finds the model healthy again.`;
    case 'resolved':
      return `**Resolved.** The run of ${day} found the production model healthy again, so this issue was closed automatically. It reopens if the model degrades or drifts again.`;
    case 'waiting':
      return `**Still open.** The run of ${day} had too little fresh data to judge; the alert stays open until a run shows the model is healthy again.`;
  }
}

function compile(source: string, collapse: boolean): (view: unknown) => string {
  const hb = createMarkdownHandlebars(collapse);
  hb.registerPartial('monitorModel', MONITOR_MODEL_TEMPLATE);
  const template = hb.compile(source, { strict: false });
  return (view) => tidy(template(view));
}

const encoder = new TextEncoder();

/** Size in UTF-8 bytes: never less than the characters GitHub counts. */
function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** Last resort: cut at a line boundary, say so, and keep `tail` (the hidden history). */
function hardCut(text: string, max: number, tail: string): string {
  const note =
    '\n\n> [!NOTE]\n> Cut here to fit the size limit; the full results are in the monitor report.\n';
  const budget = Math.max(0, max - byteLength(note) - byteLength(tail) - 1);
  let cut = text.slice(0, budget);
  while (byteLength(cut) > budget) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  const line = cut.lastIndexOf('\n');
  return `${line > 0 ? cut.slice(0, line) : cut}${note}${tail ? `${tail}\n` : ''}`;
}

/** At most one blank line in a row, no trailing spaces, one final newline. */
function tidy(markdown: string): string {
  return `${markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
