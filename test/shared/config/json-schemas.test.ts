import { readFileSync } from 'node:fs';
import { buildJsonSchemas, CONFIG_SCHEMA_ID, REPORT_SCHEMA_ID } from '../../../shared/config/json-schemas.js';
import { GAP_NAMES, METRIC_NAMES, OPERATIONAL_NAMES } from '../../../shared/metrics/registry.js';

const schemaDir = new URL('../../../schema/', import.meta.url);
const generated = buildJsonSchemas();

describe('committed JSON Schemas', () => {
  test.each(Object.keys(generated) as (keyof typeof generated)[])(
    'schema/%s matches a fresh generation (run `npm run schema` and commit)',
    (name) => {
      const committed = readFileSync(new URL(name, schemaDir), 'utf8');
      expect(committed).toBe(generated[name]);
    },
  );

  test('generation is deterministic', () => {
    expect(buildJsonSchemas()).toEqual(generated);
  });
});

describe('the configuration schema', () => {
  const schema = JSON.parse(generated['modelgate.schema.json']);

  test('carries $schema, $id and title first', () => {
    expect(Object.keys(schema).slice(0, 3)).toEqual(['$schema', '$id', 'title']);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(CONFIG_SCHEMA_ID);
    expect(schema.title).toBe('ModelGate configuration');
  });

  test('describes what may be written: only version and models are required', () => {
    expect(schema.required).toEqual(['version', 'models']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.$defs.Model.required).toEqual(['artifact', 'data', 'task', 'target']);
  });

  test('lists every metric name as a property with a description, for autocomplete', () => {
    const model = schema.$defs.Model.properties;
    expect(Object.keys(model.gates.properties)).toEqual(METRIC_NAMES);
    expect(Object.keys(model.fairness.properties)).toEqual(GAP_NAMES);
    expect(Object.keys(model.operational.properties)).toEqual(OPERATIONAL_NAMES);
    expect(model.gates.additionalProperties).toBe(false);
    expect(model.gates.properties.roc_auc).toEqual({
      description: 'ROC AUC (binary; higher is better)',
      $ref: '#/$defs/MetricGate',
    });
    expect(schema.$defs.MetricGate.properties.min.description).toMatch(/lower bound/);
  });

  test('model names follow the documented pattern', () => {
    expect(schema.properties.models.propertyNames.pattern).toBe('^[A-Za-z0-9][A-Za-z0-9_./-]*$');
  });
});

describe('the report schema', () => {
  const schema = JSON.parse(generated['report.schema.json']);

  test('carries its id and requires what the writer always writes', () => {
    expect(schema.$id).toBe(REPORT_SCHEMA_ID);
    expect(schema.title).toBe('ModelGate report');
    expect(schema.properties.schemaVersion).toEqual({ type: 'number', const: 1 });
    expect(schema.required).toContain('models');
    // io 'output': a defaulted field is present in every written report.
    expect(schema.properties.models.items.required).toContain('thresholdChanges');
  });
});
