/**
 * Reads what ONNX Runtime's JS API does not expose from a ModelProto: producer, IR version,
 * opsets, metadata_props, the declared graph signature (including sequence/map types), class labels
 * of ai.onnx.ml classifiers, and ZipMap nodes. Field numbers follow onnx/onnx.proto.
 */
import {
  decodePackedVarints,
  decodeText,
  parseWireFields,
  WIRE_BYTES,
  WIRE_VARINT,
  type WireField,
} from './protobuf-wire.js';

/** One declared graph input or output: `type` is e.g. `float32` or `seq(map(int64,float32))`. */
export interface ValueSignature {
  name: string;
  type: string;
  shape: (number | string)[];
}

/** A ZipMap node whose output is a graph output (onnxruntime-node cannot return its sequence of maps). */
export interface ZipMapInfo {
  /** The graph output the ZipMap produces. */
  output: string;
  /** The float tensor [N, k] it zips. */
  input: string;
  classes: string[];
  /** Index of the node in GraphProto.node. */
  nodeIndex: number;
}

export interface OnnxModelInfo {
  irVersion?: number;
  producer?: string;
  producerVersion?: string;
  domain?: string;
  modelVersion?: number;
  docString?: string;
  /** Opset version by domain; the default domain is named `ai.onnx`. */
  opsets: Record<string, number>;
  properties: Record<string, string>;
  /** Graph inputs that are not initializers. */
  inputs: ValueSignature[];
  outputs: ValueSignature[];
  /** Class labels declared by the classifier (ZipMap keys first, else the classifier node), as text. */
  classLabels: string[] | null;
  zipMaps: ZipMapInfo[];
  /** The serialized GraphProto (a view into the model bytes), for rewriting. */
  graph: Uint8Array | null;
}

const ELEM_TYPES: Record<number, string> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
  16: 'bfloat16',
};

const CLASSIFIERS = new Set(['LinearClassifier', 'TreeEnsembleClassifier', 'SVMClassifier']);

/**
 * Parses a serialized ModelProto. Throws `WireFormatError` when the bytes are not protobuf, and
 * `Error` when the result does not look like a model (no graph).
 */
export function parseOnnxModel(bytes: Uint8Array): OnnxModelInfo {
  const info: OnnxModelInfo = {
    opsets: {},
    properties: {},
    inputs: [],
    outputs: [],
    classLabels: null,
    zipMaps: [],
    graph: null,
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
  if (info.graph === null || info.irVersion === undefined) throw new Error('no ir_version or graph field');
  readGraph(info, info.graph);
  return info;
}

function addOpset(opsets: Record<string, number>, bytes: Uint8Array): void {
  let domain = '';
  let version = 0;
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_BYTES) domain = decodeText(f.bytes);
    else if (f.field === 2 && f.wireType === WIRE_VARINT) version = Number(f.varint);
  }
  opsets[domain === '' ? 'ai.onnx' : domain] = version;
}

function addProperty(props: Record<string, string>, bytes: Uint8Array): void {
  let key = '';
  let value = '';
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_BYTES) key = decodeText(f.bytes);
    else if (f.field === 2 && f.wireType === WIRE_BYTES) value = decodeText(f.bytes);
  }
  props[key] = value;
}

function readGraph(info: OnnxModelInfo, graph: Uint8Array): void {
  const initializers = new Set<string>();
  const inputs: ValueSignature[] = [];
  const nodes: NodeInfo[] = [];
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
    if (n.opType !== 'ZipMap' || n.classes === null) return;
    const [input] = n.inputs;
    const [output] = n.outputs;
    if (input !== undefined && output !== undefined && outputNames.has(output)) {
      info.zipMaps.push({ output, input, classes: n.classes, nodeIndex });
    }
  });
  const classifier = nodes.find((n) => CLASSIFIERS.has(n.opType) && n.classes !== null);
  info.classLabels = info.zipMaps[0]?.classes ?? classifier?.classes ?? null;
}

interface NodeInfo {
  opType: string;
  inputs: string[];
  outputs: string[];
  /** classlabels_strings / classlabels_ints / classlabels_int64s, as text. */
  classes: string[] | null;
}

function readNode(bytes: Uint8Array): NodeInfo {
  const node: NodeInfo = { opType: '', inputs: [], outputs: [], classes: null };
  for (const f of parseWireFields(bytes)) {
    if (f.wireType !== WIRE_BYTES) continue;
    if (f.field === 1) node.inputs.push(decodeText(f.bytes));
    else if (f.field === 2) node.outputs.push(decodeText(f.bytes));
    else if (f.field === 4) node.opType = decodeText(f.bytes);
    else if (f.field === 5) node.classes = readClassLabels(f.bytes) ?? node.classes;
  }
  return node;
}

/** Reads an AttributeProto if it is a class-label list (name=1, ints=8, strings=9). */
function readClassLabels(bytes: Uint8Array): string[] | null {
  const fields = parseWireFields(bytes);
  const name = fields.find((f) => f.field === 1 && f.wireType === WIRE_BYTES);
  if (!name || !decodeText(name.bytes).startsWith('classlabels_')) return null;
  const out: string[] = [];
  for (const f of fields) {
    if (f.field === 9 && f.wireType === WIRE_BYTES) out.push(decodeText(f.bytes));
    else if (f.field === 8) out.push(...readInts(f).map(String));
  }
  return out.length > 0 ? out : null;
}

function readInts(f: WireField): bigint[] {
  if (f.wireType === WIRE_BYTES) return decodePackedVarints(f.bytes);
  return f.wireType === WIRE_VARINT ? [BigInt.asIntN(64, f.varint)] : [];
}

function readInitializerName(bytes: Uint8Array): string {
  const name = parseWireFields(bytes).find((f) => f.field === 8 && f.wireType === WIRE_BYTES);
  return name ? decodeText(name.bytes) : '';
}

function readValueInfo(bytes: Uint8Array): ValueSignature {
  const sig: ValueSignature = { name: '', type: 'unknown', shape: [] };
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_BYTES) sig.name = decodeText(f.bytes);
    else if (f.field === 2 && f.wireType === WIRE_BYTES) Object.assign(sig, readType(f.bytes));
  }
  return sig;
}

/** TypeProto: tensor_type=1 {elem_type=1, shape=2}, sequence_type=4 {elem_type=1}, map_type=5 {key_type=1, value_type=2}. */
function readType(bytes: Uint8Array): { type: string; shape: (number | string)[] } {
  for (const f of parseWireFields(bytes)) {
    if (f.wireType !== WIRE_BYTES) continue;
    if (f.field === 1) return readTensorType(f.bytes);
    if (f.field === 4) {
      const elem = parseWireFields(f.bytes).find((g) => g.field === 1 && g.wireType === WIRE_BYTES);
      return { type: `seq(${elem ? readType(elem.bytes).type : 'unknown'})`, shape: [] };
    }
    if (f.field === 5) return { type: readMapType(f.bytes), shape: [] };
  }
  return { type: 'unknown', shape: [] };
}

function readTensorType(bytes: Uint8Array): { type: string; shape: (number | string)[] } {
  let type = 'unknown';
  const shape: (number | string)[] = [];
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_VARINT) type = ELEM_TYPES[Number(f.varint)] ?? `type${f.varint}`;
    else if (f.field === 2 && f.wireType === WIRE_BYTES) {
      for (const d of parseWireFields(f.bytes))
        if (d.field === 1 && d.wireType === WIRE_BYTES) shape.push(readDim(d.bytes));
    }
  }
  return { type, shape };
}

function readDim(bytes: Uint8Array): number | string {
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_VARINT) return Number(BigInt.asIntN(64, f.varint));
    if (f.field === 2 && f.wireType === WIRE_BYTES) return decodeText(f.bytes);
  }
  return '?';
}

function readMapType(bytes: Uint8Array): string {
  let key = 'unknown';
  let value = 'unknown';
  for (const f of parseWireFields(bytes)) {
    if (f.field === 1 && f.wireType === WIRE_VARINT) key = ELEM_TYPES[Number(f.varint)] ?? 'unknown';
    else if (f.field === 2 && f.wireType === WIRE_BYTES) value = readType(f.bytes).type;
  }
  return `map(${key},${value})`;
}
