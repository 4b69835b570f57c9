import { type DashboardIssue, planDashboardUpdate } from '../../../shared/promotion/plan-dashboard-update.js';
import { DASHBOARD_MARKER } from '../../../shared/render/release/build-dashboard-view.js';

const BODY = `${DASHBOARD_MARKER}\n# Model dashboard\n`;
const issue = (overrides: Partial<DashboardIssue>): DashboardIssue => ({
  number: 1,
  state: 'open',
  body: BODY,
  appId: 42,
  ...overrides,
});

describe('planDashboardUpdate', () => {
  test.each([
    ['none yet', [], { action: 'create' }],
    ['same body', [issue({})], { action: 'none', number: 1 }],
    [
      'changed body',
      [issue({ body: `${DASHBOARD_MARKER}\nold` })],
      { action: 'update', number: 1, reopen: false },
    ],
    ['closed by someone', [issue({ state: 'closed' })], { action: 'update', number: 1, reopen: true }],
    [
      'the oldest of two',
      [
        issue({ number: 9, body: `${DASHBOARD_MARKER}\nx` }),
        issue({ number: 3, body: `${DASHBOARD_MARKER}\ny` }),
      ],
      { action: 'update', number: 3, reopen: false },
    ],
    ['another App wrote the marker', [issue({ appId: 7 })], { action: 'create' }],
    ['a person wrote the marker', [issue({ appId: null })], { action: 'create' }],
    ['marker not on the first line', [issue({ body: `hi\n${DASHBOARD_MARKER}` })], { action: 'create' }],
  ] as const)('%s', (_name, issues, expected) => {
    expect(planDashboardUpdate(issues, { appId: 42, body: BODY })).toEqual(expected);
  });
});
