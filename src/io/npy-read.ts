/**
 * Reader for NumPy .npy files, versions 1.0, 2.0 and 3.0
 * (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html).
 */
import { decodeElements, inexactIntegerWarning } from './decode-elements';
import { parsePythonLiteral, type PyValue } from './python-literal';
import { elementCount, fortranToC } from './shape';
import { latin1Decode, utf8Decode } from './text-codec';
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

const FORMAT = 'npy';

/** The magic string every .npy file starts with: \x93NUMPY. */
export const NPY_MAGIC = Uint8Array.of(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59);

/** What a .npy header says about the array that follows it. */
export interface NpyHeader {
  version: string;
  dtype: DType;
  littleEndian: boolean;
  fortranOrder: boolean;
  shape: number[];
  /** Byte offset of the first data byte (header included). */
  dataOffset: number;
  /** Bytes of data the header promises: product(shape) * element size. */
  byteLength: number;
}

/** Type characters NumPy writes in `descr`, with the sizes each supports. */
const KIND_TO_DTYPE: Record<string, Record<number, DType>> = {
  f: { 2: 'float16', 4: 'float32', 8: 'float64' },
  i: { 1: 'int8', 2: 'int16', 4: 'int32', 8: 'int64' },
  u: { 1: 'uint8', 2: 'uint16', 4: 'uint32', 8: 'uint64' },
  b: { 1: 'bool' },
};

/** Why other dtype kinds are refused, in words a person recognises. */
const UNSUPPORTED_KIND: Record<string, string> = {
  c: 'complex numbers',
  O: 'Python objects (pickled data, never loaded for safety)',
  U: 'unicode strings',
  S: 'byte strings',
  a: 'byte strings',
  V: 'raw/void records',
  M: 'datetimes',
  m: 'timedeltas',
};

/**
 * Reads the header of a .npy file. Needs only the header bytes (a prefix of the file is enough),
 * so .npz listings can describe members without decoding them.
 * @example readNpyHeader(bytes).shape // [1024, 768]
 */
export function readNpyHeader(bytes: Uint8Array, options: ReadOptions = {}): NpyHeader {
  const { major, version, headerStart, dataOffset } = readPreamble(bytes);
  if (dataOffset > bytes.length) {
    throw new FormatError(
      FORMAT,
      `the header claims ${fmtInt(dataOffset - headerStart)} bytes but only ${fmtInt(bytes.length - headerStart)} follow (truncated?)`,
    );
  }
  const raw = bytes.subarray(headerStart, dataOffset);
  const text = major === 3 ? utf8Decode(raw, FORMAT) : latin1Decode(raw);
  return interpretHeader(parsePythonLiteral(text.trimEnd(), FORMAT), version, dataOffset, options);
}

/**
 * How many bytes the magic, version, length field and header take: the data offset. Needs only
 * the first 12 bytes, so a caller can fetch or inflate exactly the header and no more.
 */
export function npyDataOffset(first12Bytes: Uint8Array): number {
  return readPreamble(first12Bytes).dataOffset;
}

/** Magic, version and header length: the fixed part before the header dict. */
function readPreamble(bytes: Uint8Array): { major: number; version: string; headerStart: number; dataOffset: number } {
  if (bytes.length < 10 || !NPY_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new FormatError(FORMAT, 'the file does not start with the .npy magic bytes \\x93NUMPY');
  }
  const major = bytes[6];
  const version = `${major}.${bytes[7]}`;
  if (major < 1 || major > 3) {
    throw new FormatError(FORMAT, `unsupported format version ${version} (supported: 1.0, 2.0, 3.0)`);
  }
  const headerStart = major === 1 ? 10 : 12;
  if (bytes.length < headerStart) {
    throw new FormatError(FORMAT, `the file ends inside the header length field (${bytes.length} bytes)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  return { major, version, headerStart, dataOffset: headerStart + headerLength };
}

function interpretHeader(dict: PyValue, version: string, dataOffset: number, options: ReadOptions): NpyHeader {
  if (dict === null || typeof dict !== 'object' || Array.isArray(dict)) {
    throw new FormatError(FORMAT, 'the header is not a dict');
  }
  for (const key of ['descr', 'fortran_order', 'shape']) {
    if (!(key in dict)) throw new FormatError(FORMAT, `the header has no '${key}' key`);
  }
  const { dtype, littleEndian } = parseDescr(dict.descr);
  const fortranOrder = dict.fortran_order;
  if (typeof fortranOrder !== 'boolean') {
    throw new FormatError(FORMAT, `'fortran_order' must be True or False, got ${JSON.stringify(fortranOrder)}`);
  }
  const shape = dict.shape;
  if (!Array.isArray(shape)) {
    throw new FormatError(FORMAT, `'shape' must be a tuple of integers, got ${JSON.stringify(shape)}`);
  }
  const count = elementCount(FORMAT, 'the array', shape, options.maxElements ?? DEFAULT_MAX_ELEMENTS);
  return {
    version,
    dtype,
    littleEndian,
    fortranOrder,
    shape: shape as number[],
    dataOffset,
    byteLength: count * DTYPE_SIZE[dtype],
  };
}

function parseDescr(descr: PyValue): { dtype: DType; littleEndian: boolean } {
  if (typeof descr !== 'string') {
    throw new FormatError(
      FORMAT,
      `structured (record) dtypes are not supported; 'descr' is ${JSON.stringify(descr).slice(0, 80)}`,
    );
  }
  const match = /^([<>|=]?)([a-zA-Z?])(\d*)$/.exec(descr);
  const kind = match?.[2] ?? '';
  if (match && kind in UNSUPPORTED_KIND) {
    throw new FormatError(FORMAT, `dtype '${descr}' holds ${UNSUPPORTED_KIND[kind]}, which cannot be shown as numbers`);
  }
  const dtype = match ? KIND_TO_DTYPE[kind === '?' ? 'b' : kind]?.[Number(match[3] || 1)] : undefined;
  if (!match || !dtype) {
    throw new FormatError(FORMAT, `unsupported dtype '${descr}' (supported: float16/32/64, int8-64, uint8-64, bool)`);
  }
  return { dtype, littleEndian: match[1] !== '>' };
}

/** Describes a .npy header as an entry of a listing. */
export function npyEntry(name: string, header: NpyHeader): ArrayEntry {
  return { name, shape: header.shape, dtype: header.dtype, byteLength: header.byteLength };
}

/**
 * Reads a whole .npy file into a row-major NdArray (Fortran-order data is transposed).
 * @example readNpy(bytes) // { shape: [2, 3], dtype: 'float32', data: Float32Array(6) }
 */
export function readNpy(bytes: Uint8Array, options: ReadOptions = {}): NdArray {
  const header = readNpyHeader(bytes, options);
  const available = bytes.length - header.dataOffset;
  if (available < header.byteLength) {
    throw new FormatError(
      FORMAT,
      `shape ${fmtShape(header.shape)} of ${header.dtype} needs ${fmtInt(header.byteLength)} data bytes but the file has ${fmtInt(available)} (truncated?)`,
    );
  }
  if (available > header.byteLength) {
    throw new FormatError(
      FORMAT,
      `shape ${fmtShape(header.shape)} of ${header.dtype} needs ${fmtInt(header.byteLength)} data bytes but the file has ${fmtInt(available)} (${fmtInt(available - header.byteLength)} extra bytes)`,
    );
  }
  const count = header.byteLength / DTYPE_SIZE[header.dtype];
  const decoded = decodeElements(bytes.subarray(header.dataOffset), header.dtype, count, header.littleEndian);
  const data = header.fortranOrder ? fortranToC(decoded.data, header.shape) : decoded.data;
  const result: NdArray = { shape: header.shape, dtype: header.dtype, data };
  const warning = inexactIntegerWarning(FORMAT, decoded.inexactIntegers, header.dtype);
  if (warning) result.warnings = [warning];
  return result;
}
