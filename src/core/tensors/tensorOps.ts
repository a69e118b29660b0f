/**
 * Tensor traversal and the tensor <-> matrix maps with TensorLy's conventions: the mode-n
 * unfolding and its inverse, the C-order reshape to a matrix, and the n-mode product. Every map
 * reads strided views directly (no intermediate copy) and loops over contiguous runs, never
 * building an index array per entry.
 */
import { assertMatrix, LinalgError, shapeText } from '../errors';
import { matmul } from '../dense/gemm';
import type { Matrix } from '../dense/matrix';
import { checkMode, checkShape, checkTensor, cStrides, formatShape, type Tensor } from './tensor';

/**
 * Visits the entries of a strided array in the C order of `shape`, one contiguous-in-index run
 * at a time: `run(start, length, step)` covers data[start], data[start + step], ... Adjacent
 * dimensions that form one arithmetic progression are merged first, so a C-contiguous array is a
 * single run and the odometer only turns once per run. `shape` and `strides` may be a permutation
 * of a tensor's (that is how unfold reads in its own order). A run returning false stops the visit.
 */
export function forEachRun(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  run: (start: number, length: number, step: number) => boolean | void,
): void {
  const dims: number[] = [];
  const steps: number[] = [];
  for (let k = 0; k < shape.length; k++) {
    if (shape[k] === 1) continue;
    const last = dims.length - 1;
    if (last >= 0 && steps[last] === strides[k] * shape[k]) {
      dims[last] *= shape[k];
      steps[last] = strides[k];
    } else {
      dims.push(shape[k]);
      steps.push(strides[k]);
    }
  }
  if (dims.length === 0) {
    run(offset, 1, 1);
    return;
  }
  const r = dims.length - 1;
  const length = dims[r];
  const step = steps[r];
  const counter = new Array<number>(r).fill(0);
  let p = offset;
  for (;;) {
    if (run(p, length, step) === false) return;
    let k = r - 1;
    for (; k >= 0; k--) {
      p += steps[k];
      if (++counter[k] < dims[k]) break;
      p -= steps[k] * dims[k];
      counter[k] = 0;
    }
    if (k < 0) return;
  }
}

/** The multi-index of the C-order linear position `linear` in `shape`. */
function unravel(linear: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let k = shape.length - 1; k >= 0; k--) {
    index[k] = linear % shape[k];
    linear = Math.floor(linear / shape[k]);
  }
  return index;
}

/** The first NaN or infinite entry in C order, with its multi-index, or null. */
export function firstNonFinite(t: Tensor): { value: number; index: number[] } | null {
  const { data } = t;
  let seen = 0;
  let bad = -1;
  let value = 0;
  forEachRun(t.shape, t.strides, t.offset, (start, length, step) => {
    for (let j = 0, p = start; j < length; j++, p += step) {
      const x = data[p];
      // x - x is 0 for finite x and NaN for NaN and +-Infinity.
      if (x - x !== 0) {
        bad = seen + j;
        value = x;
        return false;
      }
    }
    seen += length;
    return true;
  });
  return bad < 0 ? null : { value, index: unravel(bad, t.shape) };
}

/**
 * Throws a LinalgError naming the first NaN or infinite entry (in C order) by its multi-index.
 *
 * @example
 * assertFiniteTensor(video, 'video'); // throws "'video' has NaN at index [3, 7, 2]"
 */
export function assertFiniteTensor(t: Tensor, name: string): void {
  checkTensor('assertFiniteTensor', t);
  const bad = firstNonFinite(t);
  if (bad !== null) throw new LinalgError(`'${name}' has ${bad.value} at index ${formatShape(bad.index)}`);
}

/** Copies the entries of a strided array, in the C order of `shape`, into `out` from 0. */
function gather(
  src: Float64Array | Float32Array,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  out: Float64Array,
): void {
  let o = 0;
  forEachRun(shape, strides, offset, (start, length, step) => {
    if (step === 1 && length >= 64) out.set(src.subarray(start, start + length), o);
    else for (let j = 0, p = start; j < length; j++, p += step) out[o + j] = src[p];
    o += length;
  });
}

/** Writes the transpose of the rows x cols row-major block at src[offset..] into dst, cache-blocked. */
function transposeBlock(src: Float64Array | Float32Array, offset: number, rows: number, cols: number, dst: Float64Array): void {
  const B = 32;
  for (let i0 = 0; i0 < rows; i0 += B) {
    const i1 = Math.min(i0 + B, rows);
    for (let j0 = 0; j0 < cols; j0 += B) {
      const j1 = Math.min(j0 + B, cols);
      for (let i = i0; i < i1; i++) {
        const row = offset + i * cols;
        for (let j = j0; j < j1; j++) dst[j * rows + i] = src[row + j];
      }
    }
  }
}

/** True when the strides are the C-order strides of the shape (size-1 dimensions excepted). */
function isCContiguous(t: Tensor): boolean {
  let s = 1;
  for (let k = t.shape.length - 1; k >= 0; k--) {
    if (t.shape[k] !== 1 && t.strides[k] !== s) return false;
    s *= t.shape[k];
  }
  return true;
}

/**
 * The mode-`mode` unfolding, TensorLy's convention: `np.moveaxis(t, mode, 0).reshape(t.shape[mode], -1)`
 * in C order, so column indices run over the other modes with the last one fastest. Always a new
 * float64 matrix; NaN entries pass through unchanged.
 *
 * @example
 * const t = tensor([2, 3, 4], Float64Array.from({ length: 24 }, (_, i) => i));
 * unfold(t, 1); // 3 x 8: row 0 is [0, 1, 2, 3, 12, 13, 14, 15]
 */
export function unfold(t: Tensor, mode: number): Matrix {
  const count = checkTensor('unfold', t);
  checkMode('unfold', t.shape, mode);
  const d = t.shape.length;
  const rows = t.shape[mode];
  const cols = count / rows;
  const out = new Float64Array(count);
  if (mode === d - 1 && rows > 1 && isCContiguous(t)) {
    // The last mode of a C-ordered tensor: a (count / rows) x rows transpose.
    transposeBlock(t.data, t.offset, cols, rows, out);
  } else {
    const order = [mode];
    for (let k = 0; k < d; k++) if (k !== mode) order.push(k);
    gather(t.data, order.map((k) => t.shape[k]), order.map((k) => t.strides[k]), t.offset, out);
  }
  return { rows, cols, data: out };
}

/**
 * The inverse of {@link unfold}: the C-contiguous tensor of `shape` whose mode-`mode` unfolding is
 * `m` (TensorLy's `fold`).
 *
 * @example
 * fold(unfold(t, 2), 2, t.shape); // equal to t
 */
export function fold(m: Matrix, mode: number, shape: readonly number[]): Tensor {
  const count = checkShape('fold', shape);
  checkMode('fold', shape, mode);
  if (m === null || typeof m !== 'object' || !(m.data instanceof Float64Array) || m.data.length !== m.rows * m.cols) {
    throw new LinalgError('fold: expected a matrix { rows, cols, data: Float64Array } with rows * cols entries');
  }
  const rows = shape[mode];
  if (m.rows !== rows || m.cols !== count / rows) {
    throw new LinalgError(
      `fold: shape ${formatShape(shape)} unfolds at mode ${mode} to ${shapeText(rows, count / rows)}, got a ${shapeText(m.rows, m.cols)} matrix`,
    );
  }
  const d = shape.length;
  const own = shape.slice();
  const out = new Float64Array(count);
  if (mode === d - 1) {
    transposeBlock(m.data, 0, rows, count / rows, out);
  } else {
    // Read the matrix as the C-ordered tensor [shape[mode], other modes...], in the target's order.
    const strides = new Array<number>(d);
    let s = count / rows;
    strides[mode] = s;
    for (let k = 0; k < d; k++) {
      if (k === mode) continue;
      s /= shape[k];
      strides[k] = s;
    }
    gather(m.data, own, strides, 0, out);
  }
  return { shape: own, strides: cStrides(own), data: out, offset: 0 };
}

/**
 * The C-order reshape to rows x (count / rows): `t.reshape(rows, -1)`. `rows` must divide the
 * number of entries. Always a new float64 matrix.
 *
 * @example
 * reshapeToMatrix(hsi, 100 * 100); // 10000 x 198: one row per pixel, one column per band
 */
export function reshapeToMatrix(t: Tensor, rows: number): Matrix {
  const count = checkTensor('reshapeToMatrix', t);
  if (!Number.isInteger(rows) || rows < 1 || count % rows !== 0) {
    throw new LinalgError(
      `reshapeToMatrix: rows must be a positive integer dividing the ${count} entries of shape ${formatShape(t.shape)}, got ${rows}`,
    );
  }
  const out = new Float64Array(count);
  gather(t.data, t.shape, t.strides, t.offset, out);
  return { rows, cols: count / rows, data: out };
}

/**
 * The n-mode product t x_mode M (TensorLy's `mode_dot`): M is J x shape[mode] and the result has
 * shape[mode] replaced by J; unfold(result, mode) = M unfold(t, mode).
 *
 * @example
 * modeProduct(tensor([2, 3, 4]), matrix(5, 3), 1).shape; // [2, 5, 4]
 */
export function modeProduct(t: Tensor, m: Matrix, mode: number): Tensor {
  checkTensor('modeProduct', t);
  checkMode('modeProduct', t.shape, mode);
  assertMatrix('modeProduct', m);
  if (m.cols !== t.shape[mode]) {
    throw new LinalgError(
      `modeProduct: the matrix is ${shapeText(m.rows, m.cols)} but mode ${mode} of shape ${formatShape(t.shape)} has size ${t.shape[mode]}`,
    );
  }
  const bad = firstNonFinite(t);
  if (bad !== null) {
    throw new LinalgError(`modeProduct: the tensor of shape ${formatShape(t.shape)} has ${bad.value} at index ${formatShape(bad.index)}`);
  }
  const shape = t.shape.slice();
  shape[mode] = m.rows;
  return fold(matmul(m, unfold(t, mode)), mode, shape);
}
