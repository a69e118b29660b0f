/**
 * The 'exportFactors' job: the matrix and its SVD factors as a file people can load elsewhere:
 * `.npz` (A, U, S, V, each a .npy, zipped without compression, as numpy.savez writes) or
 * `.safetensors` (the same four tensors).
 */
import type { WriteDType } from '../io/npy-write';
import { writeArrayFile } from './writeArrays';
import type { HandlerResult, JobContext } from './protocol';

export interface ExportJobInput {
  format: 'npz' | 'safetensors';
  dtype: WriteDType;
  rows: number;
  cols: number;
  p: number;
  a: Float64Array;
  u: Float64Array;
  s: Float64Array;
  v: Float64Array;
}

export interface ExportJobOutput {
  bytes: Uint8Array;
}

export function runExportJob(input: ExportJobInput, context: JobContext): HandlerResult<ExportJobOutput> {
  context.progress(0, 'writing the factors');
  const { rows, cols, p, dtype } = input;
  const arrays = {
    A: { shape: [rows, cols], data: input.a },
    U: { shape: [rows, p], data: input.u },
    S: { shape: [p], data: input.s },
    V: { shape: [cols, p], data: input.v },
  };
  const bytes = writeArrayFile(arrays, input.format, dtype, { source: 'Subspace Explorer', layout: 'A = U diag(S) V^T, row-major' });
  return { output: { bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}
