/**
 * The weighted objective of any approximation, for comparing closed forms and methods on one scale.
 */
import { assertMatrix, LinalgError, shapeText } from '../errors';
import type { Matrix } from '../dense/matrix';
import { assertDataMatrix, assertWeights } from './problem';

/**
 * sum_ij W_ij (A_ij - B_ij)^2 over the finite entries of A (NaN entries of A are missing and
 * count 0, whatever W says there).
 *
 * @example
 * weightedObjective(fromArrays([[1, 2]]), fromArrays([[1, 3]]), fromArrays([[0, 0]])); // 1 + 12 = 13
 */
export function weightedObjective(a: Matrix, weights: Matrix, approximation: Matrix): number {
  const fn = 'weightedObjective';
  assertDataMatrix(fn, a);
  assertWeights(fn, weights, a.rows, a.cols);
  assertMatrix(fn, approximation, 'approximation');
  if (approximation.rows !== a.rows || approximation.cols !== a.cols) {
    throw new LinalgError(`${fn}: the approximation is ${shapeText(approximation.rows, approximation.cols)} but A is ${shapeText(a.rows, a.cols)}`);
  }
  const { rows: m, cols: n } = a;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    let row = 0;
    for (let j = i * n; j < (i + 1) * n; j++) {
      const r = a.data[j] - approximation.data[j];
      // NaN - b is NaN, and NaN == NaN is false: missing entries drop out here.
      if (r === r) row += weights.data[j] * r * r;
    }
    sum += row;
  }
  return sum;
}
