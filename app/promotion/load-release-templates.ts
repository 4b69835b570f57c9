/**
 * Overrides of the release templates from `<templates>/<name>.hbs` on the default branch
 * (`release-notes.hbs`, `model-card.hbs`, `dashboard.hbs`), where `<templates>` is the config's
 * `templates` directory: opt-in like the comment templates (no key, no API call), trusted like the
 * configuration, read at most once per event.
 */
import { RELEASE_TEMPLATE_NAMES } from '../../shared/render/release/release-templates.js';
import type { ReleaseTemplates } from '../../shared/render/release/render-release.js';
import type { EventContext } from '../event-context.js';
import { listDirectory, readText } from '../github/contents.js';
import type { Session } from '../handlers/session.js';

const loaded = new WeakMap<Session, Promise<ReleaseTemplates>>();

export function loadReleaseTemplates(session: Session): Promise<ReleaseTemplates> {
  let templates = loaded.get(session);
  if (templates === undefined) {
    templates = session
      .config()
      .then((config) => (config?.templates ? readTemplates(session.ctx, config.templates) : {}));
    loaded.set(session, templates);
  }
  return templates;
}

async function readTemplates(ctx: EventContext, dir: string): Promise<ReleaseTemplates> {
  const files = await listDirectory(ctx, { path: dir, ref: ctx.defaultBranch });
  if (files === null) return {};
  const wanted = RELEASE_TEMPLATE_NAMES.filter((name) => files.includes(`${name}.hbs`));
  const texts = await Promise.all(
    wanted.map((name) => readText(ctx, { path: `${dir}/${name}.hbs`, ref: ctx.defaultBranch })),
  );
  const out: ReleaseTemplates = {};
  wanted.forEach((name, i) => {
    const text = texts[i];
    if (typeof text === 'string') out[name] = text;
  });
  return out;
}
