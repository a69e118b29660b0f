/**
 * The 'exportWeighted' job: the last weighted race as a file people can check elsewhere: A, the
 * weights W and each method's factors X_<method>, Y_<method> (A ≈ X Yᵀ), as `.npz` or
 * `.safetensors`. docs/weighted.md and the page give the NumPy lines that recompute the weighted
 * objective from them.
 */
import type { WriteDType } from '../io/npy-write';
import { writeArrayFile } from './writeArrays';
import type { HandlerResult, JobContext } from './protocol';
import { lastRace } from './weightedJob';

export interface WeightedExportJobInput {
  format: 'npz' | 'safetensors';
  dtype: WriteDType;
}

export function runWeightedExportJob(input: WeightedExportJobInput, context: JobContext): HandlerResult<{ bytes: Uint8Array }> {
  const race = lastRace();
  if (!race) throw new Error('There is no weighted result to export yet: wait for the race to start.');
  context.progress(0, 'writing the factors');
  const arrays: Record<string, { shape: number[]; data: Float64Array }> = {
    A: { shape: [race.a.rows, race.a.cols], data: race.a.data },
    W: { shape: [race.w.rows, race.w.cols], data: race.w.data },
  };
  for (const { method, x, y } of race.methods) {
    arrays[`X_${method}`] = { shape: [x.rows, x.cols], data: x.data };
    arrays[`Y_${method}`] = { shape: [y.rows, y.cols], data: y.data };
  }
  const bytes = writeArrayFile(arrays, input.format, input.dtype, { source: 'Subspace Explorer', layout: 'A ~ X_m @ Y_m.T for each method m; objective sum(W * (A - X Y^T)^2)' });
  return { output: { bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}
