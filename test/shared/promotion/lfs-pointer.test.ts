import { parseLfsPointer } from '../../../shared/promotion/lfs-pointer.js';

const OID = '4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393';

describe('parseLfsPointer', () => {
  test.each([
    [
      `version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\nsize 12345\n`,
      { sha256: OID, size: 12345 },
    ],
    // Keys other than oid and size are allowed (extensions).
    [
      `version https://git-lfs.github.com/spec/v1\next-0-foo sha256:${'1'.repeat(64)}\noid sha256:${OID}\nsize 1\n`,
      { sha256: OID, size: 1 },
    ],
    ['plain model bytes', null],
    [`oid sha256:${OID}\nsize 1\n`, null],
    [`version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\n`, null],
    [`version https://git-lfs.github.com/spec/v1\noid sha1:${OID.slice(0, 40)}\nsize 1\n`, null],
    [`version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\nsize 1\n${'x'.repeat(2000)}`, null],
  ])('%j', (text, expected) => {
    expect(parseLfsPointer(text)).toEqual(expected);
  });
});
