/**
 * Plain sentences for the threshold changes a pull request makes to one model, so reviewers see
 * that a gate was loosened ("This PR relaxes the accuracy regression tolerance from 0.02 to 0.05").
 */
import type { FairnessThresholds, MetricThresholds, OperationalThresholds } from '../config/types.js';
import { formatThreshold } from '../render/format-number.js';
import { gapLabel, lowerLabel, metricLabel, operationalWords } from './labels.js';
import type { GateThresholds } from './types.js';

type Looser = 'higher' | 'lower';

/** For each numeric bound: config key, words, and which way makes it looser. */
const NUMERIC_BOUNDS: Record<string, { key: string; words: string; looser: Looser }> = {
  min: { key: 'min', words: 'minimum', looser: 'lower' },
  max: { key: 'max', words: 'maximum', looser: 'higher' },
  maxRegression: { key: 'max_regression', words: 'regression tolerance', looser: 'higher' },
  maxRegressionRelative: {
    key: 'max_regression_relative',
    words: 'relative regression tolerance',
    looser: 'higher',
  },
  worstGroupMin: { key: 'worst_group_min', words: 'worst-group minimum', looser: 'lower' },
  worstGroupMax: { key: 'worst_group_max', words: 'worst-group maximum', looser: 'higher' },
  maxIncrease: { key: 'max_increase', words: 'increase tolerance', looser: 'higher' },
  maxIncreaseRelative: {
    key: 'max_increase_relative',
    words: 'relative increase tolerance',
    looser: 'higher',
  },
};

type AnyThresholds = Partial<MetricThresholds & FairnessThresholds & OperationalThresholds>;

/**
 * Sentences describing how `head` changes `base` (either may be undefined: a model added or
 * removed). Order: metric gates, fairness, operational; within each, head order then removed
 * entries. Returns [] when nothing changed.
 */
export function describeThresholdChanges(
  base: GateThresholds | undefined,
  head: GateThresholds | undefined,
): string[] {
  return [
    ...describeSection(base?.gates, head?.gates, (name) => lowerLabel(metricLabel(name))),
    ...describeSection(base?.fairness, head?.fairness, (name) => lowerLabel(gapLabel(name))),
    ...describeSection(base?.operational, head?.operational, (name) =>
      lowerLabel(operationalWords(name).noun),
    ),
  ];
}

function describeSection(
  base: Record<string, AnyThresholds> | undefined,
  head: Record<string, AnyThresholds> | undefined,
  label: (name: string) => string,
): string[] {
  const names = [
    ...Object.keys(head ?? {}),
    ...Object.keys(base ?? {}).filter((name) => !Object.hasOwn(head ?? {}, name)),
  ];
  return names.flatMap((name) => describeEntry(label(name), base?.[name] ?? {}, head?.[name] ?? {}));
}

function describeEntry(label: string, base: AnyThresholds, head: AnyThresholds): string[] {
  const out: string[] = [];
  for (const [field, bound] of Object.entries(NUMERIC_BOUNDS)) {
    const before = base[field as keyof AnyThresholds] as number | undefined;
    const after = head[field as keyof AnyThresholds] as number | undefined;
    const what = `the ${label} ${bound.words} (${bound.key})`;
    if (before === after) continue;
    if (before === undefined && after !== undefined)
      out.push(`This PR adds ${what} of ${formatThreshold(after)}.`);
    else if (before !== undefined && after === undefined)
      out.push(`This PR removes ${what}, which was ${formatThreshold(before)}.`);
    else if (before !== undefined && after !== undefined) {
      const relaxes = bound.looser === 'higher' ? after > before : after < before;
      out.push(
        `This PR ${relaxes ? 'relaxes' : 'tightens'} ${what} from ${formatThreshold(before)} to ${formatThreshold(after)}.`,
      );
    }
  }
  const hasBounds = (t: AnyThresholds) =>
    Object.keys(NUMERIC_BOUNDS).some((f) => t[f as keyof AnyThresholds] !== undefined);
  if (hasBounds(base) && hasBounds(head)) out.push(...describeModifiers(label, base, head));
  return out;
}

/** Changes of `test`, `warnWithinNoise` and `columns` on an entry that exists on both sides. */
function describeModifiers(label: string, base: AnyThresholds, head: AnyThresholds): string[] {
  const out: string[] = [];
  if (base.test !== undefined && head.test !== undefined && base.test !== head.test) {
    const tightens = head.test === 'noninferiority';
    const words = (t: string) => (t === 'noninferiority' ? 'non-inferiority' : 'the point estimate');
    out.push(
      `This PR ${tightens ? 'tightens' : 'relaxes'} the ${label} test from ${words(base.test)} to ${words(head.test)}.`,
    );
  }
  if (
    base.warnWithinNoise !== undefined &&
    head.warnWithinNoise !== undefined &&
    base.warnWithinNoise !== head.warnWithinNoise
  ) {
    out.push(
      head.warnWithinNoise
        ? `This PR tightens the ${label} thresholds: results within noise now give a warning (warn_within_noise).`
        : `This PR relaxes the ${label} thresholds: results within noise no longer give a warning (warn_within_noise).`,
    );
  }
  const columns = (c: string[] | undefined) =>
    c === undefined ? 'all sensitive columns' : c.length === 0 ? 'no column' : c.join(', ');
  if (columns(base.columns) !== columns(head.columns)) {
    out.push(
      `This PR changes the columns checked for ${label} from ${columns(base.columns)} to ${columns(head.columns)}.`,
    );
  }
  return out;
}
