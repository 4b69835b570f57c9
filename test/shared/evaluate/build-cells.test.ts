import { buildCells } from '../../../shared/evaluate/build-cells.js';

describe('buildCells', () => {
  const groupings = [
    { column: 'sex', names: ['f', 'm'], codes: Int32Array.from([0, 1, 1, -1, 0, 1, 0]) },
    { column: 'band', names: ['lo', 'hi'], codes: Int32Array.from([1, 1, 1, 0, 1, 1, 1]) },
  ];
  const y = Int32Array.from([1, 0, 0, 1, 1, 0, 1]);
  const predC = Int32Array.from([1, 0, 0, 1, 1, 1, 1]);
  const predP = Int32Array.from([0, 0, 0, 1, 0, 1, 0]);

  test('one cell per distinct (groups, y, decisions), with its row count; missing = names.length', () => {
    const cells = buildCells({ y, k: 2, predC, predP, groupings });
    const described = Array.from({ length: cells.size }, (_, c) => [
      cells.group[0]![c],
      cells.group[1]![c],
      cells.y[c],
      cells.predC[c],
      cells.predP![c],
      cells.count[c],
    ]);
    // Rows 0, 4, 6 share (f, hi, 1, 1, 0); rows 1, 2 share (m, hi, 0, 0, 0).
    expect(described).toEqual([
      [0, 1, 1, 1, 0, 3],
      [1, 1, 0, 0, 0, 2],
      [1, 1, 0, 1, 1, 1],
      [2, 0, 1, 1, 1, 1],
    ]);
  });

  test('without production and groupings: cells of (y, decision) only', () => {
    const cells = buildCells({ y, k: 2, predC, predP: null, groupings: [] });
    expect(cells.predP).toBeNull();
    expect(cells.group).toEqual([]);
    expect([...cells.count]).toEqual([2, 1, 4]);
  });
});
