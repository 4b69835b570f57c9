/**
 * The few evaluation figures the generator prints so the expected demo outcome is visible when
 * the data is regenerated: accuracy, ROC AUC, log loss and per-group rates for the fairness gaps
 * (Fairlearn conventions: ratio = min / max, difference = max − min over groups).
 */

export interface GroupRates {
  group: string;
  count: number;
  selectionRate: number;
  tpr: number;
  fpr: number;
}

export interface ScoreSummary {
  accuracy: number;
  rocAuc: number;
  logLoss: number;
  groups: Record<string, GroupRates[]>;
}

/** ROC AUC as the Mann–Whitney statistic with average ranks for ties. */
export function computeRocAuc(score: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a]! - score[b]!);
  let rankSumPositive = 0;
  let positives = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && score[order[end + 1]!] === score[order[start]!]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (y[order[k]!] === 1) {
        rankSumPositive += averageRank;
        positives++;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  return (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function rates(rows: number[], y: ArrayLike<number>, label: ArrayLike<number>): Omit<GroupRates, 'group'> {
  let selected = 0;
  let tp = 0;
  let positives = 0;
  let fp = 0;
  for (const i of rows) {
    selected += label[i]!;
    if (y[i] === 1) {
      positives++;
      tp += label[i]!;
    } else fp += label[i]!;
  }
  const negatives = rows.length - positives;
  return {
    count: rows.length,
    selectionRate: selected / rows.length,
    tpr: positives ? tp / positives : 0,
    fpr: negatives ? fp / negatives : 0,
  };
}

export function summarizeScores(input: {
  probability: ArrayLike<number>;
  label: ArrayLike<number>;
  y: ArrayLike<number>;
  sensitive: Record<string, readonly string[]>;
}): ScoreSummary {
  const { probability: p, label, y } = input;
  const n = y.length;
  let correct = 0;
  let loss = 0;
  const eps = 2.220446049250313e-16;
  for (let i = 0; i < n; i++) {
    if (label[i] === y[i]) correct++;
    const q = Math.min(1 - eps, Math.max(eps, p[i]!));
    loss -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  const groups: Record<string, GroupRates[]> = {};
  for (const [column, values] of Object.entries(input.sensitive)) {
    const byGroup = new Map<string, number[]>();
    values.forEach((v, i) => {
      const rows = byGroup.get(v);
      if (rows) rows.push(i);
      else byGroup.set(v, [i]);
    });
    groups[column] = [...byGroup.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([group, rows]) => ({ group, ...rates(rows, y, label) }));
  }
  return { accuracy: correct / n, rocAuc: computeRocAuc(p, y), logLoss: loss / n, groups };
}

/** Fairlearn's gaps over the groups with at least `minGroupSize` rows. */
export function computeGaps(groups: readonly GroupRates[], minGroupSize: number) {
  const kept = groups.filter((g) => g.count >= minGroupSize);
  const span = (pick: (g: GroupRates) => number) => {
    const values = kept.map(pick);
    return { min: Math.min(...values), max: Math.max(...values) };
  };
  const sel = span((g) => g.selectionRate);
  const tpr = span((g) => g.tpr);
  const fpr = span((g) => g.fpr);
  return {
    demographicParityRatio: sel.max === 0 ? 1 : sel.min / sel.max,
    demographicParityDifference: sel.max - sel.min,
    equalizedOddsDifference: Math.max(tpr.max - tpr.min, fpr.max - fpr.min),
  };
}
