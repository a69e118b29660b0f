/** Test helper: the approximation a low-rank view stands for, entry by entry. */
import type { LowRankView } from './lowRankView';

/** U diag(s) V^T of a view, m x n row-major: its first `terms` terms (all p unless told). */
export function approximationOf(view: LowRankView, terms = view.p): Float64Array {
  const { rows: m, cols: n, p, u, s, v } = view;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let x = 0;
      for (let t = 0; t < terms; t++) x += u[i * p + t] * s[t] * v[j * p + t];
      out[i * n + j] = x;
    }
  }
  return out;
}
