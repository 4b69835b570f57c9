/** The App's pure parts: facts marker, approvals binding, provenance decisions, config merging. */
import { LineCounter, parseDocument } from 'yaml';
import { buildApprovalEvents, findHeadAt } from '../../app/core/build-approvals.js';
import {
  clearVerified,
  decodeFacts,
  encodeFacts,
  MAX_COMMITS,
  recordVerified,
  startFacts,
} from '../../app/core/facts-marker.js';
import { findChangedModels } from '../../app/core/find-changed-models.js';
import { byteLength, fitBytes } from '../../app/core/fit-bytes.js';
import { locateKeyPath, mergeConfigs, parseExtends } from '../../app/core/merge-config.js';
import { trustReport } from '../../app/core/trust-report.js';
import { isAllowedWorkflow, verifyRun, verifyWorkflowFile } from '../../app/core/verify-provenance.js';
import type { PullInfo } from '../../app/github/pulls.js';
import type { RunInfo } from '../../app/github/runs.js';
import { buildTimeline } from '../../app/github/timeline.js';
import { parseConfig } from '../../shared/config/parse-config.js';
import { failReport, passReport } from '../fixtures/reports/report-fixtures.js';
import { CONFIG_TEXT } from './helpers/scenario.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const modelFacts = {
  name: 'churn',
  risk: 'high' as const,
  verdict: 'pass' as const,
  fairness: 'pass' as const,
  regressed: false,
  evaluationDigest: 'd'.repeat(64),
};

describe('facts marker', () => {
  test('round trip, and history carried to the next head', () => {
    const first = recordVerified(
      startFacts({ pr: 2, author: 'ann', head: A, at: '2025-01-01T00:00:00Z', previous: null }),
      7,
      [modelFacts],
    );
    expect(decodeFacts(`summary\n\n${encodeFacts(first)}`)).toEqual(first);
    const next = startFacts({ pr: 2, author: 'ann', head: B, at: '2025-01-02T00:00:00Z', previous: first });
    expect(next.commits.map((c) => [c.sha, c.digests])).toEqual([
      [A, { churn: 'd'.repeat(64) }],
      [B, null],
    ]);
    expect(clearVerified(first)).toMatchObject({
      run: null,
      models: null,
      commits: [{ sha: A, digests: null }],
    });
  });

  test.each([
    null,
    '',
    'no marker',
    '<!-- modelgate:facts:%%% -->',
    `<!-- modelgate:facts:${Buffer.from('{"v":2}').toString('base64url')} -->`,
  ])('unreadable facts are absent: %j', (summary) => {
    expect(decodeFacts(summary)).toBeNull();
  });

  test('the author is recorded; facts written without it (earlier versions) still read', () => {
    const facts = startFacts({ pr: 2, author: 'ann', head: A, at: '2025-01-01T00:00:00Z', previous: null });
    expect(decodeFacts(encodeFacts(facts))?.author).toBe('ann');
    const { author: _author, ...earlier } = facts;
    expect(decodeFacts(encodeFacts(earlier as typeof facts))).toEqual(earlier);
  });

  test('history is capped', () => {
    let facts = startFacts({ pr: 1, author: 'ann', head: '0', at: '2025-01-01T00:00:00Z', previous: null });
    for (let i = 1; i <= MAX_COMMITS + 5; i++)
      facts = startFacts({
        pr: 1,
        author: 'ann',
        head: String(i),
        at: '2025-01-01T00:00:00Z',
        previous: facts,
      });
    expect(facts.commits).toHaveLength(MAX_COMMITS);
    expect(facts.commits.at(-1)?.sha).toBe(String(MAX_COMMITS + 5));
  });
});

describe('buildApprovalEvents', () => {
  const facts = {
    ...startFacts({
      pr: 2,
      author: 'ann',
      head: B,
      at: '2025-01-02T00:00:00Z',
      previous: recordVerified(
        startFacts({ pr: 2, author: 'ann', head: A, at: '2025-01-01T00:00:00Z', previous: null }),
        1,
        [modelFacts],
      ),
    }),
  };
  const timeline = buildTimeline([
    {
      event: 'reviewed',
      user: { login: 'alice', type: 'User' },
      state: 'APPROVED',
      submitted_at: '2025-01-01T12:00:00Z',
      commit_id: A,
    },
    {
      event: 'reviewed',
      user: { login: 'carol' },
      state: 'commented',
      submitted_at: '2025-01-01T12:00:00Z',
      commit_id: A,
    },
    {
      event: 'reviewed',
      user: { login: 'erin' },
      state: 'changes_requested',
      submitted_at: '2025-01-02T12:00:00Z',
      commit_id: B,
    },
    {
      event: 'commented',
      id: 1,
      user: { login: 'bob' },
      body: '/modelgate approve',
      created_at: '2025-01-01T13:00:00Z',
      updated_at: '2025-01-01T13:00:00Z',
    },
    {
      event: 'commented',
      id: 2,
      user: { login: 'mallory' },
      body: '/modelgate approve',
      created_at: '2025-01-01T13:00:00Z',
      updated_at: '2025-01-03T00:00:00Z',
    },
    {
      event: 'commented',
      id: 3,
      user: { login: 'modelgate[bot]', type: 'Bot' },
      body: '/modelgate approve',
      created_at: '2025-01-01T13:00:00Z',
      updated_at: '2025-01-01T13:00:00Z',
      performed_via_github_app: { id: 9 },
    },
    {
      event: 'commented',
      id: 4,
      user: { login: 'zed' },
      body: '/modelgate approve',
      created_at: '2024-12-01T00:00:00Z',
      updated_at: '2024-12-01T00:00:00Z',
    },
    { event: 'labeled', actor: { login: 'x' } },
  ]);

  test('reviews and never-edited commands, each bound to the content of its commit', () => {
    const events = buildApprovalEvents({ timeline, facts, appId: 9 });
    expect(events.map((e) => [e.login, e.kind, e.via, e.digests === null ? null : 'bound'])).toEqual([
      ['alice', 'approve', 'review', 'bound'],
      ['erin', 'revoke', 'review', null],
      ['bob', 'approve', 'comment', 'bound'],
      ['zed', 'approve', 'comment', null],
    ]);
  });

  test('findHeadAt: the head first seen at or before a time', () => {
    expect(findHeadAt(facts.commits, '2025-01-01T23:59:59Z')?.sha).toBe(A);
    expect(findHeadAt(facts.commits, '2025-01-02T00:00:00Z')?.sha).toBe(B);
    expect(findHeadAt(facts.commits, '2024-01-01T00:00:00Z')).toBeNull();
  });
});

describe('provenance', () => {
  const run: RunInfo = {
    id: 1,
    path: '.github/workflows/modelgate.yml',
    event: 'pull_request',
    status: 'completed',
    conclusion: 'success',
    headSha: A,
    headBranch: 'x',
    headOwner: 'o',
    htmlUrl: 'u',
    createdAt: 't',
    pullNumbers: [2],
  };
  const pull: PullInfo = {
    number: 2,
    state: 'open',
    headSha: A,
    headRef: 'x',
    author: 'o',
    htmlUrl: 'u',
    updatedAt: 't',
  };
  const allowed = ['.github/workflows/modelgate.yml'];

  test.each([
    [{}, {}, true],
    [{ path: './.github/workflows/modelgate.yml' }, {}, true],
    [{ path: '.github/workflows/modelgate.yml@refs/heads/main' }, {}, true],
    [{ path: '.github/workflows/other.yml' }, {}, 'workflow_not_allowed'],
    [{}, { headSha: B }, 'stale_head'],
    [{}, { state: 'closed' }, 'pull_closed'],
  ])('verifyRun run %j pull %j → %s', (r, p, expected) => {
    const result = verifyRun({
      run: { ...run, ...r },
      pull: { ...pull, ...p },
      allowedWorkflows: allowed,
      defaultBranch: 'main',
    });
    expect(result.ok ? true : result.code).toBe(expected);
  });

  test.each([
    ['x', 'x', true],
    ['x', 'y', 'workflow_modified'],
    [null, 'y', 'workflow_modified'],
    ['x', null, 'workflow_missing'],
  ])('verifyWorkflowFile head %s default %s → %s', (atHead, atDefault, expected) => {
    const result = verifyWorkflowFile({ run, defaultBranch: 'main', atHead, atDefault });
    expect(result.ok ? true : result.code).toBe(expected);
  });

  test('isAllowedWorkflow needs an exact path', () => {
    expect(isAllowedWorkflow('.github/workflows/modelgate.yml.bak', allowed)).toBe(false);
    expect(isAllowedWorkflow('.github/workflows/modelgate.yml', [])).toBe(false);
  });
});

describe('trustReport', () => {
  const config = parseConfig(CONFIG_TEXT, '.github/modelgate.yml');

  test('keeps a verdict that the trusted thresholds agree with, and takes the risk from the config', () => {
    const report = passReport();
    report.models = report.models.map((m) => ({ ...m, risk: 'low' }));
    const trusted = trustReport(report, config);
    expect(trusted.report.verdict).toBe('pass');
    expect(trusted.models).toEqual([
      {
        name: 'churn',
        risk: 'high',
        verdict: 'pass',
        fairness: 'pass',
        regressed: false,
        evaluationDigest: 'd'.repeat(64),
      },
    ]);
  });

  test('recomputes: reported checks and verdicts are ignored', () => {
    const report = failReport();
    report.verdict = 'pass';
    report.models = report.models.map((m) => ({ ...m, verdict: 'pass', checks: [] }));
    const trusted = trustReport(report, config);
    expect(trusted.report.verdict).toBe('fail');
    expect(trusted.report.models[0]?.checks.length).toBeGreaterThan(5);
  });

  test('no models: pass, unless the report is an error', () => {
    expect(trustReport({ ...passReport(), models: [] }, config).report.verdict).toBe('pass');
    expect(
      trustReport(
        { ...passReport(), models: [], verdict: 'error', error: { code: 'x', message: 'y' } },
        config,
      ).report.verdict,
    ).toBe('error');
  });
});

describe('config merging', () => {
  test.each([
    ['policies', { owner: 'acme', repo: 'policies', path: '.github/modelgate.yml' }],
    ['other/policies', { owner: 'other', repo: 'policies', path: '.github/modelgate.yml' }],
    ['other/policies:org/base.yaml', { owner: 'other', repo: 'policies', path: 'org/base.yaml' }],
    ['bad value with spaces', null],
    [42, null],
  ])('parseExtends(%j)', (value, expected) => {
    expect(parseExtends(value, { owner: 'acme', repo: 'app', path: '.github/modelgate.yml' })).toEqual(
      expected,
    );
  });

  test('objects merge, arrays concatenate (base first), scalars of the extending file win', () => {
    const base = {
      policy: { allow_author: false, workflows: ['a.yml'], rules: [{ name: 'Org' }] },
      version: 1,
    };
    const repo = { _extends: 'x', policy: { allow_author: true, rules: [{ name: 'Repo' }] } };
    expect(mergeConfigs([base, repo])).toEqual({
      version: 1,
      policy: { allow_author: true, workflows: ['a.yml'], rules: [{ name: 'Org' }, { name: 'Repo' }] },
    });
  });

  test('locateKeyPath finds keys with dots in them', () => {
    const lineCounter = new LineCounter();
    const doc = parseDocument('models:\n  team.churn:\n    risk: high\n', { lineCounter });
    expect(locateKeyPath('models.team.churn.risk', [{ file: 'f.yml', doc, lineCounter }])).toEqual({
      file: 'f.yml',
      line: 3,
      column: 5,
      path: 'models.team.churn.risk',
    });
    expect(locateKeyPath('models.nope', [{ file: 'f.yml', doc, lineCounter }])).toBeNull();
  });
});

describe('small helpers', () => {
  test('findChangedModels', () => {
    const config = parseConfig(CONFIG_TEXT, '.github/modelgate.yml');
    expect(findChangedModels(config, ['data/churn/eval.csv'], '.github/modelgate.yml')).toEqual({
      models: ['churn'],
      configChanged: false,
      touched: true,
    });
    expect(findChangedModels(config, ['./.github/modelgate.yml'], '.github/modelgate.yml')).toEqual({
      models: [],
      configChanged: true,
      touched: true,
    });
    expect(findChangedModels(config, ['docs/a.md'], '.github/modelgate.yml').touched).toBe(false);
  });

  test('fitBytes keeps the suffix and the byte limit, cutting at a line', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `line ${i} — ünïcödé`).join('\n');
    const out = fitBytes(text, 5000, '\n<!-- facts -->');
    expect(byteLength(out)).toBeLessThanOrEqual(5000);
    expect(out.endsWith('\n<!-- facts -->')).toBe(true);
    expect(out).toContain('Shortened to fit');
    expect(fitBytes('short', 100, '!')).toBe('short!');
  });
});
