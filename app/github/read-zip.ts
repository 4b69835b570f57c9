/**
 * A careful reader for workflow artifact zips (in memory, via node:zlib): only the central
 * directory is trusted for names and sizes, every entry name must be a plain relative path, and
 * sizes, counts and compression ratios are capped before and while inflating.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { ModelGateError } from '../../shared/errors.js';

export interface ZipLimits {
  /** Largest uncompressed entry accepted. */
  maxEntryBytes: number;
  /** Largest uncompressed total. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Largest uncompressed/compressed ratio (deflate itself tops out near 1032). */
  maxRatio: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Reads the named files of a zip archive.
 * @returns the wanted entries found (by name), as bytes.
 * @throws ModelGateError `artifact_invalid` for anything malformed, encrypted, ZIP64, with an
 *   unsafe entry name (absolute, `..`, backslash, drive letter), too many or too large entries,
 *   an implausible compression ratio (zip bomb), or a CRC mismatch.
 */
export function readZip(
  bytes: Uint8Array,
  wanted: readonly string[],
  limits: ZipLimits,
): Map<string, Uint8Array> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(buffer, limits);
  const out = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (wanted.includes(entry.name)) out.set(entry.name, inflateEntry(buffer, entry, limits));
  }
  return out;
}

function readCentralDirectory(buffer: Buffer, limits: ZipLimits): Entry[] {
  const eocd = findEndOfCentralDirectory(buffer);
  const count = buffer.readUInt16LE(eocd + 10);
  const size = buffer.readUInt32LE(eocd + 12);
  const offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) fail('ZIP64 archives are not supported for reports.');
  if (count > limits.maxEntries)
    fail(`the archive has ${count} entries; at most ${limits.maxEntries} are accepted.`);
  if (offset + size > eocd) fail('the central directory lies outside the archive.');
  const entries: Entry[] = [];
  let total = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL)
      fail('a central directory entry is malformed.');
    const nameLength = buffer.readUInt16LE(at + 28);
    const entry: Entry = {
      flags: buffer.readUInt16LE(at + 8),
      method: buffer.readUInt16LE(at + 10),
      crc: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localOffset: buffer.readUInt32LE(at + 42),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
    };
    checkEntry(entry, limits);
    total += entry.size;
    if (total > limits.maxTotalBytes) fail(`the archive expands to more than ${limits.maxTotalBytes} bytes.`);
    entries.push(entry);
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return entries;
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= stop; at--) {
    if (buffer.readUInt32LE(at) === EOCD) return at;
  }
  return fail('it is not a zip archive (no end of central directory).');
}

function checkEntry(entry: Entry, limits: ZipLimits): void {
  if (!isSafeName(entry.name))
    fail(`the entry name "${entry.name.slice(0, 200)}" is not a plain relative path.`);
  if (entry.flags & 0x1) fail(`the entry ${entry.name} is encrypted.`);
  if (entry.method !== 0 && entry.method !== 8)
    fail(`the entry ${entry.name} uses compression method ${entry.method}.`);
  if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff)
    fail('ZIP64 entries are not supported.');
  if (entry.size > limits.maxEntryBytes) {
    fail(
      `the entry ${entry.name} expands to ${entry.size} bytes; at most ${limits.maxEntryBytes} are accepted.`,
    );
  }
  if (entry.size > Math.max(1024, entry.compressedSize * limits.maxRatio)) {
    fail(`the entry ${entry.name} has an implausible compression ratio (zip bomb).`);
  }
}

/** A relative path of plain segments: no absolute path, drive letter, backslash, `.` or `..`. */
export function isSafeName(name: string): boolean {
  if (name.length === 0 || name.length > 512 || name.includes('\\') || name.includes('\0')) return false;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  return name
    .split('/')
    .every(
      (segment, i, all) =>
        (segment.length > 0 || i === all.length - 1) && segment !== '.' && segment !== '..',
    );
}

function inflateEntry(buffer: Buffer, entry: Entry, limits: ZipLimits): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL)
    fail(`the local header of ${entry.name} is malformed.`);
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) fail(`the data of ${entry.name} lies outside the archive.`);
  const raw = buffer.subarray(start, end);
  let data: Buffer;
  try {
    // maxOutputLength stops a lying size field from expanding further than declared.
    data =
      entry.method === 0
        ? Buffer.from(raw)
        : inflateRawSync(raw, { maxOutputLength: Math.min(entry.size, limits.maxEntryBytes) + 1 });
  } catch (error) {
    return fail(
      `the entry ${entry.name} could not be inflated (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  if (data.length !== entry.size) fail(`the entry ${entry.name} does not have its declared size.`);
  if (crc32(data) >>> 0 !== entry.crc) fail(`the entry ${entry.name} fails its CRC check.`);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function fail(message: string): never {
  throw new ModelGateError('artifact_invalid', `The report artifact is not a valid archive: ${message}`);
}
