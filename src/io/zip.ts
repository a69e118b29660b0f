/**
 * A minimal, defensive zip reader for .npz archives: it reads the central directory (zip64
 * included, which NumPy writes), and extracts stored or deflated members with fflate. Written here
 * rather than using fflate's unzipSync so a listing can inflate only each member's first bytes,
 * and so every problem gets a message naming the member and the offending value.
 */
import { Inflate, inflateSync } from 'fflate';
import { FormatError, fmtInt } from './types';

/** One member of the archive, as the central directory describes it. */
export interface ZipMember {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Reads the zip's central directory. Throws FormatError for anything that is not a sound zip. */
export function listZipMembers(bytes: Uint8Array, format: string): ZipMember[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (problem: string): never => {
    throw new FormatError(format, problem);
  };
  const u16 = (at: number): number => (at + 2 <= bytes.length ? view.getUint16(at, true) : fail(`the zip ends early, at byte ${fmtInt(bytes.length)}`));
  const u32 = (at: number): number => (at + 4 <= bytes.length ? view.getUint32(at, true) : fail(`the zip ends early, at byte ${fmtInt(bytes.length)}`));
  const u64 = (at: number): number => {
    const value = u32(at + 4) * 2 ** 32 + u32(at);
    return Number.isSafeInteger(value) ? value : fail(`a zip64 field holds an impossible value ${value}`);
  };

  // The end-of-central-directory record sits in the last 22 + up to 65,535 (comment) bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) fail('not a zip archive, or a truncated one (no end-of-central-directory record)');
  let count = u16(eocd + 10);
  let directorySize = u32(eocd + 12);
  let directoryOffset = u32(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR_SIGNATURE) fail('a zip64 archive without its zip64 locator');
    const record = u64(locator + 8);
    if (u32(record) !== ZIP64_EOCD_SIGNATURE) fail(`no zip64 end record at byte ${fmtInt(record)}`);
    count = u64(record + 32);
    directorySize = u64(record + 40);
    directoryOffset = u64(record + 48);
  }
  if (directoryOffset + directorySize > bytes.length) {
    fail(`the central directory (bytes ${fmtInt(directoryOffset)}-${fmtInt(directoryOffset + directorySize)}) lies beyond the end of the ${fmtInt(bytes.length)}-byte file (truncated?)`);
  }
  // Each central entry takes at least 46 bytes, which bounds a lying count.
  if (count * 46 > directorySize) fail(`the archive claims ${fmtInt(count)} members but its directory has only ${fmtInt(directorySize)} bytes`);

  const members: ZipMember[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== CENTRAL_SIGNATURE) fail(`central directory entry ${i + 1} at byte ${fmtInt(at)} is damaged`);
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (at + 46 + nameLength + extraLength > bytes.length) fail(`central directory entry ${i + 1} runs past the end of the file`);
    const name = String.fromCharCode(...bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) fail(`member '${name}' is encrypted`);
    const member: ZipMember = {
      name,
      method: u16(at + 10),
      crc32: u32(at + 16),
      compressedSize: u32(at + 20),
      uncompressedSize: u32(at + 24),
      localHeaderOffset: u32(at + 42),
    };
    readZip64Extra(member, at + 46 + nameLength, extraLength, u16, u64);
    if (member.method !== 0 && member.method !== 8) {
      fail(`member '${name}' uses compression method ${member.method}; only stored (0) and deflate (8) are supported`);
    }
    members.push(member);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return members;
}

/** Replaces 0xFFFFFFFF sizes and offsets by the 64-bit values of the zip64 extra field. */
function readZip64Extra(
  member: ZipMember,
  start: number,
  length: number,
  u16: (at: number) => number,
  u64: (at: number) => number,
): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = u16(at);
    const size = u16(at + 2);
    if (id === 0x0001) {
      // Only the fields that overflowed are present, in this order.
      let field = at + 4;
      if (member.uncompressedSize === 0xffffffff) {
        member.uncompressedSize = u64(field);
        field += 8;
      }
      if (member.compressedSize === 0xffffffff) {
        member.compressedSize = u64(field);
        field += 8;
      }
      if (member.localHeaderOffset === 0xffffffff) member.localHeaderOffset = u64(field);
    }
    at += 4 + size;
  }
}

/** The compressed bytes of a member, located through its local header. */
function compressedData(bytes: Uint8Array, member: ZipMember, format: string): Uint8Array {
  const at = member.localHeaderOffset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new FormatError(format, `member '${member.name}': no local header at byte ${fmtInt(at)}`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + member.compressedSize;
  if (end > bytes.length) {
    throw new FormatError(format, `member '${member.name}' ends at byte ${fmtInt(end)} but the file has ${fmtInt(bytes.length)} bytes (truncated?)`);
  }
  return bytes.subarray(start, end);
}

/**
 * Extracts a whole member and checks its length and CRC-32. The output buffer is sized from the
 * directory (which the caller has bounded), so a lying archive cannot make it grow.
 */
export function extractZipMember(bytes: Uint8Array, member: ZipMember, format: string): Uint8Array {
  const data = compressedData(bytes, member, format);
  let out: Uint8Array;
  if (member.method === 0) {
    if (member.compressedSize !== member.uncompressedSize) {
      throw new FormatError(format, `stored member '${member.name}' has sizes ${fmtInt(member.compressedSize)} and ${fmtInt(member.uncompressedSize)}, which must agree`);
    }
    out = data;
  } else {
    const buffer = new Uint8Array(member.uncompressedSize);
    out = inflateOrFail(() => inflateSync(data, { out: buffer }), member, format);
  }
  if (out.length !== member.uncompressedSize || crc32(out) !== member.crc32) {
    throw new FormatError(format, `member '${member.name}' is corrupt (its size or CRC-32 does not match the directory)`);
  }
  return out;
}

/** Inflates only the first `length` bytes of a member (fewer if the member is shorter). */
export function extractZipPrefix(bytes: Uint8Array, member: ZipMember, length: number, format: string): Uint8Array {
  const data = compressedData(bytes, member, format);
  const want = Math.min(length, member.uncompressedSize);
  if (member.method === 0) return data.subarray(0, want);
  const out = new Uint8Array(want);
  let filled = 0;
  const inflater = new Inflate((chunk) => {
    const take = Math.min(chunk.length, want - filled);
    out.set(chunk.subarray(0, take), filled);
    filled += take;
  });
  // Feed small slices and stop as soon as enough output has appeared.
  const step = 1024;
  for (let at = 0; at < data.length && filled < want; at += step) {
    const end = Math.min(at + step, data.length);
    inflateOrFail(() => inflater.push(data.subarray(at, end), end === data.length), member, format);
  }
  return out.subarray(0, filled);
}

function inflateOrFail<T>(run: () => T, member: ZipMember, format: string): T {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FormatError(format, `member '${member.name}' cannot be decompressed (${reason})`);
  }
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE), as zip stores for each member. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
