/**
 * onnxruntime-node cannot return non-tensor outputs ("Non tensor type is temporarily not supported"),
 * so the sequence-of-maps that ai.onnx.ml classifiers emit through ZipMap is unreadable as is. This
 * rewrites the model so each such graph output is the float tensor [N, k] the ZipMap consumed; the
 * class labels are kept from the ZipMap's attribute. Every other byte of the model is kept.
 */
import type { OnnxModelInfo } from './parse-onnx-model.js';
import {
  concatBytes,
  decodeText,
  encodeBytesField,
  encodeVarintField,
  parseWireFields,
  WIRE_BYTES,
} from './protobuf-wire.js';

const FLOAT = 1;

/** Returns the model bytes without ZipMap outputs (the input itself when there are none). */
export function buildModelWithoutZipMaps(bytes: Uint8Array, info: OnnxModelInfo): Uint8Array {
  if (info.zipMaps.length === 0) return bytes;
  const parts: Uint8Array[] = [];
  for (const f of parseWireFields(bytes)) {
    parts.push(
      f.field === 7 && f.wireType === WIRE_BYTES ? encodeBytesField(7, rewriteGraph(f.bytes, info)) : f.raw,
    );
  }
  return concatBytes(parts);
}

function rewriteGraph(graph: Uint8Array, info: OnnxModelInfo): Uint8Array {
  const dropNodes = new Set(info.zipMaps.map((z) => z.nodeIndex));
  const byOutput = new Map(info.zipMaps.map((z) => [z.output, z]));
  const existingOutputs = new Set(info.outputs.map((o) => o.name));
  const parts: Uint8Array[] = [];
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

function outputName(valueInfo: Uint8Array): string {
  const name = parseWireFields(valueInfo).find((f) => f.field === 1 && f.wireType === WIRE_BYTES);
  return name ? decodeText(name.bytes) : '';
}

/** ValueInfoProto{name, type: TypeProto{tensor_type{elem_type: FLOAT}}}; the shape is left to inference. */
function floatTensorValueInfo(name: string): Uint8Array {
  const tensorType = encodeVarintField(1, FLOAT);
  return concatBytes([encodeBytesField(1, name), encodeBytesField(2, encodeBytesField(1, tensorType))]);
}
