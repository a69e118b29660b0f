/**
 * Tensor decompositions: the Tensor-Train SVD (Oseledets 2011) with rounding and sums, its
 * step-by-step record, TensorGPT-style per-row compression of an embedding table, the ordered
 * factorizations that choose a row's reshape, truncated HOSVD (Tucker) and CP-ALS.
 * Conventions and choices: docs/tensors.md. The n-d array itself (`Tensor`, with shape, strides and
 * TensorLy's unfold/fold/mode product) is here too, in tensor.ts and tensorOps.ts.
 */
export {
  type Tensor, tensor, cStrides, elementCount, get, formatShape, assertOrder, unfoldedShape, reshapeOptions,
} from './tensor';
export { unfold, fold, reshapeToMatrix, modeProduct, assertFiniteTensor } from './tensorOps';
export type {
  TtTensor, TtRankCap, TtSvdOptions, TtSvdResult, TtRankReason, TtSvdStep, TtRowsResult, TuckerResult,
  CpAlsOptions, CpResult,
} from './types';
export { ttSvd, ttSvdSteps, sequentialUnfolding } from './ttSvd';
export { ttToFull } from './ttFull';
export { ttRound } from './ttRound';
export { ttAdd } from './ttAdd';
export { ttParameters, ttCompressionFactor, ttRankBounds } from './ranks';
export { ttCompressRows, ttRowCores } from './ttRows';
export { factorizations, factorizationCount, FACTORIZATION_LIMIT, type FactorizationOptions } from './factorizations';
export { hosvd, tuckerToFull } from './hosvd';
export { cpAls, cpToFull } from './cpAls';
export { tensorJobFlops } from './cost';
