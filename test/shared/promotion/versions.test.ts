import { ConfigError, ModelGateError } from '../../../shared/errors.js';
import {
  bumpFromLabels,
  compareSemver,
  formatTag,
  matchPromotionTag,
  nextVersion,
  parseSemver,
  parseTagPattern,
  resolveLatestVersion,
  validateTagName,
} from '../../../shared/promotion/versions.js';

describe('parseSemver', () => {
  test.each([
    ['1.2.3', { major: 1, minor: 2, patch: 3, prerelease: [], build: [] }],
    ['0.0.0', { major: 0, minor: 0, patch: 0, prerelease: [], build: [] }],
    ['10.20.30', { major: 10, minor: 20, patch: 30, prerelease: [], build: [] }],
    ['1.0.0-rc.1', { major: 1, minor: 0, patch: 0, prerelease: ['rc', 1], build: [] }],
    ['1.0.0-0A.is.legal', { major: 1, minor: 0, patch: 0, prerelease: ['0A', 'is', 'legal'], build: [] }],
    ['1.0.0+20130313144700', { major: 1, minor: 0, patch: 0, prerelease: [], build: ['20130313144700'] }],
    [
      '1.0.0-beta+exp.sha.5114f85',
      { major: 1, minor: 0, patch: 0, prerelease: ['beta'], build: ['exp', 'sha', '5114f85'] },
    ],
    [
      '1.0.0+0.build.1-rc.10000aaa-kk-0.1',
      { major: 1, minor: 0, patch: 0, prerelease: [], build: ['0', 'build', '1-rc', '10000aaa-kk-0', '1'] },
    ],
  ])('parses %s', (text, expected) => {
    expect(parseSemver(text)).toEqual(expected);
  });

  test.each([
    'v1.2.3',
    '1.2',
    '1',
    '1.2.3.4',
    '01.2.3',
    '1.02.3',
    '1.2.03',
    '1.2.3-01',
    '1.2.3-',
    '1.2.3+',
    '1.2.3-a..b',
    '1.2.3+a..b',
    ' 1.2.3',
    '1.2.3 ',
    '',
    'a.b.c',
    '1.2.3-α',
    '9007199254740993.0.0',
    '1.0.0-9007199254740993',
  ])('rejects %j', (text) => {
    expect(parseSemver(text)).toBeNull();
  });
});

describe('compareSemver', () => {
  // The precedence chain from semver 2.0.0 §11, plus numeric (not string) ordering of numbers.
  const ordered = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.9.0',
    '1.10.0',
    '1.10.1',
    '2.0.0',
    '10.0.0',
  ];
  test.each(ordered.slice(1).map((b, i) => [ordered[i]!, b]))('%s < %s', (a, b) => {
    const pa = parseSemver(a)!;
    const pb = parseSemver(b)!;
    expect(compareSemver(pa, pb)).toBe(-1);
    expect(compareSemver(pb, pa)).toBe(1);
  });

  test('build metadata is ignored for precedence', () => {
    expect(compareSemver(parseSemver('1.0.0+a')!, parseSemver('1.0.0+b')!)).toBe(0);
    expect(compareSemver(parseSemver('1.0.0-rc.1+x')!, parseSemver('1.0.0-rc.1')!)).toBe(0);
  });
});

describe('parseTagPattern', () => {
  test.each([
    '{model}@v{version}',
    '{model}@{version}',
    'models/{model}/{version}',
    'release-{model}-v{version}',
    'v{version}/{model}',
  ])('accepts %s', (pattern) => {
    expect(parseTagPattern(pattern).source).toBe(pattern);
  });

  test.each([
    ['{model}', /\{version\} exactly once \(found 0\)/],
    ['v{version}', /\{model\} exactly once \(found 0\)/],
    ['{model}/{model}@{version}', /\{model\} exactly once \(found 2\)/],
    ['{model}@{version}-{version}', /\{version\} exactly once \(found 2\)/],
    ['{name}@v{version}', /unknown placeholder \{name\}/],
    ['{model}@v{version', /unmatched brace/],
    ['{model}{version}', /literal text between/],
    ['{model} v{version}', /forbidden character " "/],
    ['{model}:{version}', /forbidden character ":"/],
    ['{model}..{version}', /contains "\.\."/],
    ['/{model}@{version}', /empty path component/],
    ['{model}@{version}.lock', /ends with "\.lock"/],
  ])('rejects %s', (pattern, message) => {
    expect(() => parseTagPattern(pattern)).toThrow(message);
    expect(() => parseTagPattern(pattern)).toThrow(ConfigError);
  });

  test('the error names the file and the key path', () => {
    expect(() => parseTagPattern('{model}', { file: 'cfg.yml' })).toThrow(
      /^cfg\.yml \(release\.tag\): tag pattern "\{model\}"/,
    );
  });
});

describe('matchPromotionTag', () => {
  test.each([
    ['{model}@v{version}', 'churn@v1.2.0', { model: 'churn', version: '1.2.0' }],
    ['{model}@v{version}', 'churn@v1.2.0-rc.1', { model: 'churn', version: '1.2.0-rc.1' }],
    ['{model}@v{version}', 'team/churn@v2.0.0', { model: 'team/churn', version: '2.0.0' }],
    ['{model}@v{version}', 'churn-eu@v0.1.0', { model: 'churn-eu', version: '0.1.0' }],
    ['{model}@{version}', 'churn@1.2.0', { model: 'churn', version: '1.2.0' }],
    ['{model}-{version}', 'churn-eu-1.2.0', { model: 'churn-eu', version: '1.2.0' }],
    ['models/{model}/{version}', 'models/team/churn/1.0.0', { model: 'team/churn', version: '1.0.0' }],
    ['v{version}/{model}', 'v3.0.0/fraud.v2', { model: 'fraud.v2', version: '3.0.0' }],
    ['rel+{model}({version})', 'rel+churn(1.0.0)', { model: 'churn', version: '1.0.0' }],
    ['{model}@v{version}', 'churn@1.2.0', null],
    ['{model}@v{version}', 'churn@v1.2', null],
    ['{model}@v{version}', 'churn@v01.2.0', null],
    ['{model}@v{version}', 'churn@v1.2.0 ', null],
    ['{model}@v{version}', 'x/churn@v1.2.0/y', null],
    ['{model}@v{version}', 'v1.2.0', null],
    ['{model}@{version}', 'churn@v1.2.0', null],
    ['models/{model}/{version}', 'churn@v1.2.0', null],
    // A literal "+" or "(" must not act as a regex operator.
    ['rel+{model}({version})', 'relll{model}1.0.0', null],
    ['rel+{model}({version})', 'relchurn1.0.0', null],
  ])('%s reads %s', (pattern, tag, expected) => {
    expect(matchPromotionTag(pattern, tag)).toEqual(expected);
  });
});

describe('resolveLatestVersion', () => {
  const tags = [
    'churn@v1.9.0',
    'churn@v1.10.0',
    'churn@v1.2.0',
    'churn@v2.0.0-rc.1',
    'churn@v1.11',
    'churn@vbad',
    'churn@v01.20.0',
    'churn-eu@v9.0.0',
    'team/churn@v8.0.0',
    'churn/eu@v7.0.0',
    'v5.0.0',
    'xchurn@v6.0.0',
    'churn@v1.10.0-hotfix',
    'fraud@v3.0.0',
  ];
  test.each([
    ['{model}@v{version}', 'churn', tags, { tag: 'churn@v1.10.0', version: '1.10.0' }],
    ['{model}@v{version}', 'churn-eu', tags, { tag: 'churn-eu@v9.0.0', version: '9.0.0' }],
    ['{model}@v{version}', 'team/churn', tags, { tag: 'team/churn@v8.0.0', version: '8.0.0' }],
    ['{model}@v{version}', 'chur', tags, null],
    ['{model}@v{version}', 'eu', tags, null],
    ['{model}@v{version}', 'churn', ['churn@v1.0.0-rc.1', 'churn@v2.0.0-beta'], null],
    ['{model}@v{version}', 'churn', [], null],
    [
      '{model}@{version}',
      'churn',
      ['churn@1.0.0', 'churn@v2.0.0', 'churn@1.1.0'],
      { tag: 'churn@1.1.0', version: '1.1.0' },
    ],
    [
      '{model}-{version}',
      'churn',
      ['churn-1.0.0', 'churn-eu-2.0.0', 'churn-1.0.1'],
      { tag: 'churn-1.0.1', version: '1.0.1' },
    ],
    [
      '{model}-{version}',
      'churn-eu',
      ['churn-1.0.0', 'churn-eu-2.0.0'],
      { tag: 'churn-eu-2.0.0', version: '2.0.0' },
    ],
    [
      'models/{model}/{version}',
      'team/churn',
      [
        'models/team/churn/1.0.0',
        'models/churn/5.0.0',
        'models/team/churn/1.0.10',
        'models/team/churn/1.0.9',
      ],
      { tag: 'models/team/churn/1.0.10', version: '1.0.10' },
    ],
    ['models/{model}/{version}', 'churn', ['models/team/churn/1.0.0'], null],
    // Regex metacharacters in model names are literal: "a.b" must not match "aXb".
    ['{model}@v{version}', 'a.b', ['aXb@v3.0.0', 'a.b@v1.0.0'], { tag: 'a.b@v1.0.0', version: '1.0.0' }],
  ])('%s, model %s', (pattern, model, list, expected) => {
    expect(resolveLatestVersion(pattern, model, list)).toEqual(expected);
  });

  test('ties in precedence do not depend on tag order', () => {
    const a = ['m@v1.0.0+b', 'm@v1.0.0+a'];
    expect(resolveLatestVersion('{model}@v{version}', 'm', a)).toEqual({
      tag: 'm@v1.0.0+b',
      version: '1.0.0+b',
    });
    expect(resolveLatestVersion('{model}@v{version}', 'm', [...a].reverse())).toEqual({
      tag: 'm@v1.0.0+b',
      version: '1.0.0+b',
    });
  });
});

describe('nextVersion', () => {
  test.each([
    [null, 'minor', '1.0.0', '1.0.0'],
    [null, 'major', '0.1.0', '0.1.0'],
    ['1.2.3', 'major', '1.0.0', '2.0.0'],
    ['1.2.3', 'minor', '1.0.0', '1.3.0'],
    ['1.2.3', 'patch', '1.0.0', '1.2.4'],
    ['1.9.9', 'minor', '1.0.0', '1.10.0'],
    ['1.2.3+build.7', 'patch', '1.0.0', '1.2.4'],
    ['1.2.0-rc.1', 'minor', '1.0.0', '1.2.0'],
    ['1.2.3-rc.1', 'minor', '1.0.0', '1.3.0'],
    ['1.2.3-rc.1', 'patch', '1.0.0', '1.2.3'],
    ['2.0.0-rc.1', 'major', '1.0.0', '2.0.0'],
    ['2.1.0-rc.1', 'major', '1.0.0', '3.0.0'],
  ] as const)('%s + %s (first %s) = %s', (current, bump, first, expected) => {
    expect(nextVersion(current, bump, first)).toBe(expected);
  });

  test.each([
    ['v1.2.3', 'minor', '1.0.0', /current version "v1\.2\.3"/],
    [null, 'minor', '1.0', /first version "1\.0"/],
  ] as const)('rejects %s / %s', (current, bump, first, message) => {
    expect(() => nextVersion(current, bump, first)).toThrow(message);
    expect(() => nextVersion(current, bump, first)).toThrow(ModelGateError);
  });
});

describe('bumpFromLabels', () => {
  test.each([
    [[], 'minor', 'minor'],
    [['bug', 'enhancement'], 'patch', 'patch'],
    [['modelgate:patch'], 'minor', 'patch'],
    [['modelgate:patch', 'modelgate:major', 'modelgate:minor'], 'minor', 'major'],
    [['modelgate:minor', 'modelgate:patch'], 'patch', 'minor'],
    [['ModelGate:Major '], 'patch', 'major'],
    [['modelgate:huge', 'modelgate: major', 'xmodelgate:major'], 'patch', 'patch'],
  ] as const)('%j with fallback %s → %s', (labels, fallback, expected) => {
    expect(bumpFromLabels(labels, fallback)).toBe(expected);
  });
});

describe('formatTag', () => {
  test.each([
    ['{model}@v{version}', 'churn', '1.2.0', 'churn@v1.2.0'],
    ['{model}@v{version}', 'team/churn', '1.2.0', 'team/churn@v1.2.0'],
    ['models/{model}/{version}', 'team/churn', '2.0.0', 'models/team/churn/2.0.0'],
    ['{model}-{version}', 'churn-eu', '1.0.0', 'churn-eu-1.0.0'],
  ])('%s, %s, %s → %s', (pattern, model, version, expected) => {
    expect(formatTag(pattern, model, version)).toBe(expected);
    expect(matchPromotionTag(pattern, expected)).toEqual({ model, version });
  });

  test.each([
    ['{model}@v{version}', 'churn', 'v1.2.0', /not a semantic version/],
    ['{model}@v{version}', 'a..b', '1.0.0', /not a valid git tag name \(it contains "\.\."\)/],
    ['{model}@v{version}', 'team.lock/churn', '1.0.0', /ends with "\.lock"/],
    ['{model}@v{version}', '', '1.0.0', /would not read back/],
  ])('rejects %s, %j, %s', (pattern, model, version, message) => {
    expect(() => formatTag(pattern, model, version)).toThrow(message);
  });
});

describe('validateTagName', () => {
  test.each([
    ['churn@v1.0.0', null],
    ['team/churn@v1.0.0', null],
    ['a b', 'it contains the forbidden character " "'],
    ['a~1', 'it contains the forbidden character "~"'],
    ['a\\b', 'it contains the forbidden character "\\\\"'],
    ['a@{1}', 'it contains "@{"'],
    ['a//b', 'it has an empty path component'],
    ['-a', 'it starts with "-"'],
    ['a.', 'it ends with "."'],
    ['a/.b', 'a path component starts with "."'],
    ['@', 'it is empty or "@"'],
  ])('%j → %j', (name, expected) => {
    expect(validateTagName(name)).toBe(expected);
  });
});
