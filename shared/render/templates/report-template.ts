/** The page: headline, context, each model (partial `model`), skipped models, environment, links. */
export const REPORT_TEMPLATE = `{{#if marker}}{{marker}}
{{/if}}
## {{emoji}} ModelGate: {{verdict}}

{{summary}}
{{#if overview}}

{{#each models}}
- {{emoji}} **{{name}}**: {{verdict}}
{{/each}}
{{/if}}
{{#if context}}

{{context}}
{{/if}}
{{#if error}}

> ⛔ {{error}}
{{/if}}
{{#if truncation}}

> [!NOTE]
> {{truncation}}
{{/if}}
{{#each models}}

{{> model}}
{{/each}}
{{#if skipped.length}}

### Not evaluated

{{#each skipped}}
- **{{name}}**: {{reason}}
{{/each}}
{{/if}}
{{#if environment}}

{{#collapsible "Environment and settings"}}
| Setting | Value |
| --- | --- |
{{#each environment}}
| {{label}} | {{value}} |
{{/each}}
{{/collapsible}}
{{/if}}
{{#if links}}

{{links}}
{{/if}}
`;
