/**
 * The public surface of the numerical core. Everything here is DOM-free, deterministic (seeded
 * randomness only) and checks its input, throwing {@link LinalgError} with the shape in the message.
 */
export { LinalgError } from './errors';
export {
  type Matrix, matrix, fromArrays, toArrays, fromTypedArray, zeros, identity, transpose, clone, columns,
} from './matrix';
export { matmul, type MatmulOptions } from './gemm';
export { frobeniusNorm, maxAbs, spectralNorm } from './norms';
export { qr, type QrOptions } from './qr';
export { svd } from './svd';
export type { SvdResult, SvdWithVectors, SvdOptions } from './svdTypes';
export { orientSvd, properRotations, determinantSign, type OrientedSvd } from './orient';
export { lowRank, updateLowRank } from './lowRank';
export { truncationError, compressionFactor, breakEvenRank, type TruncationError } from './truncation';
export { createRandom, randomMatrix, type Random } from './random';
export { matrixWithSpectrum, matrixWithSpectrumFlops } from './spectrum';
export { hypot } from './scalar';
export type { ProgressOptions } from './progress';
export {
  randomizedSvd, type RandomizedSvdOptions, type RandomizedSvdResult, type RandomizedErrorEstimate,
} from './randomizedSvd';
export {
  numericalRank, fundamentalSubspaces, principalAngles, type FundamentalSubspaces, type PrincipalAngles,
} from './subspaces';
export { reconstructionResidual, orthogonalityResidual } from './residuals';
export { blockMeans, rowBlockMeans } from './blockMeans';
export {
  type Tensor, tensor, cStrides, elementCount, get, formatShape, assertOrder, unfoldedShape, reshapeOptions,
} from './tensor';
export { unfold, fold, reshapeToMatrix, modeProduct, assertFiniteTensor } from './tensorOps';
export {
  svdCost, exactSvdCost, randomizedSvdCost, suggestedRank, measureFlopRate, DEFAULT_FLOP_RATE,
  type SvdCost, type SvdPlan, type MatrixStructure,
} from './svdCost';
export { matrixStructure } from './structure';
export * from './weighted';
export * from './tensors';
