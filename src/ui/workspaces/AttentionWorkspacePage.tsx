/**
 * The attention workspace: the weight files on the left, one head of W_Q and W_K read as
 * subspaces in the middle (its rank, spectrum, principal angles and the invariance of its scores).
 */
import { FilePanel } from '../FilePanel';
import { AttentionView } from '../AttentionView';
import { SceneDescription } from '../SceneDescription';

export function AttentionWorkspacePage() {
  return (
    <main className="workspace workspace-two" aria-label="Attention workspace">
      <aside className="left">
        <FilePanel arrays={false} />
      </aside>
      <section className="center" aria-label="Attention head">
        <div className="center-heading">
          <h2 className="source-title">One attention head as subspaces</h2>
        </div>
        <div className="scene scene-panel">
          <AttentionView />
        </div>
        <SceneDescription id="attention-description" />
      </section>
    </main>
  );
}
