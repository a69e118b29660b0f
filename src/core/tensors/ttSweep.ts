/**
 * The left-to-right TT-SVD sweep (Oseledets 2011, Algorithm 1) over one C-ordered tensor held in a
 * flat array, with workspaces reused from call to call: ttSvd runs it once, ttCompressRows once per
 * row (so the per-row loop allocates nothing), ttSvdSteps with a record of every bond.
 *
 * Bond k: the carried C (r_{k-1} x n_k ... n_d, C order) is read as the (r_{k-1} n_k) x rest matrix
 * (a free reshape), factored (GramSvd for min(m, n) <= GRAM_MAX_RANK, else the core's svd), cut by
 * chooseRank, U_r written out as core k and S_r V_r^T carried on. The last carry is core d.
 * Each core's left unfolding is orthonormal, so the errors of the bonds are mutually orthogonal and
 * ||A - TT||_F^2 = sum of the dropped tails^2 exactly (not only <=): the tails are the error.
 */
import { EPS, powerOfTwo } from '../dense/scalar';
import { checkCancel, type ProgressOptions } from '../progress';
import { GramSvd, type UnfoldingFactor } from './gramSvd';
import { GRAM_MAX_RANK, LargeSvd } from './largeSvd';
import { chooseRank, type RankChoice } from './ranks';
import type { TtSvdStep } from './types';

/** What a recorded sweep keeps of every bond (allocated per bond: for ttSvd, never per row). */
export interface SweepRecord {
  steps: TtSvdStep[];
}

/** Inputs whose largest entry lies outside [2^-200, 2^200] are scaled by a power of two first (exact). */
const SCALE_LO = 2 ** -200;
const SCALE_HI = 2 ** 200;

/** One shape, one rule, many tensors. */
export class TtSweeper {
  readonly d: number;
  readonly count: number;
  /** Ranks of the last run, length d + 1. */
  readonly ranks: Int32Array;
  /**
   * Squared dropped tails of the last run, per bond, in units of `scale` (the true tail^2 is
   * tails[k] scale^2: kept apart, because for scaled inputs that square can under- or overflow).
   */
  readonly tails: Float64Array;
  /** ||A||_F^2 of the last run's input, in units of `scale` too. */
  normSquared = 0;
  /** The power of two the last input was divided by (1 unless its entries were extreme). */
  scale = 1;
  private readonly bufA: Float64Array;
  private readonly bufB: Float64Array;
  private readonly gram = new GramSvd();
  private large: LargeSvd | null = null;
  private readonly choice: RankChoice = { rank: 1, reason: 'bound', tailSquared: 0 };

  /**
   * @param shape the tensor's shape (order >= 2, checked by the caller)
   * @param caps per-bond rank caps, already clamped to ttRankBounds(shape)
   * @param eps relative accuracy, or undefined for the exact rule (numerical zeros only)
   */
  constructor(readonly shape: readonly number[], readonly caps: Int32Array, readonly eps: number | undefined) {
    this.d = shape.length;
    this.count = shape.reduce((a, b) => a * b, 1);
    this.ranks = new Int32Array(this.d + 1);
    this.tails = new Float64Array(this.d - 1);
    this.bufA = new Float64Array(this.count);
    this.bufB = new Float64Array(this.count);
  }

  /** The most core entries one run can write: the caps chained through r_k <= r_{k-1} n_k. */
  maxCoreLength(): number {
    let r = 1;
    let rest = this.count;
    let sum = 0;
    for (let k = 0; k < this.d - 1; k++) {
      rest /= this.shape[k];
      const next = Math.min(this.caps[k], r * this.shape[k], rest);
      sum += r * this.shape[k] * next;
      r = next;
    }
    return sum + r * this.shape[this.d - 1];
  }

  /**
   * TT-SVD of the tensor src[off .. off + count) (C order): writes the cores one after the other at
   * cores[coreOff..] and returns how many entries it wrote; ranks, tails and normSquared describe
   * the run. `record` (optional) receives one step per bond.
   */
  run(src: Float64Array, off: number, cores: Float64Array, coreOff: number, record: SweepRecord | null = null, options: ProgressOptions = {}): number {
    const { d, shape, count, bufA, bufB, ranks, tails } = this;
    // One pass for the norm and the largest entry (the first touch of the row: memory-bound).
    let maxAbs = 0;
    let normSquared = 0;
    for (let i = 0; i < count; i++) {
      const v = src[off + i];
      normSquared += v * v;
      const a = Math.abs(v);
      if (a > maxAbs) maxAbs = a;
    }
    let x = src;
    let xo = off;
    let scale = 1;
    // Far-from-one inputs are scaled by an exact power of two, so no Gram matrix can overflow.
    if (maxAbs > 0 && (maxAbs < SCALE_LO || maxAbs > SCALE_HI)) {
      const e = Math.ceil(Math.log2(maxAbs));
      scale = powerOfTwo(e);
      const f = powerOfTwo(-e);
      normSquared = 0;
      for (let i = 0; i < count; i++) {
        const v = src[off + i] * f;
        bufA[i] = v;
        normSquared += v * v;
      }
      x = bufA;
      xo = 0;
    }
    const delta = this.eps === undefined ? null : (this.eps / Math.sqrt(d - 1)) * Math.sqrt(normSquared);

    ranks[0] = 1;
    ranks[d] = 1;
    let r = 1;
    let rest = count;
    let out = coreOff;
    for (let k = 0; k < d - 1; k++) {
      if (record) {
        checkCancel('ttSvd', options);
        options.onProgress?.(k / (d - 1), `bond ${k + 1} of ${d - 1}`);
      }
      const m = r * shape[k];
      rest /= shape[k];
      const f = this.factor(x, xo, m, rest, record ? options : {});
      const s = f.s;
      const zeroTolerance = Math.max(m, rest) * EPS * s[0];
      const choice = chooseRank(s, this.caps[k], delta, zeroTolerance, this.choice);
      const rk = choice.rank;
      f.writeLeft(rk, cores, out);
      out += m * rk;
      const dst = x === bufA ? bufB : bufA;
      f.writeCarry(rk, dst, 0);
      x = dst;
      xo = 0;
      tails[k] = choice.tailSquared;
      ranks[k + 1] = rk;
      if (record) {
        const spectrum = Float64Array.from(s, (v) => v * scale);
        record.steps.push({
          bond: k + 1,
          unfoldingRows: m,
          unfoldingCols: rest,
          singularValues: spectrum,
          keptRank: rk,
          reason: choice.reason,
          tailNorm: Math.sqrt(tails[k]) * scale,
          delta: delta === null ? 0 : delta * scale,
          zeroTolerance: zeroTolerance * scale,
          coreShape: [r, shape[k], rk],
          carriedShape: [rk, rest],
        });
      }
      r = rk;
    }
    // The last carry (r_{d-1} x n_d) is core d, with the input's scale put back.
    const last = r * shape[d - 1];
    for (let i = 0; i < last; i++) cores[out + i] = x[i] * scale;
    out += last;
    this.normSquared = normSquared;
    this.scale = scale;
    if (record) options.onProgress?.(1, 'done');
    return out - coreOff;
  }

  private factor(x: Float64Array, off: number, m: number, n: number, options: ProgressOptions): UnfoldingFactor {
    if (Math.min(m, n) <= GRAM_MAX_RANK) {
      this.gram.factor(x, off, m, n);
      return this.gram;
    }
    this.large ??= new LargeSvd();
    this.large.factor(x, off, m, n, options);
    return this.large;
  }
}
