/**
 * The few protobuf wire-format primitives needed to read an ONNX ModelProto header and to rewrite
 * a graph's node/output lists. Unknown fields are kept as raw bytes, so a rewrite never loses data.
 */

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

/** One field of a message: its number, wire type, decoded value, and its raw bytes (tag included). */
export interface WireField {
  field: number;
  wireType: number;
  /** Varint value (wire type 0), unsigned; 0n otherwise. `BigInt.asIntN(64, v)` gives int64 fields. */
  varint: bigint;
  /** Payload of a length-delimited field (wire type 2); empty otherwise. A view, not a copy. */
  bytes: Uint8Array;
  /** The whole field as it appears in the message (tag + payload), for re-serialisation. */
  raw: Uint8Array;
}

/** Thrown on malformed wire data; callers turn it into a ModelError naming the file. */
export class WireFormatError extends Error {}

interface Cursor {
  buf: Uint8Array;
  pos: number;
}

function readVarint(cur: Cursor): number {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (cur.pos >= cur.buf.length) throw new WireFormatError(`truncated varint at byte ${cur.pos}`);
    const b = cur.buf[cur.pos++]!;
    // Arithmetic instead of bit shifts: JS shifts are 32-bit and varints here may exceed that.
    result += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return result;
    scale *= 128;
  }
  throw new WireFormatError(`varint longer than 10 bytes at byte ${cur.pos}`);
}

function readVarintBig(cur: Cursor): bigint {
  let result = 0n;
  for (let shift = 0n; shift < 70n; shift += 7n) {
    if (cur.pos >= cur.buf.length) throw new WireFormatError(`truncated varint at byte ${cur.pos}`);
    const b = cur.buf[cur.pos++]!;
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return BigInt.asUintN(64, result);
  }
  throw new WireFormatError(`varint longer than 10 bytes at byte ${cur.pos}`);
}

/** Decodes a packed repeated varint payload (e.g. `repeated int64 ints`) as signed 64-bit values. */
export function decodePackedVarints(bytes: Uint8Array): bigint[] {
  const cur: Cursor = { buf: bytes, pos: 0 };
  const out: bigint[] = [];
  while (cur.pos < bytes.length) out.push(BigInt.asIntN(64, readVarintBig(cur)));
  return out;
}

function skip(cur: Cursor, n: number): void {
  if (n < 0 || cur.pos + n > cur.buf.length) {
    throw new WireFormatError(
      `field of ${n} bytes at byte ${cur.pos} runs past the end (${cur.buf.length} bytes)`,
    );
  }
  cur.pos += n;
}

/** Splits one message into its fields, in order. Throws WireFormatError on malformed input. */
export function parseWireFields(buf: Uint8Array): WireField[] {
  const cur: Cursor = { buf, pos: 0 };
  const fields: WireField[] = [];
  while (cur.pos < buf.length) {
    const start = cur.pos;
    const tag = readVarint(cur);
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (field === 0) throw new WireFormatError(`field number 0 at byte ${start}`);
    let varint = 0n;
    let bytes: Uint8Array = EMPTY;
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

const EMPTY = new Uint8Array(0);
const decoder = new TextDecoder('utf-8', { fatal: false });
const encoder = new TextEncoder();

/** Decodes a length-delimited field as UTF-8 text. */
export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Encodes a non-negative integer as a varint. */
export function encodeVarint(value: number): Uint8Array {
  const out: number[] = [];
  let v = value;
  while (v >= 128) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Uint8Array.from(out);
}

/** Encodes a length-delimited field (tag + length + payload). */
export function encodeBytesField(field: number, payload: Uint8Array | string): Uint8Array {
  const body = typeof payload === 'string' ? encoder.encode(payload) : payload;
  return concatBytes([encodeVarint(field * 8 + WIRE_BYTES), encodeVarint(body.length), body]);
}

/** Encodes a varint field (tag + value). */
export function encodeVarintField(field: number, value: number): Uint8Array {
  return concatBytes([encodeVarint(field * 8 + WIRE_VARINT), encodeVarint(value)]);
}

/** Concatenates byte chunks into one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
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
