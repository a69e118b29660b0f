/**
 * EM for weighted low rank (Srebro & Jaakkola 2003). With the weights scaled into [0, 1]
 * (w = W / max W), fill in Z = w o A + (1 - w) o X_t = X_t + w o (A - X_t) and take a rank-k
 * approximation of Z. The bound f(X) / max W <= ||Z - X||_F^2 + const, with equality at X = X_t,
 * makes the objective non-increasing whenever ||Z - X_{t+1}||_F <= ||Z - X_t||_F.
 *
 * The exact M step is a truncated SVD of Z (O(m n min(m, n))). Here it is one block power step
 * warm-started from the row space V_t of X_t (n x k, orthonormal): Q = orth(Z V_t),
 * X_{t+1} = Q Q^T Z, three m x n x k products. It keeps the property exactly: Z V_t V_t^T is the
 * best approximation of Z with rows in span(V_t), which contains X_t's rows, and Q Q^T Z is the best
 * with columns in span(Z V_t), which contains Z V_t V_t^T's columns. So
 * ||Z - X_{t+1}|| <= ||Z V_t V_t^T - Z|| <= ||Z - X_t||. Iterated, V_t converges with the
 * iterate, as in subspace iteration. Rounding can still raise the objective by a hair; the
 * solver then asks for redoExactly (a full SVD of the same Z).
 */
import { cholesky, gram, invertUpper } from '../dense/choleskyQr';
import { gemm } from '../dense/gemm';
import { EPS } from '../dense/scalar';
import { evaluate } from './evaluate';
import { exactRankK, orthonormalColumns, productInto } from './factors';
import type { WeightedProblem } from './problem';
import type { FactorState, MethodStepper } from './stepper';

/**
 * The state's `work` holds Z_t = X_t + w o (A - X_t), written by the solver's evaluation pass.
 * Memory beyond the solver's: none of size m x n (the exact redo allocates one, rarely).
 */
export function createEmStepper(problem: WeightedProblem, state: FactorState): MethodStepper {
  const { m, n, k } = problem;
  const zv = new Float64Array(m * k);
  // X_0 = 0 (the 'zero' start) has no row space to warm-start from: the first step is exact.
  let basis: Float64Array | null = state.y.some((v) => v !== 0) ? rowSpaceBasis(state.y, n, k) : null;
  // The factors before the last step (replaced, never mutated): the exact redo rebuilds Z_t from them.
  let previous = { x: state.x, y: state.y };

  const exactStepFrom = (z: Float64Array): void => {
    const f = exactRankK(z, m, n, k);
    state.x = f.x;
    state.y = f.y;
    productInto(f.x, f.y, m, n, k, state.product);
    basis = rowSpaceBasis(f.y, n, k);
  };

  return {
    output: 'fill-in',
    step() {
      const z = state.work;
      previous = { x: state.x, y: state.y };
      if (!basis) {
        exactStepFrom(z);
        return;
      }
      gemm(m, k, n, 1, { data: z, offset: 0, ld: n, trans: false }, { data: basis, offset: 0, ld: k, trans: false }, 0, zv, 0, k);
      // Q must be orthonormal to working precision: Q Q^T Z is then a projection, which the bound needs.
      const q = orthonormalImage(zv, m, k);
      // B = Z^T Q (n x k): X_{t+1} = Q B^T, and its row space span(B) is the next warm start.
      const b = new Float64Array(n * k);
      gemm(n, k, m, 1, { data: z, offset: 0, ld: n, trans: true }, { data: q, offset: 0, ld: k, trans: false }, 0, b, 0, k);
      productInto(q, b, m, n, k, state.product);
      state.x = q;
      state.y = b;
      basis = rowSpaceBasis(b, n, k);
    },
    redoExactly() {
      // The evaluation pass has overwritten work with Z_{t+1}: rebuild Z_t from X_t.
      const z = productInto(previous.x, previous.y, m, n, k, new Float64Array(m * n));
      evaluate(problem, z, z, 'fill-in');
      exactStepFrom(z);
    },
  };
}

/**
 * The warm start for the next step: V = B (B^T B)^{-1}, a basis of span(B) (only the span enters
 * the bound above) scaled so that Z V is nearly orthonormal once the iteration settles
 * (Z ~ Q B^T gives Z V ~ Q), which lets orthonormalImage stop after one CholeskyQR pass. One
 * Cholesky factorisation B^T B = R^T R and one n x k x k product; an orthonormal basis by
 * Householder when B is too ill-conditioned for it.
 */
function rowSpaceBasis(b: Float64Array, n: number, k: number): Float64Array {
  const r = cholesky(gram(b, n, k), k);
  if (!r) return orthonormalColumns(b, n, k);
  const inv = invertUpper(r, k);
  // (B^T B)^{-1} = R^{-1} R^{-T}.
  const inverseGram = new Float64Array(k * k);
  gemm(k, k, k, 1, { data: inv, offset: 0, ld: k, trans: false }, { data: inv, offset: 0, ld: k, trans: true }, 0, inverseGram, 0, k);
  const v = new Float64Array(n * k);
  gemm(n, k, k, 1, { data: b, offset: 0, ld: k, trans: false }, { data: inverseGram, offset: 0, ld: k, trans: false }, 0, v, 0, k);
  return v;
}

/** Largest |(Q^T Q - I)_ij| accepted after one CholeskyQR pass: what CholeskyQR2 itself leaves. */
const ONE_PASS_ORTHOGONALITY = 4 * EPS;

/**
 * An orthonormal basis of span(Y) (m x k): CholeskyQR, with the second pass of CholeskyQR2 only
 * when the Gram matrix of the first result, which that pass needs anyway, is not the identity
 * to within k * ONE_PASS_ORTHOGONALITY; Householder when Y is too ill-conditioned for either.
 */
function orthonormalImage(y: Float64Array, m: number, k: number): Float64Array {
  const r1 = cholesky(gram(y, m, k), k);
  if (!r1) return orthonormalColumns(y, m, k);
  const q1 = timesInverseUpper(y, m, k, r1);
  const g = gram(q1, m, k);
  let offIdentity = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) offIdentity = Math.max(offIdentity, Math.abs(g[i * k + j] - (i === j ? 1 : 0)));
  }
  if (offIdentity <= k * ONE_PASS_ORTHOGONALITY) return q1;
  const r2 = cholesky(g, k);
  return r2 ? timesInverseUpper(q1, m, k, r2) : orthonormalColumns(y, m, k);
}

/** Y R^{-1} for the upper-triangular k x k R. */
function timesInverseUpper(y: Float64Array, m: number, k: number, r: Float64Array): Float64Array {
  const out = new Float64Array(m * k);
  gemm(m, k, k, 1, { data: y, offset: 0, ld: k, trans: false }, { data: invertUpper(r, k), offset: 0, ld: k, trans: false }, 0, out, 0, k);
  return out;
}
