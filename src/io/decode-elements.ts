/**
 * Converts raw element bytes of any supported dtype into a Float32Array or Float64Array. Shared by
 * the .npy and .safetensors readers so every dtype is decoded in one place.
 */
import { bfloat16BitsToNumber, float16BitsToNumber } from './half';
import { DTYPE_SIZE, type DType } from './types';

/** True on little-endian hosts (all current browsers and node platforms in practice). */
const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Dtypes stored as Float32Array because float32 holds all their values exactly. */
const FLOAT32_STORAGE: ReadonlySet<DType> = new Set<DType>([
  'float16',
  'bfloat16',
  'float32',
  'int8',
  'uint8',
  'int16',
  'uint16',
  'bool',
]);

/** Result of decoding: the values and whether any int64/uint64 value lost precision. */
export interface DecodedElements {
  data: Float32Array | Float64Array;
  /** Count of 64-bit integers beyond +-2^53, which a number cannot hold exactly. */
  inexactIntegers: number;
}

/**
 * Decodes `count` elements of `dtype` starting at `bytes[0]`.
 * The caller has already checked that `bytes` holds `count * size` bytes.
 */
export function decodeElements(
  bytes: Uint8Array,
  dtype: DType,
  count: number,
  littleEndian: boolean,
): DecodedElements {
  const size = DTYPE_SIZE[dtype];
  const fast = fastCopy(bytes, dtype, count, littleEndian);
  if (fast) return { data: fast, inexactIntegers: 0 };
  const out = FLOAT32_STORAGE.has(dtype) ? new Float32Array(count) : new Float64Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * size);
  let inexact = 0;
  const le = littleEndian;
  switch (dtype) {
    case 'float16':
      for (let i = 0; i < count; i++) out[i] = float16BitsToNumber(view.getUint16(2 * i, le));
      break;
    case 'bfloat16':
      for (let i = 0; i < count; i++) out[i] = bfloat16BitsToNumber(view.getUint16(2 * i, le));
      break;
    case 'float32':
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, le);
      break;
    case 'float64':
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, le);
      break;
    case 'int8':
      for (let i = 0; i < count; i++) out[i] = view.getInt8(i);
      break;
    case 'uint8':
      for (let i = 0; i < count; i++) out[i] = bytes[i];
      break;
    case 'bool':
      // NumPy and safetensors store bool as one byte; any non-zero byte is true.
      for (let i = 0; i < count; i++) out[i] = bytes[i] ? 1 : 0;
      break;
    case 'int16':
      for (let i = 0; i < count; i++) out[i] = view.getInt16(2 * i, le);
      break;
    case 'uint16':
      for (let i = 0; i < count; i++) out[i] = view.getUint16(2 * i, le);
      break;
    case 'int32':
      for (let i = 0; i < count; i++) out[i] = view.getInt32(4 * i, le);
      break;
    case 'uint32':
      for (let i = 0; i < count; i++) out[i] = view.getUint32(4 * i, le);
      break;
    case 'int64':
    case 'uint64': {
      const signed = dtype === 'int64';
      for (let i = 0; i < count; i++) {
        const lo = view.getUint32(8 * i + (le ? 0 : 4), le);
        const hiOffset = 8 * i + (le ? 4 : 0);
        const hi = signed ? view.getInt32(hiOffset, le) : view.getUint32(hiOffset, le);
        // |value| <= 2^53 exactly when the high word lies in [-2^21, 2^21] (2^53 itself is exact).
        if (hi >= 2 ** 21 || hi < -(2 ** 21)) {
          if (!(hi === 2 ** 21 && lo === 0)) inexact++;
        }
        out[i] = hi * 4294967296 + lo;
      }
      break;
    }
  }
  return { data: out, inexactIntegers: inexact };
}

/** Copies float32/float64 data straight into a typed array when byte order matches the host. */
function fastCopy(
  bytes: Uint8Array,
  dtype: DType,
  count: number,
  littleEndian: boolean,
): Float32Array | Float64Array | undefined {
  if (littleEndian !== HOST_LITTLE_ENDIAN) return undefined;
  if (dtype === 'float32') {
    const copy = bytes.slice(0, count * 4);
    return new Float32Array(copy.buffer, 0, count);
  }
  if (dtype === 'float64') {
    const copy = bytes.slice(0, count * 8);
    return new Float64Array(copy.buffer, 0, count);
  }
  return undefined;
}

/** The readable warning for lossy 64-bit integers, or undefined when there were none. */
export function inexactIntegerWarning(format: string, count: number, dtype: DType): string | undefined {
  if (count === 0) return undefined;
  return `${format}: ${count} ${dtype} value(s) lie beyond +-2^53, where numbers are spaced more than 1 apart; they may have been rounded`;
}
