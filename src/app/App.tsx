/** The page: the matrix on the left, its map in the middle, the factors and numbers on the right. */
import { LinearMapScene } from '../scene/LinearMapScene';
import { MatrixEditor } from '../ui/MatrixEditor';
import { StepControls } from '../ui/StepControls';
import { FactorsReadout } from '../ui/FactorsReadout';
import { SingularValuesTable } from '../ui/SingularValuesTable';
import { Legend } from '../ui/Legend';
import { Notices } from '../ui/Notices';
import { SceneDescription } from '../ui/SceneDescription';
import { ErrorBoundary } from './ErrorBoundary';

const SCENE_DESCRIPTION_ID = 'scene-description';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Subspace Explorer</h1>
        <p className="tagline">A matrix as a linear map: rotate by Vᵀ, stretch by Σ, rotate by U.</p>
      </header>
      <Notices />
      <main className="workspace">
        <aside className="left">
          <MatrixEditor />
          <Legend />
        </aside>
        <section className="center" aria-label="Linear map">
          <figure className="scene">
            <ErrorBoundary what="3D scene">
              <LinearMapScene describedBy={SCENE_DESCRIPTION_ID} />
            </ErrorBoundary>
          </figure>
          <StepControls />
          <SceneDescription id={SCENE_DESCRIPTION_ID} />
        </section>
        <aside className="right">
          <SingularValuesTable />
          <FactorsReadout />
        </aside>
      </main>
    </div>
  );
}
