import {
  buildGroupings,
  buildIntersection,
  MISSING_GROUP,
} from '../../../shared/fairness/build-groupings.js';

const sex = { name: 'sex', levels: ['f', 'm'], codes: Int32Array.from([0, 1, 1, -1, 0, 1]) };
const age = { name: 'age', levels: ['young', 'old'], codes: Int32Array.from([1, 0, 1, 1, 1, -1]) };
const region = { name: 'region', levels: ['n', 's', 'e'], codes: Int32Array.from([2, 2, 0, 0, 1, 2]) };

describe('buildGroupings', () => {
  test('without intersections: one grouping per column, codes and levels kept (-1 = missing)', () => {
    const groupings = buildGroupings({ columns: [sex, age], intersections: false });
    expect(groupings.map((g) => g.column)).toEqual(['sex', 'age']);
    expect(groupings[0]!.names).toEqual(['f', 'm']);
    expect([...groupings[0]!.codes]).toEqual([0, 1, 1, -1, 0, 1]);
  });

  test('two columns with intersections add a&b with the combinations present', () => {
    const groupings = buildGroupings({ columns: [sex, age], intersections: true });
    expect(groupings.map((g) => g.column)).toEqual(['sex', 'age', 'sex&age']);
    const both = groupings[2]!;
    // Ordered by the parts' level order, missing last.
    expect(both.names).toEqual(['f&old', 'm&young', 'm&old', 'm&(missing)', `${MISSING_GROUP}&old`]);
    expect([...both.codes].map((c) => both.names[c])).toEqual([
      'f&old',
      'm&young',
      'm&old',
      '(missing)&old',
      'f&old',
      'm&(missing)',
    ]);
  });

  test('three columns: every pair and the full product', () => {
    const groupings = buildGroupings({ columns: [sex, age, region], intersections: true });
    expect(groupings.map((g) => g.column)).toEqual([
      'sex',
      'age',
      'region',
      'sex&age',
      'sex&region',
      'age&region',
      'sex&age&region',
    ]);
    const full = groupings[6]!;
    expect([...full.codes].map((c) => full.names[c])).toEqual([
      'f&old&e',
      'm&young&e',
      'm&old&n',
      '(missing)&old&n',
      'f&old&s',
      'm&(missing)&e',
    ]);
    expect(full.codes.every((c) => c >= 0)).toBe(true);
  });

  test('a single column with intersections on is just that column', () => {
    expect(buildGroupings({ columns: [sex], intersections: true }).map((g) => g.column)).toEqual(['sex']);
  });

  test('no columns → no groupings', () => {
    expect(buildGroupings({ columns: [], intersections: true })).toEqual([]);
  });

  test('columns of different lengths are rejected', () => {
    const short = { ...age, codes: Int32Array.from([0, 1]) };
    expect(() => buildGroupings({ columns: [sex, short], intersections: false })).toThrow(
      'age has 2 rows, expected 6',
    );
  });

  test('intersection of many levels (Map path) keeps the order', () => {
    const n = 5000;
    const a = {
      name: 'a',
      levels: Array.from({ length: 2500 }, (_, i) => `a${i}`),
      codes: Int32Array.from({ length: n }, (_, i) => (i * 7) % 2500),
    };
    const b = {
      name: 'b',
      levels: Array.from({ length: 2000 }, (_, i) => `b${i}`),
      codes: Int32Array.from({ length: n }, (_, i) => (i * 3) % 2000),
    };
    const g = buildIntersection([a, b]);
    for (let i = 0; i < n; i++) expect(g.names[g.codes[i]!]).toBe(`a${a.codes[i]}&b${b.codes[i]}`);
    const sorted = [...g.names].sort((x, y) => {
      const [xa, xb] = x.split('&').map((s) => Number(s.slice(1)));
      const [ya, yb] = y.split('&').map((s) => Number(s.slice(1)));
      return xa! - ya! || xb! - yb!;
    });
    expect(g.names).toEqual(sorted);
  });
});
