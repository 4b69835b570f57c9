/**
 * The change of a metric between two evaluations on different rows (promotion data vs fresh
 * data). The rows are not paired, so the paired bootstrap of a pull request does not apply;
 * the interval of the difference is recovered from the two independent intervals with MOVER
 * (method of variance estimates recovery, Zou & Donner 2008), which keeps asymmetric bootstrap
 * intervals asymmetric. For d = c − b (current − baseline) with intervals [l_c, u_c], [l_b, u_b]:
 *
 *   L = d − √((c − l_c)² + (u_b − b)²),   U = d + √((u_c − c)² + (b − l_b)²).
 *
 * For symmetric intervals this is the familiar d ± z·√(se_c² + se_b²).
 */
import type { Estimate } from '../report/schema.js';

/**
 * current − baseline with its MOVER interval at the intervals' confidence level.
 * @returns null when either value is undefined; an estimate without interval (`ci: null`) when
 *   either side has none (e.g. bootstrap: 0).
 */
export function computeIndependentChange(
  current: Estimate | null | undefined,
  baseline: Estimate | null | undefined,
): Estimate | null {
  const c = current?.value;
  const b = baseline?.value;
  if (
    c === null ||
    c === undefined ||
    b === null ||
    b === undefined ||
    !Number.isFinite(c) ||
    !Number.isFinite(b)
  )
    return null;
  const d = c - b;
  const cc = current?.ci;
  const bc = baseline?.ci;
  if (!cc || !bc || ![...cc, ...bc].every(Number.isFinite)) return { value: d, ci: null };
  const lower = d - Math.hypot(c - cc[0], bc[1] - b);
  const upper = d + Math.hypot(cc[1] - c, b - bc[0]);
  return { value: d, ci: [lower, upper] };
}
