/**
 * The public surface of the numerical core, one family per folder: dense/ (matrices, GEMM, QR,
 * random), svd/ (exact and randomized SVD, truncation, subspaces), weighted/ (weighted low rank),
 * tensors/ (n-d arrays, TT-SVD, Tucker, CP). Everything here is DOM-free, deterministic (seeded
 * randomness only) and checks its input, throwing {@link LinalgError} with the shape in the message.
 * The layers above import the core from here only.
 */
export { LinalgError } from './errors';
export type { ProgressOptions } from './progress';
export * from './dense';
export * from './svd';
export * from './weighted';
export * from './tensors';
