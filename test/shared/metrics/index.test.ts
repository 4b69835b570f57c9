import * as metrics from '../../../shared/metrics/index.js';

describe('shared/metrics public API', () => {
  test.each([
    'computeConfusion',
    'computeCountMetrics',
    'computeCountMetricValue',
    'sortOrderDescending',
    'computeRocAuc',
    'computeAveragePrecision',
    'computeRankMetrics',
    'computeLogLoss',
    'computeBrier',
    'computeBinaryMetrics',
    'decideBinary',
    'computeMulticlassMetrics',
    'decideMulticlass',
    'computeRegressionMetrics',
  ])('exports %s', (name) => {
    expect(typeof (metrics as Record<string, unknown>)[name]).toBe('function');
  });

  test('exports COUNT_METRICS and FLOAT64_EPS', () => {
    expect(metrics.COUNT_METRICS).toHaveLength(11);
    expect(metrics.FLOAT64_EPS).toBe(2.220446049250313e-16);
  });
});
