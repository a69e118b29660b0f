/** The central heatmap view: A, A_k and A - A_k side by side on one colour scale. */
import { createElement as h, useMemo } from 'react';
import { useAppState } from '../state/store';
import { effectiveRank, latestSvd } from '../state/selectors';
import { pooledMatrices } from '../state/heatmapData';
import { HeatmapTriptych } from './plots';

export function HeatmapView() {
  const result = useAppState(latestSvd);
  const rank = useAppState(effectiveRank);
  const pooled = useMemo(() => (result ? pooledMatrices(result, rank) : null), [result, rank]);
  if (!pooled) return <p className="scene-message">The SVD is being computed.</p>;
  const pooledNote =
    pooled.blockRows > 1 || pooled.blockCols > 1
      ? `Each cell is the mean of a block of about ${pooled.blockRows.toFixed(1)} × ${pooled.blockCols.toFixed(1)} entries (the ${result?.rows} × ${result?.cols} matrix shown on a ${pooled.rows} × ${pooled.cols} grid).`
      : null;
  return (
    <div className="heatmap-view">
      {h(HeatmapTriptych, { rows: pooled.rows, cols: pooled.cols, original: pooled.original, reconstruction: pooled.reconstruction, rank: pooled.rank })}
      {pooledNote && <p className="hint">{pooledNote}</p>}
    </div>
  );
}
