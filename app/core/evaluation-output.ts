/**
 * The `ModelGate / evaluation` check run in each situation. Every summary ends with the facts
 * marker (what the App verified, see facts-marker.ts).
 */
import type { ConfigError, ModelGateError } from '../../shared/errors.js';
import { escapeMarkdown } from '../../shared/render/escape-markdown.js';
import { VERDICT_EMOJI, VERDICT_WORDS } from '../../shared/render/render-labels.js';
import { renderReport } from '../../shared/render/render-report.js';
import type { TemplateName } from '../../shared/render/templates/index.js';
import type { Verdict } from '../../shared/report/schema.js';
import type { CheckAnnotation, CheckContent, Conclusion } from '../github/checks.js';
import type { RunInfo } from '../github/runs.js';
import { encodeFacts, type HeadFacts } from './facts-marker.js';
import { CHECK_TEXT_BYTES, fitBytes, fitTitle } from './fit-bytes.js';
import type { TrustedReport } from './trust-report.js';

/** Waiting for the report of the head commit. */
export function buildWaitingOutput(facts: HeadFacts, models: readonly string[]): CheckContent {
  const changed =
    models.length > 0
      ? ` Models changed: ${models.map(escapeMarkdown).join(', ')}.`
      : ' The ModelGate configuration changed.';
  const summary = `ModelGate is waiting for the \`modelgate-report\` artifact of the evaluation workflow for ${facts.head.slice(0, 7)}; it verifies the report's provenance before trusting it.${changed}`;
  return { conclusion: null, title: 'Waiting for the evaluation report', summary: withFacts(summary, facts) };
}

/** Nothing to evaluate. */
export function buildNoModelOutput(facts: HeadFacts | null, why: string): CheckContent {
  return { conclusion: 'success', title: 'No model changed', summary: withFacts(why, facts) };
}

export interface VerifiedInput {
  trusted: TrustedReport;
  run: RunInfo;
  facts: HeadFacts;
  defaultBranch: string;
  inconclusive: 'action_required' | 'neutral';
  templates: Partial<Record<TemplateName, string>>;
}

/** A verified report, decided under the default branch's thresholds. */
export function buildVerifiedOutput(input: VerifiedInput): CheckContent {
  const { report } = input.trusted;
  const lines = report.models.map(
    (m) =>
      `- ${VERDICT_EMOJI[m.verdict]} **${escapeMarkdown(m.name)}**: ${VERDICT_WORDS[m.verdict]} (risk ${m.risk})`,
  );
  const changes = report.models.flatMap((m) => m.thresholdChanges);
  const provenance = `Verified report of [workflow run ${input.run.id}](${input.run.htmlUrl}) (${escapeMarkdown(input.run.path)}) for ${input.run.headSha.slice(0, 7)}; verdicts recomputed with the thresholds on ${escapeMarkdown(input.defaultBranch)}.`;
  const note =
    changes.length > 0
      ? `\n\nThis pull request proposes threshold changes; they apply only once merged: ${changes.map(escapeMarkdown).join('; ')}`
      : '';
  const summary = `${lines.join('\n') || 'No model was evaluated.'}\n\n${provenance}${note}`;
  const text = renderReport(report, {
    target: 'summary',
    templates: input.templates,
    maxLength: CHECK_TEXT_BYTES,
    links: { run: input.run.htmlUrl },
  });
  return {
    conclusion: toConclusion(report.verdict, input.inconclusive),
    title: fitTitle(
      buildTitle(
        report.verdict,
        report.models.map((m) => m.name),
      ),
    ),
    summary: withFacts(summary, input.facts),
    text,
    detailsUrl: input.run.htmlUrl,
  };
}

/** A report that was not accepted: never passes. */
export function buildRejectedOutput(input: {
  reason: string;
  run: RunInfo | null;
  facts: HeadFacts | null;
}): CheckContent {
  const source = input.run ? ` (workflow run [${input.run.id}](${input.run.htmlUrl}))` : '';
  const summary = `The evaluation report${source} was rejected, so there is no verdict: ${escapeMarkdown(input.reason)}`;
  return {
    conclusion: 'failure',
    title: 'Report rejected',
    summary: withFacts(summary, input.facts),
    ...(input.run ? { detailsUrl: input.run.htmlUrl } : {}),
  };
}

/** An error that prevents a decision (GitHub API failure, broken template, …). */
export function buildErrorOutput(error: ModelGateError, facts: HeadFacts | null): CheckContent {
  const summary = `ModelGate could not reach a decision: ${escapeMarkdown(error.userMessage)}\n\nFix the cause, then comment \`/modelgate recheck\` on the pull request.`;
  return {
    conclusion: 'failure',
    title: fitTitle(`Error: ${error.code}`),
    summary: withFacts(summary, facts),
  };
}

/** An invalid configuration on the default branch, with annotations at its lines. */
export function buildConfigErrorOutput(error: ConfigError, repoFile: string): CheckContent {
  const annotations: CheckAnnotation[] = error.issues
    .filter((issue) => issue.location.file === repoFile && issue.location.line !== undefined)
    .slice(0, 50)
    .map((issue) => ({
      path: repoFile,
      start_line: issue.location.line as number,
      end_line: issue.location.line as number,
      annotation_level: 'failure',
      message: issue.message,
      title: issue.location.path
        ? `ModelGate configuration: ${issue.location.path}`
        : 'ModelGate configuration',
    }));
  const list = error.issues
    .map((i) => `- ${escapeMarkdown(`${formatWhere(i.location)}: ${i.message}`)}`)
    .join('\n');
  const summary = `The ModelGate configuration on the default branch is invalid, so nothing can be decided:\n\n${list}`;
  return {
    conclusion: 'failure',
    title: 'Configuration error',
    summary: fitBytes(summary, CHECK_TEXT_BYTES),
    annotations,
  };
}

function formatWhere(location: { file: string; line?: number; column?: number; path?: string }): string {
  const at =
    location.line === undefined
      ? ''
      : `:${location.line}${location.column === undefined ? '' : `:${location.column}`}`;
  return `${location.file}${at}${location.path ? ` (${location.path})` : ''}`;
}

export function toConclusion(verdict: Verdict, inconclusive: 'action_required' | 'neutral'): Conclusion {
  if (verdict === 'pass') return 'success';
  return verdict === 'inconclusive' ? inconclusive : 'failure';
}

function buildTitle(verdict: Verdict, models: readonly string[]): string {
  const names = models.join(', ');
  const prefix: Record<Verdict, string> = {
    pass: 'Gate passed',
    fail: 'Gate failed',
    inconclusive: 'Gate inconclusive',
    error: 'Gate could not be decided',
  };
  return names ? `${prefix[verdict]}: ${names}` : prefix[verdict];
}

function withFacts(summary: string, facts: HeadFacts | null): string {
  return facts === null
    ? fitBytes(summary, CHECK_TEXT_BYTES)
    : fitBytes(summary, CHECK_TEXT_BYTES, `\n\n${encodeFacts(facts)}`);
}
