/**
 * One model's promotion, carried out: read the model's tags, find an earlier attempt of this very
 * promotion, plan (shared/), execute the steps in order — annotated tag, draft release, assets,
 * publish — and re-plan when a concurrent promotion took the version (`422 already_exists`).
 */
import type { ReleaseSettings } from '../../shared/config/types.js';
import { buildPromotionPlan, type VersionFacts } from '../../shared/promotion/build-promotion-plan.js';
import { classifyTag, listModelVersions, MAX_TAGS_SCANNED } from '../../shared/promotion/own-tag.js';
import type {
  ExistingPromotion,
  PromotionConditions,
  PromotionDocuments,
  PromotionIdentity,
  PromotionPlan,
} from '../../shared/promotion/promotion-types.js';
import { buildTagPrefix } from '../../shared/promotion/tag-prefix.js';
import { resolveLatestVersion } from '../../shared/promotion/versions.js';
import type { PromotionOutcome } from '../../shared/render/release/render-promotion-comments.js';
import type { EventContext } from '../event-context.js';
import {
  createDraftRelease,
  findReleaseByTag,
  publishRelease,
  type ReleaseHandle,
  uploadReleaseAsset,
} from './releases.js';
import { createAnnotatedTag, listTagsWithPrefix, peelTag, type RefObject } from './tags.js';

/** Versions taken by concurrent promotions before giving up (each costs a few calls). */
const MAX_ATTEMPTS = 5;

export interface PromoteModelInput {
  model: string;
  /** The model's tags when already listed in this event. */
  tags?: Map<string, RefObject>;
  settings: ReleaseSettings;
  bump: VersionFacts['bump'];
  identity: PromotionIdentity;
  /** When the promotion was asked for: tags made earlier cannot be its own. */
  since: string;
  conditions: PromotionConditions;
  /** Renders the documents; `production` is the newest release tag before this promotion. */
  render: (
    target: { tag: string; version: string },
    production: { tag: string; version: string } | null,
  ) => PromotionDocuments;
}

/** An earlier attempt's tag, with the release handle needed to continue it. */
interface OwnPromotion extends ExistingPromotion {
  release: ReleaseHandle | null;
}

type Execution =
  | { kind: 'done'; release: ReleaseHandle }
  | { kind: 'taken'; tag: string }
  | { kind: 'own'; tag: string; version: string };

export async function promoteModel(ctx: EventContext, input: PromoteModelInput): Promise<PromotionOutcome> {
  const pattern = input.settings.tag;
  const refs = input.tags ?? (await listTagsWithPrefix(ctx, buildTagPrefix(pattern, input.model)));
  let tags = [...refs.keys()];
  let existing: OwnPromotion | null = await findOwnPromotion(ctx, { ...input, refs });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const before = tags.filter((tag) => tag !== existing?.tag);
    const production = resolveLatestVersion(pattern, input.model, before);
    const plan = buildPromotionPlan({
      conditions: input.conditions,
      versions: { pattern, bump: input.bump, firstVersion: input.settings.firstVersion, tags },
      existing,
      settings: input.settings,
      render: (target) => input.render(target, production),
    });
    if (plan.status === 'refused') return { model: input.model, status: 'refused', reasons: plan.reasons };
    ctx.log.info(
      { model: input.model, tag: plan.tag, stage: plan.stage, steps: plan.steps.length },
      'promotion planned',
    );
    const result = await executePlan(ctx, plan, existing?.release ?? null, input.identity, input.since);
    if (result.kind === 'done')
      return { model: input.model, status: 'promoted', tag: plan.tag, url: result.release.url };
    if (result.kind === 'taken') tags = [...tags, result.tag];
    else
      existing = {
        tag: result.tag,
        version: result.version,
        release: await findReleaseByTag(ctx, result.tag),
      };
  }
  return {
    model: input.model,
    status: 'failed',
    reasons: [`Concurrent promotions took ${MAX_ATTEMPTS} versions in a row; try again.`],
  };
}

/** An earlier attempt's tag among the model's newest tags, with its release. */
async function findOwnPromotion(
  ctx: EventContext,
  input: Pick<PromoteModelInput, 'model' | 'settings' | 'identity' | 'since'> & {
    refs: Map<string, RefObject>;
  },
): Promise<OwnPromotion | null> {
  const newest = listModelVersions(input.settings.tag, input.model, [...input.refs.keys()]).slice(
    0,
    MAX_TAGS_SCANNED,
  );
  for (const candidate of newest) {
    const ref = input.refs.get(candidate.tag);
    if (ref === undefined) continue;
    const kind = classifyTag(await peelTag(ctx, candidate.tag, ref), input.identity, input.since);
    if (kind === 'older') return null;
    if (kind === 'own') return { ...candidate, release: await findReleaseByTag(ctx, candidate.tag) };
  }
  return null;
}

async function executePlan(
  ctx: EventContext,
  plan: Extract<PromotionPlan, { status: 'promote' }>,
  existing: ReleaseHandle | null,
  identity: PromotionIdentity,
  since: string,
): Promise<Execution> {
  let release = existing;
  for (const step of plan.steps) {
    switch (step.kind) {
      case 'create_tag': {
        const result = await createAnnotatedTag(ctx, step);
        if (result.created) break;
        const own = classifyTag(result.existing, identity, since) === 'own';
        ctx.log.info({ tag: step.tag, own }, 'tag exists already');
        return own ? { kind: 'own', tag: plan.tag, version: plan.version } : { kind: 'taken', tag: plan.tag };
      }
      case 'create_release': {
        const created = await createDraftRelease(ctx, step);
        // A concurrent delivery made the release: continue from what it did.
        if (!created.created) return { kind: 'own', tag: plan.tag, version: plan.version };
        release = created.release;
        break;
      }
      case 'upload_asset':
        await uploadReleaseAsset(ctx, requireRelease(release, plan.tag), step.asset);
        break;
      case 'publish_release':
        release = await publishRelease(ctx, requireRelease(release, plan.tag), step.makeLatest);
        break;
    }
  }
  return { kind: 'done', release: requireRelease(release, plan.tag) };
}

function requireRelease(release: ReleaseHandle | null, tag: string): ReleaseHandle {
  if (release === null) throw new Error(`no release for ${tag} to continue`);
  return release;
}
