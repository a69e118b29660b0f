/**
 * The page: the matrix and where it comes from on the left, its geometry in the middle, the
 * truncation and the numbers on the right.
 */
import { SceneView } from '../scene/SceneView';
import { MatrixEditor } from '../ui/MatrixEditor';
import { PresetsPanel } from '../ui/PresetsPanel';
import { PastePanel } from '../ui/PastePanel';
import { FilePanel } from '../ui/FilePanel';
import { StepControls } from '../ui/StepControls';
import { FactorsReadout } from '../ui/FactorsReadout';
import { SingularValuesTable } from '../ui/SingularValuesTable';
import { RankControl } from '../ui/RankControl';
import { Legend } from '../ui/Legend';
import { Notices } from '../ui/Notices';
import { SceneDescription } from '../ui/SceneDescription';
import { ViewSwitch } from '../ui/ViewSwitch';
import { PlotsPanel } from '../ui/PlotsPanel';
import { HeatmapView } from '../ui/HeatmapView';
import { AttentionView } from '../ui/AttentionView';
import { ComparePanel } from '../ui/ComparePanel';
import { SharePanel } from '../ui/SharePanel';
import { ExportPanel } from '../ui/ExportPanel';
import { useAppState } from '../state/store';
import { effectiveView } from '../state/selectors';
import { ErrorBoundary } from './ErrorBoundary';

const SCENE_DESCRIPTION_ID = 'scene-description';


export function App() {
  const view = useAppState(effectiveView);
  const title = useAppState((s) => s.source.title);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Subspace Explorer</h1>
        <p className="tagline">Every matrix is a map: rotate by Vᵀ, stretch by Σ, rotate by U.</p>
        <SharePanel />
      </header>
      <Notices />
      <main className="workspace">
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
          <figure className={view === 'heatmaps' || view === 'attention' ? 'scene scene-panel' : 'scene'}>
            <ErrorBoundary what="3D scene">
              <SceneView describedBy={SCENE_DESCRIPTION_ID} />
              {view === 'heatmaps' && <HeatmapView />}
              {view === 'attention' && <AttentionView />}
            </ErrorBoundary>
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
    </div>
  );
}
