/**
 * The matrix workspace: the matrix and where it comes from on the left, its geometry in the middle,
 * the truncation and the numbers on the right.
 */
import type { ReactNode } from 'react';
import { MatrixEditor } from '../MatrixEditor';
import { PresetsPanel } from '../PresetsPanel';
import { PastePanel } from '../PastePanel';
import { FilePanel } from '../FilePanel';
import { StepControls } from '../StepControls';
import { FactorsReadout } from '../FactorsReadout';
import { SingularValuesTable } from '../SingularValuesTable';
import { RankControl } from '../RankControl';
import { Legend } from '../Legend';
import { SceneDescription } from '../SceneDescription';
import { ViewSwitch } from '../ViewSwitch';
import { PlotsPanel } from '../PlotsPanel';
import { HeatmapView } from '../HeatmapView';
import { ComparePanel } from '../ComparePanel';
import { ExportPanel } from '../ExportPanel';
import { useAppState } from '../../state/store';
import { effectiveView } from '../../state/selectors';

const SCENE_DESCRIPTION_ID = 'scene-description';

/** The page's frame; the one 3D canvas comes from the app (it may not be imported by ui/). */
export function SvdWorkspacePage({ scene }: { scene(describedBy: string): ReactNode }) {
  const view = useAppState(effectiveView);
  const title = useAppState((s) => s.source.title);
  return (
    <main className="workspace" aria-label="Matrix / SVD workspace">
      <aside className="left">
        <FilePanel />
        <MatrixEditor />
        <PastePanel />
        <PresetsPanel />
      </aside>
      <section className="center" aria-label="Geometry">
        <div className="center-heading">
          <h2 className="source-title">{title}</h2>
          <ViewSwitch />
        </div>
        <figure className={view === 'heatmaps' ? 'scene scene-panel' : 'scene'}>
          {scene(SCENE_DESCRIPTION_ID)}
          {view === 'heatmaps' && <HeatmapView />}
        </figure>
        {view === 'map' && <StepControls />}
        <SceneDescription id={SCENE_DESCRIPTION_ID} />
        <Legend />
        <FactorsReadout />
      </section>
      <aside className="right">
        <RankControl />
        <SingularValuesTable />
        <PlotsPanel />
        <ComparePanel />
        <ExportPanel />
      </aside>
    </main>
  );
}
