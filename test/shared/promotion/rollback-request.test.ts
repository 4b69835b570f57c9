import {
  buildRollbackApprovals,
  buildRollbackMarker,
  findRollbackRequest,
  parseRollbackMarker,
  type ThreadComment,
} from '../../../shared/promotion/rollback-request.js';

let nextId = 100;
function comment(body: string, overrides: Partial<ThreadComment> = {}): ThreadComment {
  const id = nextId++;
  const at = overrides.createdAt ?? `2025-03-14T10:${String(id % 60).padStart(2, '0')}:00Z`;
  return {
    id,
    login: 'alice',
    isBot: false,
    body,
    createdAt: at,
    updatedAt: at,
    url: `https://github.com/acme/ml/issues/7#issuecomment-${id}`,
    appId: null,
    ...overrides,
  };
}

describe('findRollbackRequest', () => {
  test('the newest rollback command, with its reason', () => {
    const first = comment('/modelgate rollback churn 1.1.0 old', { createdAt: '2025-03-14T10:00:00Z' });
    const second = comment('Please:\n/modelgate rollback churn v1.2.0 AUC dropped in production', {
      createdAt: '2025-03-14T11:00:00Z',
    });
    expect(findRollbackRequest([second, first])).toEqual({
      commentId: second.id,
      login: 'alice',
      at: '2025-03-14T11:00:00Z',
      url: second.url,
      model: 'churn',
      version: '1.2.0',
      reason: 'AUC dropped in production',
    });
  });

  test.each([
    [
      'an edited comment',
      comment('/modelgate rollback churn 1.1.0 x', {
        createdAt: '2025-03-14T10:00:00Z',
        updatedAt: '2025-03-14T10:01:00Z',
      }),
    ],
    ['a bot', comment('/modelgate rollback churn 1.1.0 x', { isBot: true })],
    ['an App comment', comment('/modelgate rollback churn 1.1.0 x', { appId: 5 })],
    ['a quoted command', comment('> /modelgate rollback churn 1.1.0 x')],
    ['a command without a reason', comment('/modelgate rollback churn 1.1.0')],
    ['another command', comment('/modelgate approve')],
  ])('ignores %s', (_name, c) => {
    expect(findRollbackRequest([c])).toBeNull();
  });
});

describe('buildRollbackApprovals', () => {
  const request = comment('/modelgate rollback churn 1.1.0 drift', { createdAt: '2025-03-14T10:00:00Z' });
  const parsed = findRollbackRequest([request])!;
  const digest = 'd'.repeat(64);

  test('approvals and revocations after the request, bound to the re-promoted evaluation', () => {
    const before = comment('/modelgate approve', { login: 'bob', createdAt: '2025-03-14T09:00:00Z' });
    const approve = comment('/modelgate approve ML lead review', {
      login: 'bob',
      createdAt: '2025-03-14T10:05:00Z',
    });
    const revoke = comment('/modelgate revoke', { login: 'carol', createdAt: '2025-03-14T10:06:00Z' });
    const edited = comment('/modelgate approve', {
      login: 'dave',
      createdAt: '2025-03-14T10:07:00Z',
      updatedAt: '2025-03-14T10:08:00Z',
    });
    const bot = comment('/modelgate approve', {
      login: 'ci[bot]',
      isBot: true,
      createdAt: '2025-03-14T10:09:00Z',
    });
    const events = buildRollbackApprovals([before, request, approve, revoke, edited, bot], {
      request: parsed,
      model: 'churn',
      digest,
    });
    expect(events).toEqual([
      {
        login: 'bob',
        at: '2025-03-14T10:05:00Z',
        kind: 'approve',
        via: 'comment',
        isBot: false,
        rule: 'ML lead review',
        digests: { churn: digest },
      },
      {
        login: 'carol',
        at: '2025-03-14T10:06:00Z',
        kind: 'revoke',
        via: 'comment',
        isBot: false,
        digests: { churn: digest },
      },
      // Bots are passed on (flagged) so the engine can say why they do not count.
      {
        login: 'ci[bot]',
        at: '2025-03-14T10:09:00Z',
        kind: 'approve',
        via: 'comment',
        isBot: true,
        digests: { churn: digest },
      },
    ]);
  });

  test('no digest: approvals are unbound (the engine then does not count them)', () => {
    const approve = comment('/modelgate approve', { login: 'bob', createdAt: '2025-03-14T10:05:00Z' });
    expect(
      buildRollbackApprovals([approve], { request: parsed, model: 'churn', digest: null })[0]?.digests,
    ).toBeNull();
  });
});

describe('rollback status marker', () => {
  test.each(['pending', 'refused', 'done'] as const)('%s round trip', (state) => {
    expect(parseRollbackMarker(`${buildRollbackMarker(123, state)}\n### text`)).toEqual({
      commentId: 123,
      state,
    });
  });
  test('not a marker', () => {
    expect(parseRollbackMarker('hello <!-- modelgate:rollback 1 done -->')).toBeNull();
  });
});
