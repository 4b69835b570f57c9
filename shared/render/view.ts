/**
 * The view a template renders: every number already formatted (as `Markup`), every value from
 * data or users a plain string (escaped by the template engine).
 */
import type { Markup } from './escape-markdown.js';

/** A table cell: trusted markup or untrusted text. */
export type Cell = Markup | string;

/** One check in a table. */
export interface CheckRow {
  emoji: Markup;
  status: Markup;
  title: string;
  threshold: Markup;
  observed: Markup;
  message: string;
}

/** One metric or gap: production, candidate, paired difference, gate status. */
export interface ComparisonRow {
  label: string;
  production: Markup;
  candidate: Markup;
  delta: Markup;
  status: Markup;
}

/** The fairness gaps of one sensitive column. */
export interface FairnessView {
  column: string;
  rows: ComparisonRow[];
  /** Groups left out of the gaps, e.g. "other (too small)"; '' when none. */
  excluded: string;
}

/** A per-group chart and the table with the same numbers. */
export interface ChartView {
  column: string;
  title: string;
  /** The Mermaid definition (labels escaped for Mermaid), or null when there is nothing to chart. */
  mermaid: Markup | null;
  legend: Markup;
  rows: { group: string; n: Markup; production: Markup; candidate: Markup; delta: Markup; flags: string }[];
}

/** Every metric per group of one sensitive column. */
export interface GroupTableView {
  column: string;
  headers: string[];
  rows: { group: string; n: Markup; flags: string; cells: Markup[] }[];
}

/** A model's collapsed details. */
export interface DetailsView {
  checksTitle: string;
  checks: CheckRow[];
  groupTables: GroupTableView[];
  operational: { label: string; production: Cell; candidate: Cell }[];
  importance: { title: string; rows: { feature: string; candidate: Markup; production: Markup }[] } | null;
  flags: { emoji: Markup; code: string; message: string }[];
  provenance: { label: string; value: string }[];
}

/** One model's section. */
export interface ModelView {
  name: string;
  emoji: Markup;
  verdict: Markup;
  summary: Markup;
  error: string | null;
  thresholdChanges: string[];
  attention: CheckRow[];
  /** Sentence about attention rows left out by truncation, or null. */
  attentionOmitted: Markup | null;
  metrics: ComparisonRow[];
  fairness: FairnessView[];
  charts: ChartView[];
  details: DetailsView | null;
}

/** The whole page. */
export interface ReportView {
  marker: Markup | null;
  emoji: Markup;
  verdict: Markup;
  summary: Markup;
  context: Markup | null;
  error: string | null;
  truncation: Markup | null;
  /** "95%": the confidence level in table headers. */
  level: Markup;
  /** True when there is more than one model: a one-line verdict per model under the headline. */
  overview: boolean;
  models: ModelView[];
  skipped: { name: string; reason: string }[];
  environment: { label: string; value: string }[] | null;
  links: Markup | null;
}
