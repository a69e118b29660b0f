/**
 * The result and option types of the tensor decompositions (TT, Tucker, CP). Shapes follow
 * TensorLy: TT core k has shape [r_{k-1}, n_k, r_k] with r_0 = r_d = 1, C-contiguous.
 */
import type { Matrix } from '../dense/matrix';
import type { ProgressOptions } from '../progress';
import type { Tensor } from './tensor';

/** A tensor train: d cores, core k of shape [r_{k-1}, n_k, r_k] (C-contiguous), r_0 = r_d = 1. */
export interface TtTensor {
  shape: number[];
  /** Length d + 1, first and last 1. */
  ranks: number[];
  cores: Tensor[];
}

/** Rank caps of a TT: one number for every bond, or one per bond. */
export type TtRankCap = number | number[];

/** Options of the TT-SVD. With neither eps nor maxRank the TT is exact (see ttSvd). */
export interface TtSvdOptions extends ProgressOptions {
  /**
   * Relative accuracy in [0, 1): each bond drops the smallest singular values whose tail has
   * Frobenius norm <= eps ||A||_F / sqrt(d - 1) (Oseledets 2011, ttpy's eps), so the whole error is
   * <= eps ||A||_F unless a rank cap binds first.
   */
  eps?: number;
  /**
   * Rank caps: one number for every bond, an array of d - 1 (one per bond), or TensorLy's d + 1
   * list with 1 at both ends. Caps above the largest possible rank of a bond are clamped to it.
   */
  maxRank?: TtRankCap;
}

/** A TT-SVD (or rounding) with its error bookkeeping and spectra. */
export interface TtSvdResult extends TtTensor {
  /** ||A - TT||_F / ||A||_F, from the discarded tails (exact for the left-to-right algorithm). */
  relativeError: number;
  /** sqrt(sum over bonds of tail^2) / ||A||_F: Oseledets' bound, equal to relativeError here. */
  errorBound: number;
  /** Per bond, the singular values cut away. */
  discarded: Float64Array[];
  /** Per bond, the whole spectrum of the matrix the algorithm factored there (kept: the first ranks[k + 1]). */
  singularValues: Float64Array[];
  /** sum_k r_{k-1} n_k r_k. */
  parameters: number;
  /** elements(shape) / parameters (below 1: the TT is bigger than the tensor). */
  compressionFactor: number;
}

/** Why a bond kept the rank it kept. */
export type TtRankReason = 'eps' | 'maxRank' | 'bound' | 'numerical-zero';

/** One bond of the TT-SVD, for a step-by-step presentation. */
export interface TtSvdStep {
  /** 1-based bond k (between modes k and k + 1). */
  bond: number;
  /** The matrix factored at this bond: (r_{k-1} n_k) x (n_{k+1} ... n_d). */
  unfoldingRows: number;
  unfoldingCols: number;
  /** Its whole spectrum, descending. */
  singularValues: Float64Array;
  keptRank: number;
  /** What limited keptRank. */
  reason: TtRankReason;
  /** Frobenius norm of the dropped singular values. */
  tailNorm: number;
  /** The absolute tail allowed at this bond: eps ||A||_F / sqrt(d - 1), or 0 without eps. */
  delta: number;
  /** Values at or below this count as zero when no eps is given: max(rows, cols) * 2^-52 * sigma_1. */
  zeroTolerance: number;
  /** [r_{k-1}, n_k, r_k]: the core formed from U. */
  coreShape: [number, number, number];
  /** [r_k, n_{k+1} ... n_d]: S V^T, carried to the next bond. */
  carriedShape: [number, number];
}

/** TensorGPT-style compression: every row of a table reshaped to `shape` and TT-SVD'd on its own. */
export interface TtRowsResult {
  shape: number[];
  rows: number;
  /** prod(shape). */
  columns: number;
  /** rows x (d + 1), row-major: row i's ranks. */
  ranks: Int32Array;
  /** All rows' cores, row after row; within a row, core k has shape [r_{k-1}, n_k, r_k]. */
  coreData: Float64Array;
  /** Start of row i's cores in coreData; length rows + 1 (Int32Array unless past 2^31 entries). */
  coreOffsets: Float64Array | Int32Array;
  /** Total numbers stored (coreData's length). */
  parameters: number;
  /** rows * columns / parameters. */
  compressionFactor: number;
  /** ||E - Ê||_F / ||E||_F over the whole table. */
  relativeError: number;
  /** Per row ||e_i - ê_i|| / ||e_i|| (0 for a zero row). */
  rowErrors: Float64Array;
  /** rows x columns: every row rebuilt from its cores. */
  reconstruction: Matrix;
}

/** A truncated HOSVD (Tucker) decomposition. */
export interface TuckerResult {
  core: Tensor;
  /** Per mode, n_k x r_k with orthonormal columns. */
  factors: Matrix[];
  ranks: number[];
  /** ||A - Â||_F / ||A||_F, from the reconstruction. */
  relativeError: number;
  /** prod r_k + sum n_k r_k. */
  parameters: number;
  compressionFactor: number;
  /** Per mode, the whole spectrum of the mode-k unfolding. */
  singularValues: Float64Array[];
}

/** Options of cpAls. */
export interface CpAlsOptions extends ProgressOptions {
  /** Sweeps over all modes (default 100). */
  maxIter?: number;
  /** Stop when the fit changes by less than this between sweeps (default 1e-8). */
  tol?: number;
  /** Seed of the random initialisation (default 0). */
  seed?: number;
  /** 'svd' (default): leading left singular vectors of each unfolding, random columns past n_k; 'random': seeded Gaussian. */
  init?: 'random' | 'svd';
  /** Called after every sweep with its 1-based number and fit. */
  onIteration?: (iteration: number, fit: number) => void;
}

/** A CP (CANDECOMP/PARAFAC) decomposition by alternating least squares. */
export interface CpResult {
  /** Component weights, descending. */
  weights: Float64Array;
  /** Per mode, n_k x R with unit columns. */
  factors: Matrix[];
  /** fit = 1 - ||A - Â||_F / ||A||_F after each sweep. */
  fits: Float64Array;
  iterations: number;
  stopped: 'tolerance' | 'max-iterations' | 'cancelled';
  /** R sum n_k (the weights folded into the factors, as math.md counts). */
  parameters: number;
  compressionFactor: number;
  /** ||A - Â||_F / ||A||_F of the result. */
  relativeError: number;
}
