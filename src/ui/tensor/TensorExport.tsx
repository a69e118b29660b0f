/**
 * Taking a tensor train elsewhere: its cores (or every row's cores, for a compressed table) as
 * .npz or .safetensors, and the lines of NumPy and TensorLy that rebuild the tensor from them.
 */
import { useAppState } from '../../state/store';

export function tensorSnippet(what: 'tensor' | 'rows', file: string): string {
  if (what === 'tensor') {
    return [
      'import numpy as np',
      `z = np.load("${file}")`,
      'd = len(z["shape"])',
      'cores = [z[f"core_{k}"] for k in range(1, d + 1)]      # core k: (r_{k-1}, n_k, r_k)',
      '',
      '# TensorLy: from tensorly.tt_tensor import tt_to_tensor; full = tt_to_tensor(cores)',
      'full = cores[0]',
      'for core in cores[1:]:',
      '    full = np.tensordot(full, core, axes=([full.ndim - 1], [0]))',
      'full = full.reshape(z["shape"].astype(int))              # drops r_0 = r_d = 1',
      'print(full.shape)',
    ].join('\n');
  }
  return [
    'import numpy as np',
    `z = np.load("${file}")`,
    'shape = z["shape"].astype(int); ranks = z["ranks"].astype(int); offsets = z["offsets"].astype(int)',
    '',
    'def row(i):',
    '    """Row i of the table, rebuilt from its tensor train."""',
    '    data, at, out = z["cores"][offsets[i]:offsets[i + 1]], 0, np.ones((1, 1))',
    '    for k, n in enumerate(shape):',
    '        r0, r1 = ranks[i, k], ranks[i, k + 1]',
    '        core = data[at:at + r0 * n * r1].reshape(r0, n, r1); at += r0 * n * r1',
    '        out = np.tensordot(out, core, axes=([out.ndim - 1], [0]))',
    '    return out.reshape(-1)',
    '',
    'table = np.stack([row(i) for i in range(len(offsets) - 1)])',
    'print(table.shape)',
  ].join('\n');
}

export function TensorExport({ what }: { what: 'tensor' | 'rows' }) {
  const request = useAppState((s) => s.tensor.exportRequest);
  const error = useAppState((s) => s.tensor.exportError);
  const run = useAppState((s) => s.exportTensorTrain);
  const file = what === 'tensor' ? 'tensor-tt.npz' : 'table-tt-rows.npz';
  return (
    <div className="tensor-export">
      <h3>Export</h3>
      <div className="race-buttons">
        <button type="button" disabled={request !== null} onClick={() => run(what, 'npz')}>Cores as .npz</button>
        <button type="button" disabled={request !== null} onClick={() => run(what, 'safetensors')}>Cores as .safetensors</button>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      <details>
        <summary>Rebuild it in NumPy (or TensorLy)</summary>
        <pre className="snippet">{tensorSnippet(what, file)}</pre>
      </details>
    </div>
  );
}
