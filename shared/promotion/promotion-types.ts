/**
 * The vocabulary of promotions (PRODUCT.md §5): what is promoted and why, what already exists on
 * GitHub, and the plan of steps the App carries out. Plain data, no behaviour.
 */
import type { ReleaseSettings } from '../config/types.js';
import type { RuleState } from '../policy/types.js';
import type { Verdict } from '../report/schema.js';

/** What a promotion comes from: a merged pull request, or a rollback requested by a comment. */
export type PromotionSource =
  | {
      kind: 'merge';
      pullRequest: {
        number: number;
        title: string;
        url: string;
        author: string;
        mergedAt: string;
        mergeCommit: string;
      };
    }
  | {
      kind: 'rollback';
      request: {
        /** Issue or pull request number the command was written on. */
        issue: number;
        commentId: number;
        url: string;
        requester: string;
        requestedAt: string;
        reason: string;
      };
      /** The earlier promotion whose artifact becomes production again. */
      target: { tag: string; version: string };
    };

/** How a promotion recognises its own tag on a retry. */
export type PromotionIdentity =
  /** A merge: a tag of the model at the merge commit is this promotion (whoever created it). */
  | { kind: 'merge'; commit: string; key: string }
  /** A rollback points at an earlier commit that other tags share: only its key identifies it. */
  | { kind: 'rollback'; key: string };

/** The sign-off decision for one model. */
export interface ModelSignoff {
  satisfied: boolean;
  /** Rules that applied to the model (satisfied or not), with their approvers. */
  rules: RuleState[];
  /** Plain sentences: what is still missing; [] when satisfied. */
  missing: string[];
}

/** The artifact's SHA-256 at the commit to be tagged, as read there; null = the file is not there. */
export interface ArtifactCheck {
  path: string;
  commit: string;
  /** The SHA-256 the evidence is about (the evaluated candidate, or the re-promoted release's). */
  expected: string;
  actual: string | null;
}

/** Everything that decides whether a model may be promoted. */
export interface PromotionConditions {
  model: string;
  /** The verdict the App stands behind; null when there is no verified report. */
  verdict: Verdict | null;
  signoff: ModelSignoff;
  artifact: ArtifactCheck;
  /** Further reasons found by the shell (e.g. a report that could not be verified). */
  problems: readonly string[];
}

/** A peeled tag: the commit it points at and the annotation, if any. */
export interface PeeledTag {
  tag: string;
  commit: string;
  message: string | null;
  /** Tagger date of an annotated tag; null for a lightweight tag. */
  taggedAt: string | null;
}

/** A release as the App needs it. */
export interface ExistingRelease {
  id: number;
  tag: string;
  draft: boolean;
  url: string;
  /** Names of assets completely uploaded. */
  assets: string[];
}

/** A tag of this very promotion, found by a retry, with its release when there is one. */
export interface ExistingPromotion {
  tag: string;
  version: string;
  release: ExistingRelease | null;
}

export type AssetKind = ReleaseSettings['assets'][number];

/** A file attached to the release. */
export interface AssetFile {
  kind: AssetKind;
  name: string;
  contentType: string;
  content: string;
}

/** What the release and tag say, rendered for a version. */
export interface PromotionDocuments {
  /** Release title. */
  name: string;
  /** Release notes with the hidden record. */
  body: string;
  tagMessage: string;
  assets: AssetFile[];
}

export type PromotionStep =
  | { kind: 'create_tag'; tag: string; commit: string; message: string }
  | { kind: 'create_release'; tag: string; name: string; body: string; makeLatest: boolean }
  | { kind: 'upload_asset'; asset: AssetFile }
  | { kind: 'publish_release'; makeLatest: boolean };

/** Where an existing promotion stood when it was found. */
export type PromotionStage = 'new' | 'tagged' | 'drafted' | 'published';

export type PromotionPlan =
  | { status: 'refused'; model: string; reasons: string[] }
  | {
      status: 'promote';
      model: string;
      tag: string;
      version: string;
      stage: PromotionStage;
      /** In order: tag, draft release, assets, publish. Empty when the promotion is complete. */
      steps: PromotionStep[];
    };
