/**
 * ONNX ModelProto encoding (onnx/onnx.proto field numbers) for the subset the writers need:
 * a graph of nodes with float/int/string attributes, float32 initializers, tensor and
 * sequence-of-map value types, opset imports and metadata_props.
 */
import { encodeFloat32LE, ProtobufWriter } from './protobuf-writer.js';

/** TensorProto.DataType values used here. */
export const ElemType = { float: 1, int64: 7, string: 8 } as const;
export type ElemTypeName = keyof typeof ElemType;

export type AttributeValue =
  | { type: 'float'; value: number }
  | { type: 'int'; value: number }
  | { type: 'string'; value: string }
  | { type: 'floats'; value: readonly number[] }
  | { type: 'ints'; value: readonly number[] }
  | { type: 'strings'; value: readonly string[] };

/** AttributeProto.AttributeType values. */
const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, floats: 6, ints: 7, strings: 8 } as const;

export interface OnnxNode {
  name: string;
  opType: string;
  /** '' = the default ONNX domain. */
  domain?: string;
  inputs: readonly string[];
  outputs: readonly string[];
  /** Written in insertion order. */
  attributes?: Readonly<Record<string, AttributeValue>>;
}

/** A dimension: a fixed size or a symbolic name such as 'N'. */
export type Dim = number | string;

export type OnnxType =
  | { kind: 'tensor'; elem: ElemTypeName; shape: readonly Dim[] }
  | { kind: 'sequence'; elem: OnnxType }
  | { kind: 'map'; key: ElemTypeName; value: OnnxType };

export interface OnnxValueInfo {
  name: string;
  type: OnnxType;
  docString?: string;
}

export interface OnnxFloatInitializer {
  name: string;
  dims: readonly number[];
  /** Row-major values, stored as float32 raw_data. */
  values: readonly number[];
}

export interface OnnxGraph {
  name: string;
  docString?: string;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxFloatInitializer[];
  inputs: readonly OnnxValueInfo[];
  outputs: readonly OnnxValueInfo[];
}

export interface OnnxModel {
  irVersion: number;
  producerName: string;
  producerVersion: string;
  domain?: string;
  modelVersion?: number;
  docString?: string;
  /** '' = the default ONNX domain. */
  opsets: readonly { domain: string; version: number }[];
  /** Key/value pairs in the order given (keys should be distinct). */
  metadata: readonly (readonly [string, string])[];
  graph: OnnxGraph;
}

function writeAttribute(w: ProtobufWriter, name: string, attr: AttributeValue): void {
  w.string(1, name).int(20, ATTRIBUTE_TYPE[attr.type]);
  switch (attr.type) {
    case 'float':
      w.float(2, attr.value);
      break;
    case 'int':
      w.int(3, attr.value);
      break;
    case 'string':
      w.string(4, attr.value);
      break;
    case 'floats':
      w.packedFloats(7, attr.value);
      break;
    case 'ints':
      w.packedInts(8, attr.value);
      break;
    case 'strings':
      for (const s of attr.value) w.string(9, s);
      break;
  }
}

function writeNode(w: ProtobufWriter, node: OnnxNode): void {
  for (const input of node.inputs) w.string(1, input);
  for (const output of node.outputs) w.string(2, output);
  w.string(3, node.name).string(4, node.opType);
  for (const [name, attr] of Object.entries(node.attributes ?? {})) {
    w.message(5, (a) => writeAttribute(a, name, attr));
  }
  if (node.domain) w.string(7, node.domain);
}

function writeType(w: ProtobufWriter, type: OnnxType): void {
  switch (type.kind) {
    case 'tensor':
      w.message(1, (t) => {
        t.int(1, ElemType[type.elem]);
        t.message(2, (shape) => {
          for (const dim of type.shape) {
            shape.message(1, (d) => (typeof dim === 'number' ? d.int(1, dim) : d.string(2, dim)));
          }
        });
      });
      break;
    case 'sequence':
      w.message(4, (s) => s.message(1, (e) => writeType(e, type.elem)));
      break;
    case 'map':
      w.message(5, (m) => m.int(1, ElemType[type.key]).message(2, (v) => writeType(v, type.value)));
      break;
  }
}

function writeValueInfo(w: ProtobufWriter, info: OnnxValueInfo): void {
  w.string(1, info.name).message(2, (t) => writeType(t, info.type));
  if (info.docString) w.string(3, info.docString);
}

function writeInitializer(w: ProtobufWriter, init: OnnxFloatInitializer): void {
  const size = init.dims.reduce((a, b) => a * b, 1);
  if (size !== init.values.length) {
    throw new RangeError(
      `initializer ${init.name}: dims ${init.dims.join('x')} need ${size} values, got ${init.values.length}`,
    );
  }
  for (const dim of init.dims) w.int(1, dim);
  w.int(2, ElemType.float).string(8, init.name).bytesField(9, encodeFloat32LE(init.values));
}

function writeGraph(w: ProtobufWriter, graph: OnnxGraph): void {
  for (const node of graph.nodes) w.message(1, (n) => writeNode(n, node));
  w.string(2, graph.name);
  for (const init of graph.initializers) w.message(5, (t) => writeInitializer(t, init));
  if (graph.docString) w.string(10, graph.docString);
  for (const input of graph.inputs) w.message(11, (v) => writeValueInfo(v, input));
  for (const output of graph.outputs) w.message(12, (v) => writeValueInfo(v, output));
}

/** Serialises a ModelProto. Pure and deterministic: equal models give equal bytes. */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const w = new ProtobufWriter();
  w.int(1, model.irVersion).string(2, model.producerName).string(3, model.producerVersion);
  if (model.domain) w.string(4, model.domain);
  if (model.modelVersion !== undefined) w.int(5, model.modelVersion);
  if (model.docString) w.string(6, model.docString);
  w.message(7, (g) => writeGraph(g, model.graph));
  for (const opset of model.opsets) {
    w.message(8, (o) => (opset.domain ? o.string(1, opset.domain) : o).int(2, opset.version));
  }
  for (const [key, value] of model.metadata) w.message(14, (e) => e.string(1, key).string(2, value));
  return w.finish();
}
