/**
 * Bad input: every case exits 2 with one message naming the input (file, line/column or row,
 * column, key). Two kinds of failure reach the user differently:
 * - a run-level error (configuration, paths, command line) stops before any model: one
 *   `modelgate: error:` line on stderr and no report;
 * - a per-model error (data, predictions, model) becomes a model with verdict `error`: the
 *   summary on stdout shows the message under the model, and report.json / report.md are written.
 */
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { reportSchema } from '../../../shared/report/schema.js';
import {
  buildRows,
  type CliResult,
  configYaml,
  defaultRepoFiles,
  type Files,
  removeTempDirs,
  rowsToCsv,
  runCli,
  tempDir,
} from './cli-fixtures.js';

afterAll(removeTempDirs);

const CONFIG_FORM = ['evaluate', '--config', '.github/modelgate.yml', '--out', 'out', '--quiet'];
const ROWS = buildRows();
const CSV_LINES = rowsToCsv(ROWS).split('\n');

interface Run extends CliResult {
  dir: string;
}

/** The default repository with `files` replaced, evaluated with `argv` (the configured form by default). */
async function run(files: Files, argv = CONFIG_FORM, setup?: (dir: string) => void): Promise<Run> {
  const dir = tempDir({ ...defaultRepoFiles(), ...files });
  setup?.(dir);
  return { dir, ...(await runCli(argv, dir)) };
}

/** The configuration with one substring replaced (failing loudly if it is not there). */
function config(from: string, to: string): string {
  const text = configYaml();
  if (!text.includes(from)) throw new Error(`the test configuration has no "${from}"`);
  return text.replace(from, to);
}

/** Undoes the report's escaping of text from inputs: backslash escapes and HTML entities. */
function unescapeMarkdown(text: string): string {
  const entities: Record<string, string> = { quot: '"', '#39': "'", amp: '&', lt: '<', gt: '>' };
  return text
    .replace(/\\(.)/g, '$1')
    .replace(/&(quot|#39|amp|lt|gt);/g, (_, name: string) => entities[name]!);
}

/** A run-level error: exit 2, one `modelgate: error:` message on stderr holding every part, no report. */
function expectRunError(result: Run, parts: string[]): string {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.match(/modelgate: error:/g)).toHaveLength(1);
  const first = result.stderr.split('\n')[0]!;
  expect(first.startsWith('modelgate: error: ')).toBe(true);
  for (const part of parts) expect(first).toContain(part);
  expect(existsSync(path.join(result.dir, 'out', 'report.json'))).toBe(false);
  return first;
}

/**
 * A per-model error: exit 2, the summary says ERROR and shows the message under the model, and the
 * report (valid against the contract) carries it with verdict `error`, in JSON and in markdown.
 */
function expectModelError(result: Run, parts: string[]): string {
  expect(result.code).toBe(2);
  expect(result.stdout).toContain('overall verdict: ERROR');
  expect(result.stdout).toMatch(/^m: ERROR /m);
  const report = reportSchema.parse(
    JSON.parse(readFileSync(path.join(result.dir, 'out', 'report.json'), 'utf8')),
  );
  expect(report.verdict).toBe('error');
  const [model] = report.models;
  expect(model!.verdict).toBe('error');
  expect(model!.checks).toEqual([]);
  const message = model!.error!.message;
  for (const part of parts) expect(message).toContain(part);
  expect(result.stdout).toContain(`  ${message}\n`);
  const markdown = readFileSync(path.join(result.dir, 'out', 'report.md'), 'utf8');
  expect(unescapeMarkdown(markdown)).toContain(`⛔ ${message}`);
  return message;
}

describe('configuration', () => {
  test('malformed YAML names the file, line and column', async () => {
    const result = await run({ '.github/modelgate.yml': config('  seed: 7', '  seed: 7\n  seed: 8') });
    expectRunError(result, ['.github/modelgate.yml:5:3:', 'invalid YAML', 'Map keys must be unique']);
  });

  test('an unclosed bracket: the first line points at the bracket', async () => {
    const result = await run({ '.github/modelgate.yml': config('  seed: 7', '  seed: [7') });
    expectRunError(result, ['.github/modelgate.yml:5:3:', 'invalid YAML', 'end with a ]']);
  });

  test('an unknown key suggests the nearest one', async () => {
    const result = await run({
      '.github/modelgate.yml': config(
        '    sensitive: [gender]',
        '    sensitive: [gender]\n    featurs: [x1]',
      ),
    });
    expectRunError(result, [
      '.github/modelgate.yml:17:5',
      '(models.m.featurs)',
      'unknown key "featurs"; did you mean "features"?',
    ]);
  });

  test("an unknown metric suggests the registered name ('AUC' → roc_auc)", async () => {
    const result = await run({ '.github/modelgate.yml': config('roc_auc: { min', 'AUC: { min') });
    expectRunError(result, [
      '.github/modelgate.yml:18:7',
      '(models.m.gates.AUC)',
      'unknown performance metric "AUC"; did you mean "roc_auc"?',
    ]);
  });

  test('an unknown metric in an ad-hoc --gate names the option', async () => {
    const result = await run({}, [
      'evaluate',
      '--candidate',
      'models/m.onnx',
      '--data',
      'data/eval.csv',
      '--target',
      'y',
      '--gate',
      'AUC.min=0.8',
      '--out',
      'out',
    ]);
    expectRunError(result, ['command line (--gate AUC.min=0.8)', 'unknown metric "AUC"', 'roc_auc']);
  });

  test('a missing configuration file is named', async () => {
    const result = await run({}, ['evaluate', '--config', 'nope.yml', '--out', 'out']);
    expectRunError(result, ['nope.yml', 'configuration file not found']);
  });
});

describe('paths escaping the repository', () => {
  test('a data path with ".." is rejected with its key and position', async () => {
    const result = await run({ '.github/modelgate.yml': config('data: data/eval.csv', 'data: ../x.csv') });
    expectRunError(result, [
      '.github/modelgate.yml:11:11',
      '(models.m.data)',
      '"../x.csv" escapes the repository',
    ]);
  });

  test('an absolute artifact path is rejected with its key and position', async () => {
    const result = await run({
      '.github/modelgate.yml': config('artifact: models/m.onnx', 'artifact: /tmp/model.onnx'),
    });
    expectRunError(result, [
      '.github/modelgate.yml:10:15',
      '(models.m.artifact)',
      '"/tmp/model.onnx" is absolute',
    ]);
  });

  test('a symbolic link out of the repository is rejected, naming the key and the link', async () => {
    const outside = tempDir({ 'x.csv': rowsToCsv(ROWS) });
    const result = await run(
      { '.github/modelgate.yml': config('data: data/eval.csv', 'data: data/link.csv') },
      CONFIG_FORM,
      (dir) => symlinkSync(path.join(outside, 'x.csv'), path.join(dir, 'data', 'link.csv')),
    );
    expectRunError(result, ['models.m.data', '"data/link.csv"', 'symbolic link', 'outside the repository']);
  });

  test('a symbolic link that stays inside the repository is followed', async () => {
    const result = await run(
      { '.github/modelgate.yml': config('data: data/eval.csv', 'data: data/link.csv') },
      CONFIG_FORM,
      (dir) => symlinkSync('eval.csv', path.join(dir, 'data', 'link.csv')),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('evaluation data', () => {
  test('a missing data file is named', async () => {
    const result = await run({
      '.github/modelgate.yml': config('data: data/eval.csv', 'data: data/nope.csv'),
    });
    // A per-model error: other models would still be evaluated; the configured path is named.
    const message = expectModelError(result, ['data/nope.csv: file not found']);
    expect(result.stderr).toContain(`modelgate: error: m: ${message}`);
  });

  test.each([
    ['target', 'target: y', 'target: churned', 'churned'],
    ['feature', '[x1, x2, x3]', '[x1, x2, x4]', 'x4'],
    ['sensitive', 'sensitive: [gender]', 'sensitive: [sex]', 'sex'],
  ])(
    'a missing %s column is named with the file and the columns there are',
    async (role, from, to, column) => {
      const result = await run({ '.github/modelgate.yml': config(from, to) });
      expectModelError(result, [
        `data/eval.csv, column "${column}"`,
        `the ${role} column "${column}" is missing`,
        '"x1", "x2", "x3", "gender", "y"',
      ]);
    },
  );

  test('a text cell in a numeric feature column names the column', async () => {
    const lines = [...CSV_LINES];
    lines[5] = lines[5]!.replace(/^(r\d+),[^,]+,/, '$1,abc,');
    const result = await run({ 'data/eval.csv': lines.join('\n') });
    // Row 5 of the data holds the text: the message names the file, the row, the column and the cell.
    expectModelError(result, ['data/eval.csv, row 5, column "x1": "abc" is not a number', 'models/m.onnx']);
  });

  test('a label outside the binary set names the file, the row and the column', async () => {
    const lines = [...CSV_LINES];
    lines[7] = lines[7]!.replace(/,[01]$/, ',2');
    const result = await run({ 'data/eval.csv': lines.join('\n') });
    expectModelError(result, [
      'data/eval.csv, row 7, column "y"',
      'label "2" is outside the expected set',
      '(found "0", "1", "2")',
    ]);
  });

  test('a header without rows is empty data', async () => {
    const result = await run({ 'data/eval.csv': `${CSV_LINES[0]}\n` });
    expectModelError(result, ['data/eval.csv', 'no data rows']);
  });
});

describe('predictions files', () => {
  const predictionsConfig = config('artifact: models/m.onnx', 'artifact: models/m.csv');
  const predictions = (score: (i: number) => string, rows = ROWS) =>
    `id,score\n${rows.map((r, i) => `${r.id},${score(i)}`).join('\n')}\n`;

  test.each(['NaN', 'Infinity', '-inf'])(
    'a score of %s names the file, the row and the column',
    async (bad) => {
      const result = await run({
        '.github/modelgate.yml': predictionsConfig,
        'models/m.csv': predictions((i) => (i === 3 ? bad : '0.5')),
      });
      expectModelError(result, ['models/m.csv, row 4, column "score"', `'${bad}' is not a finite number`]);
    },
  );

  test('matched by row order, a row count different from the data is an error', async () => {
    const result = await run({
      '.github/modelgate.yml': predictionsConfig.replace('    id: id\n', ''),
      'models/m.csv': `score\n${ROWS.slice(1)
        .map(() => '0.5')
        .join('\n')}\n`,
    });
    expectModelError(result, ['models/m.csv', 'has 399 rows', 'data/eval.csv has 400']);
  });

  test('matched by id, a data row without a prediction is named', async () => {
    const result = await run({
      '.github/modelgate.yml': predictionsConfig,
      'models/m.csv': predictions(
        () => '0.5',
        ROWS.filter((r) => r.id !== 'r10'),
      ),
    });
    expectModelError(result, [
      'data/eval.csv, row 10, column "id"',
      "id 'r10'",
      'no prediction in models/m.csv',
    ]);
  });
});

describe('ONNX models', () => {
  // Fixed pseudo-random bytes: not a protobuf ModelProto.
  const garbage = Uint8Array.from({ length: 256 }, (_, i) => (i * 73 + 11) & 255);

  test('a corrupt candidate is named', async () => {
    const result = await run({ 'models/m.onnx': garbage });
    expectModelError(result, ['models/m.onnx', 'not a valid ONNX model']);
  });

  test('a corrupt production model is named (ad-hoc form)', async () => {
    const result = await run({ 'models/production.onnx': garbage }, [
      'evaluate',
      '--candidate',
      'models/m.onnx',
      '--production',
      'models/production.onnx',
      '--data',
      'data/eval.csv',
      '--target',
      'y',
      '--id',
      'id',
      '--sensitive',
      'gender',
      '--bootstrap',
      '0',
      '--out',
      'out',
      '--quiet',
    ]);
    expect(result.stdout).toContain('vs production models/production.onnx');
    expectModelError(result, ['models/production.onnx', 'not a valid ONNX model']);
  });

  test('a model expecting F features given F − 1 names the expected shape and the columns', async () => {
    const result = await run({ '.github/modelgate.yml': config('[x1, x2, x3]', '[x1, x2]') });
    expectModelError(result, [
      'models/m.onnx',
      "model expects input 'input' float32 [N, 3]",
      'the data has 2 feature columns: x1, x2',
    ]);
  });
});
