/**
 * Handlebars sources of the monitor's markdown: one model (a partial), the job summary / CLI
 * file, and the alert issue body. `{{x}}` is always markdown-escaped; numbers arrive formatted.
 */

export const MONITOR_MODEL_TEMPLATE = `### {{emoji}} {{name}}: {{status}}

{{summary}}
{{#if error}}

> [!CAUTION]
> {{error}}
{{/if}}
{{#each flags}}

> [!WARNING]
> {{this}}
{{/each}}
{{#if attention.length}}

**Needs attention**

{{#each attention}}
- {{emoji}} {{message}}
{{/each}}
{{/if}}
{{#if checks.length}}

| | Check | Limit | Observed | Result |
| :-: | --- | --: | --: | --- |
{{#each checks}}
| {{emoji}} | {{title}} | {{limit}} | {{observed}} | {{result}} |
{{/each}}
{{/if}}
{{#if metrics.length}}

**Metrics at promotion and now** ({{level}} intervals; the change compares two independent samples)

| Metric | At promotion | Now | Change |
| --- | --: | --: | --: |
{{#each metrics}}
| {{label}} | {{baseline}} | {{current}} | {{change}} |
{{/each}}
{{/if}}
{{#if fairness.length}}

**Fairness gaps at promotion and now**

| Gap | Column | At promotion | Now | Change |
| --- | --- | --: | --: | --: |
{{#each fairness}}
| {{label}} | {{column}} | {{baseline}} | {{current}} | {{change}} |
{{/each}}
{{/if}}
{{#if drift}}

**Drift against the reference data**

{{drift.summary}}

| Column | Kind | PSI | KS | Jensen-Shannon | Cramér's V | p | Shift | Result |
| --- | --- | --: | --: | --: | --: | --: | --- | --- |
{{#each drift.rows}}
| {{column}} | {{kind}} | {{psi}} | {{ks}} | {{js}} | {{v}} | {{p}} | {{shift}} | {{result}} |
{{/each}}
{{#if drift.omitted}}

{{drift.omitted}}
{{/if}}

{{drift.limits}}
{{/if}}
{{#if trend}}

**{{trend.metric}} across monitoring runs**
{{#if trend.mermaid}}

\`\`\`mermaid
{{trend.mermaid}}
\`\`\`

First line: each run's fresh data; second line: the value at promotion.
{{/if}}

| Run | Version | Status | {{trend.metric}} | At promotion | Drifted features | Rows |
| --- | --- | --- | --: | --: | --: | --: |
{{#each trend.rows}}
| {{at}} | {{version}} | {{status}} | {{value}} | {{baseline}} | {{drifted}} | {{rows}} |
{{/each}}
{{/if}}
{{#if provenance.length}}

{{#collapsible "Provenance"}}
{{#each provenance}}
- {{label}}: {{value}}
{{/each}}
{{/collapsible}}
{{/if}}
`;

/** The job summary and the CLI's markdown file: every model, then the skipped ones. */
export const MONITOR_SUMMARY_TEMPLATE = `## {{emoji}} ModelGate monitor: {{status}}

{{intro}}
{{#if error}}

> [!CAUTION]
> {{error}}
{{/if}}
{{#each models}}

{{> monitorModel this}}
{{/each}}
{{#if skipped.length}}

**Not monitored**

{{#each skipped}}
- {{name}}: {{reason}}
{{/each}}
{{/if}}
{{#if truncation}}

> [!NOTE]
> {{truncation}}
{{/if}}
`;

/** An alert issue body: marker first, hidden history last. */
export const MONITOR_ALERT_TEMPLATE = `{{marker}}
{{intro}}

{{> monitorModel model}}
{{#if truncation}}

> [!NOTE]
> {{truncation}}
{{/if}}

---
{{footer}}
{{history}}
`;
