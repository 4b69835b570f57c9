/**
 * A verified report → the evaluation check (with the facts the App verified), the sign-off check
 * and the sticky comparison comment.
 */
import type { Config } from '../../shared/config/types.js';
import { ModelGateError } from '../../shared/errors.js';
import { escapeMarkdown } from '../../shared/render/escape-markdown.js';
import { COMMENT_MARKER, MAX_LENGTH, renderReport } from '../../shared/render/render-report.js';
import type { TemplateName } from '../../shared/render/templates/index.js';
import type { Report } from '../../shared/report/schema.js';
import { buildNoModelOutput, buildVerifiedOutput } from '../core/evaluation-output.js';
import { decodeFacts, recordVerified, startFacts } from '../core/facts-marker.js';
import { byteLength } from '../core/fit-bytes.js';
import { buildSignoffNotNeededOutput, NO_MODEL_SIGNOFF } from '../core/signoff-output.js';
import type { TrustedReport } from '../core/trust-report.js';
import type { PullHead } from '../github/pulls.js';
import type { RunInfo } from '../github/runs.js';
import { loadTemplates } from '../github/templates.js';
import { refreshSignoff } from './refresh-signoff.js';
import type { Session } from './session.js';

interface PublishInput {
  run: RunInfo;
  pull: PullHead;
  config: Config;
  trusted: TrustedReport;
}

export async function publishReport(session: Session, input: PublishInput): Promise<void> {
  const { run, pull, config, trusted } = input;
  const sha = pull.headSha;
  // 1. The facts of the head, now verified (history kept for binding approvals).
  const existing = decodeFacts((await session.checks(sha)).evaluation?.summary);
  const base =
    existing?.head !== sha
      ? startFacts({ pr: pull.number, author: pull.author, head: sha, at: run.createdAt, previous: null })
      : existing.pr === pull.number
        ? { ...existing, author: existing.author ?? pull.author } // facts of an earlier version
        : existing;
  const facts = recordVerified(base, run.id, trusted.models);
  // 2. No model evaluated: both checks succeed.
  if (trusted.report.models.length === 0) {
    await session.writeCheck(
      sha,
      'evaluation',
      buildNoModelOutput(facts, 'The evaluation workflow found no changed model.'),
    );
    await session.writeCheck(sha, 'signoff', buildSignoffNotNeededOutput(NO_MODEL_SIGNOFF));
    return;
  }
  // 3. Trusted templates (default branch, only when configured); a broken override falls back.
  const { templates, warning } = await loadUsableTemplates(session, trusted.report, config.templates);
  // 4. The evaluation check, then the sign-off check (which reads the facts just written).
  const inconclusive = config.defaults.inconclusive;
  const output = buildVerifiedOutput({
    trusted,
    run,
    facts,
    defaultBranch: session.ctx.defaultBranch,
    inconclusive,
    templates,
  });
  await session.writeCheck(sha, 'evaluation', output);
  await refreshSignoff(session, { pull, config });
  // 5. The sticky comparison comment.
  await session.writeComment(
    pull.number,
    COMMENT_MARKER,
    buildComment(trusted.report, { run, templates, warning, branch: session.ctx.defaultBranch }),
  );
}

async function loadUsableTemplates(
  session: Session,
  report: Report,
  dir: string | undefined,
): Promise<{ templates: Partial<Record<TemplateName, string>>; warning: string | null }> {
  if (dir === undefined) return { templates: {}, warning: null };
  const templates = await loadTemplates(session.ctx, dir);
  if (Object.keys(templates).length === 0) return { templates, warning: null };
  try {
    renderReport(report, { target: 'comment', templates });
    return { templates, warning: null };
  } catch (error) {
    if (!(error instanceof ModelGateError) || error.code !== 'template_invalid') throw error;
    session.ctx.log.warn({ err: error }, 'template override rejected; using the default templates');
    return {
      templates: {},
      warning: `The templates in ${dir}/ could not be used (${error.message}); the default templates were used.`,
    };
  }
}

function buildComment(
  report: Report,
  options: {
    run: RunInfo;
    templates: Partial<Record<TemplateName, string>>;
    warning: string | null;
    branch: string;
  },
): string {
  const notes = [
    `<sub>Verified by ModelGate from [workflow run ${options.run.id}](${options.run.htmlUrl}) for ${options.run.headSha.slice(0, 7)}; verdicts decided with the thresholds on ${escapeMarkdown(options.branch)}.</sub>`,
    ...(options.warning === null ? [] : [`> [!WARNING]\n> ${escapeMarkdown(options.warning)}`]),
  ];
  const footer = `\n${notes.join('\n\n')}\n`;
  const body = renderReport(report, {
    target: 'comment',
    templates: options.templates,
    maxLength: MAX_LENGTH.comment - byteLength(footer) - byteLength(COMMENT_MARKER) - 1,
    links: { run: options.run.htmlUrl },
  });
  // An override template may leave the marker out; without it the comment could not be found again.
  return `${body.includes(COMMENT_MARKER) ? '' : `${COMMENT_MARKER}\n`}${body}${footer}`;
}
