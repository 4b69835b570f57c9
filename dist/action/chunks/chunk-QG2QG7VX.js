import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  readTable
} from "./chunk-C6CR24RA.js";
import {
  describeInvalid,
  isSameLabel,
  listNames,
  validateFinite,
  validateProbabilities
} from "./chunk-E76YTMFB.js";
import {
  cellText
} from "./chunk-X7FPNALG.js";
import {
  DataError
} from "./chunk-MIO7ENFF.js";

// action/runners/predictions-runner.ts
async function readPredictions(path, options) {
  const file = await readTable(path, { displayPath: options.displayPath ?? path });
  const order = options.id === void 0 ? alignByRowOrder(file, options.data) : alignById(file, options.data, options.id);
  const predictions = buildPredictions(file, order, options);
  return {
    predictions,
    metadata: {
      format: "predictions",
      outputs: describeColumns(file, options.task),
      properties: { rows: String(file.rowCount) }
    }
  };
}
function describeColumns(file, task) {
  const used = file.names.filter(
    (n) => n === "label" || (task === "multiclass" ? n.startsWith("score_") : n === (task === "binary" ? "score" : "prediction"))
  );
  return used.map((name) => ({
    name,
    type: file.columns.get(name).kind === "numeric" ? "float64" : "string",
    shape: ["N"]
  }));
}
function alignByRowOrder(file, data) {
  if (file.rowCount !== data.rowCount) {
    throw new DataError(
      `has ${file.rowCount} rows but the data ${data.source} has ${data.rowCount}; without an id column rows are matched by order, so the counts must be equal`,
      { file: file.source }
    );
  }
  return null;
}
function alignById(file, data, id) {
  const fileIds = requireIdColumn(file, id);
  const dataIds = requireIdColumn(data, id);
  const rowOf = /* @__PURE__ */ new Map();
  for (let r = 0; r < file.rowCount; r++) {
    const key = requireId(fileIds, r, file.source);
    const first = rowOf.get(key);
    if (first !== void 0)
      throw new DataError(`id '${key}' appears twice (rows ${first + 1} and ${r + 1})`, {
        file: file.source,
        row: r + 1,
        column: id
      });
    rowOf.set(key, r);
  }
  const order = new Int32Array(data.rowCount);
  const seen = new Uint8Array(file.rowCount);
  for (let r = 0; r < data.rowCount; r++) {
    const key = requireId(dataIds, r, data.source);
    const at = rowOf.get(key);
    if (at === void 0)
      throw new DataError(`id '${key}' (data row ${r + 1}) has no prediction in ${file.source}`, {
        file: data.source,
        row: r + 1,
        column: id
      });
    if (seen[at])
      throw new DataError(`id '${key}' appears more than once in the data (row ${r + 1})`, {
        file: data.source,
        row: r + 1,
        column: id
      });
    seen[at] = 1;
    order[r] = at;
  }
  const extra = seen.indexOf(0);
  if (extra >= 0) {
    throw new DataError(`id '${cellText(fileIds, extra)}' is not in the data ${data.source}`, {
      file: file.source,
      row: extra + 1,
      column: id
    });
  }
  return order;
}
function requireIdColumn(table, id) {
  const column = table.columns.get(id);
  if (!column)
    throw new DataError(`the id column is missing (columns: ${listNames(table.names)})`, {
      file: table.source,
      column: id
    });
  return column;
}
function requireId(column, row, file) {
  const key = cellText(column, row);
  if (key === "") throw new DataError("the id is empty", { file, row: row + 1, column: column.name });
  return key;
}
function buildPredictions(file, order, options) {
  const labels = file.columns.get("label");
  if (options.task === "regression") {
    const prediction = numericColumn(file, "prediction", "regression");
    const bad = validateFinite(prediction.values);
    if (bad)
      throw new DataError(`prediction is ${describeEmpty(bad.value)}`, {
        file: file.source,
        row: bad.index + 1,
        column: "prediction"
      });
    return { task: "regression", prediction: gather(prediction.values, order) };
  }
  if (options.task === "binary") {
    const score = numericColumn(file, "score", "binary");
    checkProbabilities(file, score);
    const label2 = labels ? gatherLabels(binaryLabels(file, labels, options.positiveLabel ?? "1"), order) : null;
    return { task: "binary", score: gather(score.values, order), label: label2 };
  }
  const scoreColumns = file.names.filter((n) => n.startsWith("score_"));
  if (scoreColumns.length < 2) {
    throw new DataError(
      `a multiclass predictions file needs one score_<class> column per class (at least two); columns: ${listNames(file.names)}`,
      { file: file.source }
    );
  }
  const classes = scoreColumns.map((n) => n.slice("score_".length));
  const proba = buildProbabilityMatrix(file, scoreColumns, order);
  const label = labels ? multiclassLabels(file, labels, classes, order) : null;
  return { task: "multiclass", classes, proba, label };
}
function numericColumn(file, name, task) {
  const column = file.columns.get(name);
  if (!column)
    throw new DataError(
      `a ${task} predictions file needs a '${name}' column; columns: ${listNames(file.names)}`,
      { file: file.source, column: name }
    );
  if (column.kind === "numeric") return column;
  const row = column.codes.findIndex((c) => c >= 0 && !Number.isFinite(Number(column.levels[c])));
  const text = row >= 0 ? column.levels[column.codes[row]] : column.levels[0];
  throw new DataError(`'${text}' is not a finite number`, {
    file: file.source,
    ...row >= 0 ? { row: row + 1 } : {},
    column: name
  });
}
function checkProbabilities(file, column) {
  const bad = validateProbabilities(column.values);
  if (bad)
    throw new DataError(`score is ${describeEmpty(bad.value)}; scores are probabilities in [0, 1]`, {
      file: file.source,
      row: bad.index + 1,
      column: column.name
    });
}
function describeEmpty(value) {
  return Number.isNaN(value) ? "empty or NaN" : describeInvalid(value);
}
function gather(values, order) {
  if (order === null) return values;
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}
function gatherLabels(values, order) {
  if (order === null) return values;
  return Uint8Array.from(order, (r) => values[r]);
}
function binaryLabels(file, column, positive) {
  const out = new Uint8Array(file.rowCount);
  const distinct = /* @__PURE__ */ new Set();
  for (let r = 0; r < file.rowCount; r++) {
    const text = cellText(column, r);
    if (text === "")
      throw new DataError("the label is empty", { file: file.source, row: r + 1, column: "label" });
    distinct.add(text);
    if (distinct.size > 2)
      throw new DataError(`a binary label column holds more than two values (${[...distinct].join(", ")})`, {
        file: file.source,
        row: r + 1,
        column: "label"
      });
    out[r] = isSameLabel(text, positive) ? 1 : 0;
  }
  if (distinct.size === 2 && ![...distinct].some((d) => isSameLabel(d, positive))) {
    throw new DataError(
      `the labels (${[...distinct].join(", ")}) do not include the positive label '${positive}'`,
      { file: file.source, column: "label" }
    );
  }
  return out;
}
function buildProbabilityMatrix(file, names, order) {
  const k = names.length;
  const n = order?.length ?? file.rowCount;
  const proba = new Float64Array(n * k);
  names.forEach((name, j) => {
    const column = numericColumn(file, name, "multiclass");
    checkProbabilities(file, column);
    const values = column.values;
    for (let i = 0; i < n; i++) proba[i * k + j] = values[order ? order[i] : i];
  });
  return proba;
}
function multiclassLabels(file, column, classes, order) {
  const n = order?.length ?? file.rowCount;
  const out = new Int32Array(n);
  const cache = /* @__PURE__ */ new Map();
  for (let i = 0; i < n; i++) {
    const row = order ? order[i] : i;
    const text = cellText(column, row);
    let index = cache.get(text);
    if (index === void 0) {
      index = classes.findIndex((c) => isSameLabel(c, text));
      cache.set(text, index);
    }
    if (index < 0)
      throw new DataError(`label '${text}' is not one of the score_<class> classes [${classes.join(", ")}]`, {
        file: file.source,
        row: row + 1,
        column: "label"
      });
    out[i] = index;
  }
  return out;
}

export {
  readPredictions,
  alignById
};
