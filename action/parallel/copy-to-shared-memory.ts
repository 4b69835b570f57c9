/**
 * A deep copy of plain data in which every typed array lives in a SharedArrayBuffer: posted to
 * worker threads, such data is shared, not copied per worker.
 */

type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/**
 * Copies `value`: typed arrays into shared memory (already shared ones are kept), arrays and plain
 * objects recursively, everything else as is.
 */
export function copyToSharedMemory<T>(value: T): T {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return shareTypedArray(value as unknown as TypedArray) as T;
  if (Array.isArray(value)) return value.map((item) => copyToSharedMemory(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, copyToSharedMemory(item)]),
    ) as T;
  }
  return value;
}

function shareTypedArray(array: TypedArray): TypedArray {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const Constructor = array.constructor as new (buffer: SharedArrayBuffer) => TypedArray;
  const shared = new Constructor(new SharedArrayBuffer(array.byteLength));
  // Byte copy: the same bits whatever the element type (NaN payloads included).
  new Uint8Array(shared.buffer).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return shared;
}
