/**
 * The checked form of a weighted problem that every method works on: A with its missing (NaN)
 * entries read as 0, the weights with those entries set to 0, and the numbers the stopping rule
 * needs. The caller's arrays are used without a copy when A has no missing entry, so a solver
 * costs no extra memory for them; they must not change while a solver lives.
 */
import { assertInteger, LinalgError, shapeText } from '../errors';
import type { Matrix } from '../dense/matrix';
import { EPS } from '../dense/scalar';

export interface WeightedProblem {
  m: number;
  n: number;
  k: number;
  /** A, row-major, missing entries 0. */
  a: Float64Array;
  /** The weights as given, 0 at missing entries of A. */
  w: Float64Array;
  /** 1 at finite entries of A, 0 at missing ones; null when none is missing. */
  observed: Uint8Array | null;
  /** The largest weight (0 when all are 0): EM divides by it. */
  maxWeight: number;
  /** sum_ij W_ij. */
  totalWeight: number;
  /** The largest |A_ij| over finite entries. */
  maxAbs: number;
  /** ||A||_F over finite entries. */
  norm: number;
  /**
   * The objective's rounding level: sum W times (8 k eps max|A|)^2, about what rounding in X Y^T
   * alone leaves. An objective at or below it is an exact fit, and changes of this size are noise.
   */
  noiseFloor: number;
}

/** Checks that `a` is a well-formed non-empty matrix whose entries are finite or NaN (missing). */
export function assertDataMatrix(fn: string, a: Matrix, what = 'matrix A'): void {
  assertShape(fn, a, what);
  const { cols, data } = a;
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (x === Infinity || x === -Infinity) {
      const row = Math.floor(i / cols);
      throw new LinalgError(`${fn}: entry (${row}, ${i - row * cols}) is ${x} in the ${shapeText(a.rows, cols)} ${what} (NaN marks a missing entry; infinities are not allowed)`);
    }
  }
}

/** Checks that `w` is a matrix of A's shape with finite, non-negative entries. */
export function assertWeights(fn: string, w: Matrix, rows: number, cols: number, what = 'weights'): void {
  assertShape(fn, w, what);
  if (w.rows !== rows || w.cols !== cols) {
    throw new LinalgError(`${fn}: the ${what} are ${shapeText(w.rows, w.cols)} but A is ${shapeText(rows, cols)}; they must have the same shape`);
  }
  assertWeightValues(fn, w.data, cols, what === 'weights' ? 'weight' : what);
}

/**
 * Every weight finite and >= 0, else a LinalgError naming the first bad one: by (row, column) in a
 * matrix of `cols` columns, by index in a vector (`cols` null).
 */
export function assertWeightValues(fn: string, data: ArrayLike<number>, cols: number | null, what: string): void {
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (!(x >= 0 && x < Infinity)) {
      const where = cols === null ? `${i}` : `(${Math.floor(i / cols)}, ${i % cols})`;
      throw new LinalgError(`${fn}: ${what} ${where} is ${x}; weights must be finite and non-negative`);
    }
  }
}

function assertShape(fn: string, a: Matrix, what: string): void {
  if (a === null || typeof a !== 'object' || !(a.data instanceof Float64Array)) {
    throw new LinalgError(`${fn}: expected the ${what} as { rows, cols, data: Float64Array }`);
  }
  const { rows, cols, data } = a;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new LinalgError(`${fn}: invalid shape ${rows} x ${cols} of the ${what}`);
  }
  if (rows === 0 || cols === 0) throw new LinalgError(`${fn}: the ${what} is empty (${shapeText(rows, cols)})`);
  if (data.length !== rows * cols) {
    throw new LinalgError(`${fn}: a ${shapeText(rows, cols)} ${what} needs ${rows * cols} entries, got ${data.length}`);
  }
}

/** The rank k must lie in 1..min(m, n). */
export function assertRank(fn: string, k: number, m: number, n: number): void {
  assertInteger(fn, 'k', k, 1, Math.min(m, n));
}

/**
 * Checks A, W and k and builds the problem. NaN entries of A are missing: their weight is 0
 * whatever W says, and they take no part in any sum.
 */
export function prepareProblem(fn: string, a: Matrix, weights: Matrix, k: number): WeightedProblem {
  assertDataMatrix(fn, a);
  assertWeights(fn, weights, a.rows, a.cols);
  assertRank(fn, k, a.rows, a.cols);
  const { rows: m, cols: n } = a;
  const { data: filled, observed } = withMissingAsZero(a.data);
  let w = weights.data;
  if (observed) {
    w = w.slice();
    for (let i = 0; i < w.length; i++) if (!observed[i]) w[i] = 0;
  }
  let maxWeight = 0;
  let totalWeight = 0;
  for (let i = 0; i < w.length; i++) {
    totalWeight += w[i];
    if (w[i] > maxWeight) maxWeight = w[i];
  }
  let maxAbs = 0;
  let sumSquares = 0;
  for (let i = 0; i < filled.length; i++) {
    const x = Math.abs(filled[i]);
    if (x > maxAbs) maxAbs = x;
  }
  // Scaled sum of squares: entries near 1e200 must not overflow the norm.
  if (maxAbs > 0) for (let i = 0; i < filled.length; i++) sumSquares += (filled[i] / maxAbs) ** 2;
  const norm = maxAbs * Math.sqrt(sumSquares);
  const noiseFloor = totalWeight * (8 * k * EPS * maxAbs) ** 2;
  return { m, n, k, a: filled, w, observed, maxWeight, totalWeight, maxAbs, norm, noiseFloor };
}

/** The data with NaN replaced by 0, and the mask of finite entries (null, and no copy, when none is NaN). */
export function withMissingAsZero(data: Float64Array): { data: Float64Array; observed: Uint8Array | null } {
  let first = -1;
  for (let i = 0; i < data.length; i++) {
    if (Number.isNaN(data[i])) {
      first = i;
      break;
    }
  }
  if (first < 0) return { data, observed: null };
  const filled = data.slice();
  const observed = new Uint8Array(data.length).fill(1);
  for (let i = first; i < data.length; i++) {
    if (Number.isNaN(filled[i])) {
      filled[i] = 0;
      observed[i] = 0;
    }
  }
  return { data: filled, observed };
}
