/**
 * `modelgate`: the same evaluation on a laptop, no GitHub needed.
 * Exit codes: 0 pass (and inconclusive unless --strict), 1 fail, 2 error (bad input included).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ModelGateError, toModelGateError } from '../shared/errors.js';
import { renderReport } from '../shared/render/render-report.js';
import type { Report } from '../shared/report/schema.js';
import { MODELGATE_VERSION } from '../shared/version.js';
import { formatSummary } from './cli/print-summary.js';
import { colourEnabled, createPainter, createProgress } from './cli/terminal.js';
import { evaluateAdhoc } from './evaluate-adhoc.js';
import { evaluateRepo } from './evaluate-repo.js';
import { monitorCommand } from './monitor/monitor-command.js';

const USAGE = `Usage:
  modelgate evaluate --config .github/modelgate.yml [--model NAME]... [--base REF --head REF]
                     [--production FILE] [--root DIR] --out DIR [--strict]
  modelgate evaluate --candidate FILE --production FILE --data FILE --target COL
                     [--task binary|multiclass|regression] [--positive LABEL] [--sensitive a,b]
                     [--id COL] [--features a,b] [--threshold T] [--min-group-size N]
                     [--gate metric.bound=value]... --out DIR [--strict]
  modelgate monitor --config .github/modelgate.yml --baseline-report FILE --data FILE
                     [--model NAME] --out DIR
Common options: --bootstrap N  --seed S  --confidence C  --quiet  --no-color  --version  --help
Exit codes: 0 pass (inconclusive too, unless --strict), 1 fail, 2 error.
Monitor exit codes: 0 healthy (or too little data to judge), 1 alert, 2 error.`;

const OPTIONS = {
  config: { type: 'string' },
  model: { type: 'string', multiple: true },
  base: { type: 'string' },
  head: { type: 'string' },
  root: { type: 'string' },
  out: { type: 'string' },
  strict: { type: 'boolean' },
  candidate: { type: 'string' },
  production: { type: 'string' },
  data: { type: 'string' },
  target: { type: 'string' },
  task: { type: 'string' },
  positive: { type: 'string' },
  sensitive: { type: 'string' },
  id: { type: 'string' },
  features: { type: 'string' },
  threshold: { type: 'string' },
  'min-group-size': { type: 'string' },
  gate: { type: 'string', multiple: true },
  'baseline-report': { type: 'string' },
  bootstrap: { type: 'string' },
  seed: { type: 'string' },
  confidence: { type: 'string' },
  quiet: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  version: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

export type CliValues = ReturnType<typeof parseCli>['values'];

function parseCli(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(
  argv: string[],
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv; cwd: string },
): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    io.stderr.write(`modelgate: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout.write(`${MODELGATE_VERSION}\n`);
    return 0;
  }
  if (values.help || positionals.length === 0) {
    io.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (positionals[0] === 'monitor' && positionals.length === 1) return runMonitorCommand(values, io);
  if (positionals[0] !== 'evaluate' || positionals.length > 1) {
    io.stderr.write(`modelgate: unknown command "${positionals.join(' ')}"\n${USAGE}\n`);
    return 2;
  }
  const paint = createPainter(colourEnabled(io.stdout, io.env, values['no-color'] ? false : undefined));
  const progress = createProgress(io.stderr, Boolean(values.quiet));
  try {
    if (!values.out) throw new ModelGateError('usage', '--out DIR is required: the report is written there.');
    const report = values.config
      ? await evaluateRepo({ values, cwd: io.cwd, onProgress: progress.update })
      : await evaluateAdhoc({ values, cwd: io.cwd, onProgress: progress.update });
    progress.done();
    await writeOutputs(report, path.resolve(io.cwd, values.out));
    io.stdout.write(`${formatSummary(report, paint)}\n`);
    for (const model of report.models) {
      if (model.error)
        io.stderr.write(`${paint.red('modelgate: error:')} ${model.name}: ${model.error.message}\n`);
    }
    io.stdout.write(paint.dim(`Report: ${path.join(values.out, 'report.json')} and report.md\n`));
    return exitCode(report, Boolean(values.strict));
  } catch (error) {
    progress.done();
    const e = toModelGateError(error);
    io.stderr.write(`${paint.red('modelgate: error:')} ${e.userMessage}\n`);
    if (e.code === 'internal' && e.cause instanceof Error && e.cause.stack)
      io.stderr.write(`${paint.dim(e.cause.stack)}\n`);
    return 2;
  }
}

async function runMonitorCommand(values: CliValues, io: Parameters<typeof main>[1]): Promise<number> {
  const paint = createPainter(colourEnabled(io.stdout, io.env, values['no-color'] ? false : undefined));
  const progress = createProgress(io.stderr, Boolean(values.quiet));
  try {
    for (const key of ['config', 'baseline-report', 'data', 'out'] as const) {
      if (!values[key]) throw new ModelGateError('usage', `--${key} is required for modelgate monitor.`);
    }
    const result = await monitorCommand({
      configPath: values.config!,
      baselineReport: values['baseline-report']!,
      data: values.data!,
      ...(values.model?.[0] ? { model: values.model[0] } : {}),
      out: values.out!,
      cwd: io.cwd,
      onProgress: (message) => progress.update(message),
    });
    progress.done();
    const colour =
      result.report.status === 'healthy'
        ? paint.green
        : result.report.status === 'alert'
          ? paint.red
          : paint.yellow;
    io.stdout.write(`${paint.bold(`ModelGate monitor — ${colour(result.report.status.toUpperCase())}`)}\n`);
    for (const model of result.report.models) {
      io.stdout.write(`${model.name}: ${model.status}${model.headline ? ` — ${model.headline}` : ''}\n`);
    }
    io.stdout.write(paint.dim(`Report: ${result.reportPath} and ${result.markdownPath}\n`));
    return result.exitCode;
  } catch (error) {
    progress.done();
    io.stderr.write(`${paint.red('modelgate: error:')} ${toModelGateError(error).userMessage}\n`);
    return 2;
  }
}

export function exitCode(report: Report, strict: boolean): number {
  switch (report.verdict) {
    case 'pass':
      return 0;
    case 'inconclusive':
      return strict ? 1 : 0;
    case 'fail':
      return 1;
    default:
      return 2;
  }
}

async function writeOutputs(report: Report, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(outDir, 'report.md'), renderReport(report, { target: 'terminal-file' }));
}
