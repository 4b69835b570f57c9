import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  cellText
} from "./chunk-X7FPNALG.js";
import {
  DataError,
  ModelError
} from "./chunk-MIO7ENFF.js";

// action/runners/onnx-inputs.ts
import { Tensor } from "onnxruntime-node";
var NAMED_TYPES = /* @__PURE__ */ new Set(["float32", "float64", "int32", "int64", "string"]);
function describeInput(m) {
  return m.isTensor ? `'${m.name}' ${m.type} [${m.shape.join(", ")}]` : `'${m.name}' (not a tensor)`;
}
function listNames(names, max = 12) {
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown}, \u2026 (${names.length - max} more)` : shown;
}
function buildInputPlan(args) {
  const { inputs, table, features, artifact } = args;
  const missing = features.filter((f) => !table.columns.has(f));
  if (missing.length > 0) {
    throw new DataError(
      `feature column(s) not found: ${listNames(missing)}; the data has ${listNames(table.names)}`,
      {
        file: table.source,
        column: missing[0]
      }
    );
  }
  const only = inputs[0];
  const isMatrix = only?.isTensor && (only.shape.length === 2 || only.shape.length === 0);
  if (inputs.length === 1 && isMatrix && !(features.length === 1 && features[0] === only.name)) {
    return buildMatrixPlan(only, table, features, artifact);
  }
  return buildNamedPlan(inputs, table, features, artifact);
}
function buildMatrixPlan(input, table, features, artifact) {
  const expected = `model expects input ${describeInput(input)}`;
  const width = input.shape[1];
  if (typeof width === "number" && width !== features.length) {
    throw new ModelError(
      `${expected}; the data has ${features.length} feature columns: ${listNames(features)}`,
      artifact,
      { code: "model_signature" }
    );
  }
  if (input.type !== "float32" && input.type !== "float64") {
    throw new ModelError(`${expected}; only float32 or float64 matrix inputs are supported`, artifact, {
      code: "model_signature"
    });
  }
  const columns = [];
  for (const name of features) {
    const column = table.columns.get(name);
    if (column.kind !== "numeric") {
      const bad = firstNonNumeric(column);
      throw new DataError(
        `"${bad.text}" is not a number, but the feature goes into the model's numeric input (${artifact}: ${describeInput(input)}). Fix the cell, or encode the column as numbers`,
        { file: table.source, row: bad.row, column: name }
      );
    }
    columns.push(column);
  }
  return { kind: "matrix", input: input.name, type: input.type, columns };
}
function buildNamedPlan(inputs, table, features, artifact) {
  const expected = `model expects inputs ${inputs.map(describeInput).join(", ")}`;
  const fail = (why) => new ModelError(`${expected}; ${why}`, artifact, { code: "model_signature" });
  const featureSet = new Set(features);
  const unmatched = inputs.filter((i) => !featureSet.has(i.name)).map((i) => i.name);
  if (unmatched.length > 0) {
    throw fail(
      `no feature column for input(s) ${listNames(unmatched)}; the ${features.length} feature columns are ${listNames(features)}`
    );
  }
  const inputNames = new Set(inputs.map((i) => i.name));
  const unused = features.filter((f) => !inputNames.has(f));
  if (unused.length > 0) throw fail(`feature column(s) ${listNames(unused)} match no model input`);
  const planned = inputs.map((m) => {
    if (!m.isTensor || !NAMED_TYPES.has(m.type))
      throw fail(
        `input '${m.name}' has an unsupported type (float32, float64, int32, int64 or string are supported)`
      );
    const rank = m.shape.length === 1 ? 1 : 2;
    if (m.shape.length > 2 || m.shape.length === 2 && typeof m.shape[1] === "number" && m.shape[1] !== 1) {
      throw fail(`input '${m.name}' must be [N] or [N, 1] to take one column`);
    }
    const column = table.columns.get(m.name);
    if (column.kind === "categorical" && m.type !== "string") {
      const bad = firstNonNumeric(column);
      throw fail(
        `column '${m.name}' holds text (row ${bad.row}: '${bad.text}'), but input '${m.name}' is ${m.type}`
      );
    }
    return { input: m.name, type: m.type, rank, column };
  });
  return { kind: "named", inputs: planned };
}
function firstNonNumeric(column) {
  for (let i = 0; i < (column.kind === "numeric" ? 0 : column.codes.length); i++) {
    const text = cellText(column, i);
    if (text.trim() !== "" && !Number.isFinite(Number(text))) return { row: i + 1, text };
  }
  return { row: 1, text: cellText(column, 0) };
}
function createFeeder(plan, batchSize, source) {
  if (plan.kind === "matrix") return createMatrixFeeder(plan, batchSize);
  const feeders = plan.inputs.map((entry) => ({
    input: entry.input,
    feed: createColumnFeeder(entry, batchSize, source)
  }));
  return (start, end) => {
    const feeds = {};
    for (const f of feeders) feeds[f.input] = f.feed(start, end);
    return feeds;
  };
}
function createMatrixFeeder(plan, batchSize) {
  const width = plan.columns.length;
  const buffer = plan.type === "float32" ? new Float32Array(batchSize * width) : new Float64Array(batchSize * width);
  const values = plan.columns.map((c) => c.values);
  return (start, end) => {
    const rows = end - start;
    packRows(buffer, values, start, rows);
    const data = rows === batchSize ? buffer : buffer.subarray(0, rows * width);
    return { [plan.input]: new Tensor(plan.type, data, [rows, width]) };
  };
}
function packRows(buffer, columns, start, rows) {
  const width = columns.length;
  let j = 0;
  for (; j + 4 <= width; j += 4) {
    const c0 = columns[j];
    const c1 = columns[j + 1];
    const c2 = columns[j + 2];
    const c3 = columns[j + 3];
    for (let r = start, at = j, end = start + rows; r < end; r++, at += width) {
      buffer[at] = c0[r];
      buffer[at + 1] = c1[r];
      buffer[at + 2] = c2[r];
      buffer[at + 3] = c3[r];
    }
  }
  for (; j < width; j++) {
    const c = columns[j];
    for (let r = start, at = j, end = start + rows; r < end; r++, at += width) buffer[at] = c[r];
  }
}
function createColumnFeeder(entry, batchSize, source) {
  const { column, type } = entry;
  const dims = (rows) => entry.rank === 1 ? [rows] : [rows, 1];
  if (type === "string") {
    return (start, end) => {
      const data = new Array(end - start);
      for (let i = start; i < end; i++) data[i - start] = cellText(column, i);
      return new Tensor("string", data, dims(end - start));
    };
  }
  const values = column.values;
  const buffer = allocate(type, batchSize);
  return (start, end) => {
    const rows = end - start;
    if (buffer instanceof BigInt64Array)
      fillIntegers(buffer, values, start, rows, (v) => BigInt(v), { source, column: column.name, type });
    else if (buffer instanceof Int32Array)
      fillIntegers(buffer, values, start, rows, (v) => v, { source, column: column.name, type });
    else for (let i = 0; i < rows; i++) buffer[i] = values[start + i];
    const data = rows === batchSize ? buffer : buffer.subarray(0, rows);
    return new Tensor(type, data, dims(rows));
  };
}
function allocate(type, n) {
  if (type === "float32") return new Float32Array(n);
  if (type === "float64") return new Float64Array(n);
  return type === "int32" ? new Int32Array(n) : new BigInt64Array(n);
}
function fillIntegers(buffer, values, start, rows, convert, where) {
  for (let i = 0; i < rows; i++) {
    const v = values[start + i];
    if (!Number.isInteger(v)) {
      const what = Number.isNaN(v) ? "is empty" : `is ${v}, not an integer`;
      throw new DataError(`${what}, but the model input is ${where.type}`, {
        file: where.source,
        row: start + i + 1,
        column: where.column
      });
    }
    buffer[i] = convert(v);
  }
}

// action/runners/same-label.ts
function isSameLabel(a, b) {
  if (a === b) return true;
  if (a.trim() === "" || b.trim() === "") return false;
  const x = Number(a);
  return Number.isFinite(x) && x === Number(b);
}

// action/runners/validate-scores.ts
var PROBABILITY_TOLERANCE = 1e-6;
function validateProbabilities(values, from = 0, to = values.length) {
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (v >= 0 && v <= 1) continue;
    if (v < 0 && v >= -PROBABILITY_TOLERANCE) values[i] = 0;
    else if (v > 1 && v <= 1 + PROBABILITY_TOLERANCE) values[i] = 1;
    else return { index: i, value: v };
  }
  return null;
}
function validateFinite(values, from = 0, to = values.length) {
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) return { index: i, value: v };
  }
  return null;
}
function describeInvalid(value) {
  return Number.isFinite(value) ? `${value} (outside [0, 1])` : String(value);
}

export {
  describeInput,
  listNames,
  buildInputPlan,
  createFeeder,
  isSameLabel,
  validateProbabilities,
  validateFinite,
  describeInvalid
};
