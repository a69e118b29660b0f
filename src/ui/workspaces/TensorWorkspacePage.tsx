/**
 * The tensor workspace: the tensor and its truncation on the left, the Tensor-Train chain in the
 * scene with the numbers beneath (or, row by row, the embedding table's compression).
 */
import type { ReactNode } from 'react';
import { FilePanel } from '../FilePanel';
import { SceneDescription } from '../SceneDescription';
import { TensorSourcePanel } from '../tensor/TensorSourcePanel';
import { ShapeAndTruncation } from '../tensor/ShapeAndTruncation';
import { TtResults } from '../tensor/TtResults';
import { RowsPanel } from '../tensor/RowsPanel';
import { useAppState } from '../../state/store';
import { sceneContent } from '../../state/selectors';

const DESCRIPTION_ID = 'tensor-description';

export function TensorWorkspacePage({ scene }: { scene(describedBy: string): ReactNode }) {
  const mode = useAppState((s) => s.tensor.settings.mode);
  const shown = useAppState(sceneContent) !== null;
  return (
    <main className="workspace workspace-two" aria-label="Tensor workspace">
      <aside className="left">
        <TensorSourcePanel />
        <ShapeAndTruncation />
        <FilePanel arrays={false} />
      </aside>
      <section className="center" aria-label="Tensor decomposition">
        <div className="center-heading">
          <h2 className="source-title">{mode === 'rows' ? 'An embedding table, row by row in TT form' : 'A tensor as a chain of cores'}</h2>
        </div>
        {mode === 'tensor' && shown && <figure className="scene">{scene(DESCRIPTION_ID)}</figure>}
        <SceneDescription id={DESCRIPTION_ID} />
        {mode === 'tensor' ? <TtResults /> : <RowsPanel />}
      </section>
    </main>
  );
}
