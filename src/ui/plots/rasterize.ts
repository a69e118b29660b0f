/**
 * Turning a matrix (up to 768 x 3072 and beyond) into a small raster for the heatmaps.
 *
 * Downsampling keeps, in each block of entries that becomes one cell, the entry of largest
 * magnitude with its sign (max-pooling by absolute value). A mean would let positive and negative
 * entries cancel and would dilute a single large entry into its block, so outlier weights and the
 * largest residuals of a truncation would vanish from the picture; the max-abs cell shows the worst
 * entry of its block, which is what a person looking for structure or error wants to see. A NaN in
 * a block makes the cell NaN (grey), so bad data is never hidden.
 */
import { writeDivergingColor } from './colorMap';

/** An RGBA raster, 4 bytes per cell, row-major. */
export interface Raster {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/** For each of `n` entries, the index of the block (of `blocks` nearly equal ones) it falls in. */
function blockIndex(n: number, blocks: number): Uint32Array {
  const index = new Uint32Array(n);
  for (let b = 0; b < blocks; b++) {
    const start = Math.floor((b * n) / blocks);
    const end = Math.floor(((b + 1) * n) / blocks);
    index.fill(b, start, end);
  }
  return index;
}

/**
 * Downsamples a row-major `rows` x `cols` matrix to `outRows` x `outCols` cells, each holding the
 * signed entry of largest magnitude in its block (NaN if the block has a NaN).
 * @example downsampleMaxAbs(2, 2, [1, -3, 2, 0], 1, 1) // Float64Array [-3]
 */
export function downsampleMaxAbs(rows: number, cols: number, data: ArrayLike<number>, outRows: number, outCols: number): Float64Array {
  const pooled = new Float64Array(outRows * outCols);
  if (outRows === 0 || outCols === 0) return pooled;
  const rowBlock = blockIndex(rows, outRows);
  const colBlock = blockIndex(cols, outCols);
  for (let i = 0; i < rows; i++) {
    const base = rowBlock[i] * outCols;
    const offset = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = data[offset + j];
      const cell = base + colBlock[j];
      const held = pooled[cell];
      // NaN sticks: once a cell is NaN, `Math.abs(v) > NaN` stays false.
      if (Number.isNaN(v)) pooled[cell] = Number.NaN;
      else if (Math.abs(v) > Math.abs(held)) pooled[cell] = v;
    }
  }
  return pooled;
}

/** The largest finite |entry| of the arrays together, or 0. */
export function maxAbs(...arrays: ArrayLike<number>[]): number {
  let largest = 0;
  for (const data of arrays) {
    for (let i = 0; i < data.length; i++) {
      const a = Math.abs(data[i]);
      if (a > largest && a !== Number.POSITIVE_INFINITY) largest = a;
    }
  }
  return largest;
}

/**
 * The heatmap raster of a matrix: at most `maxCells` cells along each side, coloured on the
 * diverging scale [-range, range]. Without a usable range the matrix's own largest |entry| is used
 * (and an all-zero matrix comes out white).
 */
export function rasterize(rows: number, cols: number, data: ArrayLike<number>, maxCells: number, range?: number): Raster {
  const height = Math.max(0, Math.min(rows, Math.floor(maxCells)));
  const width = Math.max(0, Math.min(cols, Math.floor(maxCells)));
  const pooled = downsampleMaxAbs(rows, cols, data, height, width);
  const scale = range !== undefined && range > 0 && Number.isFinite(range) ? range : maxAbs(pooled);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let c = 0; c < pooled.length; c++) writeDivergingColor(pooled[c], scale, rgba, c * 4);
  return { width, height, rgba };
}
