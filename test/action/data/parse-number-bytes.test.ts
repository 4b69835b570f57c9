import { decimalToDouble } from '../../../action/data/decimal-to-double.js';
import { numberEnd, parseNumberBytes, parseNumberPrefix } from '../../../action/data/parse-number-bytes.js';

const parse = (text: string) => {
  const bytes = Buffer.from(text);
  return parseNumberBytes(bytes, 0, bytes.length);
};

/** Number(text) where finite, else NaN: the reference every case is compared with. */
const reference = (text: string) => {
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
};

/** Seeded LCG so the random cases are the same on every run. */
function createRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

describe('parseNumberBytes', () => {
  it.each([
    ['0', 0],
    ['-0', -0],
    ['+0.0', 0],
    ['42', 42],
    ['-17', -17],
    ['+3', 3],
    ['1.', 1],
    ['.5', 0.5],
    ['-.25', -0.25],
    ['007', 7],
    ['1e3', 1000],
    ['1E+03', 1000],
    ['2.5e-3', 0.0025],
    ['  12.5\t', 12.5],
    ['0.1', 0.1],
    ['123456789012345', 123456789012345],
    ['9007199254740993', 9007199254740992],
    ['0.30000000000000004', 0.30000000000000004],
    ['1.7976931348623157e308', 1.7976931348623157e308],
    ['5e-324', 5e-324],
    ['1e-999', 0],
    ['100000000000000000000000000000', 1e29],
    ['0.1000000000000000055511151231257827021181583404541015625', 0.1],
  ])('%j → %p', (text, expected) => {
    expect(Object.is(parse(text), expected)).toBe(true);
  });

  it.each([
    '',
    ' ',
    '-',
    '+',
    '.',
    '-.',
    'e5',
    '1e',
    '1e+',
    '1.2.3',
    '--1',
    '+-1',
    '1 2',
    '0x10',
    '1_000',
    'NaN',
    'nan',
    'inf',
    'Infinity',
    '-Infinity',
    '1e999',
    '1,5',
    'abc',
  ])('%j → NaN', (text) => {
    expect(parse(text)).toBeNaN();
  });

  it('equals Number(text) on 200,000 random numbers in the shapes writers produce', () => {
    const random = createRandom(7);
    const digits = (count: number) => Array.from({ length: count }, () => random(10)).join('');
    const mismatches: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const x = (random(1e9) / 1e9 - 0.5) * 10 ** (random(40) - 20);
      const shapes = [
        () => String(x),
        () => x.toPrecision(1 + random(21)),
        () => x.toExponential(random(20)),
        () => `${digits(1 + random(10))}.${digits(random(12))}`,
        () => `${digits(1)}.${digits(15 + random(5))}e${random(44) - 22}`,
      ];
      const text = shapes[i % shapes.length]!();
      if (!Object.is(parse(text), reference(text))) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });

  it('rounds exact ties between two doubles to even, as Number does', () => {
    // 2^53 + odd is exactly halfway between two doubles (their spacing there is 2); so is that
    // value divided by a power of two, written out in full decimal.
    const random = createRandom(11);
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const m = 2n ** 53n + 2n * BigInt(random(1e9)) + 1n;
      const shift = random(8);
      const digits = (m * 5n ** BigInt(shift)).toString();
      const text = shift === 0 ? digits : `${digits.slice(0, -shift)}.${digits.slice(-shift)}`;
      if (!Object.is(parse(text), reference(text))) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('parseNumberPrefix', () => {
  it('stops at the first byte that cannot continue the number, after trailing spaces', () => {
    const bytes = Buffer.from('-12.5e1 ,next');
    expect(parseNumberPrefix(bytes, 0, bytes.length)).toBe(-125);
    expect(numberEnd.offset).toBe(8);
  });
});

describe('decimalToDouble', () => {
  it('gives (head × 10^k + tail) × 10^e correctly rounded', () => {
    expect(decimalToDouble(123456789012345, 2, 67, -17)).toBe(Number('0.12345678901234567'));
    expect(decimalToDouble(900719925474099, 2, 37, 0)).toBe(Number('90071992547409937'));
    expect(decimalToDouble(314159265358979, 4, 3238, 2)).toBe(Number('3141592653589793238e2'));
  });

  it('returns NaN for an exact tie it cannot prove, so the caller falls back to Number', () => {
    expect(decimalToDouble(900719925474099, 1, 3, 0)).toBeNaN(); // 2^53 + 1: halfway between doubles
    expect(parse('9007199254740993')).toBe(9007199254740992); // …and the fallback rounds to even
  });
});
