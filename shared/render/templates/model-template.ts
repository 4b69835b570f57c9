/** One model: verdict line, checks needing attention, metrics, fairness, group charts, details. */
export const MODEL_TEMPLATE = `### {{emoji}} {{name}}: {{verdict}}

{{summary}}
{{#if error}}

> ⛔ {{error}}
{{/if}}
{{#if thresholdChanges.length}}

> [!WARNING]
> This pull request changes thresholds. The verdict uses the thresholds of the base branch.
{{#each thresholdChanges}}
> - {{this}}
{{/each}}
{{/if}}
{{#if attention.length}}

**Needs attention**

| | Check | Result |
| :-: | --- | --- |
{{#each attention}}
| {{emoji}} | {{title}} | {{message}} |
{{/each}}
{{/if}}
{{#if attentionOmitted}}

{{attentionOmitted}}
{{/if}}
{{#if metrics.length}}

**Metrics**

| Metric | Production | Candidate | Δ ({{@root.level}} interval) | Gate |
| --- | --: | --: | --: | --- |
{{#each metrics}}
| {{label}} | {{production}} | {{candidate}} | {{delta}} | {{status}} |
{{/each}}
{{/if}}
{{#each fairness}}

**Fairness across {{column}}**

| Gap | Production | Candidate | Δ | Gate |
| --- | --: | --: | --: | --- |
{{#each rows}}
| {{label}} | {{production}} | {{candidate}} | {{delta}} | {{status}} |
{{/each}}
{{#if excluded}}

Not counted in the gaps: {{excluded}}.
{{/if}}
{{/each}}
{{#each charts}}

**{{title}}**
{{#if mermaid}}

\`\`\`mermaid
{{mermaid}}
\`\`\`

{{legend}}
{{else}}

{{legend}}
{{/if}}

| Group | n | Production | Candidate | Δ | Note |
| --- | --: | --: | --: | --: | --- |
{{#each rows}}
| {{group}} | {{n}} | {{production}} | {{candidate}} | {{delta}} | {{flags}} |
{{/each}}
{{/each}}
{{#if details}}

{{> details details}}
{{/if}}
`;
