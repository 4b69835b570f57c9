import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  createRng
} from "./chunk-4ZI2KDSH.js";
import "./chunk-ZGDBGMMU.js";

// action/runners/permutation-importance.ts
var DEFAULT_IMPORTANCE_MAX_ROWS = 2e4;
async function runPermutationImportance(options) {
  const { features, repeats, direction } = options;
  if (!Number.isInteger(repeats) || repeats < 1)
    throw new RangeError(`repeats must be a positive integer, got ${repeats}`);
  const rng = createRng(options.seed);
  const rows = selectRows(options.table.rowCount, options.maxRows ?? DEFAULT_IMPORTANCE_MAX_ROWS, rng);
  const table = rows.length === options.table.rowCount ? options.table : sliceTable(options.table, rows);
  const baseline = options.metric(await options.predict(table), rows);
  const results = [];
  for (const feature of features) {
    const drops = [];
    for (let r = 0; r < repeats; r++) {
      const shuffled = replaceColumn(table, shuffleColumn(requireColumn(table, feature), rng));
      const value = options.metric(await options.predict(shuffled), rows);
      if (value !== null && baseline !== null)
        drops.push(direction === "higher" ? baseline - value : value - baseline);
    }
    results.push({ feature, ...meanAndStd(drops) });
  }
  return {
    baseline,
    rows: rows.length,
    sampled: rows.length < options.table.rowCount,
    features: rankImportances(results)
  };
}
function selectRows(n, max, rng) {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (n <= max) return all;
  for (let i = 0; i < max; i++) {
    const j = i + rng.nextInt(n - i);
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, max).sort();
}
function requireColumn(table, name) {
  const column = table.columns.get(name);
  if (!column) throw new RangeError(`feature column '${name}' is not in ${table.source}`);
  return column;
}
function sliceTable(table, rows) {
  const columns = /* @__PURE__ */ new Map();
  for (const [name, c] of table.columns) {
    if (c.kind === "numeric") {
      const values = new Float64Array(rows.length);
      rows.forEach((r, i) => {
        values[i] = c.values[r];
      });
      columns.set(name, { kind: "numeric", name, values });
    } else {
      const codes = new Int32Array(rows.length);
      rows.forEach((r, i) => {
        codes[i] = c.codes[r];
      });
      columns.set(name, { kind: "categorical", name, codes, levels: c.levels });
    }
  }
  return { source: table.source, rowCount: rows.length, names: table.names, columns };
}
function shuffleColumn(column, rng) {
  const values = column.kind === "numeric" ? column.values.slice() : column.codes.slice();
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
  return column.kind === "numeric" ? { kind: "numeric", name: column.name, values } : { kind: "categorical", name: column.name, codes: values, levels: column.levels };
}
function replaceColumn(table, column) {
  const columns = new Map(table.columns);
  columns.set(column.name, column);
  return { ...table, columns };
}
function meanAndStd(values) {
  if (values.length === 0) return { drop: null, std: null };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { drop: mean, std: Math.sqrt(variance) };
}
function rankImportances(results) {
  const order = results.map((r, i) => ({ r, i })).sort(
    (a, b) => (b.r.drop ?? Number.NEGATIVE_INFINITY) - (a.r.drop ?? Number.NEGATIVE_INFINITY) || a.i - b.i
  );
  return order.map(({ r }, k) => ({ ...r, rank: k + 1 }));
}
export {
  DEFAULT_IMPORTANCE_MAX_ROWS,
  runPermutationImportance
};
