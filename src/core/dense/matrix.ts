/**
 * The dense matrix type of the core: one row-major Float64Array with its shape, and the small
 * helpers that build, copy and convert it.
 */
import { assertFinite, assertMatrix, LinalgError, shapeText } from '../errors';

/** A dense row-major matrix: entry (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * Wraps (or copies, for a plain array) row-major data as a matrix. A Float64Array is used as is,
 * without a copy, so the worker can hand over transferred buffers.
 *
 * @example
 * const a = matrix(2, 2, [3, 0, 4, 5]); // [[3, 0], [4, 5]]
 */
export function matrix(rows: number, cols: number, data?: Float64Array | ArrayLike<number>): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new LinalgError(`matrix: invalid shape ${rows} x ${cols}`);
  }
  if (data === undefined) return { rows, cols, data: new Float64Array(rows * cols) };
  if (data.length !== rows * cols) {
    throw new LinalgError(`matrix: a ${shapeText(rows, cols)} matrix needs ${rows * cols} entries, got ${data.length}`);
  }
  return { rows, cols, data: data instanceof Float64Array ? data : Float64Array.from(data) };
}

/**
 * Builds a matrix from nested arrays (one array per row); all rows must have the same length.
 *
 * @example
 * fromArrays([[1, 2, 3], [4, 5, 6]]); // { rows: 2, cols: 3, data: [1, 2, 3, 4, 5, 6] }
 */
export function fromArrays(rowsOfEntries: readonly (readonly number[])[]): Matrix {
  const rows = rowsOfEntries.length;
  const cols = rows === 0 ? 0 : rowsOfEntries[0].length;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = rowsOfEntries[i];
    if (row.length !== cols) {
      throw new LinalgError(`fromArrays: row ${i} has ${row.length} entries, row 0 has ${cols}`);
    }
    for (let j = 0; j < cols; j++) data[i * cols + j] = row[j];
  }
  return { rows, cols, data };
}

/**
 * Nested arrays, one per row: the inverse of {@link fromArrays}.
 *
 * @example
 * toArrays(matrix(2, 1, [7, 8])); // [[7], [8]]
 */
export function toArrays(a: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++) out.push(Array.from(a.data.subarray(i * a.cols, (i + 1) * a.cols)));
  return out;
}

/**
 * Copies any typed array (Float32Array from a .npy file, Int8Array, ...) into a float64 matrix,
 * rejecting NaN and infinite entries. BigInt arrays must be converted by the caller.
 *
 * @example
 * fromTypedArray(1, 2, new Float32Array([0.5, 2])); // data: Float64Array [0.5, 2]
 */
export function fromTypedArray(rows: number, cols: number, values: ArrayLike<number>): Matrix {
  if (values.length !== rows * cols) {
    throw new LinalgError(`fromTypedArray: a ${shapeText(rows, cols)} matrix needs ${rows * cols} entries, got ${values.length}`);
  }
  assertFinite('fromTypedArray', values, Math.max(cols, 1), `a ${shapeText(rows, cols)} matrix`);
  return { rows, cols, data: Float64Array.from(values) };
}

/**
 * The rows x cols zero matrix.
 *
 * @example
 * zeros(2, 3).data; // Float64Array(6) [0, 0, 0, 0, 0, 0]
 */
export function zeros(rows: number, cols: number): Matrix {
  return matrix(rows, cols);
}

/**
 * The n x n identity, or the rows x cols matrix with ones on the main diagonal.
 *
 * @example
 * identity(2).data; // [1, 0, 0, 1]
 */
export function identity(rows: number, cols = rows): Matrix {
  const a = matrix(rows, cols);
  for (let i = 0; i < Math.min(rows, cols); i++) a.data[i * cols + i] = 1;
  return a;
}

/**
 * A new matrix holding the transpose. Blocked so both the read and the write stay in cache.
 *
 * @example
 * toArrays(transpose(fromArrays([[1, 2, 3]]))); // [[1], [2], [3]]
 */
export function transpose(a: Matrix): Matrix {
  const out = new Float64Array(a.rows * a.cols);
  transposeInto(a.data, a.rows, a.cols, out);
  return { rows: a.cols, cols: a.rows, data: out };
}

/**
 * Writes the transpose of the rows x cols row-major `src` into `dst` (cols x rows).
 *
 * @example
 * const dst = new Float64Array(2); transposeInto(new Float64Array([1, 2]), 1, 2, dst); // [1, 2]
 */
export function transposeInto(src: Float64Array, rows: number, cols: number, dst: Float64Array): void {
  const B = 32;
  for (let i0 = 0; i0 < rows; i0 += B) {
    const i1 = Math.min(i0 + B, rows);
    for (let j0 = 0; j0 < cols; j0 += B) {
      const j1 = Math.min(j0 + B, cols);
      for (let i = i0; i < i1; i++) {
        const row = i * cols;
        for (let j = j0; j < j1; j++) dst[j * rows + i] = src[row + j];
      }
    }
  }
}

/**
 * A deep copy (new data buffer).
 *
 * @example
 * const b = clone(a); b.data[0] = 9; // a is unchanged
 */
export function clone(a: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.slice() };
}

/**
 * The columns [j0, j1) of `a` as a new matrix.
 *
 * @example
 * toArrays(columns(fromArrays([[1, 2, 3]]), 1, 3)); // [[2, 3]]
 */
export function columns(a: Matrix, j0: number, j1: number): Matrix {
  const w = j1 - j0;
  const out = new Float64Array(a.rows * w);
  for (let i = 0; i < a.rows; i++) out.set(a.data.subarray(i * a.cols + j0, i * a.cols + j1), i * w);
  return { rows: a.rows, cols: w, data: out };
}

/**
 * Checks a matrix argument and returns it: shorthand for validated entry points.
 *
 * @example
 * const a = checked('svd', input); // throws LinalgError on NaN, Infinity, empty or bad length
 */
export function checked(fn: string, a: Matrix, what = 'matrix'): Matrix {
  assertMatrix(fn, a, what);
  return a;
}
