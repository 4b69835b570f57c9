/** A model's collapsed details: every check, per-group metrics, operational, importance, flags, provenance. */
export const DETAILS_TEMPLATE = `{{#if checks.length}}
{{#collapsible checksTitle}}
| | Check | Threshold | Observed | Result |
| :-: | --- | --: | --: | --- |
{{#each checks}}
| {{emoji}} | {{title}} | {{threshold}} | {{observed}} | {{message}} |
{{/each}}
{{/collapsible}}
{{/if}}
{{#if groupTables.length}}
{{#collapsible "Metrics per group"}}
Candidate value, production in parentheses.
{{#each groupTables}}

**{{column}}**

| Group | n | Note |{{#each headers}} {{this}} |{{/each}}
| --- | --: | --- |{{#each headers}} --: |{{/each}}
{{#each rows}}
| {{group}} | {{n}} | {{flags}} |{{#each cells}} {{this}} |{{/each}}
{{/each}}
{{/each}}
{{/collapsible}}
{{/if}}
{{#collapsible "Operational"}}
| Measure | Production | Candidate |
| --- | --: | --: |
{{#each operational}}
| {{label}} | {{production}} | {{candidate}} |
{{/each}}
{{/collapsible}}
{{#if importance}}
{{#collapsible "Feature importance"}}
{{importance.title}}.

| Feature | Candidate | Production |
| --- | --: | --: |
{{#each importance.rows}}
| {{feature}} | {{candidate}} | {{production}} |
{{/each}}
{{/collapsible}}
{{/if}}
{{#if flags.length}}
{{#collapsible "Flags"}}
{{#each flags}}
- {{emoji}} {{message}} ({{code}})
{{/each}}
{{/collapsible}}
{{/if}}
{{#collapsible "Provenance"}}
| Item | Value |
| --- | --- |
{{#each provenance}}
| {{label}} | {{value}} |
{{/each}}
{{/collapsible}}
`;
