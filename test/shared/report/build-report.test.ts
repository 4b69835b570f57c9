import { readFileSync } from 'node:fs';
import { buildReport, computeOverallVerdict } from '../../../shared/report/build-report.js';
import { reportSchema } from '../../../shared/report/schema.js';
import { MODELGATE_VERSION } from '../../../shared/version.js';

describe('computeOverallVerdict', () => {
  it.each([
    [[], 'pass'],
    [['pass', 'pass'], 'pass'],
    [['pass', 'inconclusive'], 'inconclusive'],
    [['inconclusive', 'fail'], 'fail'],
    [['fail', 'error', 'pass'], 'error'],
  ] as const)('%j → %s', (verdicts, expected) => {
    expect(computeOverallVerdict(verdicts.map((verdict) => ({ verdict })))).toBe(expected);
  });

  it('a run-level error is an error even with no models', () => {
    expect(computeOverallVerdict([], { code: 'x', message: 'y' })).toBe('error');
  });
});

describe('buildReport', () => {
  it('builds a schema-valid "no model changed" report', () => {
    const report = buildReport({
      createdAt: '2026-01-01T00:00:00.000Z',
      version: MODELGATE_VERSION,
      mode: 'pr',
      settings: {
        seed: 42,
        bootstrap: 1000,
        confidence: 0.95,
        method: 'paired percentile bootstrap',
        minGroupSize: 30,
      },
      environment: { modelgate: MODELGATE_VERSION, node: 'v20', onnxruntime: null, platform: 'linux-x64' },
      models: [],
      skipped: [{ name: 'churn', reason: 'not changed by this pull request' }],
    });
    expect(reportSchema.parse(report)).toEqual(report);
    expect(report.verdict).toBe('pass');
  });
});

describe('version', () => {
  it('equals package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(MODELGATE_VERSION).toBe(pkg.version);
  });
});
