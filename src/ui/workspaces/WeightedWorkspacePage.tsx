/**
 * The weighted low-rank workspace: the matrix and its weights on the left, the weights painted, the
 * race plotted and each approximation's heatmaps in the middle (with the tilted ellipse for 2 × 2
 * and 3 × 3 matrices), the race's controls on the right.
 */
import type { ReactNode } from 'react';
import { FilePanel } from '../FilePanel';
import { SceneDescription } from '../SceneDescription';
import { DataPanel } from '../weighted/DataPanel';
import { WeightsPanel } from '../weighted/WeightsPanel';
import { WeightEditor } from '../weighted/WeightEditor';
import { RacePanel } from '../weighted/RacePanel';
import { WeightedResults } from '../weighted/WeightedResults';
import { WeightedHeatmaps } from '../weighted/WeightedHeatmaps';
import { useAppState } from '../../state/store';
import { sceneContent } from '../../state/selectors';

const DESCRIPTION_ID = 'weighted-description';

export function WeightedWorkspacePage({ scene }: { scene(describedBy: string): ReactNode }) {
  const content = useAppState(sceneContent);
  const shown = content !== null;
  return (
    <main className="workspace" aria-label="Weighted low-rank workspace">
      <aside className="left">
        <DataPanel />
        <WeightsPanel />
        <FilePanel />
      </aside>
      <section className="center" aria-label="Weighted approximation">
        <div className="center-heading">
          <h2 className="source-title">Weighted low rank: min Σ W<sub>ij</sub> (A − XYᵀ)<sub>ij</sub>²</h2>
        </div>
        {shown && (
          <figure className="scene">
            {scene(DESCRIPTION_ID)}
            {content === 'weighted-angles' && (
              <figcaption className="hint">
                A has more than three rows, so its subspaces are drawn through their principal pairs: each wedge is the plane of one pair, the SVD
                subspace&apos;s principal vector p (solid) and the weighted subspace&apos;s q (dashed, the first method of the race), at their principal angle; the largest angles first.
              </figcaption>
            )}
          </figure>
        )}
        <SceneDescription id={DESCRIPTION_ID} />
        <WeightEditor />
        <WeightedResults />
        <WeightedHeatmaps />
      </section>
      <aside className="right">
        <RacePanel />
      </aside>
    </main>
  );
}
