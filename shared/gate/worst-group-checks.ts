/**
 * Worst-group bounds: `worst_group_min` is a floor on the lowest group value and
 * `worst_group_max` a ceiling on the highest, per sensitive column (and per intersection, when
 * the report has them). Groups flagged `small_group` or where the metric is undefined are not
 * gated (they are named in the message). Group values carry no interval, so these checks always
 * decide on the point estimate.
 */
import type { MetricThresholds } from '../config/types.js';
import { formatNumber } from '../render/format-number.js';
import type { Check, GroupEntry } from '../report/schema.js';
import { requirement } from './build-bound-check.js';
import { satisfies } from './decide-bound.js';
import { metricLabel } from './labels.js';
import { type CheckHead, errorCheck, finite, type GateContext, sentences } from './types.js';

/** Worst-group checks of metric `name`: one per column and configured bound. */
export function buildWorstGroupChecks(ctx: GateContext, name: string, t: MetricThresholds): Check[] {
  const checks: Check[] = [];
  const bounds = [
    ['worst_group_min', t.worstGroupMin, 'min'],
    ['worst_group_max', t.worstGroupMax, 'max'],
  ] as const;
  for (const [bound, threshold, side] of bounds) {
    if (threshold === undefined) continue;
    const columns = Object.keys(ctx.model.groups);
    if (columns.length === 0) {
      const head: CheckHead = {
        id: `gates.${name}.${bound}`,
        kind: 'worst_group',
        metric: name,
        bound,
        threshold,
        test: 'point',
      };
      const message = `The worst-group ${metricLabel(name)} is gated, but the report has no groups; configure sensitive columns for this model.`;
      checks.push(errorCheck(head, message));
      continue;
    }
    for (const column of columns) {
      checks.push(worstGroupCheck({ ctx, name, column, bound, threshold, side }));
    }
  }
  return checks;
}

interface WorstGroupInput {
  ctx: GateContext;
  name: string;
  column: string;
  bound: 'worst_group_min' | 'worst_group_max';
  threshold: number;
  side: 'min' | 'max';
}

function worstGroupCheck({ ctx, name, column, bound, threshold, side }: WorstGroupInput): Check {
  const label = metricLabel(name);
  const head: CheckHead = {
    id: `gates.${name}.${column}.${bound}`,
    kind: 'worst_group',
    metric: name,
    column,
    bound,
    threshold,
    test: 'point',
  };
  const entries = Object.entries(ctx.model.groups[column] ?? {});
  const { eligible, small, undefinedIn } = partition(entries, name);
  const skippedNote = describeExcluded(small, undefinedIn, label);
  const worst = pickWorst(eligible, side);
  if (!worst) {
    const message = sentences(
      `No group of ${column} can be gated for ${label}.`,
      skippedNote,
      'A worst-group bound needs at least one group of sufficient size with a defined value.',
    );
    return errorCheck(head, message);
  }
  const [group, value] = worst;
  const status = satisfies(value, threshold, side) ? 'pass' : 'fail';
  const message = sentences(
    `${label} of the worst ${column} group (${group}) is ${formatNumber(value)}; ${requirement(side, threshold)}.`,
    skippedNote,
  );
  return { ...head, group, observed: value, interval: null, status, message };
}

function partition(entries: [string, GroupEntry][], name: string) {
  const eligible: [string, number][] = [];
  const small: string[] = [];
  const undefinedIn: string[] = [];
  for (const [group, entry] of entries) {
    const value = finite(entry.candidate[name]);
    if (entry.flags.includes('small_group')) small.push(group);
    else if (value === null) undefinedIn.push(group);
    else eligible.push([group, value]);
  }
  return { eligible, small, undefinedIn };
}

/** Lowest value for a floor, highest for a ceiling; ties keep the first group in report order. */
function pickWorst(eligible: [string, number][], side: 'min' | 'max'): [string, number] | undefined {
  let worst: [string, number] | undefined;
  for (const pair of eligible) {
    if (!worst || (side === 'min' ? pair[1] < worst[1] : pair[1] > worst[1])) worst = pair;
  }
  return worst;
}

function describeExcluded(small: string[], undefinedIn: string[], label: string): string {
  const parts: string[] = [];
  if (small.length > 0)
    parts.push(`${listNames(small)} ${small.length === 1 ? 'is' : 'are'} too small to gate`);
  if (undefinedIn.length > 0) parts.push(`${label} is undefined for ${listNames(undefinedIn)}`);
  return parts.length > 0 ? `Not gated: ${parts.join('; ')}.` : '';
}

/** Up to five names, then "and N more". */
function listNames(names: string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
