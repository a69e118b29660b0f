// A deliberate violation: above the core, the core is read through core/index.ts only.
import { gemm } from '../../../src/core/dense/gemm';

export const deep = gemm;
