/** Writer for .npy files (version 1.0, or 2.0 when the header is long), float32 or float64, C order. */
import { elementCount } from './shape';
import { NPY_MAGIC } from './npy-read';
import { FormatError, fmtShape } from './types';

/** What the writers accept: a row-major array of numbers with its shape. */
export interface WritableArray {
  shape: readonly number[];
  data: ArrayLike<number>;
}

/** Which float type to store. */
export type WriteDType = 'float32' | 'float64';

/**
 * Chooses the stored dtype: the explicit choice, else float32 for Float32Array data, else float64.
 */
export function chooseWriteDType(array: WritableArray, dtype?: WriteDType): WriteDType {
  return dtype ?? (array.data instanceof Float32Array ? 'float32' : 'float64');
}

/** Checks data length against the shape; used by every writer. */
export function checkWritable(format: string, name: string, array: WritableArray): number {
  const count = elementCount(format, name, array.shape, Number.MAX_SAFE_INTEGER);
  if (count !== array.data.length) {
    throw new FormatError(
      format,
      `${name} has shape ${fmtShape(array.shape)} (${count} elements) but ${array.data.length} values`,
    );
  }
  return count;
}

/** Copies values into little-endian float32 or float64 bytes. */
export function encodeFloats(data: ArrayLike<number>, dtype: WriteDType): Uint8Array {
  const typed = dtype === 'float32' ? Float32Array.from(data) : Float64Array.from(data);
  const bytes = new Uint8Array(typed.buffer);
  // Typed arrays use host byte order; the formats want little-endian.
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    const size = typed.BYTES_PER_ELEMENT;
    for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
  }
  return bytes;
}

/**
 * Writes a row-major array as .npy bytes that `np.load` reads.
 * @example writeNpy({ shape: [2, 2], data: new Float64Array([1, 2, 3, 4]) })
 */
export function writeNpy(array: WritableArray, dtype?: WriteDType): Uint8Array {
  checkWritable('npy', 'the array', array);
  const type = chooseWriteDType(array, dtype);
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  const dict = `{'descr': '<${type === 'float32' ? 'f4' : 'f8'}', 'fortran_order': False, 'shape': ${shape}, }`;
  // Pad with spaces so the data starts on a 64-byte boundary, as NumPy does, ending with '\n'.
  let prefix = 10;
  let major = 1;
  if (dict.length + 1 + prefix > 65535) {
    prefix = 12;
    major = 2;
  }
  const total = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  const header = dict.padEnd(total - prefix - 1, ' ') + '\n';
  const data = encodeFloats(array.data, type);
  const out = new Uint8Array(total + data.length);
  out.set(NPY_MAGIC, 0);
  out[6] = major;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[prefix + i] = header.charCodeAt(i);
  out.set(data, total);
  return out;
}
