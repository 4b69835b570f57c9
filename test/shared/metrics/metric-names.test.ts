import {
  BINARY_METRICS,
  MULTICLASS_METRICS,
  REGRESSION_METRICS,
} from '../../../shared/metrics/metric-names.js';
import { metricsForTask } from '../../../shared/metrics/registry.js';

describe('metric name lists', () => {
  test.each([
    { task: 'binary', names: BINARY_METRICS },
    { task: 'multiclass', names: MULTICLASS_METRICS },
    { task: 'regression', names: REGRESSION_METRICS },
  ] as const)('$task names equal the registry, in registry order', ({ task, names }) => {
    expect([...names]).toEqual(metricsForTask(task));
  });
});
