import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  buildInputPlan,
  createFeeder,
  describeInput,
  describeInvalid,
  isSameLabel,
  validateFinite,
  validateProbabilities
} from "./chunk-E76YTMFB.js";
import "./chunk-X7FPNALG.js";
import {
  DataError,
  ModelError
} from "./chunk-MIO7ENFF.js";
import "./chunk-ZGDBGMMU.js";

// action/runners/onnx-runner.ts
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import * as ort from "onnxruntime-node";

// action/runners/onnx-outputs.ts
var FLOAT_TYPES = /* @__PURE__ */ new Set(["float32", "float64"]);
var LABEL_TYPES = /* @__PURE__ */ new Set(["int64", "int32", "string"]);
function isColumn(m) {
  return m.shape.length === 1 || m.shape.length === 2 && (m.shape[1] === 1 || typeof m.shape[1] === "string");
}
function prefer(candidates, pattern) {
  return candidates.find((c) => pattern.test(c.name)) ?? candidates[0];
}
function buildOutputPlan(args) {
  const { outputs, task, zipMapClasses, artifact } = args;
  const tensors = outputs.filter((o) => o.isTensor);
  const floats = tensors.filter((t) => FLOAT_TYPES.has(t.type) && t.shape.length <= 2);
  const listed = outputs.map(describeInput).join(", ");
  if (task === "regression") {
    const values2 = prefer(floats.filter(isColumn), /predict|variable|output/i);
    if (!values2)
      throw new ModelError(
        `no float output of one value per row for regression; the outputs are ${listed}`,
        artifact,
        { code: "model_signature" }
      );
    return { task, values: values2.name, classes: null, label: null };
  }
  const zip = floats.find((f) => zipMapClasses.has(f.name));
  const matrices = floats.filter((f) => f.shape.length === 2 && f.shape[1] !== 1);
  const values = zip ?? prefer(matrices, /prob/i) ?? (task === "binary" ? prefer(floats.filter(isColumn), /prob|score/i) : void 0);
  if (!values) {
    throw new ModelError(
      `no probability output (a float tensor [N, k] or a ZipMap); the outputs are ${listed}`,
      artifact,
      { code: "model_signature" }
    );
  }
  const label = prefer(
    tensors.filter((t) => LABEL_TYPES.has(t.type) && isColumn(t)),
    /label/i
  );
  const classes = zipMapClasses.get(values.name) ?? args.classLabels;
  return { task, values: values.name, classes, label: label?.name ?? null };
}
function computePositiveIndex(args) {
  const { width, classes, positiveLabel, artifact } = args;
  if (width === 1) return 0;
  if (width !== 2) {
    throw new ModelError(`the task is binary, but the probability output has ${width} columns`, artifact, {
      code: "model_signature"
    });
  }
  if (classes && classes.length === 2) {
    const index = classes.findIndex((c) => isSameLabel(c, positiveLabel));
    if (index < 0) {
      throw new ModelError(
        `positive label '${positiveLabel}' is not one of the model's classes [${classes.join(", ")}]`,
        artifact,
        { code: "model_signature" }
      );
    }
    return index;
  }
  return isSameLabel(positiveLabel, "0") ? 0 : 1;
}
function widthOf(tensor) {
  return tensor.dims.length === 2 ? tensor.dims[1] : 1;
}
var LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
function readLabels(data, rows) {
  if (!(data instanceof BigInt64Array) || !LITTLE_ENDIAN) return data;
  const words = new Int32Array(data.buffer, data.byteOffset, rows * 2);
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const lo = words[2 * i];
    if (words[2 * i + 1] !== lo >> 31) return data;
    out[i] = lo;
  }
  return out;
}
function createLabelIndexer(resolve) {
  const cache = /* @__PURE__ */ new Map();
  return (raw) => {
    let index = cache.get(raw);
    if (index === void 0) {
      index = resolve(String(raw));
      cache.set(raw, index);
    }
    return index;
  };
}
function createOutputCollector(args) {
  if (args.plan.task === "regression") return createRegressionCollector(args);
  if (args.plan.task === "binary") return createBinaryCollector(args);
  return createMulticlassCollector(args);
}
function valueError(args, row, value, what) {
  return new ModelError(
    `output '${args.plan.values}' gives ${what} ${describeInvalid(value)} for data row ${row + 1}`,
    args.artifact,
    { code: "model_output" }
  );
}
function createRegressionCollector(args) {
  const prediction = new Float64Array(args.n);
  return {
    add(start, rows, results) {
      const tensor = results[args.plan.values];
      if (widthOf(tensor) !== 1)
        throw new ModelError(
          `output '${args.plan.values}' has ${widthOf(tensor)} values per row; regression needs one`,
          args.artifact,
          { code: "model_output" }
        );
      const data = tensor.data;
      prediction.set(data.subarray(0, rows), start);
      const bad = validateFinite(prediction, start, start + rows);
      if (bad)
        throw new ModelError(
          `output '${args.plan.values}' gives ${bad.value} for data row ${bad.index + 1}`,
          args.artifact,
          { code: "model_output" }
        );
    },
    finish: () => ({ task: "regression", prediction })
  };
}
function createBinaryCollector(args) {
  const { plan, n, positiveLabel, artifact } = args;
  const score = new Float64Array(n);
  const label = plan.label === null ? null : new Uint8Array(n);
  let positive = -1;
  let isPositive = null;
  return {
    add(start, rows, results) {
      const tensor = results[plan.values];
      const width = widthOf(tensor);
      if (positive < 0)
        positive = computePositiveIndex({ width, classes: plan.classes, positiveLabel, artifact });
      const data = tensor.data;
      for (let i = 0; i < rows; i++) score[start + i] = data[i * width + positive];
      const bad = validateProbabilities(score, start, start + rows);
      if (bad) throw valueError(args, bad.index, bad.value, "a score of");
      if (label === null || plan.label === null) return;
      const positiveText = plan.classes?.length === 2 ? plan.classes[positive] : positiveLabel;
      isPositive ??= createLabelIndexer((text) => isSameLabel(text, positiveText) ? 1 : 0);
      const labels = readLabels(results[plan.label].data, rows);
      for (let i = 0; i < rows; i++) label[start + i] = isPositive(labels[i]);
    },
    finish: () => ({ task: "binary", score, label })
  };
}
function createMulticlassCollector(args) {
  const { plan, n, artifact } = args;
  let proba = null;
  let classes = [];
  const label = plan.label === null ? null : new Int32Array(n);
  let toIndex = null;
  return {
    add(start, rows, results) {
      const tensor = results[plan.values];
      const k = widthOf(tensor);
      if (proba === null) {
        if (k < 2)
          throw new ModelError(
            `the task is multiclass, but output '${plan.values}' has ${k} column`,
            artifact,
            { code: "model_signature" }
          );
        classes = plan.classes?.length === k ? plan.classes : Array.from({ length: k }, (_, i) => String(i));
        proba = new Float64Array(n * k);
      }
      proba.set(tensor.data.subarray(0, rows * k), start * k);
      const bad = validateProbabilities(proba, start * k, (start + rows) * k);
      if (bad)
        throw valueError(
          args,
          Math.floor(bad.index / k),
          bad.value,
          `a probability for class '${classes[bad.index % k]}' of`
        );
      if (label === null || plan.label === null) return;
      toIndex ??= createLabelIndexer((text) => classes.findIndex((c) => isSameLabel(c, text)));
      const labels = readLabels(results[plan.label].data, rows);
      for (let i = 0; i < rows; i++) {
        const index = toIndex(labels[i]);
        if (index < 0) {
          throw new ModelError(
            `output '${plan.label}' gives label '${labels[i]}' for data row ${start + i + 1}, which is not one of the classes [${classes.join(", ")}]`,
            artifact,
            { code: "model_output" }
          );
        }
        label[start + i] = index;
      }
    },
    finish: () => ({ task: "multiclass", classes, proba: proba ?? new Float64Array(0), label })
  };
}

// action/runners/protobuf-wire.ts
var WIRE_VARINT = 0;
var WIRE_FIXED64 = 1;
var WIRE_BYTES = 2;
var WIRE_FIXED32 = 5;
var WireFormatError = class extends Error {
};
function readVarint(cur) {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (cur.pos >= cur.buf.length) throw new WireFormatError(`truncated varint at byte ${cur.pos}`);
    const b = cur.buf[cur.pos++];
    result += (b & 127) * scale;
    if ((b & 128) === 0) return result;
    scale *= 128;
  }
  throw new WireFormatError(`varint longer than 10 bytes at byte ${cur.pos}`);
}
function readVarintBig(cur) {
  let result = 0n;
  for (let shift = 0n; shift < 70n; shift += 7n) {
    if (cur.pos >= cur.buf.length) throw new WireFormatError(`truncated varint at byte ${cur.pos}`);
    const b = cur.buf[cur.pos++];
    result |= BigInt(b & 127) << shift;
    if ((b & 128) === 0) return BigInt.asUintN(64, result);
  }
  throw new WireFormatError(`varint longer than 10 bytes at byte ${cur.pos}`);
}
function decodePackedVarints(bytes) {
  const cur = { buf: bytes, pos: 0 };
  const out = [];
  while (cur.pos < bytes.length) out.push(BigInt.asIntN(64, readVarintBig(cur)));
  return out;
}
function skip(cur, n) {
  if (n < 0 || cur.pos + n > cur.buf.length) {
    throw new WireFormatError(
      `field of ${n} bytes at byte ${cur.pos} runs past the end (${cur.buf.length} bytes)`
    );
  }
  cur.pos += n;
}
function parseWireFields(buf) {
  const cur = { buf, pos: 0 };
  const fields = [];
  while (cur.pos < buf.length) {
    const start = cur.pos;
    const tag = readVarint(cur);
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (field === 0) throw new WireFormatError(`field number 0 at byte ${start}`);
    let varint = 0n;
    let bytes = EMPTY;
    if (wireType === WIRE_VARINT) varint = readVarintBig(cur);
    else if (wireType === WIRE_FIXED64) skip(cur, 8);
    else if (wireType === WIRE_FIXED32) skip(cur, 4);
    else if (wireType === WIRE_BYTES) {
      const len = readVarint(cur);
      const from = cur.pos;
      skip(cur, len);
      bytes = buf.subarray(from, cur.pos);
    } else throw new WireFormatError(`unsupported wire type ${wireType} at byte ${start}`);
    fields.push({ field, wireType, varint, bytes, raw: buf.subarray(start, cur.pos) });
  }
  return fields;
}
var EMPTY = new Uint8Array(0);
var decoder = new TextDecoder("utf-8", { fatal: false });
var encoder = new TextEncoder();
function decodeText(bytes) {
  return decoder.decode(bytes);
}
function encodeVarint(value) {
  const out = [];
  let v = value;
  while (v >= 128) {
    out.push(v % 128 | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Uint8Array.from(out);
}
function encodeBytesField(field, payload) {
  const body = typeof payload === "string" ? encoder.encode(payload) : payload;
  return concatBytes([encodeVarint(field * 8 + WIRE_BYTES), encodeVarint(body.length), body]);
}
function encodeVarintField(field, value) {
  return concatBytes([encodeVarint(field * 8 + WIRE_VARINT), encodeVarint(value)]);
}
function concatBytes(chunks) {
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// action/runners/parse-onnx-model.ts
var ELEM_TYPES = {
  1: "float32",
  2: "uint8",
  3: "int8",
  4: "uint16",
  5: "int16",
  6: "int32",
  7: "int64",
  8: "string",
  9: "bool",
  10: "float16",
  11: "float64",
  12: "uint32",
  13: "uint64",
  16: "bfloat16"
};
var CLASSIFIERS = /* @__PURE__ */ new Set(["LinearClassifier", "TreeEnsembleClassifier", "SVMClassifier"]);
function parseOnnxModel(bytes) {
  const info = {
    opsets: {},
    properties: {},
    inputs: [],
    outputs: [],
    classLabels: null,
    zipMaps: [],
    graph: null
  };
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_VARINT) info.irVersion = Number(f.varint);
    else if (f.field === 2 && f.wireType === WIRE_BYTES) info.producer = decodeText(f.bytes);
    else if (f.field === 3 && f.wireType === WIRE_BYTES) info.producerVersion = decodeText(f.bytes);
    else if (f.field === 4 && f.wireType === WIRE_BYTES) info.domain = decodeText(f.bytes);
    else if (f.field === 5 && f.wireType === WIRE_VARINT)
      info.modelVersion = Number(BigInt.asIntN(64, f.varint));
    else if (f.field === 6 && f.wireType === WIRE_BYTES) info.docString = decodeText(f.bytes);
    else if (f.field === 7 && f.wireType === WIRE_BYTES) info.graph = f.bytes;
    else if (f.field === 8 && f.wireType === WIRE_BYTES) addOpset(info.opsets, f.bytes);
    else if (f.field === 14 && f.wireType === WIRE_BYTES) addProperty(info.properties, f.bytes);
  }
  if (info.graph === null || info.irVersion === void 0) throw new Error("no ir_version or graph field");
  readGraph(info, info.graph);
  return info;
}
function addOpset(opsets, bytes) {
  let domain = "";
  let version = 0;
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_BYTES) domain = decodeText(f.bytes);
    else if (f.field === 2 && f.wireType === WIRE_VARINT) version = Number(f.varint);
  }
  opsets[domain === "" ? "ai.onnx" : domain] = version;
}
function addProperty(props, bytes) {
  let key = "";
  let value = "";
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_BYTES) key = decodeText(f.bytes);
    else if (f.field === 2 && f.wireType === WIRE_BYTES) value = decodeText(f.bytes);
  }
  props[key] = value;
}
function readGraph(info, graph) {
  const initializers = /* @__PURE__ */ new Set();
  const inputs = [];
  const nodes = [];
  for (const f of parseWireFields(graph)) {
    if (f.wireType !== WIRE_BYTES) continue;
    if (f.field === 1) nodes.push(readNode(f.bytes));
    else if (f.field === 5) initializers.add(readInitializerName(f.bytes));
    else if (f.field === 11) inputs.push(readValueInfo(f.bytes));
    else if (f.field === 12) info.outputs.push(readValueInfo(f.bytes));
  }
  info.inputs = inputs.filter((i) => !initializers.has(i.name));
  const outputNames = new Set(info.outputs.map((o) => o.name));
  nodes.forEach((n, nodeIndex) => {
    if (n.opType !== "ZipMap" || n.classes === null) return;
    const [input] = n.inputs;
    const [output] = n.outputs;
    if (input !== void 0 && output !== void 0 && outputNames.has(output)) {
      info.zipMaps.push({ output, input, classes: n.classes, nodeIndex });
    }
  });
  const classifier = nodes.find((n) => CLASSIFIERS.has(n.opType) && n.classes !== null);
  info.classLabels = info.zipMaps[0]?.classes ?? classifier?.classes ?? null;
}
function readNode(bytes) {
  const node = { opType: "", inputs: [], outputs: [], classes: null };
  for (const f of parseWireFields(bytes)) {
    if (f.wireType !== WIRE_BYTES) continue;
    if (f.field === 1) node.inputs.push(decodeText(f.bytes));
    else if (f.field === 2) node.outputs.push(decodeText(f.bytes));
    else if (f.field === 4) node.opType = decodeText(f.bytes);
    else if (f.field === 5) node.classes = readClassLabels(f.bytes) ?? node.classes;
  }
  return node;
}
function readClassLabels(bytes) {
  const fields = parseWireFields(bytes);
  const name = fields.find((f) => f.field === 1 && f.wireType === WIRE_BYTES);
  if (!name || !decodeText(name.bytes).startsWith("classlabels_")) return null;
  const out = [];
  for (const f of fields) {
    if (f.field === 9 && f.wireType === WIRE_BYTES) out.push(decodeText(f.bytes));
    else if (f.field === 8) out.push(...readInts(f).map(String));
  }
  return out.length > 0 ? out : null;
}
function readInts(f) {
  if (f.wireType === WIRE_BYTES) return decodePackedVarints(f.bytes);
  return f.wireType === WIRE_VARINT ? [BigInt.asIntN(64, f.varint)] : [];
}
function readInitializerName(bytes) {
  const name = parseWireFields(bytes).find((f) => f.field === 8 && f.wireType === WIRE_BYTES);
  return name ? decodeText(name.bytes) : "";
}
function readValueInfo(bytes) {
  const sig = { name: "", type: "unknown", shape: [] };
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_BYTES) sig.name = decodeText(f.bytes);
    else if (f.field === 2 && f.wireType === WIRE_BYTES) Object.assign(sig, readType(f.bytes));
  }
  return sig;
}
function readType(bytes) {
  for (const f of parseWireFields(bytes)) {
    if (f.wireType !== WIRE_BYTES) continue;
    if (f.field === 1) return readTensorType(f.bytes);
    if (f.field === 4) {
      const elem = parseWireFields(f.bytes).find((g) => g.field === 1 && g.wireType === WIRE_BYTES);
      return { type: `seq(${elem ? readType(elem.bytes).type : "unknown"})`, shape: [] };
    }
    if (f.field === 5) return { type: readMapType(f.bytes), shape: [] };
  }
  return { type: "unknown", shape: [] };
}
function readTensorType(bytes) {
  let type = "unknown";
  const shape = [];
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_VARINT) type = ELEM_TYPES[Number(f.varint)] ?? `type${f.varint}`;
    else if (f.field === 2 && f.wireType === WIRE_BYTES) {
      for (const d of parseWireFields(f.bytes))
        if (d.field === 1 && d.wireType === WIRE_BYTES) shape.push(readDim(d.bytes));
    }
  }
  return { type, shape };
}
function readDim(bytes) {
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_VARINT) return Number(BigInt.asIntN(64, f.varint));
    if (f.field === 2 && f.wireType === WIRE_BYTES) return decodeText(f.bytes);
  }
  return "?";
}
function readMapType(bytes) {
  let key = "unknown";
  let value = "unknown";
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_VARINT) key = ELEM_TYPES[Number(f.varint)] ?? "unknown";
    else if (f.field === 2 && f.wireType === WIRE_BYTES) value = readType(f.bytes).type;
  }
  return `map(${key},${value})`;
}

// action/runners/strip-zip-maps.ts
var FLOAT = 1;
function buildModelWithoutZipMaps(bytes, info) {
  if (info.zipMaps.length === 0) return bytes;
  const parts = [];
  for (const f of parseWireFields(bytes)) {
    parts.push(
      f.field === 7 && f.wireType === WIRE_BYTES ? encodeBytesField(7, rewriteGraph(f.bytes, info)) : f.raw
    );
  }
  return concatBytes(parts);
}
function rewriteGraph(graph, info) {
  const dropNodes = new Set(info.zipMaps.map((z) => z.nodeIndex));
  const byOutput = new Map(info.zipMaps.map((z) => [z.output, z]));
  const existingOutputs = new Set(info.outputs.map((o) => o.name));
  const parts = [];
  let nodeIndex = 0;
  for (const f of parseWireFields(graph)) {
    if (f.field === 1 && f.wireType === WIRE_BYTES) {
      if (!dropNodes.has(nodeIndex++)) parts.push(f.raw);
      continue;
    }
    if (f.field === 12 && f.wireType === WIRE_BYTES) {
      const zip = byOutput.get(outputName(f.bytes));
      if (!zip) parts.push(f.raw);
      else if (!existingOutputs.has(zip.input))
        parts.push(encodeBytesField(12, floatTensorValueInfo(zip.input)));
      continue;
    }
    parts.push(f.raw);
  }
  return concatBytes(parts);
}
function outputName(valueInfo) {
  const name = parseWireFields(valueInfo).find((f) => f.field === 1 && f.wireType === WIRE_BYTES);
  return name ? decodeText(name.bytes) : "";
}
function floatTensorValueInfo(name) {
  const tensorType = encodeVarintField(1, FLOAT);
  return concatBytes([encodeBytesField(1, name), encodeBytesField(2, encodeBytesField(1, tensorType))]);
}

// action/runners/onnx-runner.ts
var DEFAULT_BATCH_SIZE = 4096;
var SESSION_OPTIONS = {
  logSeverityLevel: 3,
  extra: { session: { intra_op: { allow_spinning: "0" } } }
};
function onnxRuntimeVersion() {
  return ort.env.versions.node ?? ort.env.versions.common;
}
async function loadOnnxModel(path, options = {}) {
  const shown = options.displayPath ?? path;
  const started = performance.now();
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ModelError(`cannot read the model file: ${error.message}`, shown, {
      cause: error,
      code: "model_unreadable"
    });
  }
  return createOnnxModel(bytes, shown, started);
}
async function createOnnxModel(bytes, shown, started = performance.now()) {
  let info;
  try {
    info = parseOnnxModel(bytes);
  } catch (error) {
    throw new ModelError(`not a valid ONNX model (${error.message})`, shown, { cause: error });
  }
  let session;
  try {
    session = await ort.InferenceSession.create(buildModelWithoutZipMaps(bytes, info), SESSION_OPTIONS);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ModelError(
      `not a valid ONNX model, or one ONNX Runtime ${onnxRuntimeVersion()} cannot load: ${why}`,
      shown,
      { cause: error }
    );
  }
  const loadMs = performance.now() - started;
  return {
    path: shown,
    bytes: bytes.length,
    metadata: buildMetadata(info),
    loadMs,
    predict: (table, opts) => predictWithSession({ session, info, table, options: opts, artifact: shown }),
    dispose: () => session.release()
  };
}
function buildMetadata(info) {
  const metadata = {
    format: "onnx",
    opsets: info.opsets,
    inputs: info.inputs,
    outputs: info.outputs,
    properties: info.properties
  };
  if (info.producer !== void 0) metadata.producer = info.producer;
  if (info.producerVersion !== void 0) metadata.producerVersion = info.producerVersion;
  if (info.irVersion !== void 0) metadata.irVersion = info.irVersion;
  return metadata;
}
async function predictWithSession(args) {
  const { session, info, table, options, artifact } = args;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batch size must be a positive integer, got ${batchSize}`);
  if (table.rowCount === 0) throw new DataError("the data has no rows to predict", { file: table.source });
  const inputPlan = buildInputPlan({
    inputs: session.inputMetadata,
    table,
    features: options.features,
    artifact
  });
  const zipMapClasses = new Map(info.zipMaps.map((z) => [z.input, z.classes]));
  const outputPlan = buildOutputPlan({
    outputs: session.outputMetadata,
    task: options.task,
    zipMapClasses,
    classLabels: info.classLabels,
    artifact
  });
  const fetches = outputPlan.label === null ? [outputPlan.values] : [outputPlan.values, outputPlan.label];
  const feed = createFeeder(inputPlan, Math.min(batchSize, table.rowCount), table.source);
  const collector = createOutputCollector({
    plan: outputPlan,
    n: table.rowCount,
    positiveLabel: options.positiveLabel ?? "1",
    artifact
  });
  const batchMsPerRow = [];
  for (let start = 0; start < table.rowCount; start += batchSize) {
    const end = Math.min(start + batchSize, table.rowCount);
    const feeds = feed(start, end);
    const t0 = performance.now();
    const results = await runBatch(session, feeds, fetches, { artifact, start, end });
    batchMsPerRow.push((performance.now() - t0) / (end - start));
    collector.add(start, end - start, results);
  }
  return { predictions: collector.finish(), batchMsPerRow };
}
async function runBatch(session, feeds, fetches, where) {
  try {
    return await session.run(feeds, fetches);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ModelError(
      `ONNX Runtime failed on data rows ${where.start + 1}\u2013${where.end}: ${why}`,
      where.artifact,
      { cause: error, code: "model_run" }
    );
  }
}
export {
  DEFAULT_BATCH_SIZE,
  SESSION_OPTIONS,
  createOnnxModel,
  loadOnnxModel,
  onnxRuntimeVersion
};
