/**
 * Template overrides from `.github/modelgate/<name>.hbs` on the default branch (`report.hbs`,
 * `model.hbs`, `details.hbs`): trusted like the configuration, never read from the head.
 */
import { TEMPLATE_NAMES, type TemplateName } from '../../shared/render/templates/index.js';
import type { EventContext } from '../event-context.js';
import { listDirectory, readText } from './contents.js';

export const TEMPLATE_DIR = '.github/modelgate';

export async function loadTemplates(ctx: EventContext): Promise<Partial<Record<TemplateName, string>>> {
  const files = await listDirectory(ctx, { path: TEMPLATE_DIR, ref: ctx.defaultBranch });
  if (files === null) return {};
  const wanted = TEMPLATE_NAMES.filter((name) => files.includes(`${name}.hbs`));
  const texts = await Promise.all(
    wanted.map((name) => readText(ctx, { path: `${TEMPLATE_DIR}/${name}.hbs`, ref: ctx.defaultBranch })),
  );
  const out: Partial<Record<TemplateName, string>> = {};
  wanted.forEach((name, i) => {
    const text = texts[i];
    if (text !== null && text !== undefined) out[name] = text;
  });
  return out;
}
