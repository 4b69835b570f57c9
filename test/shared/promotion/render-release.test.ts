import { buildLedger, renderLedger } from '../../../shared/promotion/build-ledger.js';
import { parseReleaseRecord } from '../../../shared/promotion/release-record.js';
import {
  buildVersionChart,
  type DashboardRelease,
} from '../../../shared/render/release/build-dashboard-view.js';
import {
  PROMOTION_COMMENT_MARKER,
  renderPromotionComment,
  renderRollbackComment,
} from '../../../shared/render/release/render-promotion-comments.js';
import {
  MAX_RELEASE_BODY,
  renderDashboard,
  renderModelCard,
  renderReleaseNotes,
} from '../../../shared/render/release/render-release.js';
import {
  mergeSource,
  releaseFacts,
  releaseRecord,
  rollbackSource,
  satisfiedSignoff,
} from './release-fixtures.js';

const HOSTILE = '@acme/everyone <img src=x onerror=alert(1)> [click](javascript:alert(1)) #1 **bold**';

function release(
  version: string,
  value: number | null,
  extra: Partial<ReturnType<typeof releaseRecord>> = {},
): DashboardRelease {
  return {
    record: releaseRecord({
      version,
      tag: `churn@v${version}`,
      primary: value === null ? null : { value, ci: [value - 0.01, value + 0.01] },
      ...extra,
    }),
    url: `https://github.com/acme/ml-models/releases/tag/churn%40v${version}`,
    publishedAt: `2025-0${version.split('.')[1]}-01T00:00:00Z`,
  };
}

describe('release notes', () => {
  test('snapshot: a merge with sign-off, metrics against production, provenance, hidden record', () => {
    const notes = renderReleaseNotes(releaseFacts(), releaseRecord());
    expect(notes).toMatchSnapshot();
    expect(parseReleaseRecord(notes)).toEqual(releaseRecord());
  });

  test('snapshot: a rollback says so, with the reason and whose numbers they are', () => {
    const notes = renderReleaseNotes(
      releaseFacts({ source: rollbackSource(), tag: 'churn@v1.5.0', version: '1.5.0' }),
      releaseRecord({ kind: 'rollback', rollbackOf: 'churn@v1.3.0', pullRequest: null }),
    );
    expect(notes).toMatchSnapshot();
  });

  test('production moved since the evaluation: the comparison says against what', () => {
    const notes = renderReleaseNotes(
      releaseFacts({ production: { tag: 'churn@v1.3.5', version: '1.3.5' } }),
      releaseRecord(),
    );
    expect(notes).toContain(
      'Production became churn@\u200Dv1.3.5 after this evaluation; the comparison is with churn@\u200Dv1.3.0, the version the candidate was evaluated against.',
    );
  });

  test('user text cannot inject markdown, HTML or mentions', () => {
    const notes = renderReleaseNotes(
      releaseFacts({ source: rollbackSource(HOSTILE), signoff: { ...satisfiedSignoff(), rules: [] } }),
      releaseRecord(),
    );
    const title = renderReleaseNotes(releaseFacts({ source: mergeSource(HOSTILE) }), releaseRecord());
    for (const text of [notes, title]) {
      expect(text).not.toContain('<img');
      expect(text).not.toContain('@acme');
      expect(text).not.toMatch(/(^|[^\\])\]\(javascript/m);
      expect(text).not.toContain('**bold**');
    }
  });

  test('notes beyond the release body limit drop the checks table first; the record stays', () => {
    const facts = releaseFacts();
    const long = {
      ...facts,
      model: {
        ...facts.model,
        checks: Array.from({ length: 700 }, () => ({ ...facts.model.checks[0]!, message: 'x'.repeat(200) })),
      },
    };
    const notes = renderReleaseNotes(long, releaseRecord());
    expect(notes.length).toBeLessThanOrEqual(MAX_RELEASE_BODY);
    expect(notes).toContain('left out to fit the size limit');
    expect(parseReleaseRecord(notes)).toEqual(releaseRecord());
  });

  test('an override template is used, and a broken one is a typed error', () => {
    const notes = renderReleaseNotes(releaseFacts(), releaseRecord(), {
      'release-notes': 'Custom {{title}} by {{summary}}',
    });
    expect(notes.startsWith('Custom churn v1.4.0 by Promoted from pull request')).toBe(true);
    expect(() =>
      renderReleaseNotes(releaseFacts(), releaseRecord(), { 'release-notes': '{{#each}}' }),
    ).toThrow(expect.objectContaining({ code: 'template_invalid' }));
  });
});

describe('model card', () => {
  test('snapshot: details, intended use, data, metrics with intervals and per slice, fairness, limitations', () => {
    const card = renderModelCard(releaseFacts());
    expect(card).toMatchSnapshot();
    for (const section of [
      '## Model details',
      '## Intended use',
      '## Evaluation data',
      '## Metrics',
      '### Metrics per slice: gender',
      '## Fairness considerations',
      '## Limitations',
      '## Provenance',
    ]) {
      expect(card).toContain(section);
    }
    expect(card).not.toContain('<details>');
  });
});

describe('ledger', () => {
  test('who approved what, when, under which rule, on which evidence', () => {
    const ledger = buildLedger({
      repository: 'acme/ml-models',
      model: 'churn',
      tag: 'churn@v1.4.0',
      version: '1.4.0',
      source: mergeSource(),
      signoff: satisfiedSignoff(),
      events: [
        {
          login: 'lee',
          at: '2025-03-14T09:58:12Z',
          kind: 'approve',
          via: 'review',
          isBot: false,
          digests: { churn: 'd' },
        },
      ],
      evidence: {
        artifactPath: 'models/churn/model.onnx',
        artifactSha256: 'a'.repeat(64),
        evaluationDigest: 'd'.repeat(64),
        reportSha256: 'e'.repeat(64),
        workflowRun: { id: 1, url: null },
      },
      decidedAt: '2025-03-14T10:30:05Z',
    });
    expect(ledger).toMatchSnapshot();
    expect(
      JSON.parse(
        renderLedger({
          repository: 'r',
          model: 'm',
          tag: 't',
          version: '1.0.0',
          source: mergeSource(),
          signoff: satisfiedSignoff(),
          events: [],
          evidence: {
            artifactPath: 'p',
            artifactSha256: 's',
            evaluationDigest: null,
            reportSha256: null,
            workflowRun: null,
          },
          decidedAt: 'now',
        }),
      ).decision,
    ).toEqual({ status: 'satisfied', missing: [], decidedAt: 'now' });
  });
});

describe('dashboard', () => {
  const facts = {
    models: [
      {
        name: 'churn',
        primaryMetric: 'roc_auc',
        releases: [
          release('1.1.0', 0.83),
          release('1.3.0', 0.842),
          release('1.2.0', 0.838),
          release('1.4.0', 0.851),
          release('1.5.0', 0.842, { kind: 'rollback', rollbackOf: 'churn@v1.3.0', pullRequest: null }),
          release('1.0.0', null),
        ],
        alert: {
          number: 12,
          title: 'churn: ROC AUC degraded on fresh data',
          url: 'https://github.com/acme/ml-models/issues/12',
        },
      },
      { name: 'fraud', primaryMetric: 'accuracy', releases: [], alert: null },
    ],
    awaiting: [
      {
        number: 44,
        title: 'Retrain fraud',
        url: 'https://github.com/acme/ml-models/pull/44',
        waiting: 'Waiting for: ML lead review (needs 1 approval from a member of acme/ml-leads).',
      },
    ],
  };

  test('snapshot: production, last five, chart with its table, alert, awaiting sign-off', () => {
    const body = renderDashboard(facts);
    expect(body).toMatchSnapshot();
    expect(body.startsWith('<!-- modelgate:dashboard -->\n')).toBe(true);
    // Last five promotions: 1.5.0 … 1.1.0, newest first; 1.0.0 is only in the chart data.
    const recent = body.split('## fraud')[0]!.split('```mermaid')[0]!;
    expect([...recent.matchAll(/\[v(\d\.\d\.\d)\]/g)].map((m) => m[1])).toEqual([
      '1.5.0',
      '1.5.0',
      '1.4.0',
      '1.3.0',
      '1.2.0',
      '1.1.0',
    ]);
  });

  test('chart: versions oldest first, versions without a value left out', () => {
    const chart = buildVersionChart(
      [release('1.0.0', null), release('1.1.0', 0.83), release('1.2.0', 0.8384)],
      'roc_auc',
    );
    expect(chart?.markdown).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '    title "ROC AUC by version"',
        '    x-axis ["v1.1.0", "v1.2.0"]',
        '    y-axis "ROC AUC"',
        '    line [0.83, 0.8384]',
        '```',
      ].join('\n'),
    );
    expect(buildVersionChart([release('1.1.0', 0.83)], 'roc_auc')).toBeNull();
  });
});

describe('comments', () => {
  test('promotion comment: links, refusals, failures', () => {
    const body = renderPromotionComment([
      {
        model: 'churn',
        status: 'promoted',
        tag: 'churn@v1.4.0',
        url: 'https://github.com/acme/ml-models/releases/tag/churn%40v1.4.0',
      },
      {
        model: 'fraud',
        status: 'refused',
        reasons: ['The gate verdict for fraud is fail; only a model whose gate passed is promoted.'],
      },
      {
        model: 'ltv',
        status: 'failed',
        reasons: ['GitHub API error while creating the tag ltv@v1.0.0: 500 status'],
      },
    ]);
    expect(body.startsWith(`${PROMOTION_COMMENT_MARKER}\n`)).toBe(true);
    expect(body).toMatchSnapshot();
  });

  test('rollback comment: pending, refused, done', () => {
    const request = {
      commentId: 9001,
      login: 'erin',
      at: '2025-04-02T08:00:00Z',
      url: 'u',
      model: 'churn',
      version: '1.3.0',
      reason: 'drift',
    };
    expect(
      renderRollbackComment({
        request,
        state: 'pending',
        release: null,
        lines: ['ML lead review: Needs 1 approval from a member of acme/ml-leads.'],
      }),
    ).toMatchSnapshot();
    expect(
      renderRollbackComment({
        request,
        state: 'refused',
        release: null,
        lines: [`erin has read permission; ${HOSTILE}`],
      }),
    ).not.toContain('<img');
    expect(
      renderRollbackComment({
        request,
        state: 'done',
        release: { tag: 'churn@v1.5.0', url: 'https://x/y' },
        lines: [],
      }),
    ).toContain('<!-- modelgate:rollback 9001 done -->');
  });
});
