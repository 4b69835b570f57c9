/**
 * Order-preserving renumbering of integer keys to 0..m−1 (m = number of distinct keys), the
 * building block of intersections and of the engine's cells. A typed lookup table when the key
 * range is small (the usual case: a few groups × classes), a Map otherwise.
 */

/** Key ranges up to this size use a typed table (16 MB of Int32). */
const TABLE_LIMIT = 1 << 22;

/** Result of {@link computeDenseCodes}. */
export interface DenseCodes {
  /** Dense id per row, in 0..distinct.length−1, ordered like the keys. */
  codes: Int32Array;
  /** The distinct keys, ascending: `distinct[codes[i]] === keys[i]`. */
  distinct: Float64Array;
}

/**
 * Renumbers `keys` (non-negative integers below `range`) densely, preserving their order.
 * @throws RangeError when a key is outside [0, range).
 */
export function computeDenseCodes(keys: ArrayLike<number>, range: number): DenseCodes {
  return range <= TABLE_LIMIT ? denseByTable(keys, range) : denseByMap(keys, range);
}

function denseByTable(keys: ArrayLike<number>, range: number): DenseCodes {
  const table = new Int32Array(range);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (!(k >= 0 && k < range)) throw new RangeError(`key ${k} outside [0, ${range})`);
    table[k] = 1;
  }
  let m = 0;
  for (let k = 0; k < range; k++) if (table[k] === 1) table[k] = m++;
  const distinct = new Float64Array(m);
  const codes = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const id = table[keys[i]!]!;
    codes[i] = id;
    distinct[id] = keys[i]!;
  }
  return { codes, distinct };
}

function denseByMap(keys: ArrayLike<number>, range: number): DenseCodes {
  const seen = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (!(k >= 0 && k < range)) throw new RangeError(`key ${k} outside [0, ${range})`);
    if (!seen.has(k)) seen.set(k, 0);
  }
  const distinct = Float64Array.from(seen.keys()).sort();
  for (let id = 0; id < distinct.length; id++) seen.set(distinct[id]!, id);
  const codes = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) codes[i] = seen.get(keys[i]!)!;
  return { codes, distinct };
}

/**
 * Combines dense ids (`ids`, values below `idRange`) with a second code (`codes`, values below
 * `codeRange`) into dense ids of the pairs, ordered by (id, code). Returns the new ids and, per new
 * id, the (id, code) it stands for.
 */
export function combineDenseCodes(input: {
  ids: Int32Array;
  idRange: number;
  codes: ArrayLike<number>;
  codeRange: number;
}): { ids: Int32Array; parentId: Int32Array; code: Int32Array } {
  const { ids, codes, codeRange } = input;
  const keys = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) keys[i] = ids[i]! * codeRange + codes[i]!;
  const dense = computeDenseCodes(keys, input.idRange * codeRange);
  const parentId = new Int32Array(dense.distinct.length);
  const code = new Int32Array(dense.distinct.length);
  dense.distinct.forEach((key, id) => {
    code[id] = key % codeRange;
    parentId[id] = (key - code[id]!) / codeRange;
  });
  return { ids: dense.codes, parentId, code };
}

/** Group codes with missing (-1) replaced by `missing` (usually the number of levels), in a new array. */
export function replaceMissingCodes(codes: Int32Array, missing: number): Int32Array {
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    out[i] = c < 0 ? missing : c;
  }
  return out;
}
