/**
 * Default Handlebars templates of the promotion documents. A repository may override the release
 * notes, the model card and the dashboard by name; `{{x}}` is always markdown-escaped and numbers
 * arrive pre-formatted.
 */

/** Names of the overridable templates (files `.github/modelgate/<name>.hbs`). */
export type ReleaseTemplateName = 'release-notes' | 'model-card' | 'dashboard';

export const RELEASE_TEMPLATE_NAMES: readonly ReleaseTemplateName[] = [
  'release-notes',
  'model-card',
  'dashboard',
];

const FACTS = `| | |
| --- | --- |
{{#each rows}}
| {{label}} | {{value}} |
{{/each}}`;

const FAIRNESS = `{{#each fairness}}

**Fairness across {{column}}**

| Gap | {{@root.productionLabel}} | This version | Δ | Gate |
| --- | --: | --: | --: | --- |
{{#each rows}}
| {{label}} | {{production}} | {{candidate}} | {{delta}} | {{status}} |
{{/each}}
{{#if excluded}}

Not counted in the gaps: {{excluded}}.
{{/if}}
{{/each}}`;

export const RELEASE_NOTES_TEMPLATE = `## {{title}}
{{#if rollback}}

> [!IMPORTANT]
> Rollback: this version makes the artifact of {{rollback.target}} production again. Requested by {{rollback.requester}} in {{rollback.link}}. Reason: {{rollback.reason}}
{{/if}}

{{summary}}

### Sign-off
{{#if approvers.length}}

| Rule | Approved by | At | Via |
| --- | --- | --- | --- |
{{#each approvers}}
| {{rule}} | {{login}} | {{at}} | {{via}} |
{{/each}}
{{/if}}
{{#if signoffNote}}

{{signoffNote}}
{{/if}}

### Metrics
{{#if comparisonNote}}

{{comparisonNote}}
{{/if}}
{{#if firstPromotion}}

First promotion: there was no production version to compare with.
{{/if}}

| Metric | {{productionLabel}} | This version | Δ ({{level}} interval) | Gate |
| --- | --: | --: | --: | --- |
{{#each metrics}}
| {{label}} | {{production}} | {{candidate}} | {{delta}} | {{status}} |
{{/each}}
${FAIRNESS}

{{#collapsible checksTitle}}
| | Check | Threshold | Observed | Result |
| :-: | --- | --: | --: | --- |
{{#each checks}}
| {{emoji}} | {{title}} | {{threshold}} | {{observed}} | {{message}} |
{{/each}}
{{/collapsible}}

### Provenance

${FACTS.replace('rows', 'provenance')}
`;

export const MODEL_CARD_TEMPLATE = `# {{title}}

## Model details

${FACTS.replace('rows', 'details')}

## Intended use

${FACTS.replace('rows', 'intendedUse')}

## Evaluation data

${FACTS.replace('rows', 'evaluationData')}

## Metrics

Point estimates with {{level}} bootstrap confidence intervals.

| Metric | This version | Previous production |
| --- | --: | --: |
{{#each metrics}}
| {{label}} | {{value}} | {{production}} |
{{/each}}
{{#each slices}}

### Metrics per slice: {{column}}

| Group | Rows | Flags |{{#each headers}} {{this}} |{{/each}}
| --- | --: | --- |{{#each headers}} --: |{{/each}}
{{#each rows}}
| {{group}} | {{n}} | {{flags}} |{{#each cells}} {{this}} |{{/each}}
{{/each}}

Values of this version; the previous production version's in parentheses.
{{/each}}

## Fairness considerations
${FAIRNESS.replace(/\{\{@root\.productionLabel\}\}/g, 'Previous production')}
{{#if fairnessChecks.length}}

| | Check | Threshold | Observed | Result |
| :-: | --- | --: | --: | --- |
{{#each fairnessChecks}}
| {{emoji}} | {{title}} | {{threshold}} | {{observed}} | {{message}} |
{{/each}}
{{else}}

No fairness threshold is configured for this model.
{{/if}}

## Limitations

{{#each limitations}}
- {{this}}
{{/each}}

## Provenance

${FACTS.replace('rows', 'provenance')}
`;

export const DASHBOARD_TEMPLATE = `{{marker}}
# Model dashboard

Kept up to date by ModelGate. Each promotion is an annotated tag and a release carrying its evidence; the newest release of a model is its production version.
{{#each models}}

## {{name}}

Production: {{production}}
{{#if alert}}

> [!WARNING]
> Latest monitoring alert: {{alert}}
{{/if}}
{{#if recent.length}}

| Version | Promoted | From | {{metricLabel}} |
| --- | --- | --- | --: |
{{#each recent}}
| {{version}} | {{date}} | {{source}} | {{value}} |
{{/each}}
{{/if}}
{{#if chart}}

{{chart}}

{{#collapsible "Chart data"}}
| Version | {{metricLabel}} |
| --- | --: |
{{#each history}}
| {{version}} | {{value}} |
{{/each}}
{{/collapsible}}
{{/if}}
{{/each}}

## Open pull requests awaiting sign-off
{{#if awaiting.length}}

| Pull request | Waiting for |
| --- | --- |
{{#each awaiting}}
| {{pull}} {{title}} | {{waiting}} |
{{/each}}
{{#if awaitingMore}}

{{awaitingMore}}
{{/if}}
{{else}}

None.
{{/if}}
`;

/** Defaults by name. */
export const DEFAULT_RELEASE_TEMPLATES: Readonly<Record<ReleaseTemplateName, string>> = {
  'release-notes': RELEASE_NOTES_TEMPLATE,
  'model-card': MODEL_CARD_TEMPLATE,
  dashboard: DASHBOARD_TEMPLATE,
};
