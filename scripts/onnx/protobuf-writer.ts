/**
 * A minimal protobuf encoder: just the wire types ONNX needs (varint, 32-bit, length-delimited).
 * Fields are written in the order the caller writes them, so the same calls give the same bytes.
 */

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

const utf8 = new TextEncoder();

export class ProtobufWriter {
  private bytes: number[] = [];

  /** Appends a raw varint; negative numbers use the 10-byte two's complement form of int64. */
  varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.bytes.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.bytes.push(Number(v));
    return this;
  }

  private tag(field: number, wireType: number): this {
    return this.varint((field << 3) | wireType);
  }

  /** int32, int64 and enum fields. */
  int(field: number, value: number | bigint): this {
    return this.tag(field, WIRE_VARINT).varint(value);
  }

  /** A single float (proto `float`, little-endian IEEE 754 binary32). */
  float(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    this.pushFloat32(value);
    return this;
  }

  bytesField(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED).varint(value.length);
    for (const b of value) this.bytes.push(b);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytesField(field, utf8.encode(value));
  }

  /** An embedded message, built by `build` on a fresh writer. */
  message(field: number, build: (w: ProtobufWriter) => void): this {
    const inner = new ProtobufWriter();
    build(inner);
    return this.bytesField(field, inner.finish());
  }

  /** A packed `repeated float` field (parsers must accept packed for any repeated scalar). */
  packedFloats(field: number, values: readonly number[]): this {
    const inner = new ProtobufWriter();
    for (const v of values) inner.pushFloat32(v);
    return this.bytesField(field, inner.finish());
  }

  /** A packed `repeated int64` field. */
  packedInts(field: number, values: readonly number[]): this {
    const inner = new ProtobufWriter();
    for (const v of values) inner.varint(v);
    return this.bytesField(field, inner.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }

  private pushFloat32(value: number): void {
    const view = new DataView(new ArrayBuffer(4));
    view.setFloat32(0, value, true);
    for (let i = 0; i < 4; i++) this.bytes.push(view.getUint8(i));
  }
}

/** Little-endian float32 bytes (ONNX `TensorProto.raw_data`). */
export function encodeFloat32LE(values: readonly number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => {
    view.setFloat32(i * 4, v, true);
  });
  return new Uint8Array(view.buffer);
}
