/**
 * Block means: a big matrix shown on a small grid. Rows (and columns) are split into `cells`
 * contiguous blocks whose sizes differ by at most one, and each cell is the mean of its block.
 * Block means are linear, so the block means of a low-rank product U_k S V_k^T are
 * (block means of U_k) S (block means of V_k)^T: the heatmaps pool the factors once and rebuild
 * the pooled A_k for any rank from those.
 */
import { assertInteger, assertMatrix } from '../errors';
import type { Matrix } from './matrix';

/**
 * Start index of each of `cells` blocks over `n` items, and n at the end.
 *
 * @example blockStarts(5, 2); // [0, 2, 5]
 */
export function blockStarts(n: number, cells: number): Int32Array {
  const starts = new Int32Array(cells + 1);
  for (let b = 0; b <= cells; b++) starts[b] = Math.floor((b * n) / cells);
  return starts;
}

/**
 * Means of blocks of consecutive rows of `a`: min(rows, cells) x cols.
 *
 * @example toArrays(rowBlockMeans(fromArrays([[1, 2], [3, 4], [5, 6]]), 2)); // [[1, 2], [4, 5]]
 */
export function rowBlockMeans(a: Matrix, cells: number): Matrix {
  assertMatrix('rowBlockMeans', a);
  assertInteger('rowBlockMeans', 'cells', cells, 1, Number.MAX_SAFE_INTEGER);
  const count = Math.min(a.rows, cells);
  const starts = blockStarts(a.rows, count);
  const width = a.cols;
  const out = new Float64Array(count * width);
  for (let b = 0; b < count; b++) {
    const target = b * width;
    for (let i = starts[b]; i < starts[b + 1]; i++) {
      const source = i * width;
      for (let j = 0; j < width; j++) out[target + j] += a.data[source + j];
    }
    const size = starts[b + 1] - starts[b];
    for (let j = 0; j < width; j++) out[target + j] /= size;
  }
  return { rows: count, cols: width, data: out };
}

/**
 * Means of the blocks of `a` on a grid of at most rowCells x colCells.
 *
 * @example toArrays(blockMeans(fromArrays([[1, 2, 3, 4], [5, 6, 7, 8]]), 1, 2)); // [[3.5, 5.5]]
 */
export function blockMeans(a: Matrix, rowCells: number, colCells: number): Matrix {
  const byRows = rowBlockMeans(a, rowCells);
  assertInteger('blockMeans', 'colCells', colCells, 1, Number.MAX_SAFE_INTEGER);
  const C = Math.min(a.cols, colCells);
  const colStarts = blockStarts(a.cols, C);
  const out = new Float64Array(byRows.rows * C);
  for (let r = 0; r < byRows.rows; r++) {
    for (let c = 0; c < C; c++) {
      let sum = 0;
      for (let j = colStarts[c]; j < colStarts[c + 1]; j++) sum += byRows.data[r * a.cols + j];
      out[r * C + c] = sum / (colStarts[c + 1] - colStarts[c]);
    }
  }
  return { rows: byRows.rows, cols: C, data: out };
}
