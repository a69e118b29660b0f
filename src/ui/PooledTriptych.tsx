/**
 * A, A_k and A − A_k of a low-rank view on the heatmaps' grid (pooledMatrices), with a note when each
 * cell is a block mean: the one rendering shared by the SVD workspace's heatmap view and the
 * weighted workspace's heatmaps.
 */
import { createElement as h, useMemo } from 'react';
import { pooledMatrices, type HeatmapSource } from '../state/heatmapData';
import { HeatmapTriptych } from './plots';

export function PooledTriptych({ view, rank }: { view: HeatmapSource; rank: number }) {
  const pooled = useMemo(() => pooledMatrices(view, rank), [view, rank]);
  const note =
    pooled.blockRows > 1 || pooled.blockCols > 1
      ? `Each cell is the mean of a block of about ${pooled.blockRows.toFixed(1)} × ${pooled.blockCols.toFixed(1)} entries (the ${view.rows} × ${view.cols} matrix shown on a ${pooled.rows} × ${pooled.cols} grid).`
      : null;
  return (
    <>
      {h(HeatmapTriptych, { rows: pooled.rows, cols: pooled.cols, original: pooled.original, reconstruction: pooled.reconstruction, rank: pooled.rank })}
      {note && <p className="hint">{note}</p>}
    </>
  );
}
