/**
 * U, Sigma and V^T of the current matrix, typeset, in the colours of the scene.
 */
import { useAppState } from '../state/store';
import { latestSvd } from '../state/selectors';
import { palette } from '../theme/palette';
import { Tex } from './Tex';

function texMatrix(rows: number, cols: number, at: (i: number, j: number) => number, digits: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const entries: string[] = [];
    for (let j = 0; j < cols; j++) {
      const x = at(i, j);
      entries.push(Math.abs(x) < 5 * 10 ** -(digits + 1) ? '0' : x.toFixed(digits));
    }
    lines.push(entries.join(' & '));
  }
  return `\\begin{bmatrix}${lines.join(' \\\\ ')}\\end{bmatrix}`;
}

export function FactorsReadout() {
  const result = useAppState(latestSvd);
  const matrix = useAppState((s) => s.matrix);
  // Typeset factors only while they fit a reader's eye; bigger ones live in the table and plots.
  if (!result || result.rows !== matrix.rows || result.cols !== matrix.cols || Math.max(matrix.rows, matrix.cols) > 6) return null;
  const { rows, cols, p, u, s, v } = result;
  const a = texMatrix(matrix.rows, matrix.cols, (i, j) => matrix.data[i * matrix.cols + j], 2);
  const uTex = texMatrix(rows, p, (i, j) => u[i * p + j], 4);
  const sTex = texMatrix(p, p, (i, j) => (i === j ? s[i] : 0), 4);
  const vtTex = texMatrix(p, cols, (i, j) => v[j * p + i], 4);
  const source =
    `\\underbrace{${a}}_{A} = ` +
    `\\underbrace{\\color{${palette.output}}${uTex}}_{U} ` +
    `\\underbrace{\\color{${palette.scale}}${sTex}}_{\\Sigma} ` +
    `\\underbrace{\\color{${palette.input}}${vtTex}}_{V^{\\mathsf T}}`;
  return (
    <section className="panel factors" aria-labelledby="factors-heading">
      <h2 id="factors-heading">A = U Σ Vᵀ</h2>
      <div className="factors-formula">
        <Tex source={source} display label="A equals U Sigma V transpose" />
      </div>
      <p className="hint">
        Signs: each pair (u<sub>i</sub>, v<sub>i</sub>) may flip together without changing A; they are chosen so that U and V
        are rotations {result.map?.reflection ? 'where possible. Here det A < 0, so U keeps a reflection.' : '(det U = det V = +1).'}
      </p>
    </section>
  );
}
