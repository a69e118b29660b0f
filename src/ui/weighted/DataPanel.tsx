/**
 * The matrix the weights apply to: the matrix workspace's document, shared by both workspaces.
 * Small examples load in one click; any other matrix comes from a file here or from the matrix
 * workspace (typed, pasted, a preset).
 */
import { useAppState } from '../../state/store';
import type { ArrayEntryInfo } from '../../state/fileSlice';
import { ArrayPicker } from '../ArrayPicker';
import { GenerationStatus } from '../GenerationStatus';

const EXAMPLES = [
  { title: '2 × 2 example', rows: 2, cols: 2, data: [3, 0, 4, 5] },
  { title: '3 × 3 example', rows: 3, cols: 3, data: [1.2, 0.4, 0.3, 0.5, 1.6, -0.2, 0.1, 0.4, 0.7] },
  {
    title: '8 × 6 example (rank 2 plus noise)',
    rows: 8,
    cols: 6,
    data: Array.from({ length: 48 }, (_, k) => {
      const i = Math.floor(k / 6);
      const j = k % 6;
      return Math.round((Math.sin(i + 1) * Math.cos(j) + 0.5 * Math.cos(2 * i) * Math.sin(j + 2) + 0.05 * Math.sin(7 * i + 3 * j)) * 1000) / 1000;
    }),
  },
];

const isMatrixLike = (entry: ArrayEntryInfo) => entry.shape.length >= 2;

/** The inputs X of the activation-aware SVD: an array of a file, n × samples or samples × n. */
function InputsField() {
  const inputs = useAppState((s) => s.weighted.settings.inputs);
  const set = useAppState((s) => s.setWeightedSettings);
  const files = useAppState((s) => s.file.files);
  if (!files.some((f) => f.entries.some(isMatrixLike))) return null;
  return (
    <details className="inputs-field" open={inputs !== null}>
      <summary>Inputs X for the activation-aware SVD</summary>
      <p className="hint">min ‖(A − A<sub>k</sub>)X‖<sub>F</sub> by whitening with the Cholesky factor of X Xᵀ (for GPT-2, its position embeddings are one such X).</p>
      <ArrayPicker label="Inputs X" files={files} value={inputs?.ref ?? null} accept={isMatrixLike} onChange={(ref) => set({ inputs: { ref, layout: inputs?.layout ?? 'rows-are-samples' } })} />
      {inputs && (
        <label className="field">
          <span>Layout</span>
          <select value={inputs.layout} onChange={(e) => set({ inputs: { ...inputs, layout: e.target.value as typeof inputs.layout } })}>
            <option value="rows-are-samples">one sample per row</option>
            <option value="columns-are-samples">one sample per column</option>
          </select>
        </label>
      )}
      {inputs && <button type="button" onClick={() => set({ inputs: null })}>No inputs</button>}
    </details>
  );
}

export function DataPanel() {
  const matrix = useAppState((s) => s.matrix);
  const title = useAppState((s) => s.source.title);
  const load = useAppState((s) => s.loadMatrix);
  return (
    <section className="panel data-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">The matrix A</h2>
      <p>
        <strong>{title}</strong>, {matrix.rows} × {matrix.cols}. It is the matrix workspace's matrix: choose another there, open a file below, or start from an example.
      </p>
      <GenerationStatus />
      <div className="preset-list">
        {EXAMPLES.map((e) => (
          <button key={e.title} type="button" onClick={() => load({ rows: e.rows, cols: e.cols, data: Float64Array.from(e.data) }, { kind: 'preset', title: e.title })}>
            {e.title}
          </button>
        ))}
      </div>
      <InputsField />
    </section>
  );
}
