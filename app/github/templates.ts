/**
 * Template overrides (`report.hbs`, `model.hbs`, `details.hbs`) from the directory the trusted
 * configuration names in `templates`, read on the default branch, never from the head. Without
 * that key nothing is read: the built-in templates cost no request.
 */
import { TEMPLATE_NAMES, type TemplateName } from '../../shared/render/templates/index.js';
import type { EventContext } from '../event-context.js';
import { listDirectory, readText } from './contents.js';

/** The conventional directory (`templates: .github/modelgate`); release templates are read here. */
export const TEMPLATE_DIR = '.github/modelgate';

export async function loadTemplates(
  ctx: EventContext,
  dir: string,
): Promise<Partial<Record<TemplateName, string>>> {
  const files = await listDirectory(ctx, { path: dir, ref: ctx.defaultBranch });
  if (files === null) return {};
  const wanted = TEMPLATE_NAMES.filter((name) => files.includes(`${name}.hbs`));
  const texts = await Promise.all(
    wanted.map((name) => readText(ctx, { path: `${dir}/${name}.hbs`, ref: ctx.defaultBranch })),
  );
  const out: Partial<Record<TemplateName, string>> = {};
  wanted.forEach((name, i) => {
    const text = texts[i];
    if (text !== null && text !== undefined) out[name] = text;
  });
  return out;
}
