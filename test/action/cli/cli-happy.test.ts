/**
 * The CLI's three forms end to end, in-process: the configured form on the bundled demo, the ad-hoc
 * form, and the pull-request form (`--base/--head`) on a real temporary git repository; plus the
 * exit code of an inconclusive verdict with and without `--strict`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Report, reportSchema } from '../../../shared/report/schema.js';
import { TempRepo } from '../git/temp-repo.js';
import {
  buildRows,
  candidateOnnx,
  configYaml,
  defaultRepoFiles,
  logisticOnnx,
  productionOnnx,
  removeTempDirs,
  rowsToCsv,
  runCli,
  tempDir,
} from './cli-fixtures.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

afterAll(removeTempDirs);

/** Reads `dir/report.json` and validates it against the report contract. */
function readReport(dir: string): Report {
  const parsed = reportSchema.safeParse(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')));
  if (!parsed.success) throw new Error(`report.json breaks the contract: ${parsed.error.message}`);
  return parsed.data;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('modelgate evaluate --config (the demo)', () => {
  test('fails on the demo: the candidate breaks the four-fifths rule on gender; exit 1', async () => {
    const out = tempDir();
    const result = await runCli(
      [
        'evaluate',
        '--root',
        'examples/churn-repo',
        '--config',
        '.github/modelgate.yml',
        '--model',
        'churn',
        '--production',
        'examples/churn-repo/models/churn/production.onnx',
        '--bootstrap',
        '50',
        '--out',
        out,
      ],
      ROOT,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('overall verdict: FAIL');
    const report = readReport(out);
    expect(report.verdict).toBe('fail');
    expect(report.mode).toBe('evaluate');
    expect(report.settings).toMatchObject({ bootstrap: 50, seed: 42 });
    const [churn] = report.models;
    expect(churn).toMatchObject({
      name: 'churn',
      verdict: 'fail',
      error: null,
      firstPromotion: false,
      candidate: { path: 'models/churn/model.onnx', source: 'head' },
      production: { source: 'file' },
      data: { path: 'data/churn/eval.csv', rows: 4000 },
    });
    const parity = churn!.checks.find((c) => c.id === 'fairness.demographic_parity_ratio.gender.min');
    expect(parity).toMatchObject({ kind: 'fairness', column: 'gender', status: 'fail', threshold: 0.8 });
    expect(parity!.observed).toBeLessThan(0.8);
    expect(result.stdout).toContain(parity!.message);
    const markdown = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('ModelGate: failed');
    expect(markdown).toContain('Demographic parity ratio (disparate impact) on gender fell');
  });
});

describe('modelgate evaluate (ad-hoc form)', () => {
  test('a better candidate with equal selection rates passes the default gates; exit 0', async () => {
    // 1,000 mirrored rows: both gender groups hold the same rows, so the parity ratio is 1 and its
    // interval stays clear of 0.8; the candidate is the true model, production a weaker one.
    const dir = tempDir({ ...defaultRepoFiles(), 'data/eval.csv': rowsToCsv(buildRows(1000, 3)) });
    const result = await runCli(
      [
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
        '50',
        '--out',
        'out',
      ],
      dir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('overall verdict: PASS');
    const report = readReport(path.join(dir, 'out'));
    expect(report.mode).toBe('adhoc');
    const [model] = report.models;
    expect(model).toMatchObject({ name: 'm', verdict: 'pass', firstPromotion: false, data: { rows: 1000 } });
    // Features default to every column that is not target, id or sensitive, in file order.
    expect(model!.candidate.metadata.inputs).toEqual([{ name: 'input', type: 'float32', shape: ['N', 3] }]);
    // The default gates: no material regression of the primary metric, and the four-fifths rule.
    const summary = model!.checks.map(({ id, status, threshold }) => ({ id, status, threshold }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { id: 'gates.roc_auc.max_regression', status: 'pass', threshold: 0.01 },
        { id: 'fairness.demographic_parity_ratio.gender.min', status: 'pass', threshold: 0.8 },
      ]),
    );
    expect(summary).toHaveLength(2);
    expect(result.stdout).toMatch(/ROC AUC rose by .*; a fall of at most 0\.010 is allowed\./);
    expect(result.stdout).toMatch(/Demographic parity ratio \(disparate impact\) on gender .*at least 0\.8/);
    expect(existsSync(path.join(dir, 'out', 'report.md'))).toBe(true);
  });

  describe('an interval straddling a minimum (inconclusive)', () => {
    const dir = tempDir({ ...defaultRepoFiles() });
    const args = (min: number, ...extra: string[]) => [
      'evaluate',
      '--candidate',
      'models/m.onnx',
      '--data',
      'data/eval.csv',
      '--target',
      'y',
      '--id',
      'id',
      '--features',
      'x1,x2,x3',
      '--gate',
      `roc_auc.min=${min}`,
      '--bootstrap',
      '200',
      '--out',
      'out',
      ...extra,
    ];
    let auc = Number.NaN;

    beforeAll(async () => {
      const first = await runCli([...args(0.5), '--bootstrap', '0'], dir);
      expect(first.code).toBe(0);
      auc = readReport(path.join(dir, 'out')).models[0]!.metrics.roc_auc!.candidate.value!;
    });

    test('a minimum just under the AUC is within noise: inconclusive, exit 0 without --strict', async () => {
      const result = await runCli(args(auc - 0.005), dir);
      expect(result.code).toBe(0);
      const report = readReport(path.join(dir, 'out'));
      expect(report.verdict).toBe('inconclusive');
      const [check] = report.models[0]!.checks;
      expect(check).toMatchObject({ id: 'gates.roc_auc.min', status: 'warn' });
      expect(check!.interval![0]).toBeLessThan(auc - 0.005);
      expect(result.stdout).toContain('overall verdict: INCONCLUSIVE');
      expect(result.stdout).toContain('Within noise');
    });

    test('--strict makes the same inconclusive verdict exit 1', async () => {
      const result = await runCli(args(auc - 0.005, '--strict'), dir);
      expect(result.code).toBe(1);
      expect(readReport(path.join(dir, 'out')).verdict).toBe('inconclusive');
    });

    test('--strict with a minimum well below the interval passes: exit 0', async () => {
      const result = await runCli(args(auc - 0.2, '--strict'), dir);
      expect(result.code).toBe(0);
      expect(readReport(path.join(dir, 'out')).verdict).toBe('pass');
    });
  });
});

describe('modelgate evaluate --base --head (a pull request in a local git repository)', () => {
  let repo: TempRepo;
  afterAll(() => repo?.remove());

  test('production is the artifact at the promotion tag, the candidate the head branch', async () => {
    repo = TempRepo.create('modelgate-cli-git-');
    const promoted = productionOnnx();
    const config = configYaml({ name: 'churn' });
    const tagged = repo.commit('churn v1.0.0', {
      '.github/modelgate.yml': config,
      'data/eval.csv': rowsToCsv(buildRows()),
      'models/m.onnx': Buffer.from(promoted),
    });
    repo.tag('churn@v1.0.0');
    // An unpromoted change on main: production must still come from the tag, not from the base.
    const base = repo.commit('experiment on main', {
      'models/m.onnx': Buffer.from(logisticOnnx([0.3, -0.4, 0])),
    });
    repo.git('checkout', '-q', '-b', 'feature');
    const candidate = candidateOnnx();
    const head = repo.commit('better churn model', { 'models/m.onnx': Buffer.from(candidate) });

    const out = tempDir();
    const result = await runCli(
      ['evaluate', '--config', '.github/modelgate.yml', '--base', 'main', '--head', 'feature', '--out', out],
      repo.dir,
    );
    expect(result.code).toBe(0);
    const report = readReport(out);
    expect(report.base).toEqual({ ref: 'main', sha: base });
    expect(report.head).toEqual({ ref: 'feature', sha: head });
    expect(report.models).toHaveLength(1);
    const [churn] = report.models;
    expect(churn).toMatchObject({ name: 'churn', verdict: 'pass', firstPromotion: false, error: null });
    expect(churn!.production).toMatchObject({
      path: 'models/m.onnx',
      source: 'release',
      tag: 'churn@v1.0.0',
      version: '1.0.0',
      commit: tagged,
      sha256: sha256(promoted),
    });
    expect(churn!.candidate).toMatchObject({
      path: 'models/m.onnx',
      source: 'head',
      commit: head,
      sha256: sha256(candidate),
    });
    expect(result.stdout).toContain('vs production models/m.onnx (v1.0.0)');
  });
});
