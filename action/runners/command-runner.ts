/**
 * Runs a configured prediction command (`python predict.py --model {model} --data {data} --out {out}`)
 * without a shell, with a timeout that kills its whole process group, then reads the predictions
 * file it wrote. Failures are ModelErrors with the exit code and the last lines of stderr.
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ModelError } from '../../shared/errors.js';
import { buildCommandArgv, CommandTemplateError, parseCommandTemplate } from './parse-command.js';
import { type PredictionsFile, type ReadPredictionsOptions, readPredictions } from './predictions-runner.js';

export interface CommandModelOptions extends Omit<ReadPredictionsOptions, 'displayPath'> {
  /** The template, with `{model}`, `{data}` and `{out}` placeholders. */
  command: string;
  /** Substituted for `{model}` and `{data}` (relative to `cwd`, or absolute). */
  modelPath: string;
  dataPath: string;
  /** Working directory: the repository root. */
  cwd: string;
  timeoutMs: number;
  /** The artifact as shown in messages. */
  artifact: string;
  /** Format the command must write to `{out}`; default csv. */
  outExtension?: 'csv' | 'jsonl' | 'parquet';
  /** Environment for the command; default: this process's, without tokens (see buildCommandEnv). */
  env?: NodeJS.ProcessEnv;
  /** Between SIGTERM and SIGKILL on timeout; default 2,000 ms. */
  killGraceMs?: number;
}

export interface CommandModelResult extends PredictionsFile {
  durationMs: number;
}

/** Runs the command and reads its predictions. Throws ModelError (command) or DataError (its output). */
export async function runCommandModel(options: CommandModelOptions): Promise<CommandModelResult> {
  const argvFor = prepareArgv(options);
  const dir = await mkdtemp(join(tmpdir(), 'modelgate-predictions-'));
  try {
    const out = join(dir, `predictions.${options.outExtension ?? 'csv'}`);
    const argv = argvFor(out);
    const run = await runProcess(argv, {
      cwd: options.cwd,
      timeoutMs: options.timeoutMs,
      env: options.env ?? buildCommandEnv(process.env),
      killGraceMs: options.killGraceMs ?? 2000,
    });
    checkOutcome(run, options);
    await access(out).catch((error: unknown) => {
      throw new ModelError(
        `the command exited with code 0 but wrote no predictions file to {out}${formatTail(run)}`,
        options.artifact,
        { cause: error, code: 'command_no_output' },
      );
    });
    const file = await readPredictions(out, {
      ...options,
      displayPath: `predictions written by the command for ${options.artifact}`,
    });
    return { ...file, metadata: { ...file.metadata, format: 'command' }, durationMs: run.durationMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Validates the template up front and returns the argv builder for a given output path. */
function prepareArgv(options: CommandModelOptions): (out: string) => string[] {
  try {
    parseCommandTemplate(options.command);
    if (!options.command.includes('{out}'))
      throw new CommandTemplateError('it has no {out} placeholder for the predictions file');
  } catch (error) {
    if (!(error instanceof CommandTemplateError)) throw error;
    throw new ModelError(`invalid command "${options.command}": ${error.message}`, options.artifact, {
      cause: error,
      code: 'command_invalid',
    });
  }
  return (out) =>
    buildCommandArgv(options.command, { model: options.modelPath, data: options.dataPath, out });
}

/** Drops variables that carry credentials: the command comes from the repository being evaluated. */
export function buildCommandEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (
      /^(INPUT_|ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_)/.test(key) ||
      /^(GITHUB_TOKEN|GH_TOKEN|ACTIONS_RUNTIME_TOKEN)$/.test(key)
    )
      continue;
    out[key] = value;
  }
  return out;
}

interface ProcessOutcome {
  argv: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  spawnError: Error | null;
  stderr: string;
  stdout: string;
  durationMs: number;
}

function checkOutcome(run: ProcessOutcome, options: CommandModelOptions): void {
  const shown = `"${options.command}"`;
  const fail = (message: string, code: string) =>
    new ModelError(message, options.artifact, { code, ...(run.spawnError ? { cause: run.spawnError } : {}) });
  if (run.spawnError)
    throw fail(
      `the command ${shown} could not start (${run.spawnError.message}); is "${run.argv[0]}" installed and on PATH?`,
      'command_failed',
    );
  if (run.timedOut)
    throw fail(
      `the command ${shown} did not finish within ${options.timeoutMs / 1000} s and was stopped${formatTail(run)}`,
      'command_timeout',
    );
  if (run.signal)
    throw fail(`the command ${shown} was killed by signal ${run.signal}${formatTail(run)}`, 'command_failed');
  if (run.code !== 0)
    throw fail(`the command ${shown} failed with exit code ${run.code}${formatTail(run)}`, 'command_failed');
}

const TAIL_LINES = 20;

/** The last lines of stderr (or of stdout when stderr is empty), for messages. */
function formatTail(run: ProcessOutcome): string {
  const [name, text] = run.stderr.trim() !== '' ? ['stderr', run.stderr] : ['stdout', run.stdout];
  const lines = text.trimEnd().split(/\r?\n/).slice(-TAIL_LINES);
  if (lines.length === 0 || (lines.length === 1 && lines[0] === '')) return '';
  return `; last lines of ${name}:\n${lines.map((l) => `    ${l}`).join('\n')}`;
}

/** Keeps the last `limit` bytes written to it. */
function createTail(limit = 64 * 1024): { push(chunk: Buffer): void; text(): string } {
  let chunks: Buffer[] = [];
  let size = 0;
  return {
    push(chunk) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > 2 * limit) {
        const all = Buffer.concat(chunks);
        chunks = [all.subarray(all.length - limit)];
        size = limit;
      }
    },
    text: () => {
      const all = Buffer.concat(chunks);
      return all.subarray(Math.max(0, all.length - limit)).toString('utf8');
    },
  };
}

function runProcess(
  argv: string[],
  opts: { cwd: string; timeoutMs: number; env: NodeJS.ProcessEnv; killGraceMs: number },
): Promise<ProcessOutcome> {
  const started = performance.now();
  // detached: the command leads its own process group, so a timeout can stop its children too.
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = createTail();
  const stdout = createTail();
  child.stderr.on('data', (c: Buffer) => stderr.push(c));
  child.stdout.on('data', (c: Buffer) => stdout.push(c));
  let timedOut = false;
  let spawnError: Error | null = null;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is already gone: nothing left to stop.
    }
  };
  let killTimer: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup('SIGTERM');
    killTimer = setTimeout(() => killGroup('SIGKILL'), opts.killGraceMs);
  }, opts.timeoutMs);
  child.on('error', (error) => {
    spawnError = error;
  });
  // A grandchild that left the group could hold the pipes open; stop waiting for them shortly after exit.
  child.on('exit', () => {
    setTimeout(() => {
      child.stdout.destroy();
      child.stderr.destroy();
    }, 500).unref();
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      if (timedOut) killGroup('SIGKILL');
      resolve({
        argv,
        code,
        signal,
        timedOut,
        spawnError,
        stderr: stderr.text(),
        stdout: stdout.text(),
        durationMs: performance.now() - started,
      });
    });
  });
}
