import { escapeHtmlText, escapeMarkdown, safeUrl } from '../../../shared/render/escape-markdown.js';
import { escapeMermaidLabel } from '../../../shared/render/escape-mermaid.js';
import {
  formatConfidence,
  formatInterval,
  formatNumber,
  formatPercent,
  formatSigned,
  formatThreshold,
} from '../../../shared/render/format-number.js';

const ZWJ = '\u200D';

describe('formatNumber', () => {
  it.each<[number | null, string]>([
    [0.842, '0.842'],
    [0.83, '0.830'],
    [0.0123, '0.012'],
    [0.00123, '0.0012'],
    [0.000123, '0.00012'],
    [-0.012, '-0.012'],
    [12.3456, '12.35'],
    [1.5, '1.5'],
    [123.456, '123.5'],
    [9999.7, '10000'],
    [123456.7, '123457'],
    [0, '0'],
    [null, 'n/a'],
    [Number.NaN, 'n/a'],
    [Number.POSITIVE_INFINITY, 'n/a'],
  ])('%p → %s', (x, text) => {
    expect(formatNumber(x)).toBe(text);
  });

  it('signs, intervals, thresholds, percentages', () => {
    expect(formatSigned(0.004)).toBe('+0.004');
    expect(formatSigned(-0.004)).toBe('-0.004');
    expect(formatSigned(0)).toBe('0');
    expect(formatInterval([0.831, 0.853])).toBe('[0.831, 0.853]');
    expect(formatInterval([-0.02, 0.004], true)).toBe('[-0.020, +0.004]');
    expect(formatInterval(null)).toBe('');
    expect(formatThreshold(0.1)).toBe('0.1');
    expect(formatThreshold(0.1 + 0.2)).toBe('0.3');
    expect(formatPercent(0.0625)).toBe('6.25%');
    expect(formatPercent(0.05)).toBe('5%');
    expect(formatPercent(0.12345)).toBe('12.3%');
    expect(formatConfidence(0.95)).toBe('95%');
    expect(formatConfidence(0.975)).toBe('97.5%');
  });
});

describe('escapeMarkdown', () => {
  it.each<[string, string]>([
    ['plain words 1.5', 'plain words 1.5'],
    ['**bold** _it_ ~~s~~', '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~'],
    ['a | b', 'a \\| b'],
    ['`code`', '\\`code\\`'],
    ['[x](http://e)', `\\[x\\](http:${ZWJ}//e)`],
    ['![img](x)', '!\\[img\\](x)'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<!-- hidden -->', '&lt;!-- hidden --&gt;'],
    ['@org/team and @user', `@${ZWJ}org/team and @${ZWJ}user`],
    ['see #12', `see #${ZWJ}12`],
    ['$x^2$', '\\$x^2\\$'],
    ['www.example.com', `www${ZWJ}.example.com`],
    ['a\\b', 'a\\\\b'],
    ['&#64;user', `&amp;#${ZWJ}64;user`],
    ['line\nbreak\r\ttab', 'line break  tab'],
    ['rtl\u202Eevil', 'rtlevil'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['2) item', '2\\) item'],
    ['1.5 is fine', '1.5 is fine'],
    ['18-34', '18-34'],
    ['# title', `#${ZWJ} title`],
    ['> quote', '&gt; quote'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  it('null and undefined give an empty string', () => {
    expect(escapeMarkdown(null)).toBe('');
    expect(escapeMarkdown(undefined)).toBe('');
  });
});

describe('escapeHtmlText', () => {
  it('uses entities and breaks mentions', () => {
    expect(escapeHtmlText(`<b>"x" & 'y' @z</b>`)).toBe(
      `&#60;b&#62;&#34;x&#34; &#38; &#39;y&#39; @${ZWJ}z&#60;/b&#62;`,
    );
  });
});

describe('safeUrl', () => {
  it.each<[string | undefined, string | null]>([
    ['https://github.com/acme/x/actions/runs/1', 'https://github.com/acme/x/actions/runs/1'],
    ['https://e.com/a b(c)<d>', 'https://e.com/a%20b%28c%29%3Cd%3E'],
    ['javascript:alert(1)', null],
    ['ftp://e.com', null],
    ['', null],
    [undefined, null],
  ])('%p → %p', (url, safe) => {
    expect(safeUrl(url)).toBe(safe);
  });
});

describe('escapeMermaidLabel', () => {
  it.each<[string, string]>([
    ['female', 'female'],
    ['18-34', '18-34'],
    ['a "quoted" [label]', 'a _quoted_ _label_'],
    ['x`y;z%%w#1<b>', 'x_y_z__w_1_b_'],
    ['line\nbreak', 'line_break'],
    ['gender&age_band', 'gender&age_band'],
    ['Ünïcödé 名前', 'Ünïcödé 名前'],
  ])('%j → %j', (input, output) => {
    expect(escapeMermaidLabel(input)).toBe(output);
  });

  it('cuts long labels', () => {
    expect(escapeMermaidLabel('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
