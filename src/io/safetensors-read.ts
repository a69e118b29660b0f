/**
 * Reader for .safetensors files (https://github.com/huggingface/safetensors#format): an 8-byte
 * little-endian header length N, N bytes of JSON, then the data buffer the JSON indexes.
 *
 * Validation policy for untrusted files: unknown dtypes, bad shapes, offsets outside the buffer,
 * overlapping tensors and a byte length that disagrees with the shape are errors. Gaps between
 * tensors and unindexed trailing bytes break the spec's "fully indexed" rule but harm nothing we
 * read, so they are reported as warnings and the file still opens.
 */
import { decodeElements, inexactIntegerWarning } from './decode-elements';
import { elementCount } from './shape';
import { utf8Decode } from './text-codec';
import {
  DEFAULT_MAX_ELEMENTS,
  DTYPE_SIZE,
  FormatError,
  fmtInt,
  fmtShape,
  type ArrayEntry,
  type DType,
  type NdArray,
  type ReadOptions,
} from './types';

const FORMAT = 'safetensors';

/** Largest header accepted (the reference implementation uses the same 100 MB bound). */
export const MAX_SAFETENSORS_HEADER_BYTES = 100_000_000;

/** safetensors dtype names and ours. */
export const SAFETENSORS_DTYPES: Readonly<Record<string, DType>> = {
  F16: 'float16',
  BF16: 'bfloat16',
  F32: 'float32',
  F64: 'float64',
  I8: 'int8',
  I16: 'int16',
  I32: 'int32',
  I64: 'int64',
  U8: 'uint8',
  U16: 'uint16',
  U32: 'uint32',
  U64: 'uint64',
  BOOL: 'bool',
};

/** A tensor listed in the header, with absolute byte positions in the file. */
export interface SafetensorsEntry extends ArrayEntry {
  /** First byte of the tensor's data in the file (8 + N + data_offsets[0]). */
  begin: number;
  /** One past its last byte in the file. */
  end: number;
}

/** The parsed header. */
export interface SafetensorsHeader {
  entries: SafetensorsEntry[];
  /** The string-to-string `__metadata__` map (empty when absent). */
  metadata: Record<string, string>;
  /** Bytes before the data buffer: 8 + N. */
  dataStart: number;
  /** Tolerated departures from the spec (gaps, unindexed bytes, non-string metadata). */
  warnings: string[];
}

/**
 * Reads N from the first 8 bytes and bounds it: at most 100 MB, and at most `totalFileSize - 8`
 * when the file size is known.
 */
export function safetensorsHeaderLength(first8Bytes: Uint8Array, totalFileSize?: number): number {
  if (first8Bytes.length < 8) {
    throw new FormatError(FORMAT, `the file has ${first8Bytes.length} bytes, fewer than the 8-byte header length`);
  }
  const view = new DataView(first8Bytes.buffer, first8Bytes.byteOffset, 8);
  const n = view.getUint32(4, true) * 2 ** 32 + view.getUint32(0, true);
  if (n > MAX_SAFETENSORS_HEADER_BYTES) {
    throw new FormatError(FORMAT, `the header length ${fmtInt(n)} exceeds the limit of ${fmtInt(MAX_SAFETENSORS_HEADER_BYTES)} bytes (not a safetensors file?)`);
  }
  if (totalFileSize !== undefined && n > totalFileSize - 8) {
    throw new FormatError(FORMAT, `the header length ${fmtInt(n)} is more than the ${fmtInt(Math.max(0, totalFileSize - 8))} bytes after it (truncated?)`);
  }
  return n;
}

/**
 * Parses and validates the N header bytes (the JSON only, without the 8-byte length). With
 * `totalFileSize`, checks every tensor lies inside the file.
 */
export function parseSafetensorsHeader(headerBytes: Uint8Array, totalFileSize?: number, options: ReadOptions = {}): SafetensorsHeader {
  const dataStart = 8 + headerBytes.length;
  let json: unknown;
  try {
    json = JSON.parse(utf8Decode(headerBytes, FORMAT));
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError(FORMAT, `the header is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new FormatError(FORMAT, 'the header is not a JSON object');
  }
  const warnings: string[] = [];
  const metadata = readMetadata((json as Record<string, unknown>)['__metadata__'], warnings);
  const entries: SafetensorsEntry[] = [];
  for (const [name, info] of Object.entries(json as Record<string, unknown>)) {
    if (name === '__metadata__') continue;
    entries.push(readEntry(name, info, dataStart, options.maxElements ?? DEFAULT_MAX_ELEMENTS));
  }
  checkLayout(entries, dataStart, totalFileSize, warnings);
  return { entries, metadata, dataStart, warnings };
}

function readMetadata(value: unknown, warnings: string[]): Record<string, string> {
  const metadata: Record<string, string> = {};
  if (value === undefined) return metadata;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FormatError(FORMAT, `'__metadata__' must be an object of strings, got ${JSON.stringify(value).slice(0, 60)}`);
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string') metadata[key] = v;
    else warnings.push(`safetensors: metadata '${key}' is not a string and was skipped`);
  }
  return metadata;
}

function readEntry(name: string, info: unknown, dataStart: number, maxElements: number): SafetensorsEntry {
  const what = `tensor '${name}'`;
  if (info === null || typeof info !== 'object' || Array.isArray(info)) {
    throw new FormatError(FORMAT, `${what} is not described by an object`);
  }
  const { dtype: st, shape, data_offsets: offsets } = info as Record<string, unknown>;
  const dtype = typeof st === 'string' && Object.hasOwn(SAFETENSORS_DTYPES, st) ? SAFETENSORS_DTYPES[st] : undefined;
  if (!dtype) {
    throw new FormatError(FORMAT, `${what} has dtype ${JSON.stringify(st)}, which is not one of ${Object.keys(SAFETENSORS_DTYPES).join(', ')}`);
  }
  if (!Array.isArray(shape)) throw new FormatError(FORMAT, `${what} has no shape array`);
  const count = elementCount(FORMAT, what, shape, maxElements);
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every((o) => typeof o === 'number' && Number.isSafeInteger(o) && o >= 0) ||
    offsets[1] < offsets[0]
  ) {
    throw new FormatError(FORMAT, `${what} has data_offsets ${JSON.stringify(offsets)}; expected [begin, end] with 0 <= begin <= end`);
  }
  const byteLength = count * DTYPE_SIZE[dtype];
  if (offsets[1] - offsets[0] !== byteLength) {
    throw new FormatError(
      FORMAT,
      `${what} has shape ${fmtShape(shape)} of ${st} = ${fmtInt(byteLength)} bytes but data_offsets [${offsets[0]}, ${offsets[1]}] span ${fmtInt(offsets[1] - offsets[0])}`,
    );
  }
  return { name, shape: shape as number[], dtype, byteLength, begin: dataStart + offsets[0], end: dataStart + offsets[1] };
}

/** Offsets in range, no overlap; gaps and trailing bytes only warn. */
function checkLayout(entries: SafetensorsEntry[], dataStart: number, totalFileSize: number | undefined, warnings: string[]): void {
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let cursor = dataStart;
  let previous: SafetensorsEntry | undefined;
  for (const entry of sorted) {
    if (totalFileSize !== undefined && entry.end > totalFileSize) {
      throw new FormatError(FORMAT, `tensor '${entry.name}' ends at byte ${fmtInt(entry.end)} but the file has ${fmtInt(totalFileSize)} bytes (truncated?)`);
    }
    if (previous && entry.begin < cursor && entry.byteLength > 0) {
      throw new FormatError(
        FORMAT,
        `tensors '${previous.name}' and '${entry.name}' overlap: '${entry.name}' starts at data offset ${fmtInt(entry.begin - dataStart)}, before '${previous.name}' ends at ${fmtInt(cursor - dataStart)}`,
      );
    }
    if (entry.begin > cursor) {
      warnings.push(`safetensors: ${fmtInt(entry.begin - cursor)} unindexed bytes before tensor '${entry.name}'`);
    }
    if (entry.byteLength > 0 || !previous) previous = entry;
    cursor = Math.max(cursor, entry.end);
  }
  if (totalFileSize !== undefined && totalFileSize > cursor) {
    warnings.push(`safetensors: ${fmtInt(totalFileSize - cursor)} unindexed bytes after the last tensor`);
  }
}

/**
 * Reads the header from the start of a file: the whole file or just its first 8 + N bytes (for
 * HTTP Range requests). Pass `totalFileSize` when `bytes` is only a prefix.
 */
export function readSafetensorsHeader(bytes: Uint8Array, totalFileSize?: number, options: ReadOptions = {}): SafetensorsHeader {
  const n = safetensorsHeaderLength(bytes, totalFileSize);
  if (bytes.length < 8 + n) {
    throw new FormatError(FORMAT, `the header needs ${fmtInt(8 + n)} bytes but only ${fmtInt(bytes.length)} were given (truncated?)`);
  }
  return parseSafetensorsHeader(bytes.subarray(8, 8 + n), totalFileSize, options);
}

/**
 * Decodes one tensor from its own bytes (`entry.end - entry.begin` of them, e.g. from a Range
 * request) into a row-major NdArray.
 */
export function decodeSafetensorsTensor(entry: SafetensorsEntry, tensorBytes: Uint8Array): NdArray {
  if (tensorBytes.length !== entry.byteLength) {
    throw new FormatError(FORMAT, `tensor '${entry.name}' needs ${fmtInt(entry.byteLength)} bytes but ${fmtInt(tensorBytes.length)} were given`);
  }
  const count = entry.byteLength / DTYPE_SIZE[entry.dtype];
  const decoded = decodeElements(tensorBytes, entry.dtype, count, true);
  const result: NdArray = { shape: entry.shape, dtype: entry.dtype, data: decoded.data };
  const warning = inexactIntegerWarning(FORMAT, decoded.inexactIntegers, entry.dtype);
  if (warning) result.warnings = [warning];
  return result;
}

/** A whole file read: the header plus a loader by tensor name. */
export interface SafetensorsFile extends SafetensorsHeader {
  load(name: string): NdArray;
}

/**
 * Reads a complete .safetensors file: lists tensors at once, decodes each on `load(name)`.
 * @example readSafetensors(bytes).load('wte').shape // [50257, 768]
 */
export function readSafetensors(bytes: Uint8Array, options: ReadOptions = {}): SafetensorsFile {
  const header = readSafetensorsHeader(bytes, bytes.length, options);
  const byName = new Map(header.entries.map((e) => [e.name, e]));
  return {
    ...header,
    load(name: string): NdArray {
      const entry = byName.get(name);
      if (!entry) {
        throw new FormatError(FORMAT, `no tensor named '${name}' (the file has ${[...byName.keys()].map((n) => `'${n}'`).join(', ') || 'none'})`);
      }
      return decodeSafetensorsTensor(entry, bytes.subarray(entry.begin, entry.end));
    },
  };
}
