/**
 * io/: pure file formats. Functions over bytes and strings -> row-major typed arrays with shape
 * and dtype, and back. No DOM, no node APIs; runs in the page, the worker and node alike.
 * See docs/file-formats.md for formats, limits and messages.
 */
export * from './types';
export { readArrays, type ArrayFile, type ReadArraysOptions } from './read-arrays';
export { sniffFormat, fileExtension, SNIFF_BYTES, type FileFormat } from './sniff';
export { readNpy, readNpyHeader, npyDataOffset, NPY_MAGIC, type NpyHeader } from './npy-read';
export { writeNpy, type WritableArray, type WriteDType } from './npy-write';
export { readNpz, type NpzArchive } from './npz';
export {
  readSafetensors,
  readSafetensorsHeader,
  safetensorsHeaderLength,
  parseSafetensorsHeader,
  decodeSafetensorsTensor,
  SAFETENSORS_DTYPES,
  MAX_SAFETENSORS_HEADER_BYTES,
  type SafetensorsEntry,
  type SafetensorsHeader,
  type SafetensorsFile,
} from './safetensors-read';
export { writeSafetensors } from './safetensors-write';
export { parseMatrixText, type MatrixTextFormat, type MatrixTextOptions, type ParsedMatrix } from './matrix-text';
export { formatMatrixText } from './matrix-text-format';
export { float16BitsToNumber, numberToFloat16Bits, bfloat16BitsToNumber, numberToBfloat16Bits } from './half';
