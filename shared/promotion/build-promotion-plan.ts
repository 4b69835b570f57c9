/**
 * The promotion plan (PRODUCT.md §5): given the facts — the trusted verdict, the sign-offs, the
 * artifact as merged, the model's tags and any earlier attempt of this very promotion — either
 * refuse with reasons, or list the steps that remain: annotated tag, draft release, assets,
 * publish. A retry finds its earlier tag and continues where it stopped, so nothing is created
 * twice.
 */
import type { ReleaseSettings } from '../config/types.js';
import type {
  ExistingPromotion,
  PromotionConditions,
  PromotionDocuments,
  PromotionPlan,
  PromotionStep,
} from './promotion-types.js';
import { type Bump, formatTag, nextVersion, resolveLatestVersion, type TagPattern } from './versions.js';

/** The model's tags and how the next version is chosen. */
export interface VersionFacts {
  pattern: string | TagPattern;
  bump: Bump;
  firstVersion: string;
  /** Tag names (without `refs/tags/`); other models' tags and malformed ones are ignored. */
  tags: readonly string[];
}

export interface PlanInput {
  conditions: PromotionConditions;
  versions: VersionFacts;
  /** A tag of this promotion made by an earlier attempt; null when there is none. */
  existing: ExistingPromotion | null;
  settings: Pick<ReleaseSettings, 'makeLatest' | 'assets'>;
  /** Renders notes, assets and tag message for the chosen version (pure). */
  render: (target: { tag: string; version: string }) => PromotionDocuments;
}

/**
 * Plans the promotion of one model.
 * - An earlier attempt's tag is completed whatever the facts say now: the decision was taken when
 *   the tag was made, and a tag is history.
 * - Otherwise every refusal reason is listed; with none, the next version is
 *   `nextVersion(latest, bump, firstVersion)` over the model's release tags.
 * @throws ModelGateError (`tag_invalid`, `version_invalid`) when no valid tag can be named.
 */
export function buildPromotionPlan(input: PlanInput): PromotionPlan {
  const { conditions, existing } = input;
  if (existing !== null) return resumePlan(input, existing);
  const reasons = findPromotionRefusals(conditions);
  if (reasons.length > 0) return { status: 'refused', model: conditions.model, reasons };
  const { tag, version } = chooseNextTag(conditions.model, input.versions);
  const documents = input.render({ tag, version });
  const steps: PromotionStep[] = [
    { kind: 'create_tag', tag, commit: conditions.artifact.commit, message: documents.tagMessage },
    ...releaseSteps(input, { tag, documents, uploaded: [] }),
  ];
  return { status: 'promote', model: conditions.model, tag, version, stage: 'new', steps };
}

function resumePlan(input: PlanInput, existing: ExistingPromotion): PromotionPlan {
  const { model } = input.conditions;
  const base = { status: 'promote' as const, model, tag: existing.tag, version: existing.version };
  const release = existing.release;
  if (release !== null && !release.draft) return { ...base, stage: 'published', steps: [] };
  const documents = input.render({ tag: existing.tag, version: existing.version });
  const steps = releaseSteps(input, { tag: existing.tag, documents, uploaded: release?.assets ?? [] });
  if (release === null) return { ...base, stage: 'tagged', steps };
  return { ...base, stage: 'drafted', steps: steps.filter((step) => step.kind !== 'create_release') };
}

/** Draft release, the configured assets not uploaded yet, publish. */
function releaseSteps(
  input: PlanInput,
  target: { tag: string; documents: PromotionDocuments; uploaded: readonly string[] },
): PromotionStep[] {
  const { makeLatest, assets: kinds } = input.settings;
  const { documents, uploaded } = target;
  const assets = documents.assets.filter(
    (asset) => kinds.includes(asset.kind) && !uploaded.includes(asset.name),
  );
  return [
    { kind: 'create_release', tag: target.tag, name: documents.name, body: documents.body, makeLatest },
    ...assets.map((asset): PromotionStep => ({ kind: 'upload_asset', asset })),
    { kind: 'publish_release', makeLatest },
  ];
}

/** The next version and its tag, above the newest release tag of the model. */
export function chooseNextTag(model: string, versions: VersionFacts): { tag: string; version: string } {
  const latest = resolveLatestVersion(versions.pattern, model, versions.tags);
  const version = nextVersion(latest?.version ?? null, versions.bump, versions.firstVersion);
  return { tag: formatTag(versions.pattern, model, version), version };
}

/**
 * Why the model may not be promoted; [] when it may. Fail closed: no verified verdict, any
 * verdict but `pass`, missing sign-offs, an artifact that is missing or differs from the one the
 * evidence is about.
 */
export function findPromotionRefusals(conditions: PromotionConditions): string[] {
  const reasons = [...conditions.problems];
  const { model, verdict, artifact } = conditions;
  if (verdict === null)
    reasons.push(`There is no verified evaluation report for ${model} on the merged head.`);
  else if (verdict !== 'pass') {
    reasons.push(`The gate verdict for ${model} is ${verdict}; only a model whose gate passed is promoted.`);
  }
  if (!conditions.signoff.satisfied) {
    const missing = conditions.signoff.missing.join(' ');
    reasons.push(`The sign-offs for ${model} are not complete${missing ? `: ${missing}` : '.'}`);
  }
  const at = artifact.commit.slice(0, 7);
  if (artifact.actual === null) {
    reasons.push(`${artifact.path} does not exist at ${at}, so there is no artifact to promote.`);
  } else if (artifact.actual !== artifact.expected) {
    reasons.push(
      `${artifact.path} at ${at} has SHA-256 ${artifact.actual.slice(0, 12)}…, but the evaluated artifact had ${artifact.expected.slice(0, 12)}…: a later commit or the merge changed it. The evidence is not about what was merged; evaluate it in a new pull request.`,
    );
  }
  return reasons;
}
