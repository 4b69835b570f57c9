import { type BoundInput, decideBound, satisfies } from '../../../shared/gate/decide-bound.js';
import { formatNumber } from '../../../shared/render/format-number.js';

const base: BoundInput = {
  value: 0.85,
  interval: null,
  threshold: 0.8,
  side: 'min',
  test: 'point',
  warnWithinNoise: true,
  confidence: 0.95,
  limitName: 'minimum',
  format: formatNumber,
};

describe('satisfies', () => {
  it.each([
    [0.8, 0.8, 'min', true],
    [0.8, 0.8, 'max', true],
    [0.7999, 0.8, 'min', false],
    [0.8001, 0.8, 'max', false],
    // 0.1 + 0.2 is 0.30000000000000004: rounding must not fail an equal value.
    [0.1 + 0.2, 0.3, 'max', true],
    [0.3 - 1e-9, 0.3, 'min', false],
  ] as const)('%p vs %p (%s) → %p', (x, t, side, expected) => {
    expect(satisfies(x, t, side)).toBe(expected);
  });
});

describe('decideBound', () => {
  it.each<[string, Partial<BoundInput>, string, RegExp | '']>([
    ['point pass, no interval', {}, 'pass', ''],
    ['point equal to the minimum passes', { value: 0.8 }, 'pass', ''],
    ['point equal to the maximum passes', { value: 0.8, side: 'max' }, 'pass', ''],
    ['point fail', { value: 0.79 }, 'fail', ''],
    ['max: above fails', { value: 0.81, side: 'max' }, 'fail', ''],
    ['pass with interval clear of the bound', { interval: [0.81, 0.9] }, 'pass', ''],
    ['interval touching the bound is not noise', { interval: [0.8, 0.9] }, 'pass', ''],
    [
      'pass within noise → warn',
      { interval: [0.79, 0.9] },
      'warn',
      /^Within noise: the 95% interval 0\.790 to 0\.900 straddles the minimum 0\.800\.$/,
    ],
    ['within noise, warnings off → pass', { interval: [0.79, 0.9], warnWithinNoise: false }, 'pass', ''],
    [
      'fail within noise stays fail',
      { value: 0.79, interval: [0.75, 0.82] },
      'fail',
      /straddles the minimum 0\.800; the point estimate decides/,
    ],
    ['fail clear of the bound has no note', { value: 0.7, interval: [0.65, 0.75] }, 'fail', ''],
    [
      'max within noise → warn',
      { value: 0.08, threshold: 0.1, side: 'max', interval: [0.05, 0.12] },
      'warn',
      /Within noise/,
    ],
    [
      'noninferiority shown',
      { test: 'noninferiority', interval: [0.8, 0.9] },
      'pass',
      /^Non-inferiority shown/,
    ],
    [
      'noninferiority not shown → fail',
      { test: 'noninferiority', interval: [0.79, 0.9] },
      'fail',
      /^Non-inferiority not shown: the 95% interval 0\.790 to 0\.900/,
    ],
    [
      'noninferiority, max side uses the upper end',
      { test: 'noninferiority', side: 'max', value: 0.005, threshold: 0.01, interval: [0, 0.011] },
      'fail',
      /not shown/,
    ],
    [
      'noninferiority, max side within',
      { test: 'noninferiority', side: 'max', value: 0.005, threshold: 0.01, interval: [0, 0.01] },
      'pass',
      /shown/,
    ],
    ['noninferiority without interval → error', { test: 'noninferiority' }, 'error', /defaults\.bootstrap/],
    ['confidence level in the note', { interval: [0.79, 0.9], confidence: 0.9 }, 'warn', /the 90% interval/],
  ])('%s', (_name, overrides, status, note) => {
    const decision = decideBound({ ...base, ...overrides });
    expect(decision.status).toBe(status);
    if (note === '') expect(decision.note).toBe('');
    else expect(decision.note).toMatch(note);
  });
});
