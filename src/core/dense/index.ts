/**
 * Dense matrices: storage, GEMM, Householder and blocked QR, seeded random matrices (and matrices
 * with a chosen spectrum), norms and block means. Imports nothing from the other families.
 */
export {
  type Matrix, matrix, fromArrays, toArrays, fromTypedArray, zeros, identity, transpose, clone, columns,
} from './matrix';
export { matmul, type MatmulOptions } from './gemm';
export { frobeniusNorm, maxAbs } from './norms';
export { qr, type QrOptions } from './qr';
export { createRandom, randomMatrix, type Random } from './random';
export { matrixWithSpectrum, matrixWithSpectrumFlops } from './spectrum';
export { hypot } from './scalar';
export { blockMeans, rowBlockMeans } from './blockMeans';
export { completeOrthonormalColumns } from './orthonormal';
