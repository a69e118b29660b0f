/**
 * Taking a weighted result elsewhere: A, W and each method's factors as .npz or .safetensors, and
 * the NumPy lines that recompute the weighted objective and the plain error from them.
 */
import { useAppState } from '../../state/store';
import type { WeightedMethod } from '../../state/weightedSlice';

export function weightedSnippet(file: string, methods: readonly WeightedMethod[]): string {
  return [
    'import numpy as np',
    `z = np.load("${file}")`,
    'A, W = z["A"], z["W"]',
    'mask = np.isfinite(A)                                  # NaN entries are missing: weight 0',
    `for m in ${JSON.stringify(methods)}:`,
    '    X, Y = z[f"X_{m}"], z[f"Y_{m}"]                    # A ≈ X @ Y.T',
    '    R = np.where(mask, A - X @ Y.T, 0.0)',
    '    print(m, "weighted objective", np.sum(np.where(mask, W, 0.0) * R**2), "plain error", np.linalg.norm(R))',
  ].join('\n');
}

export function WeightedExport() {
  const status = useAppState((s) => s.weighted.status);
  const methods = useAppState((s) => s.weighted.curves.map((c) => c.method).join(','));
  const request = useAppState((s) => s.weighted.exportRequest);
  const error = useAppState((s) => s.weighted.exportError);
  const run = useAppState((s) => s.exportWeighted);
  const busy = status === 'running' || request !== null;
  return (
    <div className="weighted-export">
      <h3>Export</h3>
      <div className="race-buttons">
        <button type="button" disabled={busy} onClick={() => run('npz')}>A, W and the factors as .npz</button>
        <button type="button" disabled={busy} onClick={() => run('safetensors')}>… as .safetensors</button>
        {status === 'running' && <span className="hint">Pause or wait for the race to export.</span>}
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      <details>
        <summary>Recompute the objective in NumPy</summary>
        <pre className="snippet">{weightedSnippet('weighted.npz', methods.split(',').filter(Boolean) as WeightedMethod[])}</pre>
      </details>
    </div>
  );
}
