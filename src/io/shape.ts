/** Shape checks shared by the readers: element counts bounded before anything is allocated. */
import { DEFAULT_MAX_ELEMENTS, FormatError, fmtInt, fmtShape } from './types';

/** Most dimensions an array may have (NumPy's own limit). */
export const MAX_DIMENSIONS = 64;

/**
 * Returns product(shape) after checking every entry is a non-negative safe integer and the
 * product stays within `maxElements`. Throws FormatError naming `what` (e.g. "tensor 'wte'").
 */
export function elementCount(
  format: string,
  what: string,
  shape: readonly unknown[],
  maxElements: number = DEFAULT_MAX_ELEMENTS,
): number {
  // NumPy allows at most 64 dimensions; more is a corrupt or hostile header.
  if (shape.length > MAX_DIMENSIONS) {
    throw new FormatError(format, `${what} has ${fmtInt(shape.length)} dimensions, more than the limit of ${MAX_DIMENSIONS}`);
  }
  let count = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new FormatError(
        format,
        `${what} has shape entry ${i} = ${JSON.stringify(d) ?? String(d)}; shape entries must be non-negative integers`,
      );
    }
    count *= d;
  }
  // Checked after the loop so a zero anywhere wins over a huge entry elsewhere.
  if (count > maxElements) {
    throw new FormatError(
      format,
      `${what} has shape ${fmtShape(shape as number[])} = ${fmtInt(count)} elements, more than the limit of ${fmtInt(maxElements)}`,
    );
  }
  return count;
}

/**
 * Reorders Fortran-order (column-major) data into C order (row-major) for the same shape.
 * Element (i0, ..., ik) sits at sum(i_j * prod(shape[<j])) in Fortran order.
 */
export function fortranToC<T extends Float32Array | Float64Array>(data: T, shape: readonly number[]): T {
  const n = shape.length;
  if (n < 2 || data.length === 0) return data;
  const out = new (data.constructor as new (length: number) => T)(data.length);
  const fStride = new Array<number>(n);
  let s = 1;
  for (let j = 0; j < n; j++) {
    fStride[j] = s;
    s *= shape[j];
  }
  // Walk C order with an odometer, tracking the Fortran offset incrementally.
  const index = new Array<number>(n).fill(0);
  let f = 0;
  for (let c = 0; c < out.length; c++) {
    out[c] = data[f];
    for (let j = n - 1; j >= 0; j--) {
      index[j]++;
      f += fStride[j];
      if (index[j] < shape[j]) break;
      f -= fStride[j] * shape[j];
      index[j] = 0;
    }
  }
  return out;
}
