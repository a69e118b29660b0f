/**
 * The small SVD behind every TT-SVD step and the per-row (TensorGPT) path: an unfolding X that is
 * m x n with p = min(m, n) small. On the unfoldings of the (8, 8, 12) row shape (8 x 96, then
 * 64 x 12) a general SVD per call costs several times more than this:
 *
 * 1. work on the short-fat orientation Y (p x L, L = max(m, n)): Y = X, or X^T copied once;
 * 2. the Gram matrix G = Y Y^T (p x p): 2 x 2 blocks of dot products below 24 rows (about 2x faster
 *    than gemm.ts's packed syrk at 8 x 96, where packing dominates), syrk from 24 rows up;
 *    diagonalised by Householder tridiagonalisation + QL (symmetricEigen.ts): G = Q diag(lambda) Q^T;
 * 3. B = Q^T Y (gemm.ts), whose rows are orthogonal up to the rounding in G: the Gram matrix
 *    squares the condition number, so the rows' cosines are up to about sqrt(L) eps lambda_1 /
 *    sqrt(lambda_i lambda_j), and singular values below about sqrt(eps) sigma_1 are not accurate yet;
 * 4. if lambda_min >= WELL_CONDITIONED lambda_max the cosines are below 1e3 sqrt(L) eps, so the row
 *    norms are the singular values to a relative 1e-24 (the error is second order in the cosines)
 *    and the vectors good to about 1e-12: B is used as it is (checking would cost a fifth of a
 *    generic row). Otherwise H = B B^T is formed and, unless its rows already pass the one-sided
 *    Jacobi test |h_ij| <= sqrt(L) eps sqrt(h_ii h_jj) of jacobiSvd.ts, diagonalised by relatively
 *    accurate two-sided Jacobi (scaledJacobi.ts), the rotation applied to B and Q by one GEMM each:
 *    one pass without a re-check (and B's rotated rows formed only when read) when every cosine was
 *    below SMALL_COSINE, up to H_PASSES passes otherwise, one-sided Jacobi on the rows as the last
 *    resort. This restores the accuracy of a direct SVD: each singular value is accurate to about
 *    eps sigma_1, small ones to about their own relative precision (gramSvd.test.ts checks spectra
 *    graded down to 1e-15 against numpy).
 *
 * Whatever the rows' orthogonality, Q is orthogonal to working precision and Y = Q B exactly up to
 * rounding, so keeping r rows of B is an orthogonal projection whose error is exactly the norm of
 * the rows dropped: the TT-SVD error bookkeeping never depends on the refinement.
 *
 * Then Y = Q B with B = S V_Y^T. For X = Y the left factor is Q and the carried S V^T is B itself;
 * for X = Y^T the left factor is B^T S^{-1} and the carried factor S Q^T. Signs follow signs.ts:
 * in each pair the largest-magnitude entry of the left vector (ties: the lowest index) is positive.
 *
 * Every buffer belongs to the instance and grows only when a bigger problem arrives, so the per-row
 * loop allocates nothing of its own (gemm.ts's syrk, used from 24 rows up, makes one small operand
 * object per call).
 */
import { LinalgError, shapeText } from '../errors';
import { gemm, syrk, type GemmOperand } from '../dense/gemm';
import { scaledJacobi } from './scaledJacobi';
import { symmetricEigen } from './symmetricEigen';

/** Refinement passes through H = B B^T (Jacobi on H, then one GEMM) before one-sided Jacobi takes over. */
export const H_PASSES = 2;

/** Below this largest cosine of B's rows one pass of Jacobi on H needs no check afterwards. */
export const SMALL_COSINE = 1e-3;

/** One-sided sweeps before giving up (only rows that are rounding noise of each other get there). */
export const ONE_SIDED_MAX_SWEEPS = 40;

/** lambda_min / lambda_max of the Gram matrix above which B's rows need no refinement (see above). */
export const WELL_CONDITIONED = 1e-3;

/** A factored unfolding: singular values, then the left factor and the carried S V^T on demand. */
export interface UnfoldingFactor {
  /** Singular values, descending, length min(m, n) (a view into the factor's own buffer). */
  readonly s: Float64Array;
  /** Writes U[:, :r] (m x r, row-major) at dst[off..]. */
  writeLeft(r: number, dst: Float64Array, off: number): void;
  /** Writes S_r V_r^T (r x n, row-major) at dst[off..]. */
  writeCarry(r: number, dst: Float64Array, off: number): void;
}

/** The Gram + Jacobi SVD of one small unfolding at a time, with reusable workspaces. */
export class GramSvd implements UnfoldingFactor {
  s: Float64Array = new Float64Array(0);
  private m = 0;
  private n = 0;
  private p = 0;
  private len = 0;
  private tall = false;
  private y = new Float64Array(0);
  /** Q^T: row i is the i-th eigenvector of the Gram matrix (then rotated by the refinement). */
  private qt = new Float64Array(0);
  private h = new Float64Array(0);
  private b = new Float64Array(0);
  /** The refined B' = J^T B is written here, then the two are swapped. */
  private b2 = new Float64Array(0);
  private jt = new Float64Array(0);
  private qt2 = new Float64Array(0);
  private d = new Float64Array(0);
  private e = new Float64Array(0);
  private norms = new Float64Array(0);
  private sBuf = new Float64Array(0);
  private sViews: Float64Array[] = [];
  private perm = new Int32Array(0);
  private sign = new Float64Array(0);
  /** Pairs 0 .. signed-1 have their sign fixed (the scan is only paid for the kept ones). */
  private signed = 0;
  /**
   * After a single refinement pass the rotated rows B' = J^T B live in b2 and are formed one by one
   * when read (made[i]): a truncation keeps r of p rows, so the p x p x L product shrinks to r x p x L
   * (on the video's 90 x 20480 unfolding at eps 0.1, r = 1).
   */
  private lazy = false;
  private made = new Uint8Array(0);
  // GEMM operands reused from call to call (fields rewritten, never reallocated).
  private readonly opA: GemmOperand = { data: this.y, offset: 0, ld: 1, trans: false };
  private readonly opB: GemmOperand = { data: this.y, offset: 0, ld: 1, trans: false };

  /**
   * Factors the m x n row-major block x[off .. off + m n); x is only read.
   *
   * @example
   * const f = new GramSvd();
   * f.factor(new Float64Array([3, 0, 4, 5]), 0, 2, 2);
   * f.s; // [6.7082, 2.2361]
   */
  factor(x: Float64Array, off: number, m: number, n: number): void {
    const p = Math.min(m, n);
    const len = Math.max(m, n);
    this.ensure(p, m * n);
    this.m = m;
    this.n = n;
    this.p = p;
    this.len = len;
    this.tall = m > n;
    this.lazy = false;
    let y = x;
    let yOff = off;
    if (this.tall) {
      transposeTo(x, off, m, n, this.y);
      y = this.y;
      yOff = 0;
    }
    const { qt, b, opA, opB } = this;
    // G = Y Y^T into qt, diagonalised in place: rows of qt become the eigenvectors.
    gram(y, yOff, p, len, qt, opA);
    symmetricEigen(qt, this.d, this.e, p);
    // B = Q^T Y.
    opA.data = qt; opA.offset = 0; opA.ld = p; opA.trans = false;
    opB.data = y; opB.offset = yOff; opB.ld = len; opB.trans = false;
    gemm(p, len, p, 1, opA, opB, 0, b, 0, len);
    const d = this.d;
    // Eigenvalues ascending: d[0] is the smallest (it can be a rounding-level negative).
    if (d[0] >= WELL_CONDITIONED * d[p - 1] && d[p - 1] > 0) {
      rowNorms(b, p, len, this.norms);
    } else {
      // When every cosine of H is small, I + E is well conditioned and one relatively accurate
      // Jacobi pass leaves the rows orthogonal to about L eps (Demmel & Veselic), so the check is
      // not repeated (on the video's 90 x 20480 unfolding that saves one of five big products).
      // Rows at rounding level can start far from orthogonal (cosines of order 1): then a pass
      // leaves cosines around 1e-5, and the next one finishes. Rows that are rounding noise of one
      // another (exactly parallel, as Q^T Y is for a rank-one Y) never separate through H: after
      // H_PASSES, one-sided Jacobi on the rows themselves finishes, as jacobiSvd.ts would (and
      // drives such rows to exact zeros).
      gram(this.b, 0, p, len, this.h, opA);
      for (let pass = 1; ; pass++) {
        const worst = this.worstCosine();
        if (worst <= Math.sqrt(len) * Number.EPSILON) break;
        if (pass > H_PASSES) {
          oneSidedJacobi(this.b, this.qt, p, len, this.norms);
          break;
        }
        if (worst < SMALL_COSINE) {
          this.refineLazily();
          break;
        }
        this.refine();
        gram(this.b, 0, p, len, this.h, opA);
      }
    }
    this.order();
  }

  writeLeft(r: number, dst: Float64Array, off: number): void {
    this.fixSigns(r);
    const { p, perm, sign, qt, len } = this;
    const b = this.rows();
    if (!this.tall) {
      // U = Q: row a of U[:, :r] is Q[a, perm[0..r)] = qt[perm[j], a].
      for (let j = 0; j < r; j++) {
        const src = perm[j] * p;
        const f = sign[j];
        for (let a = 0; a < p; a++) dst[off + a * r + j] = f * qt[src + a];
      }
      return;
    }
    // U = B^T S^{-1}: column j of U is row perm[j] of B over sigma_j.
    const m = this.m;
    for (let j = 0; j < r; j++) {
      const sigma = this.s[j];
      const src = perm[j] * len;
      if (sigma > 0) {
        const f = sign[j] / sigma;
        for (let a = 0; a < m; a++) dst[off + a * r + j] = f * b[src + a];
      } else {
        // Only a zero unfolding keeps a zero singular value (as rank 1): any unit vector will do.
        for (let a = 0; a < m; a++) dst[off + a * r + j] = a === j ? 1 : 0;
      }
    }
  }

  writeCarry(r: number, dst: Float64Array, off: number): void {
    this.fixSigns(r);
    const { p, perm, sign, qt, len, n } = this;
    const b = this.rows();
    for (let j = 0; j < r; j++) {
      const o = off + j * n;
      if (!this.tall) {
        // S V^T = B: the kept rows of B.
        const src = perm[j] * len;
        const f = sign[j];
        for (let c = 0; c < n; c++) dst[o + c] = f * b[src + c];
      } else {
        // S V^T = S Q^T: row j is sigma_j times row perm[j] of Q^T.
        const src = perm[j] * p;
        const f = sign[j] * this.s[j];
        for (let c = 0; c < n; c++) dst[o + c] = f * qt[src + c];
      }
    }
  }

  /** The array holding B's rows (b2 while they are formed lazily). */
  private rows(): Float64Array {
    return this.lazy ? this.b2 : this.b;
  }

  /** Forms row i of B' = J^T B in b2 if it is pending. */
  private ensureRow(i: number): void {
    if (!this.lazy || this.made[i]) return;
    const { p, len, jt, b, b2 } = this;
    const o = i * len;
    b2.fill(0, o, o + len);
    for (let k = 0; k < p; k++) {
      const f = jt[i * p + k];
      if (f === 0) continue;
      const src = k * len;
      for (let c = 0; c < len; c++) b2[o + c] += f * b[src + c];
    }
    this.made[i] = 1;
  }

  /**
   * One pass of Jacobi on H, with B' left to ensureRow: Q'^T = J^T Q^T now (p^3), the squared row
   * norms of B' are the rotated H's diagonal (relatively accurate, Demmel & Veselic).
   */
  private refineLazily(): void {
    const { p, len, h, jt, opA, opB, norms } = this;
    for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) h[j * p + i] = h[i * p + j];
    scaledJacobi(h, jt, p, Math.sqrt(len) * Number.EPSILON);
    opA.data = jt; opA.offset = 0; opA.ld = p; opA.trans = false;
    opB.data = this.qt; opB.offset = 0; opB.ld = p; opB.trans = false;
    gemm(p, p, p, 1, opA, opB, 0, this.qt2, 0, p);
    [this.qt, this.qt2] = [this.qt2, this.qt];
    for (let i = 0; i < p; i++) norms[i] = Math.max(0, h[i * p + i]);
    this.made.fill(0, 0, p);
    this.lazy = true;
  }

  /** Rotates B and Q by the Jacobi rotation that diagonalises H = B B^T; new squared norms into `norms`. */
  private refine(): void {
    const { p, len, h, jt, opA, opB } = this;
    for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) h[j * p + i] = h[i * p + j];
    scaledJacobi(h, jt, p, Math.sqrt(len) * Number.EPSILON);
    // B' = J^T B and Q'^T = J^T Q^T.
    opA.data = jt; opA.offset = 0; opA.ld = p; opA.trans = false;
    opB.data = this.b; opB.offset = 0; opB.ld = len; opB.trans = false;
    gemm(p, len, p, 1, opA, opB, 0, this.b2, 0, len);
    opB.data = this.qt; opB.ld = p;
    gemm(p, p, p, 1, opA, opB, 0, this.qt2, 0, p);
    [this.b, this.b2] = [this.b2, this.b];
    [this.qt, this.qt2] = [this.qt2, this.qt];
  }

  /**
   * The largest |h_ij| / sqrt(h_ii h_jj) of H = B B^T (0 for zero rows): the rows pass the one-sided
   * Jacobi test when it is at most sqrt(L) eps. Leaves the squared row norms in `norms`.
   */
  private worstCosine(): number {
    const { p, h, norms } = this;
    for (let i = 0; i < p; i++) norms[i] = h[i * p + i];
    let worst = 0;
    for (let i = 1; i < p; i++) {
      for (let j = 0; j < i; j++) {
        const gamma = Math.abs(h[i * p + j]);
        if (gamma === 0) continue;
        const c = gamma / Math.sqrt(norms[i] * norms[j]);
        if (!(c <= worst)) worst = c;
      }
    }
    return worst;
  }

  /** Sorts the rows of B by norm (descending, stable); signs come later, for the kept pairs only. */
  private order(): void {
    const { p, norms, perm } = this;
    const s = this.sBuf;
    for (let i = 0; i < p; i++) norms[i] = Math.sqrt(norms[i]);
    for (let i = 0; i < p; i++) {
      let k = i;
      for (; k > 0 && norms[perm[k - 1]] < norms[i]; k--) perm[k] = perm[k - 1];
      perm[k] = i;
    }
    for (let j = 0; j < p; j++) s[j] = norms[perm[j]];
    this.signed = 0;
    // A view of length p, made once per length (a subarray per call would allocate per row).
    this.s = this.sViews[p] ??= s.subarray(0, p);
  }

  /** The sign rule for pairs up to r: the largest-magnitude entry of the left vector positive. */
  private fixSigns(r: number): void {
    const { perm, sign, tall } = this;
    // The left vector is row perm[j] of Q^T (short-fat) or of B (tall, up to the factor 1 / sigma).
    const v = tall ? this.rows() : this.qt;
    const width = tall ? this.len : this.p;
    for (let j = this.signed; j < r; j++) {
      this.ensureRow(perm[j]);
      const row = perm[j] * width;
      let best = 0;
      let value = 0;
      for (let a = 0; a < width; a++) {
        const x = v[row + a];
        const ax = Math.abs(x);
        if (ax > best) {
          best = ax;
          value = x;
        }
      }
      sign[j] = value < 0 ? -1 : 1;
    }
    if (r > this.signed) this.signed = r;
  }

  private ensure(p: number, size: number): void {
    if (this.y.length < size) {
      this.y = new Float64Array(size);
      this.b = new Float64Array(size);
      this.b2 = new Float64Array(size);
    }
    if (this.qt.length < p * p) {
      this.qt = new Float64Array(p * p);
      this.qt2 = new Float64Array(p * p);
      this.h = new Float64Array(p * p);
      this.jt = new Float64Array(p * p);
    }
    if (this.norms.length < p) {
      this.d = new Float64Array(p);
      this.e = new Float64Array(p);
      this.norms = new Float64Array(p);
      this.sBuf = new Float64Array(p);
      this.sViews = [];
      this.perm = new Int32Array(p);
      this.made = new Uint8Array(p);
      this.sign = new Float64Array(p);
    }
  }
}

/** Below this many rows the Gram matrix is summed directly; from it on gemm.ts's packed syrk wins. */
const SYRK_FROM_ROWS = 24;

/** The lower triangle (at least) of g = Z Z^T for the p x len block z[off..]. */
function gram(z: Float64Array, off: number, p: number, len: number, g: Float64Array, op: GemmOperand): void {
  if (p < SYRK_FROM_ROWS) {
    gramLower(z, off, p, len, g);
    return;
  }
  op.data = z; op.offset = off; op.ld = len; op.trans = false;
  syrk(p, len, op, g, 0, p);
}

/**
 * The lower triangle of g (p x p) = Z Z^T for the p x len block z[off..], two rows by two rows: four
 * sums per pass share four loads (about 2x faster than the packed syrk on 8 x 96, where packing dominates).
 */
function gramLower(z: Float64Array, off: number, p: number, len: number, g: Float64Array): void {
  let i = 0;
  for (; i + 1 < p; i += 2) {
    const r0 = off + i * len;
    const r1 = r0 + len;
    for (let j = 0; j < i; j += 2) {
      const s0 = off + j * len;
      const s1 = s0 + len;
      let a = 0, b = 0, c = 0, d = 0;
      for (let k = 0; k < len; k++) {
        const x0 = z[r0 + k], x1 = z[r1 + k], y0 = z[s0 + k], y1 = z[s1 + k];
        a += x0 * y0; b += x0 * y1; c += x1 * y0; d += x1 * y1;
      }
      g[i * p + j] = a; g[i * p + j + 1] = b; g[(i + 1) * p + j] = c; g[(i + 1) * p + j + 1] = d;
    }
    // The diagonal 2 x 2 block.
    let a = 0, c = 0, d = 0;
    for (let k = 0; k < len; k++) {
      const x0 = z[r0 + k], x1 = z[r1 + k];
      a += x0 * x0; c += x1 * x0; d += x1 * x1;
    }
    g[i * p + i] = a; g[(i + 1) * p + i] = c; g[(i + 1) * p + i + 1] = d;
  }
  if (i < p) {
    const r0 = off + i * len;
    for (let j = 0; j <= i; j++) g[i * p + j] = dot(z, r0, off + j * len, len);
  }
}

/** Squared norms of the p rows of b. */
function rowNorms(b: Float64Array, p: number, len: number, norms: Float64Array): void {
  for (let i = 0; i < p; i++) norms[i] = dot(b, i * len, i * len, len);
}

/** dst (n x m) = the transpose of the m x n block x[off..]. */
function transposeTo(x: Float64Array, off: number, m: number, n: number, dst: Float64Array): void {
  for (let i = 0; i < m; i++) {
    const row = off + i * n;
    for (let j = 0; j < n; j++) dst[j * m + i] = x[row + j];
  }
}

function dot(a: Float64Array, x: number, y: number, len: number): number {
  let sum = 0;
  for (let k = 0; k < len; k++) sum += a[x + k] * a[y + k];
  return sum;
}

/**
 * One-sided Jacobi on the rows of b (p x len), rotating the rows of qt along: on return the rows of
 * b are orthogonal to sqrt(len) eps and `norms` holds their squared norms (jacobiSvd.ts's sweep).
 */
function oneSidedJacobi(b: Float64Array, qt: Float64Array, p: number, len: number, norms: Float64Array): void {
  for (let i = 0; i < p; i++) norms[i] = dot(b, i * len, i * len, len);
  const tol = Math.sqrt(len) * Number.EPSILON;
  const tol2 = tol * tol;
  for (let sweep = 0; sweep < ONE_SIDED_MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let i = 0; i < p - 1; i++) {
      for (let j = i + 1; j < p; j++) {
        const oi = i * len;
        const oj = j * len;
        const gamma = dot(b, oi, oj, len);
        const alpha = norms[i];
        const beta = norms[j];
        if (gamma === 0 || !(gamma * gamma > tol2 * alpha * beta)) continue;
        rotated = true;
        // Rutishauser's rotation, as in jacobiSvd.ts.
        const zeta = (beta - alpha) / (2 * gamma);
        const az = Math.abs(zeta);
        const t = (zeta >= 0 ? 1 : -1) / (az > 1e150 ? 2 * az : az + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        rotateRows(b, oi, oj, len, c, s);
        rotateRows(qt, i * p, j * p, p, c, s);
        // A norm that shrinks a lot loses relative accuracy by the update formula: measure it again.
        const tg = t * gamma;
        norms[i] = tg > 0.5 * alpha ? dot(b, oi, oi, len) : alpha - tg;
        norms[j] = -tg > 0.5 * beta ? dot(b, oj, oj, len) : beta + tg;
      }
    }
    if (!rotated) return;
  }
  throw new LinalgError(`GramSvd: the Jacobi refinement did not converge in ${ONE_SIDED_MAX_SWEEPS} sweeps on a ${shapeText(p, len)} block`);
}

/** x <- c x - s y, y <- s x + c y on two rows of one array. */
function rotateRows(a: Float64Array, ox: number, oy: number, len: number, c: number, s: number): void {
  for (let k = 0; k < len; k++) {
    const x = a[ox + k];
    const y = a[oy + k];
    a[ox + k] = c * x - s * y;
    a[oy + k] = s * x + c * y;
  }
}
