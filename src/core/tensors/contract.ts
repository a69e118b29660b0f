/**
 * Contracting a tensor train back to the full tensor, left to right: P_1 = G_1 (n_1 x r_1), then
 * P_{k+1} = P_k G_{k+1} read as (n_1 ... n_k) x r_k times r_k x (n_{k+1} r_{k+1}), a free reshape
 * each time. Within the rank bounds every P_k has at most prod(shape) entries (r_k <= n_{k+1} ...
 * n_d), so two such buffers are the workspace, reused across the rows of ttCompressRows; an
 * over-ranked TT (a sum before rounding) grows them.
 */
import { gemm, type GemmOperand } from '../dense/gemm';

/** Reusable workspace for contracting TTs of one shape. */
export class TtContractor {
  private w1: Float64Array;
  private w2: Float64Array;
  private readonly opA: GemmOperand;
  private readonly opB: GemmOperand;

  constructor(readonly shape: readonly number[]) {
    const count = shape.reduce((a, b) => a * b, 1);
    this.w1 = new Float64Array(count);
    this.w2 = new Float64Array(count);
    this.opA = { data: this.w1, offset: 0, ld: 1, trans: false };
    this.opB = { data: this.w1, offset: 0, ld: 1, trans: false };
  }

  /**
   * Writes the full tensor (C order) of the TT whose cores lie one after the other at
   * cores[off..] with ranks[rankOff .. rankOff + d] into dst[dstOff..].
   */
  contract(cores: Float64Array, off: number, ranks: ArrayLike<number>, rankOff: number, dst: Float64Array, dstOff: number): void {
    const { shape, opA, opB } = this;
    const d = shape.length;
    // The products before the last go to the buffers: (n_1 ... n_{k+1}) x r_{k+1} each.
    let need = 0;
    for (let k = 1, rows = shape[0]; k < d - 1; k++) {
      rows *= shape[k];
      need = Math.max(need, rows * ranks[rankOff + k + 1]);
    }
    if (need > this.w1.length) {
      this.w1 = new Float64Array(need);
      this.w2 = new Float64Array(need);
    }
    // P_1 is core 1 itself, read in place.
    let p = cores;
    let pOff = off;
    let rows = shape[0];
    let coreOff = off + rows * ranks[rankOff + 1];
    for (let k = 1; k < d; k++) {
      const rPrev = ranks[rankOff + k];
      const cols = shape[k] * ranks[rankOff + k + 1];
      const lastStep = k === d - 1;
      const target = lastStep ? dst : p === this.w1 ? this.w2 : this.w1;
      const targetOff = lastStep ? dstOff : 0;
      opA.data = p; opA.offset = pOff; opA.ld = rPrev;
      opB.data = cores; opB.offset = coreOff; opB.ld = cols;
      gemm(rows, cols, rPrev, 1, opA, opB, 0, target, targetOff, cols);
      coreOff += rPrev * cols;
      p = target;
      pOff = targetOff;
      rows *= shape[k];
    }
    if (d === 1) dst.set(cores.subarray(off, off + shape[0]), dstOff);
  }
}
