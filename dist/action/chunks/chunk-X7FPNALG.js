import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// shared/data/table.ts
function buildTable(source, columns) {
  const rowCount = columns.length === 0 ? 0 : columnLength(columns[0]);
  return {
    source,
    rowCount,
    names: columns.map((c) => c.name),
    columns: new Map(columns.map((c) => [c.name, c]))
  };
}
function columnLength(column) {
  return column.kind === "numeric" ? column.values.length : column.codes.length;
}
function cellText(column, row) {
  if (column.kind === "numeric") {
    const v = column.values[row];
    return Number.isNaN(v) ? "" : String(v);
  }
  const code = column.codes[row];
  return code < 0 ? "" : column.levels[code];
}
function toCategoricalColumn(column) {
  if (column.kind === "categorical") return column;
  const index = /* @__PURE__ */ new Map();
  const levels = [];
  const codes = new Int32Array(column.values.length);
  for (let i = 0; i < codes.length; i++) {
    const v = column.values[i];
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    let code = index.get(v);
    if (code === void 0) {
      code = levels.length;
      index.set(v, code);
      levels.push(String(v));
    }
    codes[i] = code;
  }
  return { kind: "categorical", name: column.name, codes, levels };
}

export {
  buildTable,
  cellText,
  toCategoricalColumn
};
