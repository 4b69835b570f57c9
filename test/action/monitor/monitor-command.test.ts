/**
 * `modelgate monitor` on a laptop: a plain folder (no git) and a git repository with a promotion
 * tag, a local baseline report, fresh data given on the command line.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorCommand } from '../../../action/monitor/monitor-command.js';
import { ModelGateError } from '../../../shared/errors.js';
import { monitorReportSchema } from '../../../shared/monitor/schema.js';
import type { Report } from '../../../shared/report/schema.js';
import {
  buildPromotionReport,
  CONFIG,
  CONFIG_PATH,
  createMonitoredRepo,
  EVAL_DATA,
  MODEL_BYTES,
  population,
} from './monitor-fixture.js';

let baseline: Report;
const dirs: string[] = [];
beforeAll(async () => {
  baseline = await buildPromotionReport();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A plain folder as a data scientist has it checked out, without git metadata. */
function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'modelgate-cli-monitor-'));
  dirs.push(dir);
  const all = {
    [CONFIG_PATH]: CONFIG,
    'models/churn/model.onnx': MODEL_BYTES,
    'data/churn/eval.csv': EVAL_DATA,
    'baseline/report.json': JSON.stringify(baseline),
    ...files,
  };
  for (const [file, content] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const run = (cwd: string, extra: Partial<Parameters<typeof monitorCommand>[0]> = {}) =>
  monitorCommand({
    configPath: CONFIG_PATH,
    baselineReport: 'baseline/report.json',
    data: 'fresh.csv',
    out: 'out',
    cwd,
    ...extra,
  });

test('a plain folder, healthy fresh data: exit 0, report and markdown written', async () => {
  const cwd = folder({ 'fresh.csv': population({ rows: 1000, seed: 21 }) });
  const result = await run(cwd, { model: 'churn' });
  expect(result.exitCode).toBe(0);
  expect(result.report.status).toBe('healthy');
  const model = result.report.models[0]!;
  expect(model.production).toMatchObject({ tag: null, path: 'models/churn/model.onnx' });
  expect(model.baseline).toMatchObject({
    source: 'file',
    tag: null,
    data: { path: 'data/churn/eval.csv', rows: 2000 },
  });
  expect(model.reference).toMatchObject({ source: 'promotion', path: 'data/churn/eval.csv' });
  expect(monitorReportSchema.parse(JSON.parse(readFileSync(result.reportPath, 'utf8')))).toEqual(
    result.report,
  );
  const markdown = readFileSync(result.markdownPath, 'utf8');
  expect(markdown).toContain('## ✅ ModelGate monitor: healthy');
  expect(markdown).not.toContain('<details>');
});

test('degraded fresh data: exit 1 with the degradation named', async () => {
  const cwd = folder({ 'fresh.csv': population({ rows: 1000, seed: 22, flip: 0.35 }) });
  const result = await run(cwd);
  expect(result.exitCode).toBe(1);
  expect(result.report.models[0]!.headline).toMatch(/^roc_auc degraded 0\.\d{3} → 0\.\d{3}/);
});

test('the reference in the working tree differs from the promotion data: a clear error, exit 2', async () => {
  const cwd = folder({
    'fresh.csv': population({ rows: 1000, seed: 23 }),
    'data/churn/eval.csv': population({ rows: 2000, seed: 99 }),
  });
  const result = await run(cwd);
  expect(result.exitCode).toBe(2);
  expect(result.report.models[0]!.error).toMatchObject({ code: 'reference_mismatch' });
  expect(result.report.models[0]!.error!.message).toMatch(
    /^data\/churn\/eval\.csv in the working tree has sha256 [0-9a-f]{12}…, but the promotion was evaluated on data with sha256/,
  );
});

test('monitor.reference: drift against a configured file instead', async () => {
  const config = CONFIG.replace(
    '      min_rows: 200\n',
    '      min_rows: 200\n      reference: data/churn/reference.csv\n',
  );
  const cwd = folder({
    [CONFIG_PATH]: config,
    'fresh.csv': population({ rows: 1000, seed: 24 }),
    'data/churn/reference.csv': population({ rows: 800, seed: 25, shiftX3: 1 }),
  });
  const result = await run(cwd);
  const model = result.report.models[0]!;
  expect(model.reference).toMatchObject({
    source: 'configured',
    path: 'data/churn/reference.csv',
    rows: 800,
  });
  expect(model.drift!.features.columns.find((c) => c.column === 'x3')!.status).toBe('drifted');
});

test('a git repository with a promotion tag: production is the tagged artifact, not the working tree', async () => {
  const repo = createMonitoredRepo();
  dirs.push(repo.dir);
  repo.commit('work in progress', { 'models/churn/model.onnx': Buffer.from('not yet a model') });
  writeFileSync(path.join(repo.dir, 'report.json'), JSON.stringify(baseline));
  writeFileSync(path.join(repo.dir, 'fresh.csv'), population({ rows: 1000, seed: 26 }));
  const result = await run(repo.dir, { baselineReport: 'report.json' });
  expect(result.exitCode).toBe(0);
  expect(result.report.models[0]!.production).toMatchObject({ tag: 'churn@v1.3.0', version: '1.3.0' });
  expect(result.report.models[0]!.flags).toEqual([]);
});

test('run-level problems throw a ModelGateError with the fix', async () => {
  const cwd = folder({ 'fresh.csv': population({ rows: 300, seed: 27 }) });
  await expect(run(cwd, { baselineReport: 'missing.json' })).rejects.toThrow(
    "missing.json: file not found; pass the promotion's report (its release's modelgate-report.json) with --baseline-report.",
  );
  await expect(run(cwd, { model: 'fraud' })).rejects.toThrow(ModelGateError);
  writeFileSync(path.join(cwd, 'bad.json'), '{"schemaVersion": 2}');
  await expect(run(cwd, { baselineReport: 'bad.json' })).rejects.toThrow(
    /^bad\.json is not a valid ModelGate report \(schemaVersion 1\): schemaVersion/,
  );
});

test('fresh data without rows: too little data to judge, exit 0', async () => {
  const cwd = folder({ 'fresh.csv': 'id,region,x1,x2,x3,churned\n' });
  const result = await run(cwd);
  expect(result.exitCode).toBe(0);
  expect(result.report.models[0]).toMatchObject({ status: 'insufficient_data', error: null });
  expect(result.report.models[0]!.flags[0]!.message).toBe(
    'fresh.csv has no data rows: too little data to judge.',
  );
});

test('a predictions-file model cannot score fresh data: a clear error, exit 2', async () => {
  const config = CONFIG.replace(
    '    artifact: models/churn/model.onnx\n',
    '    artifact: models/churn/scores.csv\n    runner: predictions\n',
  );
  const cwd = folder({
    [CONFIG_PATH]: config,
    'models/churn/scores.csv': 'score\n0.5\n',
    'fresh.csv': population({ rows: 300, seed: 28 }),
  });
  const result = await run(cwd);
  expect(result.exitCode).toBe(2);
  expect(result.report.models[0]!.error).toEqual({
    code: 'monitor_unsupported',
    message:
      'Model "churn" uses runner: predictions. A predictions file covers only the rows it was made for and cannot score fresh data; monitoring needs runner: onnx or command.',
  });
});
