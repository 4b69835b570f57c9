/**
 * Overrides of the release templates from `.github/modelgate/<name>.hbs` on the default branch
 * (`release-notes.hbs`, `model-card.hbs`, `dashboard.hbs`): trusted like the configuration, read
 * at most once per event.
 */
import { RELEASE_TEMPLATE_NAMES } from '../../shared/render/release/release-templates.js';
import type { ReleaseTemplates } from '../../shared/render/release/render-release.js';
import type { EventContext } from '../event-context.js';
import { listDirectory, readText } from '../github/contents.js';
import { TEMPLATE_DIR } from '../github/templates.js';
import type { Session } from '../handlers/session.js';

const loaded = new WeakMap<Session, Promise<ReleaseTemplates>>();

export function loadReleaseTemplates(session: Session): Promise<ReleaseTemplates> {
  let templates = loaded.get(session);
  if (templates === undefined) {
    templates = readTemplates(session.ctx);
    loaded.set(session, templates);
  }
  return templates;
}

async function readTemplates(ctx: EventContext): Promise<ReleaseTemplates> {
  const files = await listDirectory(ctx, { path: TEMPLATE_DIR, ref: ctx.defaultBranch });
  if (files === null) return {};
  const wanted = RELEASE_TEMPLATE_NAMES.filter((name) => files.includes(`${name}.hbs`));
  const texts = await Promise.all(
    wanted.map((name) => readText(ctx, { path: `${TEMPLATE_DIR}/${name}.hbs`, ref: ctx.defaultBranch })),
  );
  const out: ReleaseTemplates = {};
  wanted.forEach((name, i) => {
    const text = texts[i];
    if (typeof text === 'string') out[name] = text;
  });
  return out;
}
