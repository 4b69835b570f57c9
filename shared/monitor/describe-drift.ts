/**
 * Plain-language descriptions of drift results, for check messages and rendered reports.
 * Output quotes column and category names as given: escape it before rendering as markdown.
 */
import type { ColumnDrift, DriftStatistic, DriftThresholds } from '../drift/schema.js';
import { formatNumber, formatPercent } from '../render/format-number.js';

/** Short names of the drift statistics. */
export const STATISTIC_LABELS: Record<DriftStatistic, string> = {
  psi: 'PSI',
  ks: 'KS',
  jensen_shannon: 'Jensen-Shannon',
  cramers_v: "Cramér's V",
};

/** The value of one statistic of a column, or null when it was not computed. */
export function statisticValue(column: ColumnDrift, statistic: DriftStatistic): number | null {
  switch (statistic) {
    case 'psi':
      return column.psi;
    case 'ks':
      return column.ks?.statistic ?? null;
    case 'jensen_shannon':
      return column.jensenShannon;
    case 'cramers_v':
      return column.chiSquare?.cramersV ?? null;
  }
}

/** The limit of one statistic. */
export function statisticLimit(statistic: DriftStatistic, t: DriftThresholds): number {
  return { psi: t.psiMax, ks: t.ksMax, jensen_shannon: t.jsMax, cramers_v: t.cramersVMax }[statistic];
}

/** "PSI 0.31 (limit 0.2), KS 0.18 (limit 0.1)" for the exceeded statistics. */
export function describeExceeded(column: ColumnDrift, t: DriftThresholds): string {
  return column.exceeded
    .map(
      (s) =>
        `${STATISTIC_LABELS[s]} ${formatNumber(statisticValue(column, s))} (limit ${formatNumber(statisticLimit(s, t))})`,
    )
    .join(', ');
}

/** "mean 30.1 → 42.5", "positive rate 21% → 35%", `share of "monthly" 52% → 71%`, or ''. */
export function describeShift(column: ColumnDrift): string {
  const shift = column.shift;
  if (!shift || shift.reference === null || shift.current === null) return '';
  if (shift.statistic === 'mean')
    return `mean ${formatNumber(shift.reference)} → ${formatNumber(shift.current)}`;
  const span = `${formatPercent(shift.reference)} → ${formatPercent(shift.current)}`;
  return shift.statistic === 'rate' ? `positive rate ${span}` : `share of "${shift.category ?? ''}" ${span}`;
}

/** The reason a column could not be judged. */
export function describeInsufficient(column: ColumnDrift, minRows: number): string {
  return `too little data to judge: ${column.rows.reference} reference and ${column.rows.current} fresh rows; at least ${minRows} on each side are needed (monitor.min_rows)`;
}
