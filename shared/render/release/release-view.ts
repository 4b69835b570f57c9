/**
 * Views of the promotion documents: release notes, model card, PR comments, dashboard. Numbers
 * arrive formatted as `Markup`; every value from data or users is a plain string (escaped by the
 * template engine).
 */
import type { Markup } from '../escape-markdown.js';
import type { CheckRow, ComparisonRow, FairnessView, GroupTableView } from '../view.js';

/** A label and a value in a two-column table. */
export interface FactRow {
  label: string;
  value: Markup | string;
}

/** One approval that satisfied a rule. */
export interface ApproverRow {
  rule: string;
  login: string;
  at: Markup;
  via: string;
}

/** What a rollback says about itself. */
export interface RollbackView {
  target: string;
  requester: string;
  reason: string;
  link: Markup;
}

/** The release notes. */
export interface ReleaseNotesView {
  title: string;
  /** "Promoted from pull request #42 … by …" (trusted markup with escaped values). */
  summary: Markup;
  rollback: RollbackView | null;
  approvers: ApproverRow[];
  /** Rules that applied and needed no approver, or notes about the sign-off. */
  signoffNote: string | null;
  /** "95%". */
  level: Markup;
  /** Header of the production column: "Production (v1.3.0)". */
  productionLabel: string;
  /** A sentence when production moved since the evaluation; null otherwise. */
  comparisonNote: string | null;
  firstPromotion: boolean;
  metrics: ComparisonRow[];
  fairness: FairnessView[];
  checksTitle: string;
  checks: CheckRow[];
  provenance: FactRow[];
}

/** The model card (Model Card Toolkit / Hugging Face sections that apply). */
export interface ModelCardView {
  title: string;
  details: FactRow[];
  intendedUse: FactRow[];
  evaluationData: FactRow[];
  level: Markup;
  metrics: { label: string; value: Markup; production: Markup }[];
  slices: GroupTableView[];
  fairness: FairnessView[];
  fairnessChecks: CheckRow[];
  limitations: string[];
  provenance: FactRow[];
}

/** A model's promotion result, for the pull request comment. */
export interface OutcomeView {
  model: string;
  emoji: Markup;
  headline: Markup;
  reasons: string[];
}

/** One model in the dashboard. */
export interface DashboardModelView {
  name: string;
  production: Markup;
  alert: Markup | null;
  metricLabel: string;
  chart: Markup | null;
  history: { version: Markup; date: Markup; source: Markup; value: Markup }[];
  recent: { version: Markup; date: Markup; source: Markup; value: Markup }[];
}

/** The dashboard issue. */
export interface DashboardView {
  marker: Markup;
  models: DashboardModelView[];
  awaiting: { pull: Markup; title: string; waiting: string }[];
  awaitingMore: Markup | null;
}
