/**
 * The singular value decomposition and what is read from it: the exact SVD (Householder
 * bidiagonalization, then divide and conquer, QR sweeps or Jacobi), the randomized SVD, its
 * pricing, the orientation used by the scene, low-rank truncation, the four fundamental subspaces
 * and principal angles, and LAPACK-style residuals. Builds on dense/.
 */
export { svd } from './svd';
export type { SvdResult, SvdWithVectors, SvdOptions } from './svdTypes';
export { spectralNorm } from './spectralNorm';
export { orientSvd, properRotations, determinantSign, type OrientedSvd } from './orient';
export { lowRank, updateLowRank } from './lowRank';
export { truncationError, compressionFactor, breakEvenRank, type TruncationError } from './truncation';
export {
  randomizedSvd, type RandomizedSvdOptions, type RandomizedSvdResult, type RandomizedErrorEstimate,
} from './randomizedSvd';
export {
  numericalRank, fundamentalSubspaces, principalAngles, type FundamentalSubspaces, type PrincipalAngles,
} from './subspaces';
export { reconstructionResidual, orthogonalityResidual } from './residuals';
export {
  svdCost, exactSvdCost, randomizedSvdCost, suggestedRank, measureFlopRate, DEFAULT_FLOP_RATE,
  type SvdCost, type SvdPlan, type MatrixStructure,
} from './svdCost';
export { matrixStructure } from './structure';
