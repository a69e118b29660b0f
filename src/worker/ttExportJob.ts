/**
 * The 'exportTensorTrain' job: the last tensor train (its cores, each r_{k-1} x n_k x r_k) or the
 * last table compressed row by row (every row's ranks and cores) as `.npz` or `.safetensors`, for
 * a researcher's own pipeline; docs/tensors.md and the page give the NumPy and TensorLy lines that
 * rebuild the tensor from it.
 */
import type { WriteDType } from '../io/npy-write';
import { writeArrayFile } from './writeArrays';
import type { HandlerResult, JobContext } from './protocol';
import { lastTensorTrain } from './tensorJob';
import { lastRowsCores } from './ttRowsJob';

export interface TtExportJobInput {
  what: 'tensor' | 'rows';
  format: 'npz' | 'safetensors';
  dtype: WriteDType;
}

export interface TtExportJobOutput {
  bytes: Uint8Array;
  /** The arrays written, for the page's snippet. */
  names: string[];
}

type Arrays = Record<string, { shape: number[]; data: Float64Array }>;

function tensorArrays(): Arrays {
  const tt = lastTensorTrain();
  if (!tt) throw new Error('There is no tensor train to export yet: wait for the decomposition to finish.');
  const arrays: Arrays = { shape: { shape: [tt.shape.length], data: Float64Array.from(tt.shape) }, ranks: { shape: [tt.ranks.length], data: Float64Array.from(tt.ranks) } };
  tt.cores.forEach((core, k) => {
    arrays[`core_${k + 1}`] = { shape: core.shape.slice(), data: Float64Array.from(core.data) };
  });
  return arrays;
}

function rowsArrays(): Arrays {
  const r = lastRowsCores();
  if (!r) throw new Error('There is no compressed table to export yet: compress it first.');
  return {
    shape: { shape: [r.shape.length], data: Float64Array.from(r.shape) },
    ranks: { shape: [r.rows, r.shape.length + 1], data: Float64Array.from(r.ranks) },
    offsets: { shape: [r.rows + 1], data: r.offsets },
    cores: { shape: [r.coreData.length], data: r.coreData },
  };
}

export function runTtExportJob(input: TtExportJobInput, context: JobContext): HandlerResult<TtExportJobOutput> {
  context.progress(0, 'writing the cores');
  const arrays = input.what === 'tensor' ? tensorArrays() : rowsArrays();
  const layout = input.what === 'tensor'
    ? 'tensor train: core_k has shape (r_{k-1}, n_k, r_k), r_0 = r_d = 1 (TensorLy convention)'
    : 'row i of the table: cores[offsets[i]:offsets[i+1]], core k of shape (ranks[i,k], shape[k], ranks[i,k+1]), C order';
  const bytes = writeArrayFile(arrays, input.format, input.dtype, { source: 'Subspace Explorer', layout });
  return { output: { bytes, names: Object.keys(arrays) }, transfer: [bytes.buffer as ArrayBuffer] };
}
