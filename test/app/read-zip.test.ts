import { isSafeName, readZip } from '../../app/github/read-zip.js';
import { ModelGateError } from '../../shared/errors.js';
import { craftZip, zipFiles } from './helpers/zip.js';

const LIMITS = { maxEntryBytes: 1_000_000, maxTotalBytes: 2_000_000, maxEntries: 8, maxRatio: 200 };
const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');

describe('readZip', () => {
  test('reads the wanted entries of an archive as the upload client writes it', async () => {
    const zip = await zipFiles({ 'report.json': '{"a":1}', 'report.md': '# hi', 'nested/x.txt': 'x' });
    const files = readZip(zip, ['report.json', 'nested/x.txt'], LIMITS);
    expect([...files.keys()].sort()).toEqual(['nested/x.txt', 'report.json']);
    expect(text(files.get('report.json'))).toBe('{"a":1}');
  });

  test('stored and deflated entries', () => {
    const zip = craftZip([
      { name: 'a.json', data: Buffer.from('stored'), method: 0 },
      { name: 'b.json', data: Buffer.from('deflated') },
    ]);
    const files = readZip(zip, ['a.json', 'b.json'], LIMITS);
    expect([text(files.get('a.json')), text(files.get('b.json'))]).toEqual(['stored', 'deflated']);
  });

  test.each<[string, () => Buffer | Promise<Buffer>, RegExp]>([
    ['empty input', () => Buffer.alloc(0), /no end of central directory/],
    [
      'too many entries',
      () => craftZip(Array.from({ length: 9 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') }))),
      /9 entries; at most 8/,
    ],
    [
      'total too large',
      () =>
        craftZip([
          { name: 'a', data: Buffer.alloc(900_000, 1) },
          { name: 'b', data: Buffer.alloc(900_000, 2) },
          { name: 'c', data: Buffer.alloc(900_000, 3) },
        ]),
      /implausible compression ratio|more than 2000000 bytes/,
    ],
    [
      'a backslash name',
      () => craftZip([{ name: 'a\\..\\report.json', data: Buffer.from('{}') }]),
      /not a plain relative path/,
    ],
    [
      'a drive letter',
      () => craftZip([{ name: 'C:report.json', data: Buffer.from('{}') }]),
      /not a plain relative path/,
    ],
    [
      'a truncated archive',
      async () => (await zipFiles({ 'report.json': 'x'.repeat(100) })).subarray(0, 60),
      /no end of central directory|outside the archive|malformed/,
    ],
  ])('rejects %s', async (_name, make, message) => {
    const zip = await make();
    expect(() => readZip(zip, ['report.json'], LIMITS)).toThrow(message);
    expect(() => readZip(zip, ['report.json'], LIMITS)).toThrow(ModelGateError);
  });

  test('a corrupted payload fails its CRC or inflation', () => {
    const zip = craftZip([{ name: 'report.json', data: Buffer.from('{"hello": "world"}'), method: 0 }]);
    zip[30 + 'report.json'.length] = 0x5b; // first data byte
    expect(() => readZip(zip, ['report.json'], LIMITS)).toThrow(/fails its CRC check/);
  });

  test.each([
    ['report.json', true],
    ['dir/report.json', true],
    ['dir/', true],
    ['../report.json', false],
    ['a/../../b', false],
    ['./report.json', false],
    ['/abs', false],
    ['a//b', false],
    ['', false],
  ])('isSafeName(%j) = %s', (name, safe) => {
    expect(isSafeName(name)).toBe(safe);
  });
});
