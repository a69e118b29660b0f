/**
 * Taking the work elsewhere: the matrix and its factors as .npz or .safetensors, a NumPy snippet that
 * recomputes the same numbers from that file, the view as JSON, and the 3D scene as PNG.
 */
import { useState } from 'react';
import { appStore, useAppState } from '../state/store';
import { currentSvd, effectiveRank } from '../state/selectors';
import { fileStem } from '../state/exportEffect';
import { linkStateOf } from '../state/urlSync';
import { downloadBlob } from './plots';

function numpySnippet(file: string, rank: number): string {
  return `# Recomputes Subspace Explorer's numbers from ${file}
import numpy as np

f = np.load("${file}")
A, U, S, V = f["A"], f["U"], f["S"], f["V"]        # A = U @ np.diag(S) @ V.T
s = np.linalg.svd(A, compute_uv=False)
print("singular values:", s[:8])
print("same as exported:", np.allclose(s[:len(S)], S))  # a randomized SVD exports only the top k

k = ${rank}
A_k = (U[:, :k] * S[:k]) @ V[:, :k].T                # best rank-k approximation
print("||A - A_k||_F =", np.linalg.norm(A - A_k))    # = sqrt(||A||_F^2 - sum(S[:k]**2))
print("||A - A_k||_2 =", np.linalg.norm(A - A_k, 2)) # = s[k]
print("energy kept   =", np.sum(S[:k]**2) / np.sum(A**2))
m, n = A.shape
print("compression   =", m * n / (k * (m + n)))
`;
}

/**
 * The 3D scene as a picture: the WebGL canvas with the DOM labels that float over it drawn in at the
 * same places, in their colours (subscripts become plain text: σ1u1).
 */
function sceneWithLabels(canvas: HTMLCanvasElement): HTMLCanvasElement {
  const frame = canvas.getBoundingClientRect();
  const scale = canvas.width / frame.width;
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const context = out.getContext('2d')!;
  context.drawImage(canvas, 0, 0);
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const label of document.querySelectorAll<HTMLElement>('.scene .label-layer > span')) {
    if (label.style.visibility === 'hidden' || !label.textContent) continue;
    const box = label.getBoundingClientRect();
    const style = getComputedStyle(label);
    context.font = `${style.fontStyle} ${style.fontWeight} ${parseFloat(style.fontSize) * scale}px ${style.fontFamily}`;
    context.fillStyle = style.color;
    context.lineWidth = 3 * scale;
    context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    const x = (box.left + box.width / 2 - frame.left) * scale;
    const y = (box.top + box.height / 2 - frame.top) * scale;
    context.strokeText(label.textContent, x, y);
    context.fillText(label.textContent, x, y);
  }
  return out;
}

export function ExportPanel() {
  const result = useAppState(currentSvd);
  const rank = useAppState(effectiveRank);
  const title = useAppState((s) => s.source.title);
  const exportFactors = useAppState((s) => s.exportFactors);
  const exporting = useAppState((s) => s.exportRequest !== null);
  const error = useAppState((s) => s.exportError);
  const [float32, setFloat32] = useState(false);
  const stem = fileStem(title);
  const dtype = float32 ? 'float32' : 'float64';

  const saveText = (text: string, name: string, type: string) => downloadBlob(new Blob([text], { type }), name);
  const saveState = () => {
    const state = appStore.getState();
    const snapshot = { format: 'subspace-explorer-state', version: 1, title: state.source.title, link: window.location.hash, ...linkStateOf(state) };
    const json = JSON.stringify(snapshot, (_key, value) => (value instanceof Float64Array ? Array.from(value) : value), 2);
    saveText(json, `${stem}-state.json`, 'application/json');
  };
  const saveScene = () => {
    const canvas = document.querySelector<HTMLCanvasElement>('.scene canvas');
    if (!canvas || canvas.closest('[hidden]')) return;
    sceneWithLabels(canvas).toBlob((blob) => blob && downloadBlob(blob, `${stem}-scene.png`), 'image/png');
  };

  return (
    <section className="panel export" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <div className="export-buttons">
        <button type="button" disabled={!result || exporting} onClick={() => exportFactors({ format: 'npz', dtype })}>
          Factors (.npz)
        </button>
        <button type="button" disabled={!result || exporting} onClick={() => exportFactors({ format: 'safetensors', dtype })}>
          Factors (.safetensors)
        </button>
        <button type="button" onClick={() => saveText(numpySnippet(`${stem}-svd.npz`, rank), `${stem}-svd.py`, 'text/x-python')}>
          NumPy snippet
        </button>
        <button type="button" onClick={saveState}>
          State (JSON)
        </button>
        <button type="button" onClick={saveScene}>
          Scene (PNG)
        </button>
      </div>
      <label className="toggle">
        <input type="checkbox" checked={float32} onChange={(event) => setFloat32(event.target.checked)} />
        store factors as float32 (half the size)
      </label>
      <p className="hint">The factors file holds A, U, S and V (A = U diag(S) Vᵀ); the snippet recomputes the errors at k = {rank} from it.</p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
