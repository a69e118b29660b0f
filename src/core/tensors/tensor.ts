/**
 * The n-dimensional array of the core, with NumPy/TensorLy conventions: a shape, strides in
 * elements (row-major C order by default), a Float64Array or Float32Array and an offset, so
 * transposed, sliced or reversed views share one buffer. Unfolding, folding and reshaping to a
 * matrix are in ./tensorOps.
 */
import { LinalgError } from '../errors';

/**
 * A dense tensor: entry (i0, ..., i_{d-1}) is `data[offset + i0 * strides[0] + ... ]`. The
 * tensors {@link tensor} builds are C-contiguous: `strides = cStrides(shape)`, `offset = 0`.
 */
export interface Tensor {
  shape: number[];
  strides: number[];
  data: Float64Array | Float32Array;
  offset: number;
}

/** "[4, 5]": the way every message writes a shape or a multi-index. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Checks that `shape` is a non-empty array of positive integers with a safe element count. */
export function checkShape(fn: string, shape: readonly number[]): number {
  if (!Array.isArray(shape)) {
    throw new LinalgError(`${fn}: the shape must be an array of positive integers, got ${String(shape)}`);
  }
  if (shape.length === 0) {
    throw new LinalgError(`${fn}: invalid shape []: a tensor needs at least one dimension`);
  }
  let count = 1;
  for (let k = 0; k < shape.length; k++) {
    const n = shape[k];
    if (!Number.isInteger(n) || n < 1) {
      throw new LinalgError(
        `${fn}: invalid shape ${formatShape(shape)}: dimension ${k} is ${n}, every dimension must be a positive integer`,
      );
    }
    count *= n;
    if (count > Number.MAX_SAFE_INTEGER) {
      throw new LinalgError(`${fn}: shape ${formatShape(shape)} has more than Number.MAX_SAFE_INTEGER entries`);
    }
  }
  return count;
}

/**
 * The number of entries of a shape, checking that it is valid and the count is a safe integer.
 *
 * @example
 * elementCount([100, 100, 198]); // 1980000
 */
export function elementCount(shape: readonly number[]): number {
  return checkShape('elementCount', shape);
}

/**
 * Row-major (C order) strides in elements.
 *
 * @example
 * cStrides([2, 3, 4]); // [12, 4, 1]
 */
export function cStrides(shape: readonly number[]): number[] {
  checkShape('cStrides', shape);
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k];
  }
  return strides;
}

/**
 * A C-contiguous tensor. Float64Array and Float32Array data are used as is, without a copy; other
 * arrays are copied into a Float64Array; no data gives zeros. Entries are not checked for NaN
 * (missing values are data too): see {@link assertFiniteTensor}.
 *
 * @example
 * const t = tensor([2, 3, 4], Float64Array.from({ length: 24 }, (_, i) => i)); // np.arange(24).reshape(2, 3, 4)
 * get(t, [1, 2, 3]); // 23
 */
export function tensor(shape: readonly number[], data?: Float64Array | Float32Array | ArrayLike<number>): Tensor {
  const count = checkShape('tensor', shape);
  const own = shape.slice();
  if (data === undefined) return { shape: own, strides: cStrides(own), data: new Float64Array(count), offset: 0 };
  if (data.length !== count) {
    throw new LinalgError(`tensor: shape ${formatShape(shape)} needs ${count} entries, got ${data.length}`);
  }
  const values = data instanceof Float64Array || data instanceof Float32Array ? data : Float64Array.from(data);
  return { shape: own, strides: cStrides(own), data: values, offset: 0 };
}

/**
 * Checks a tensor argument: valid shape, one integer stride per dimension, every addressed entry
 * inside `data`. Returns the element count. O(order), never touches the entries.
 */
export function checkTensor(fn: string, t: Tensor): number {
  if (t === null || typeof t !== 'object' || !(t.data instanceof Float64Array || t.data instanceof Float32Array)) {
    throw new LinalgError(`${fn}: expected a tensor { shape, strides, data: Float64Array | Float32Array, offset }`);
  }
  const count = checkShape(fn, t.shape);
  const { shape, strides, offset } = t;
  if (!Array.isArray(strides) || strides.length !== shape.length || !strides.every(Number.isInteger)) {
    throw new LinalgError(`${fn}: a tensor of shape ${formatShape(shape)} needs ${shape.length} integer strides, got ${formatShape(strides ?? [])}`);
  }
  let lo = offset;
  let hi = offset;
  for (let k = 0; k < shape.length; k++) {
    const reach = (shape[k] - 1) * strides[k];
    if (reach < 0) lo += reach;
    else hi += reach;
  }
  if (!Number.isInteger(offset) || lo < 0 || hi >= t.data.length) {
    throw new LinalgError(
      `${fn}: shape ${formatShape(shape)}, strides ${formatShape(strides)} and offset ${offset} address entries outside the ${t.data.length} of the data`,
    );
  }
  return count;
}

/**
 * Checks the order (number of dimensions) of a shape.
 *
 * @example
 * assertOrder('tucker', [4, 5], 3); // throws 'tucker: expected a 3-way tensor, got shape [4, 5]'
 */
export function assertOrder(fn: string, shape: readonly number[], order: number): void {
  if (shape.length !== order) {
    throw new LinalgError(`${fn}: expected a ${order}-way tensor, got shape ${formatShape(shape)}`);
  }
}

/** Checks a mode argument against a tensor's order. */
export function checkMode(fn: string, shape: readonly number[], mode: number): void {
  if (!Number.isInteger(mode) || mode < 0 || mode >= shape.length) {
    throw new LinalgError(
      `${fn}: mode must be an integer in [0, ${shape.length - 1}] for a tensor of shape ${formatShape(shape)}, got ${mode}`,
    );
  }
}

/**
 * One entry, by a 0-based multi-index.
 *
 * @example
 * get(tensor([2, 2], [1, 2, 3, 4]), [1, 0]); // 3
 */
export function get(t: Tensor, index: readonly number[]): number {
  checkTensor('get', t);
  if (!Array.isArray(index) || index.length !== t.shape.length) {
    throw new LinalgError(`get: a ${t.shape.length}-way tensor needs ${t.shape.length} indices, got ${formatShape(index ?? [])}`);
  }
  let p = t.offset;
  for (let k = 0; k < index.length; k++) {
    const i = index[k];
    if (!Number.isInteger(i) || i < 0 || i >= t.shape[k]) {
      throw new LinalgError(`get: index ${formatShape(index)} is out of range for shape ${formatShape(t.shape)}`);
    }
    p += i * t.strides[k];
  }
  return t.data[p];
}

/**
 * The matrix shape of the mode-`mode` unfolding: shape[mode] x (the product of the others).
 *
 * @example
 * unfoldedShape([100, 100, 198], 2); // [198, 10000]
 */
export function unfoldedShape(shape: readonly number[], mode: number): [number, number] {
  const count = checkShape('unfoldedShape', shape);
  checkMode('unfoldedShape', shape, mode);
  return [shape[mode], count / shape[mode]];
}

/**
 * The matrices a C-order reshape can make by splitting the dimensions at k = 1 .. d-1: rows is the
 * product of shape[0..k), cols that of the rest. Empty for a 1-D shape.
 *
 * @example
 * reshapeOptions([100, 100, 198]);
 * // [{ rows: 100, cols: 19800, split: 1 }, { rows: 10000, cols: 198, split: 2 }]
 */
export function reshapeOptions(shape: readonly number[]): Array<{ rows: number; cols: number; split: number }> {
  const count = checkShape('reshapeOptions', shape);
  const out: Array<{ rows: number; cols: number; split: number }> = [];
  let rows = 1;
  for (let k = 1; k < shape.length; k++) {
    rows *= shape[k - 1];
    out.push({ rows, cols: count / rows, split: k });
  }
  return out;
}
