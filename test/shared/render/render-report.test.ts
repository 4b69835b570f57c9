import { ModelGateError } from '../../../shared/errors.js';
import { COMMENT_MARKER, renderReport } from '../../../shared/render/render-report.js';
import { type Report, reportSchema } from '../../../shared/report/schema.js';
import {
  buildReport,
  churnModel,
  errorReport,
  failReport,
  firstPromotionReport,
  inconclusiveReport,
  passReport,
} from '../../fixtures/reports/report-fixtures.js';

const FIXTURES: [string, () => Report, string][] = [
  ['pass', passReport, 'pass'],
  ['fail', failReport, 'fail'],
  ['inconclusive', inconclusiveReport, 'inconclusive'],
  ['error', errorReport, 'error'],
  ['first promotion', firstPromotionReport, 'pass'],
];

describe('fixtures', () => {
  it.each(FIXTURES)(
    '%s report is valid against the report schema with the expected verdict',
    (_name, build, verdict) => {
      const report = build();
      expect(reportSchema.parse(report)).toEqual(report);
      expect(report.verdict).toBe(verdict);
    },
  );
});

describe('renderReport snapshots', () => {
  it.each(FIXTURES)('%s report as a comment', (_name, build) => {
    expect(renderReport(build(), { target: 'comment' })).toMatchSnapshot();
  });

  it('fail report as a job summary and as a file', () => {
    expect(renderReport(failReport(), { target: 'summary' })).toMatchSnapshot();
    expect(renderReport(failReport(), { target: 'terminal-file' })).toMatchSnapshot();
  });
});

describe('renderReport structure', () => {
  it('the comment starts with the hidden marker; other targets do not have it', () => {
    expect(renderReport(passReport(), { target: 'comment' }).startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(renderReport(passReport(), { target: 'summary' })).not.toContain(COMMENT_MARKER);
    expect(renderReport(passReport(), { target: 'terminal-file' })).not.toContain(COMMENT_MARKER);
  });

  it.each<[() => Report, string]>([
    [passReport, '## ✅ ModelGate: passed'],
    [failReport, '## ❌ ModelGate: failed'],
    [inconclusiveReport, '## ⚠️ ModelGate: inconclusive'],
    [errorReport, '## ⛔ ModelGate: could not be decided'],
  ])('one-line verdict with emoji and words: %#', (build, headline) => {
    expect(renderReport(build(), { target: 'comment' })).toContain(headline);
  });

  it('failed and noisy checks come first, errors then fails then warnings', () => {
    const text = renderReport(failReport(), { target: 'comment' });
    const attention = text.indexOf('**Needs attention**');
    expect(attention).toBeGreaterThan(0);
    expect(attention).toBeLessThan(text.indexOf('**Metrics**'));
    const section = text.slice(attention, text.indexOf('**Metrics**'));
    expect(section.lastIndexOf('| ❌ |')).toBeLessThan(section.indexOf('| ⚠️ |'));
    expect(section).not.toContain('| ✅ |');
  });

  it('details are collapsed on GitHub and plain sections in a file', () => {
    const comment = renderReport(failReport(), { target: 'comment' });
    expect(comment).toContain('<details>\n<summary>All checks (13)</summary>\n\n|');
    const file = renderReport(failReport(), { target: 'terminal-file' });
    expect(file).not.toContain('<details>');
    expect(file).toContain('#### All checks (13)');
  });

  it('the chart and its table show the same numbers', () => {
    const text = renderReport(failReport(), { target: 'comment' });
    const chart = text.slice(text.indexOf('**Selection rate by gender**'));
    expect(chart).toContain('    x-axis ["female", "male", "non-binary"]');
    expect(chart).toContain('    bar [0.251, 0.296, 0.19]');
    expect(chart).toContain('    line [0.248, 0.283, 0.238]');
    expect(chart).toContain('| female | 1412 | 0.248 | 0.251 | +0.003 |  |');
  });

  it('first promotion: no production line in charts, and says why comparisons are skipped', () => {
    const text = renderReport(firstPromotionReport(), { target: 'comment' });
    expect(text).toContain('First promotion: there is no production version, so comparisons are skipped.');
    expect(text).not.toMatch(/^ {4}line \[/m);
    expect(text).toContain('Bars: candidate.');
  });

  it('lists skipped models with their reasons', () => {
    const text = renderReport(failReport(), { target: 'comment' });
    expect(text).toContain(
      '### Not evaluated\n\n- **ltv**: No change to its artifact, data or configuration.',
    );
  });

  it('shows threshold changes made by the pull request', () => {
    const model = {
      ...churnModel('pass'),
      thresholdChanges: [
        'This PR relaxes the accuracy regression tolerance (max_regression) from 0.02 to 0.05.',
      ],
    };
    const text = renderReport(buildReport([model]), { target: 'comment' });
    expect(text).toContain(
      '> - This PR relaxes the accuracy regression tolerance (max\\_regression) from 0.02 to 0.05.',
    );
  });

  it('links: the shell’s links win; only http(s) URLs are used', () => {
    const text = renderReport(passReport(), {
      target: 'comment',
      links: { run: 'https://example.com/run/1', report: 'javascript:alert(1)' },
    });
    expect(text).toContain('[Workflow run](https://example.com/run/1)');
    expect(text).not.toContain('javascript');
    expect(text).not.toContain('Full report');
  });
});

/** Unescaped pipes in a markdown table row (GFM splits cells on them). */
function cellCount(row: string): number {
  return row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
}

/** Every table row has as many cells as its header. */
function expectTablesIntact(markdown: string): void {
  const blocks = markdown
    .split(/\n(?!\|)/)
    .map((block) => block.split('\n').filter((line) => line.startsWith('|')));
  for (const rows of blocks.filter((b) => b.length > 0)) {
    const header = cellCount(rows[0]!);
    for (const row of rows) expect([row, cellCount(row)]).toEqual([row, header]);
  }
}

describe('injection', () => {
  const EVIL_GROUP = '@org/team <img src=x> [x](http://e) | pipe';
  const EVIL_MODEL = '**bold** --> <!-- x';

  function evilReport(): Report {
    const base = churnModel('fail');
    const gender = base.groups.gender!;
    const model = {
      ...base,
      name: EVIL_MODEL,
      groups: {
        ...base.groups,
        'gender | `col`': { [EVIL_GROUP]: gender.female!, '"]; x-axis [evil': gender.male! },
      },
      checks: base.checks.map((check) => ({ ...check, message: `${check.message} ${EVIL_GROUP}` })),
      flags: [{ code: 'x', severity: 'risk' as const, message: '@admin please <script>alert(1)</script>' }],
      thresholdChanges: ['@team ships [link](http://evil)'],
      error: { code: 'e', message: '#1 @mention' },
    };
    return buildReport([model], {
      head: { ref: 'feat/@user-<b>|x', sha: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432' },
      skipped: [{ name: '*star*', reason: `![img](http://e/x.png) ${EVIL_GROUP}` }],
    });
  }

  it.each(['comment', 'summary', 'terminal-file'] as const)(
    '%s: no markdown, HTML, mentions or broken tables from data',
    (target) => {
      const text = renderReport(evilReport(), { target });
      expect(text).not.toMatch(/@(org|team|user|admin|mention)/);
      expect(text).not.toMatch(/<(img|script|b)\b/i);
      expect(text).not.toMatch(/\]\(http:\/\/e/);
      expect(text).not.toContain('**bold**');
      expect(text).not.toContain('`col`');
      expect(text).not.toMatch(/(?<!\\)!\[/);
      expect(text.replace(COMMENT_MARKER, '')).not.toContain('<!--');
      // The only `-->` allowed is Mermaid's axis range inside a code block.
      for (const line of text
        .replace(COMMENT_MARKER, '')
        .split('\n')
        .filter((l) => l.includes('-->')))
        expect(line).toMatch(/^ {4}y-axis "[^"]*" 0 --> 1$/);
      expect(text).toContain('\\*\\*bold\\*\\*');
      expectTablesIntact(text);
    },
  );

  it('Mermaid labels cannot break out of their quotes', () => {
    const text = renderReport(evilReport(), { target: 'comment' });
    const axes = text.split('\n').filter((line) => line.startsWith('    x-axis'));
    expect(axes.length).toBeGreaterThan(0);
    for (const axis of axes) expect(axis).toMatch(/^ {4}x-axis \[("[^"[\]\n]*"(, )?)+\]$/);
    const titles = text.split('\n').filter((line) => line.startsWith('    title'));
    for (const title of titles) expect(title).toMatch(/^ {4}title "[^"[\]]*"$/);
  });

  it('overridden templates are escaped the same way', () => {
    const text = renderReport(evilReport(), {
      target: 'comment',
      templates: { model: '### {{name}}\n{{#each attention}}\n- {{message}}\n{{/each}}\n' },
    });
    expect(text).toContain('### \\*\\*bold\\*\\* --&gt; &lt;!-- x');
    expect(text).not.toMatch(/@org/);
  });
});

describe('templates', () => {
  it('an override replaces one template and keeps the others', () => {
    const text = renderReport(passReport(), {
      target: 'summary',
      templates: { model: 'Model {{name}} {{verdict}}.\n' },
    });
    expect(text).toContain('Model churn passed.');
    expect(text).toContain('## ✅ ModelGate: passed');
    expect(text).not.toContain('**Metrics**');
  });

  it('a broken override is a typed error', () => {
    expect(() =>
      renderReport(passReport(), { target: 'summary', templates: { report: '{{#each models}}' } }),
    ).toThrow(ModelGateError);
    try {
      renderReport(passReport(), { target: 'summary', templates: { report: '{{#if}}{{/if}}' } });
    } catch (error) {
      expect((error as ModelGateError).code).toBe('template_invalid');
    }
    expect.assertions(2);
  });
});

describe('truncation', () => {
  /** Many models with many groups: far above the comment limit. */
  function bigReport(): Report {
    const model = churnModel('fail');
    const groups = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [
        `region-${i}`,
        {
          ...model.groups.gender!.female!,
          candidate: { selection_rate: 0.2 + i / 2000, recall: 0.6, fpr: 0.1 },
        },
      ]),
    );
    const models = Array.from({ length: 6 }, (_, i) => ({
      ...model,
      name: `model-${i}`,
      groups: { ...model.groups, region: groups },
    }));
    return buildReport(models);
  }

  const size = (text: string) => new TextEncoder().encode(text).length;

  it('a report within the limit is not shortened', () => {
    expect(renderReport(failReport(), { target: 'comment' })).not.toContain('shortened');
  });

  it('the comment fits 65,536 characters: details go first, verdicts and failed checks stay', () => {
    const full = renderReport(bigReport(), { target: 'terminal-file' });
    expect(size(full)).toBeGreaterThan(65_536);
    const text = renderReport(bigReport(), { target: 'comment' });
    expect(size(text)).toBeLessThanOrEqual(65_536);
    expect(text.startsWith(COMMENT_MARKER)).toBe(true);
    expect(text).toMatch(
      /shortened to fit the size limit of a pull request comment \(65,536 characters\)\. Left out: details/,
    );
    expect(text).not.toContain('<details>');
    for (let i = 0; i < 6; i++) expect(text).toContain(`### ❌ model-${i}: failed`);
    expect(text.match(/\*\*Needs attention\*\*/g)).toHaveLength(6);
  });

  it.each<[number, RegExp, boolean, boolean]>([
    // Full: about 10.4 kB; without details 4.9 kB; without charts 3.9 kB; without tables 2.5 kB.
    [9_000, /Left out: details\./, true, true],
    [4_000, /Left out: details, per-group charts and tables\./, false, true],
    [3_000, /Left out: details, per-group charts and tables, metric and fairness tables\./, false, false],
  ])('at %d bytes drops parts in order', (max, note, charts, tables) => {
    const text = renderReport(failReport(), { target: 'summary', maxLength: max });
    expect(size(text)).toBeLessThanOrEqual(max);
    expect(text).toMatch(note);
    expect(text.includes('```mermaid')).toBe(charts);
    expect(text.includes('**Metrics**')).toBe(tables);
    expect(text).toContain('**Needs attention**');
  });

  it('then keeps as many checks needing attention as fit, and says how many were left out', () => {
    const text = renderReport(failReport(), { target: 'summary', maxLength: 2_000 });
    expect(size(text)).toBeLessThanOrEqual(2_000);
    expect(text).toContain('**Needs attention**');
    expect(text).toContain('### ❌ churn: failed');
    expect(text).toMatch(/\d+ more checks? needs? attention; see the full report\./);
    expect(text).toMatch(/Left out: .*some checks needing attention/);
  });

  it('as a last resort cuts at a line and says so', () => {
    const text = renderReport(bigReport(), { target: 'summary', maxLength: 600 });
    expect(size(text)).toBeLessThanOrEqual(600);
    expect(text).toContain('The report was cut here to fit the size limit');
  });
});
