/** The readable terminal summary of a report (the markdown goes to report.md). */
import { isMetricName, METRICS } from '../../shared/metrics/registry.js';
import type { Check, Comparison, ModelReport, Report, Verdict } from '../../shared/report/schema.js';
import type { Painter } from './terminal.js';

const SYMBOL: Record<Verdict, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  inconclusive: 'INCONCLUSIVE',
  error: 'ERROR',
};

export function formatSummary(report: Report, paint: Painter): string {
  const lines: string[] = [];
  const verdictColour = (v: Verdict) =>
    v === 'pass'
      ? paint.green
      : v === 'inconclusive'
        ? paint.yellow
        : v === 'fail'
          ? paint.red
          : paint.magenta;
  lines.push(
    paint.bold(
      `ModelGate ${report.tool.version} — overall verdict: ${verdictColour(report.verdict)(SYMBOL[report.verdict])}`,
    ),
  );
  if (report.error) lines.push(paint.magenta(`Error: ${report.error.message}`));
  for (const model of report.models)
    lines.push('', ...formatModel(model, paint, verdictColour(model.verdict)));
  for (const s of report.skipped) lines.push(paint.dim(`Skipped ${s.name}: ${s.reason}`));
  lines.push(
    '',
    paint.dim(
      `Intervals: ${Math.round(report.settings.confidence * 100)}% ${report.settings.method}, ${report.settings.bootstrap} resamples, seed ${report.settings.seed}.`,
    ),
  );
  return lines.join('\n');
}

function formatModel(model: ModelReport, paint: Painter, colour: (s: string) => string): string[] {
  const prod = model.production
    ? `${model.production.path}${model.production.version ? ` (v${model.production.version})` : ''}`
    : 'none (first promotion)';
  const lines = [
    paint.bold(`${model.name}: ${colour(SYMBOL[model.verdict])}`) +
      paint.dim(
        `  candidate ${model.candidate.path} vs production ${prod}; ${model.error && model.data.rows === 0 ? '' : `${model.data.rows} rows of `}${model.data.path}`,
      ),
  ];
  if (model.error) return [...lines, paint.magenta(`  ${model.error.message}`)];
  const rows = Object.entries(model.metrics).map(([name, c]) => formatMetricRow(name, c));
  const header = ['metric', 'production', 'candidate', 'Δ [interval]'];
  lines.push(...table([header, ...rows]).map((l, i) => (i === 0 ? paint.dim(`  ${l}`) : `  ${l}`)));
  const ordered = [...model.checks].sort((a, b) => rank(a) - rank(b));
  if (ordered.length > 0) lines.push(paint.bold('  Checks:'));
  for (const check of ordered) {
    const mark =
      check.status === 'pass'
        ? paint.green('✓')
        : check.status === 'fail'
          ? paint.red('✗')
          : check.status === 'warn'
            ? paint.yellow('!')
            : check.status === 'error'
              ? paint.magenta('⛔')
              : paint.dim('-');
    lines.push(`   ${mark} ${check.message}`);
  }
  for (const flag of model.flags) lines.push(paint.yellow(`  ⚑ ${flag.message}`));
  return lines;
}

function rank(check: Check): number {
  return ['error', 'fail', 'warn', 'pass', 'skipped'].indexOf(check.status);
}

function formatMetricRow(name: string, c: Comparison): string[] {
  const label = isMetricName(name) ? METRICS[name].label : name;
  const delta =
    c.delta && c.delta.value !== null
      ? `${signed(c.delta.value)}${c.delta.ci ? ` [${signed(c.delta.ci[0])}, ${signed(c.delta.ci[1])}]` : ''}`
      : '';
  return [label, num(c.production?.value ?? null), num(c.candidate.value), delta];
}

function num(v: number | null): string {
  return v === null ? '—' : v.toFixed(4);
}

function signed(v: number): string {
  return `${v >= 0 ? '+' : ''}${v.toFixed(4)}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}
