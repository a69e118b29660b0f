/**
 * Input checks shared by every core function. Each failure is a {@link LinalgError} whose message
 * names the function, the problem and the shape, so a message shown in the app needs no context.
 */
import type { Matrix } from './dense/matrix';

/**
 * The error every core function throws for bad input or an iteration cap that was hit.
 *
 * @example
 * try { svd(matrix(2, 2, [1, NaN, 0, 1])); } catch (e) {
 *   // e instanceof LinalgError; e.message === 'svd: entry (0, 1) is NaN in a 2 x 2 matrix'
 * }
 */
export class LinalgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinalgError';
  }
}

/** "4 x 5": the way every message writes a shape. */
export function shapeText(rows: number, cols: number): string {
  return `${rows} x ${cols}`;
}

/**
 * Checks that `a` is a well-formed, non-empty matrix of finite numbers; throws a LinalgError
 * otherwise. Entry positions in messages are 0-based (row, column).
 *
 * @example
 * assertMatrix('qr', matrix(1, 2, [1, Infinity]));
 * // throws LinalgError('qr: entry (0, 1) is Infinity in a 1 x 2 matrix')
 */
export function assertMatrix(fn: string, a: Matrix, what = 'matrix'): void {
  if (a === null || typeof a !== 'object' || !(a.data instanceof Float64Array)) {
    throw new LinalgError(`${fn}: expected a ${what} { rows, cols, data: Float64Array }`);
  }
  const { rows, cols, data } = a;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new LinalgError(`${fn}: invalid shape ${rows} x ${cols} of the ${what}`);
  }
  if (rows === 0 || cols === 0) {
    throw new LinalgError(`${fn}: the ${what} is empty (${shapeText(rows, cols)})`);
  }
  if (data.length !== rows * cols) {
    throw new LinalgError(
      `${fn}: a ${shapeText(rows, cols)} ${what} needs ${rows * cols} entries, got ${data.length}`,
    );
  }
  assertFinite(fn, data, cols, `a ${shapeText(rows, cols)} ${what}`);
}

/**
 * Throws a LinalgError naming the first NaN or infinite entry of a row-major array.
 *
 * @example
 * assertFinite('svd', new Float64Array([1, NaN]), 2, 'a 1 x 2 matrix');
 * // throws 'svd: entry (0, 1) is NaN in a 1 x 2 matrix'
 */
export function assertFinite(fn: string, data: ArrayLike<number>, cols: number, where: string): void {
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    // x - x is 0 for finite x and NaN for NaN and +-Infinity: one comparison in the common case.
    if (x - x !== 0) {
      const row = Math.floor(i / cols);
      throw new LinalgError(`${fn}: entry (${row}, ${i - row * cols}) is ${x} in ${where}`);
    }
  }
}

/**
 * Checks that a rank-like argument is an integer in [lo, hi].
 *
 * @example
 * assertInteger('lowRank', 'k', 3, 0, 2); // throws 'lowRank: k must be an integer in [0, 2], got 3'
 */
export function assertInteger(fn: string, name: string, value: number, lo: number, hi: number): void {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new LinalgError(`${fn}: ${name} must be an integer in [${lo}, ${hi}], got ${value}`);
  }
}
