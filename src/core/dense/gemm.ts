/**
 * The one matrix-multiply kernel the core builds on: C = alpha * op(A) * op(B) + beta * C on
 * row-major arrays with leading dimensions, op = identity or transpose.
 *
 * Classic Goto/BLIS structure: a kc x nc panel of op(B) is packed into strips of NR columns, an
 * mc x kc block of op(A) into strips of MR rows, and a 4 x 3 micro-kernel keeps its 12 partial sums
 * in local variables. Packing makes every inner access contiguous whatever the transposes.
 *
 * What makes V8 (TurboFan) fast here, measured on the AMD EPYC bench machine (node 20):
 * - The packing buffers are fixed-size constants of one function scope (createKernel, run once), never
 *   reassigned. TurboFan then embeds their address and length as constants (function context
 *   specialisation), so the inner loop has no map checks, no reloads of the data pointer and only a
 *   compare-with-constant per load; and the index arithmetic is `| 0`, so it needs no overflow
 *   checks. This alone took the kernel from about 4.4 to 6 GFLOP/s (about 2.8 instead of 4.4
 *   instructions per flop). A function scope rather than module-level constants because bundlers
 *   (esbuild) turn top-level `const` into `var`, which V8 does not fold: that measured 4.3 GFLOP/s.
 * - The tile: x64 has 16 XMM registers and V8 keeps one as scratch. A 4 x 4 tile (16 sums) has
 *   about 36 spill loads and stores per k step, 4 x 3 about 20. After the change above 4 x 3, 3 x 4,
 *   4 x 4, 2 x 6 and 6 x 2 all ran within 5% of each other, 4 x 2, 2 x 4 and 3 x 3 about 20% slower;
 *   4 x 3 was best or tied on every shape. Unrolling k by 2 or 4 was 5-20% slower (more spills), and
 *   reading a[i + 1] etc. through offset subarray views (no index adds) was 5-10% slower.
 * - Block sizes: MC from 32 to 256 and KC from 128 to 512 were all within noise (+-4%) on square and
 *   skinny shapes; KC = 512 (A strip 16 KiB + B strip 12 KiB in the 32 KiB L1) was slightly ahead
 *   on products with a long inner dimension (A^T A of 50000 x 100).
 */
import { assertMatrix, LinalgError, shapeText } from '../errors';
import type { Matrix } from './matrix';

/** C += alpha op(A) op(B) on an m x n block; `upper` skips the register tiles strictly below the diagonal. */
type BlockedProduct = (
  m: number, n: number, k: number, alpha: number, A: GemmOperand, B: GemmOperand,
  C: Float64Array, offC: number, ldc: number, upper: boolean,
) => void;

const blocked = createKernel();

/** A strided operand: element (i, j) of op(X) is X[off + i*ld + j] (or [off + j*ld + i] when transposed). */
export interface GemmOperand {
  data: Float64Array;
  offset: number;
  ld: number;
  trans: boolean;
}

/**
 * Low-level GEMM: C[offC + i*ldc + j] = alpha * sum_p op(A)(i,p) op(B)(p,j) + beta * C(...), for an
 * m x n result with inner dimension k. No checks: callers inside the core pass valid bounds.
 *
 * @example
 * // C (2x2) = A (2x3) * B^T where B is 2x3:
 * gemm(2, 2, 3, 1, { data: a, offset: 0, ld: 3, trans: false },
 *      { data: b, offset: 0, ld: 3, trans: true }, 0, c, 0, 2);
 */
export function gemm(
  m: number, n: number, k: number, alpha: number,
  A: GemmOperand, B: GemmOperand,
  beta: number, C: Float64Array, offC: number, ldc: number,
): void {
  if (m <= 0 || n <= 0) return;
  scale(m, n, beta, C, offC, ldc);
  if (k <= 0 || alpha === 0) return;
  blocked(m, n, k, alpha, A, B, C, offC, ldc, false);
}

/**
 * Symmetric product C = op(A) op(A)^T (n x n, overwritten) for op(A) n x k, e.g. the Gram matrix
 * Y^T Y with op(A) = Y^T. Only the register tiles touching the upper triangle are computed (about
 * half the flops of {@link gemm}), then the upper triangle is mirrored, so C is exactly symmetric.
 *
 * @example
 * // G = Y^T Y for the m x l row-major y:
 * syrk(l, m, { data: y, offset: 0, ld: l, trans: true }, g, 0, l);
 */
export function syrk(n: number, k: number, A: GemmOperand, C: Float64Array, offC: number, ldc: number): void {
  if (n <= 0) return;
  scale(n, n, 0, C, offC, ldc);
  if (k > 0) blocked(n, n, k, 1, A, { ...A, trans: !A.trans }, C, offC, ldc, true);
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) C[offC + i * ldc + j] = C[offC + j * ldc + i];
  }
}

/** C <- beta C on the m x n block (beta = 0 clears it, so NaN in C does not survive). */
function scale(m: number, n: number, beta: number, C: Float64Array, offC: number, ldc: number): void {
  if (beta === 1) return;
  // A contiguous block clears in one call (row by row was 3% of the 50000 x 100 randomized SVD).
  if (beta === 0 && ldc === n) {
    C.fill(0, offC, offC + m * n);
    return;
  }
  for (let i = 0; i < m; i++) {
    const row = offC + i * ldc;
    if (beta === 0) C.fill(0, row, row + n);
    else for (let j = 0; j < n; j++) C[row + j] *= beta;
  }
}

/**
 * The packing buffers and the blocked product over them. Called once: its constants must belong to a
 * single closure for TurboFan to fold them (see the header).
 */
function createKernel(): BlockedProduct {
  // Inside the function too, so that no build step can turn them into mutable module variables.
  const MR = 4;
  const NR = 3;
  const MC = 64;
  const KC = 512;
  const NC = 1024;
  // Fixed-size packing buffers (see above for why they must stay constant): 256 KiB and 4 MiB.
  const PA = new Float64Array(Math.ceil(MC / MR) * MR * KC);
  const PB = new Float64Array(KC * Math.ceil(NC / NR) * NR);
  const edgeTile = new Float64Array(MR * NR);
  /** A `diag` for macroKernel that skips nothing (an integer, so the tile test stays integer arithmetic). */
  const NO_DIAGONAL = -(2 ** 30);

  function blockedProduct(
    m: number, n: number, k: number, alpha: number, A: GemmOperand, B: GemmOperand,
    C: Float64Array, offC: number, ldc: number, upper: boolean,
  ): void {
    for (let jc = 0; jc < n; jc += NC) {
      const nc = Math.min(NC, n - jc);
      // Rows at or past jc + nc lie strictly below the diagonal of this column panel.
      const mEnd = upper ? Math.min(m, jc + nc) : m;
      for (let pc = 0; pc < k; pc += KC) {
        const kc = Math.min(KC, k - pc);
        pack(B, !B.trans, jc, pc, nc, kc, NR, PB);
        for (let ic = 0; ic < mEnd; ic += MC) {
          const mc = Math.min(MC, mEnd - ic);
          pack(A, A.trans, ic, pc, mc, kc, MR, PA);
          macroKernel(mc, nc, kc, alpha, C, offC + ic * ldc + jc, ldc, upper ? ic - jc : NO_DIAGONAL);
        }
      }
    }
  }

  /**
   * Packs T[r0:r0+rows, c0:c0+cols], T = X (or X^T when `trans`), into strips of `width` rows, each
   * stored column by column (width values per column), zero padded: the A block as op(A) with width
   * MR, the B panel as op(B)^T with width NR. Full strips copy without per-element branches (about
   * 2x faster than the generic loop on skinny shapes, where packing is a tenth of the time; one
   * function for both, rather than packA and packB, measured within 2% on all but tiny products).
   */
  function pack(
    X: GemmOperand, trans: boolean, r0: number, c0: number, rows: number, cols: number,
    width: number, out: Float64Array,
  ): void {
    const { data, offset, ld } = X;
    // The unrolled copies below serve the two strip widths, MR = 4 and NR = 3.
    const wide = width === 4;
    let w = 0;
    for (let s = 0; s < rows; s += width) {
      const height = Math.min(width, rows - s);
      if (height === width && trans) {
        // The strip's entries of one column are contiguous in X.
        let src = offset + c0 * ld + r0 + s;
        for (let c = 0; c < cols; c++) {
          out[w] = data[src]; out[w + 1] = data[src + 1]; out[w + 2] = data[src + 2];
          if (wide) out[w + 3] = data[src + 3];
          w += width;
          src += ld;
        }
      } else if (height === width) {
        const s0 = offset + (r0 + s) * ld + c0;
        const s1 = s0 + ld, s2 = s1 + ld, s3 = s2 + ld;
        for (let c = 0; c < cols; c++) {
          out[w] = data[s0 + c]; out[w + 1] = data[s1 + c]; out[w + 2] = data[s2 + c];
          if (wide) out[w + 3] = data[s3 + c];
          w += width;
        }
      } else {
        for (let c = 0; c < cols; c++) {
          for (let q = 0; q < width; q++) {
            const i = r0 + s + q;
            const j = c0 + c;
            out[w++] = q >= height ? 0 : trans ? data[offset + j * ld + i] : data[offset + i * ld + j];
          }
        }
      }
    }
  }

  /**
   * All register tiles of one packed block pair. `diag` is (first row - first column) of the block in
   * the full product, or NO_DIAGONAL; tiles whose every row lies below their last column are skipped.
   */
  function macroKernel(
    mc: number, nc: number, kc: number, alpha: number, C: Float64Array, offC: number, ldc: number, diag: number,
  ): void {
    let ib = 0;
    for (let js = 0; js < nc; js += NR) {
      const cols = Math.min(NR, nc - js);
      let ia = 0;
      for (let is = 0; is < mc; is += MR) {
        const rows = Math.min(MR, mc - is);
        if (diag + is > js + cols - 1) break;
        microKernel(kc, alpha, ia, ib, C, offC + is * ldc + js, ldc, rows, cols);
        ia += kc * MR;
      }
      ib += kc * NR;
    }
  }

  /** The 4 x 3 register tile: 12 sums, 7 loads and 12 multiply-adds per step of k. */
  function microKernel(
    kc: number, alpha: number, ia: number, ib: number,
    C: Float64Array, offC: number, ldc: number, rows: number, cols: number,
  ): void {
    const pa = PA;
    const pb = PB;
    const end = (ia + kc * MR) | 0;
    let c00 = 0, c01 = 0, c02 = 0;
    let c10 = 0, c11 = 0, c12 = 0;
    let c20 = 0, c21 = 0, c22 = 0;
    let c30 = 0, c31 = 0, c32 = 0;
    while (ia < end) {
      const a0 = pa[ia], a1 = pa[(ia + 1) | 0], a2 = pa[(ia + 2) | 0], a3 = pa[(ia + 3) | 0];
      const b0 = pb[ib], b1 = pb[(ib + 1) | 0], b2 = pb[(ib + 2) | 0];
      c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2;
      c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2;
      c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2;
      c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2;
      ia = (ia + MR) | 0;
      ib = (ib + NR) | 0;
    }
    if (rows === MR && cols === NR) {
      let o = offC;
      C[o] += alpha * c00; C[o + 1] += alpha * c01; C[o + 2] += alpha * c02;
      o += ldc;
      C[o] += alpha * c10; C[o + 1] += alpha * c11; C[o + 2] += alpha * c12;
      o += ldc;
      C[o] += alpha * c20; C[o + 1] += alpha * c21; C[o + 2] += alpha * c22;
      o += ldc;
      C[o] += alpha * c30; C[o + 1] += alpha * c31; C[o + 2] += alpha * c32;
      return;
    }
    // Edge tile: stage in a preallocated scratch (an array literal here would allocate per call).
    const tile = edgeTile;
    tile[0] = c00; tile[1] = c01; tile[2] = c02;
    tile[3] = c10; tile[4] = c11; tile[5] = c12;
    tile[6] = c20; tile[7] = c21; tile[8] = c22;
    tile[9] = c30; tile[10] = c31; tile[11] = c32;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) C[offC + r * ldc + c] += alpha * tile[r * NR + c];
    }
  }

  return blockedProduct;
}

/** Options of {@link matmul}. */
export interface MatmulOptions {
  /** Use A^T instead of A. */
  transA?: boolean;
  /** Use B^T instead of B. */
  transB?: boolean;
}

/**
 * The product op(A) op(B) as a new matrix (op = transpose when the option is set).
 *
 * @example
 * const a = fromArrays([[1, 2], [3, 4]]);
 * toArrays(matmul(a, a, { transA: true })); // A^T A = [[10, 14], [14, 20]]
 */
export function matmul(a: Matrix, b: Matrix, options: MatmulOptions = {}): Matrix {
  assertMatrix('matmul', a, 'left matrix');
  assertMatrix('matmul', b, 'right matrix');
  const transA = options.transA ?? false;
  const transB = options.transB ?? false;
  const m = transA ? a.cols : a.rows;
  const k = transA ? a.rows : a.cols;
  const kb = transB ? b.cols : b.rows;
  const n = transB ? b.rows : b.cols;
  if (k !== kb) {
    throw new LinalgError(
      `matmul: inner dimensions differ: op(A) is ${shapeText(m, k)}, op(B) is ${shapeText(kb, n)}`,
    );
  }
  const c = new Float64Array(m * n);
  gemm(m, n, k, 1, operand(a, transA), operand(b, transB), 0, c, 0, n);
  return { rows: m, cols: n, data: c };
}

/**
 * A whole matrix as a GEMM operand.
 *
 * @example
 * gemm(2, 2, 2, 1, operand(a), operand(b, true), 0, c, 0, 2); // c = A B^T
 */
export function operand(a: Matrix, trans = false): GemmOperand {
  return { data: a.data, offset: 0, ld: a.cols, trans };
}
