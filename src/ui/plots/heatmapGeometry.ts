/** Where a matrix sits in a heatmap panel, and which entry is under the pointer. */

/**
 * The entry (0-based row i, column j) under a point (x, y) measured from the top-left corner of a
 * heatmap image drawn `plotWidth` x `plotHeight` pixels; null outside the image or for bad input.
 * The right and bottom edges belong to the last column and row.
 * @example cellAt(768, 3072, 10, 10, 300, 75) // { i: 102, j: 102 }
 */
export function cellAt(rows: number, cols: number, x: number, y: number, plotWidth: number, plotHeight: number): { i: number; j: number } | null {
  if (!(rows >= 1 && cols >= 1 && plotWidth > 0 && plotHeight > 0)) return null;
  if (!(x >= 0 && y >= 0 && x <= plotWidth && y <= plotHeight)) return null;
  const i = Math.min(rows - 1, Math.floor((y / plotHeight) * rows));
  const j = Math.min(cols - 1, Math.floor((x / plotWidth) * cols));
  return { i, j };
}

/**
 * The size of a matrix drawn in an area of `areaWidth` x `areaHeight` with square entries (so a
 * 768 x 3072 matrix looks four times wider than tall), but never thinner than `minThickness`
 * pixels so a 1 x n row stays visible and pointable.
 */
export function fitMatrix(rows: number, cols: number, areaWidth: number, areaHeight: number, minThickness = 24): { width: number; height: number } {
  if (!(rows >= 1 && cols >= 1)) return { width: 0, height: 0 };
  const unit = Math.min(areaWidth / cols, areaHeight / rows);
  return {
    width: Math.min(areaWidth, Math.max(minThickness, cols * unit)),
    height: Math.min(areaHeight, Math.max(minThickness, rows * unit)),
  };
}
