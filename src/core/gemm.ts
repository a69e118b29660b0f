/**
 * The one matrix-multiply kernel the core builds on: C = alpha * op(A) * op(B) + beta * C on
 * row-major arrays with leading dimensions, op = identity or transpose.
 *
 * Classic Goto/BLIS structure: a kc x nc panel of op(B) is packed into strips of NR columns, an
 * mc x kc block of op(A) into strips of MR rows, and a 4 x 4 micro-kernel keeps its 16 partial sums
 * in local variables (V8 keeps them in registers). Packing makes every inner access contiguous
 * whatever the transposes, and the block sizes keep the A block in L2 and a B strip in L1.
 */
import { assertMatrix, LinalgError, shapeText } from './errors';
import type { Matrix } from './matrix';

const MR = 4;
const NR = 4;
const KC = 256;
const MC = 64;
const NC = 2048;

// Packing buffers, grown on demand and reused: the kernel allocates nothing in steady state.
let packedA = new Float64Array(MC * KC);
let packedB = new Float64Array(KC * NC);
const edgeTile = new Float64Array(MR * NR);

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
  if (beta !== 1) {
    for (let i = 0; i < m; i++) {
      const row = offC + i * ldc;
      if (beta === 0) C.fill(0, row, row + n);
      else for (let j = 0; j < n; j++) C[row + j] *= beta;
    }
  }
  if (k <= 0 || alpha === 0) return;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      const needB = kc * roundUp(nc, NR);
      if (packedB.length < needB) packedB = new Float64Array(needB);
      packB(B, pc, jc, kc, nc, packedB);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        const needA = kc * roundUp(mc, MR);
        if (packedA.length < needA) packedA = new Float64Array(needA);
        packA(A, ic, pc, mc, kc, packedA);
        macroKernel(mc, nc, kc, alpha, packedA, packedB, C, offC + ic * ldc + jc, ldc);
      }
    }
  }
}

function roundUp(x: number, r: number): number {
  return Math.ceil(x / r) * r;
}

/** Packs op(A)[i0:i0+mc, p0:p0+kc] into MR-row strips, each stored k-major (MR values per k), zero padded. */
function packA(A: GemmOperand, i0: number, p0: number, mc: number, kc: number, out: Float64Array): void {
  const { data, offset, ld, trans } = A;
  let w = 0;
  for (let is = 0; is < mc; is += MR) {
    const rows = Math.min(MR, mc - is);
    for (let p = 0; p < kc; p++) {
      for (let r = 0; r < MR; r++) {
        if (r < rows) {
          const i = i0 + is + r;
          const j = p0 + p;
          out[w++] = trans ? data[offset + j * ld + i] : data[offset + i * ld + j];
        } else out[w++] = 0;
      }
    }
  }
}

/** Packs op(B)[p0:p0+kc, j0:j0+nc] into NR-column strips, each stored k-major (NR values per k), zero padded. */
function packB(B: GemmOperand, p0: number, j0: number, kc: number, nc: number, out: Float64Array): void {
  const { data, offset, ld, trans } = B;
  let w = 0;
  for (let js = 0; js < nc; js += NR) {
    const cols = Math.min(NR, nc - js);
    if (!trans && cols === NR) {
      for (let p = 0; p < kc; p++) {
        const src = offset + (p0 + p) * ld + j0 + js;
        out[w] = data[src];
        out[w + 1] = data[src + 1];
        out[w + 2] = data[src + 2];
        out[w + 3] = data[src + 3];
        w += 4;
      }
      continue;
    }
    for (let p = 0; p < kc; p++) {
      for (let c = 0; c < NR; c++) {
        if (c < cols) {
          const i = p0 + p;
          const j = j0 + js + c;
          out[w++] = trans ? data[offset + j * ld + i] : data[offset + i * ld + j];
        } else out[w++] = 0;
      }
    }
  }
}

function macroKernel(
  mc: number, nc: number, kc: number, alpha: number,
  pa: Float64Array, pb: Float64Array, C: Float64Array, offC: number, ldc: number,
): void {
  for (let js = 0; js < nc; js += NR) {
    const cols = Math.min(NR, nc - js);
    const bStart = (js / NR) * kc * NR;
    for (let is = 0; is < mc; is += MR) {
      const rows = Math.min(MR, mc - is);
      microKernel(kc, alpha, pa, (is / MR) * kc * MR, pb, bStart, C, offC + is * ldc + js, ldc, rows, cols);
    }
  }
}

/** The 4 x 4 register tile: 16 accumulators, 8 loads and 16 multiply-adds per step of k. */
function microKernel(
  kc: number, alpha: number, pa: Float64Array, ia: number, pb: Float64Array, ib: number,
  C: Float64Array, offC: number, ldc: number, rows: number, cols: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < kc; p++) {
    const a0 = pa[ia], a1 = pa[ia + 1], a2 = pa[ia + 2], a3 = pa[ia + 3];
    const b0 = pb[ib], b1 = pb[ib + 1], b2 = pb[ib + 2], b3 = pb[ib + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    ia += 4;
    ib += 4;
  }
  if (rows === 4 && cols === 4) {
    let o = offC;
    C[o] += alpha * c00; C[o + 1] += alpha * c01; C[o + 2] += alpha * c02; C[o + 3] += alpha * c03;
    o += ldc;
    C[o] += alpha * c10; C[o + 1] += alpha * c11; C[o + 2] += alpha * c12; C[o + 3] += alpha * c13;
    o += ldc;
    C[o] += alpha * c20; C[o + 1] += alpha * c21; C[o + 2] += alpha * c22; C[o + 3] += alpha * c23;
    o += ldc;
    C[o] += alpha * c30; C[o + 1] += alpha * c31; C[o + 2] += alpha * c32; C[o + 3] += alpha * c33;
    return;
  }
  // Edge tile: stage in a preallocated scratch (an array literal here would allocate per call).
  const tile = edgeTile;
  tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03;
  tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13;
  tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23;
  tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) C[offC + r * ldc + c] += alpha * tile[r * 4 + c];
  }
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
