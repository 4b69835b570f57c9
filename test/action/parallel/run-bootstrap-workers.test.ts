import { copyToSharedMemory } from '../../../action/parallel/copy-to-shared-memory.js';
import { splitResamples } from '../../../action/parallel/run-bootstrap-workers.js';
import { LANES } from '../../../shared/evaluate/lane-row-counts.js';

describe('splitResamples', () => {
  test.each([
    [
      1000,
      2,
      [
        [0, 496],
        [496, 1000],
      ],
    ],
    [
      1000,
      3,
      [
        [0, 336],
        [336, 672],
        [672, 1000],
      ],
    ],
    [
      37,
      2,
      [
        [0, 16],
        [16, 37],
      ],
    ],
    [10, 4, [[0, 10]]],
    [
      32,
      2,
      [
        [0, 16],
        [16, 32],
      ],
    ],
  ])('%i resamples on %i workers (LANES = 16)', (resamples, parts, expected) => {
    expect(LANES).toBe(16);
    expect(splitResamples(resamples, parts)).toEqual(expected);
  });

  test('slices are contiguous, cover [0, B) and cut at whole batches', () => {
    for (const [b, parts] of [
      [1, 2],
      [999, 2],
      [1000, 7],
      [16 * 5 + 1, 5],
    ] as const) {
      const ranges = splitResamples(b, parts);
      expect(ranges[0]![0]).toBe(0);
      expect(ranges.at(-1)![1]).toBe(b);
      ranges.forEach(([from, to], i) => {
        expect(to).toBeGreaterThan(from);
        if (i > 0) expect(from).toBe(ranges[i - 1]![1]);
        if (i < ranges.length - 1) expect(to % LANES).toBe(0);
      });
    }
  });
});

describe('copyToSharedMemory', () => {
  test('typed arrays move to shared memory with the same bits; structure and other values are kept', () => {
    const nan = new Float64Array([Number.NaN, -0, 1.5]);
    const bytes = new Uint8Array([1, 2, 3, 4, 5]).subarray(1, 4);
    const plain = { task: 'binary', rows: 3, nested: { list: [bytes, null], ties: null }, nan };
    const copy = copyToSharedMemory(plain);
    expect(copy).not.toBe(plain);
    expect(copy.nan.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(copy.nested.list[0]!.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(copy.nested.list[0]!)).toEqual([2, 3, 4]);
    expect(Object.is(copy.nan[1], -0)).toBe(true);
    expect(copy.nan[0]).toBeNaN();
    expect(copy).toEqual({
      ...plain,
      nan: copy.nan,
      nested: { list: [copy.nested.list[0], null], ties: null },
    });
    // Already shared: kept as is (no second copy).
    expect(copyToSharedMemory(copy).nan).toBe(copy.nan);
  });
});
