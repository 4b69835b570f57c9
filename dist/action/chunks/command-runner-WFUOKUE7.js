import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  readPredictions
} from "./chunk-QG2QG7VX.js";
import "./chunk-C6CR24RA.js";
import "./chunk-E76YTMFB.js";
import "./chunk-X7FPNALG.js";
import {
  ModelError
} from "./chunk-MIO7ENFF.js";
import "./chunk-ZGDBGMMU.js";

// action/runners/command-runner.ts
import { spawn } from "node:child_process";
import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

// action/runners/parse-command.ts
var SHELL_OPERATORS = /* @__PURE__ */ new Set(["|", "&", ";", "<", ">", "(", ")", "$", "`"]);
var CommandTemplateError = class extends Error {
};
function parseCommandTemplate(template) {
  const words = [];
  let word = "";
  let inWord = false;
  let i = 0;
  const take = () => {
    if (i >= template.length) throw new CommandTemplateError("the command ends with a lone backslash");
    return template[i++];
  };
  while (i < template.length) {
    const ch = template[i++];
    if (ch === " " || ch === "	" || ch === "\n") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      continue;
    }
    inWord = true;
    if (ch === "\\") word += take();
    else if (ch === "'") {
      const end = template.indexOf("'", i);
      if (end < 0) throw new CommandTemplateError(`unterminated ' quote at character ${i}`);
      word += template.slice(i, end);
      i = end + 1;
    } else if (ch === '"') {
      const start = i;
      for (; ; ) {
        if (i >= template.length)
          throw new CommandTemplateError(`unterminated " quote at character ${start}`);
        const c = template[i++];
        if (c === '"') break;
        word += c === "\\" && '"\\$`'.includes(template[i] ?? "") ? take() : c;
      }
    } else if (SHELL_OPERATORS.has(ch)) {
      throw new CommandTemplateError(
        `'${ch}' at character ${i} needs a shell, and commands run without one; quote it, or move the pipeline into a script`
      );
    } else word += ch;
  }
  if (inWord) words.push(word);
  if (words.length === 0) throw new CommandTemplateError("the command is empty");
  return words;
}
function buildCommandArgv(template, values) {
  return parseCommandTemplate(template).map(
    (w) => w.replace(/\{(model|data|out)\}/g, (_, key) => values[key])
  );
}

// action/runners/command-runner.ts
async function runCommandModel(options) {
  const argvFor = prepareArgv(options);
  const dir = await mkdtemp(join(tmpdir(), "modelgate-predictions-"));
  try {
    const out = join(dir, `predictions.${options.outExtension ?? "csv"}`);
    const argv = argvFor(out);
    const run = await runProcess(argv, {
      cwd: options.cwd,
      timeoutMs: options.timeoutMs,
      env: options.env ?? buildCommandEnv(process.env),
      killGraceMs: options.killGraceMs ?? 2e3
    });
    checkOutcome(run, options);
    await access(out).catch((error) => {
      throw new ModelError(
        `the command exited with code 0 but wrote no predictions file to {out}${formatTail(run)}`,
        options.artifact,
        { cause: error, code: "command_no_output" }
      );
    });
    const file = await readPredictions(out, {
      ...options,
      displayPath: `predictions written by the command for ${options.artifact}`
    });
    return { ...file, metadata: { ...file.metadata, format: "command" }, durationMs: run.durationMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
function prepareArgv(options) {
  try {
    parseCommandTemplate(options.command);
    if (!options.command.includes("{out}"))
      throw new CommandTemplateError("it has no {out} placeholder for the predictions file");
  } catch (error) {
    if (!(error instanceof CommandTemplateError)) throw error;
    throw new ModelError(`invalid command "${options.command}": ${error.message}`, options.artifact, {
      cause: error,
      code: "command_invalid"
    });
  }
  return (out) => buildCommandArgv(options.command, { model: options.modelPath, data: options.dataPath, out });
}
function buildCommandEnv(env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^(INPUT_|ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_)/.test(key) || /^(GITHUB_TOKEN|GH_TOKEN|ACTIONS_RUNTIME_TOKEN)$/.test(key))
      continue;
    out[key] = value;
  }
  return out;
}
function checkOutcome(run, options) {
  const shown = `"${options.command}"`;
  const fail = (message, code) => new ModelError(message, options.artifact, { code, ...run.spawnError ? { cause: run.spawnError } : {} });
  if (run.spawnError)
    throw fail(
      `the command ${shown} could not start (${run.spawnError.message}); is "${run.argv[0]}" installed and on PATH?`,
      "command_failed"
    );
  if (run.timedOut)
    throw fail(
      `the command ${shown} did not finish within ${options.timeoutMs / 1e3} s and was stopped${formatTail(run)}`,
      "command_timeout"
    );
  if (run.signal)
    throw fail(`the command ${shown} was killed by signal ${run.signal}${formatTail(run)}`, "command_failed");
  if (run.code !== 0)
    throw fail(`the command ${shown} failed with exit code ${run.code}${formatTail(run)}`, "command_failed");
}
var TAIL_LINES = 20;
function formatTail(run) {
  const [name, text] = run.stderr.trim() !== "" ? ["stderr", run.stderr] : ["stdout", run.stdout];
  const lines = text.trimEnd().split(/\r?\n/).slice(-TAIL_LINES);
  if (lines.length === 0 || lines.length === 1 && lines[0] === "") return "";
  return `; last lines of ${name}:
${lines.map((l) => `    ${l}`).join("\n")}`;
}
function createTail(limit = 64 * 1024) {
  let chunks = [];
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
      return all.subarray(Math.max(0, all.length - limit)).toString("utf8");
    }
  };
}
function runProcess(argv, opts) {
  const started = performance.now();
  const child = spawn(argv[0], argv.slice(1), {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"]
  });
  const stderr = createTail();
  const stdout = createTail();
  child.stderr.on("data", (c) => stderr.push(c));
  child.stdout.on("data", (c) => stdout.push(c));
  let timedOut = false;
  let spawnError = null;
  const killGroup = (signal) => {
    try {
      if (child.pid !== void 0) process.kill(-child.pid, signal);
    } catch {
    }
  };
  let killTimer;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup("SIGTERM");
    killTimer = setTimeout(() => killGroup("SIGKILL"), opts.killGraceMs);
  }, opts.timeoutMs);
  child.on("error", (error) => {
    spawnError = error;
  });
  child.on("exit", () => {
    setTimeout(() => {
      child.stdout.destroy();
      child.stderr.destroy();
    }, 500).unref();
  });
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      if (timedOut) killGroup("SIGKILL");
      resolve({
        argv,
        code,
        signal,
        timedOut,
        spawnError,
        stderr: stderr.text(),
        stdout: stdout.text(),
        durationMs: performance.now() - started
      });
    });
  });
}
export {
  buildCommandEnv,
  runCommandModel
};
