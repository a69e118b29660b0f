/**
 * Named arrays as one file people load elsewhere: `.npz` (one .npy each, zipped without
 * compression, as numpy.savez writes) or `.safetensors` (with the metadata). Every export job
 * writes through this.
 */
import { zipSync } from 'fflate';
import { writeNpy, type WriteDType } from '../io/npy-write';
import { writeSafetensors } from '../io/safetensors-write';

export type ArrayFileFormat = 'npz' | 'safetensors';

export function writeArrayFile(
  arrays: Record<string, { shape: number[]; data: Float64Array }>,
  format: ArrayFileFormat,
  dtype: WriteDType,
  metadata: Record<string, string>,
): Uint8Array {
  if (format === 'safetensors') return writeSafetensors(arrays, metadata, dtype);
  return zipSync(Object.fromEntries(Object.entries(arrays).map(([name, array]) => [`${name}.npy`, [writeNpy(array, dtype), { level: 0 }]])));
}
