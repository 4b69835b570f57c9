import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildCommandEnv,
  type CommandModelOptions,
  runCommandModel,
} from '../../../action/runners/command-runner.js';
import { DataError, ModelError } from '../../../shared/errors.js';
import { caught, numeric, table } from './table-helpers.js';

const node = `'${process.execPath.replace(/'/g, `'\\''`)}'`;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'command-runner-test-'));
  // A stand-in for `python predict.py`: checks its arguments and cwd, writes scores to --out.
  await writeFile(
    join(root, 'predict.mjs'),
    `import { writeFileSync, existsSync } from 'node:fs';
const [, , flag, model, , data, , out, mode] = process.argv;
if (flag !== '--model' || model !== 'models/my model.pkl' || data !== 'data/eval.csv') { console.error('bad args', process.argv); process.exit(9); }
if (!existsSync('predict.mjs')) { console.error('wrong cwd'); process.exit(8); }
if (mode === 'fail') { for (let i = 1; i <= 30; i++) console.error('Traceback line ' + i); process.exit(3); }
if (mode === 'silent') process.exit(0);
const score = mode === 'nan' ? 'NaN' : '0.25';
writeFileSync(out, 'score,label\\n0.9,1\\n' + score + ',0\\n0.5,1\\n');
`,
  );
});

function options(overrides: Partial<CommandModelOptions> = {}): CommandModelOptions {
  return {
    command: `${node} predict.mjs --model {model} --data {data} --out {out}`,
    modelPath: 'models/my model.pkl',
    dataPath: 'data/eval.csv',
    cwd: root,
    timeoutMs: 60_000,
    artifact: 'models/my model.pkl',
    task: 'binary',
    data: table([numeric('x', [1, 2, 3])]),
    ...overrides,
  };
}

describe('runCommandModel', () => {
  it('runs the command in the repository root with the paths as single words, then reads {out}', async () => {
    const result = await runCommandModel(options());
    expect(result.predictions).toEqual({
      task: 'binary',
      score: Float64Array.from([0.9, 0.25, 0.5]),
      label: Uint8Array.from([1, 0, 1]),
    });
    expect(result.metadata.format).toBe('command');
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it('reports the exit code and the last 20 lines of stderr', async () => {
    const error = await caught(() =>
      runCommandModel(
        options({ command: `${node} predict.mjs --model {model} --data {data} --out {out} fail` }),
      ),
    );
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('command_failed');
    expect(error.message).toContain(
      'failed with exit code 3; last lines of stderr:\n    Traceback line 11\n',
    );
    expect(error.message).toMatch(/Traceback line 30$/);
    expect(error.message).not.toContain('Traceback line 10\n');
  });

  it('stops the whole process group on timeout', async () => {
    const command = `sh -c 'sleep 30 & echo $! > sleeper.pid; wait' {out}`;
    const error = await caught(() =>
      runCommandModel(options({ command, timeoutMs: 1500, killGraceMs: 100 })),
    );
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('command_timeout');
    expect(error.message).toContain('did not finish within 1.5 s and was stopped');
    // The grandchild `sleep` was in the group: it is gone (or a zombie awaiting its reaper).
    const pid = Number((await readFile(join(root, 'sleeper.pid'), 'utf8')).trim());
    expect(isRunning(pid)).toBe(false);
  });

  it('says when the command wrote no predictions', async () => {
    const error = await caught(() =>
      runCommandModel(
        options({ command: `${node} predict.mjs --model {model} --data {data} --out {out} silent` }),
      ),
    );
    expect((error as ModelError).code).toBe('command_no_output');
    expect(error.message).toContain('exited with code 0 but wrote no predictions file');
  });

  it('says when the program does not exist', async () => {
    const error = await caught(() =>
      runCommandModel(options({ command: 'no-such-program-for-modelgate {out}' })),
    );
    expect((error as ModelError).code).toBe('command_failed');
    expect(error.message).toContain(
      'could not start (spawn no-such-program-for-modelgate ENOENT); is "no-such-program-for-modelgate" installed',
    );
  });

  it.each([
    ['python predict.py {model} | tee {out}', "'|' at character 27 needs a shell"],
    ['python predict.py {model}', 'it has no {out} placeholder'],
  ])('rejects the template %j', async (command, message) => {
    const error = await caught(() => runCommandModel(options({ command })));
    expect((error as ModelError).code).toBe('command_invalid');
    expect(error.message).toContain(message);
  });

  it('validates what the command wrote like any predictions file', async () => {
    const error = await caught(() =>
      runCommandModel(
        options({ command: `${node} predict.mjs --model {model} --data {data} --out {out} nan` }),
      ),
    );
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toMatch(
      /^predictions written by the command for models\/my model\.pkl, row 2, column "score"/,
    );
  });
});

describe('buildCommandEnv', () => {
  it('drops credentials and action inputs, keeps the rest', () => {
    const env = buildCommandEnv({
      PATH: '/usr/bin',
      HOME: '/home/u',
      GITHUB_TOKEN: 'x',
      GH_TOKEN: 'x',
      INPUT_TOKEN: 'x',
      ACTIONS_RUNTIME_TOKEN: 'x',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'x',
      GITHUB_SHA: 'abc',
    });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/u', GITHUB_SHA: 'abc' });
  });
});

function isRunning(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (existsSync('/proc/self/stat')) {
    if (!existsSync(stat)) return false;
    // Field 3 is the state; Z = exited, not yet reaped.
    return readFileSync(stat, 'utf8').split(') ')[1]?.[0] !== 'Z';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
