/**
 * The default templates (Handlebars source as strings, so the bundle reads no files). A
 * repository may override any of them by name; `report` is the page, `model` and `details` are
 * partials. `{{x}}` is always markdown-escaped; numbers arrive pre-formatted.
 */
import { DETAILS_TEMPLATE } from './details-template.js';
import { MODEL_TEMPLATE } from './model-template.js';
import { REPORT_TEMPLATE } from './report-template.js';

/** Names of the overridable templates. */
export type TemplateName = 'report' | 'model' | 'details';

/** Every template name. */
export const TEMPLATE_NAMES: readonly TemplateName[] = ['report', 'model', 'details'];

/** The built-in templates. */
export const DEFAULT_TEMPLATES: Readonly<Record<TemplateName, string>> = {
  report: REPORT_TEMPLATE,
  model: MODEL_TEMPLATE,
  details: DETAILS_TEMPLATE,
};
