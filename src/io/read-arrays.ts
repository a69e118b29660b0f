/**
 * One entry point for "Open file": sniff the format, list the arrays, load one on demand. The
 * app calls this (in the worker) and never needs to know which reader ran.
 */
import { parseMatrixText, type MatrixTextOptions } from './matrix-text';
import { readNpy } from './npy-read';
import { readNpz } from './npz';
import { readSafetensors } from './safetensors-read';
import { fileExtension, sniffFormat, SNIFF_BYTES, type FileFormat } from './sniff';
import { utf8Decode } from './text-codec';
import { DTYPE_SIZE, FormatError, type ArrayEntry, type NdArray, type ReadOptions } from './types';

/** What an opened file offers. */
export interface ArrayFile {
  format: Exclude<FileFormat, 'unknown'>;
  /** The arrays in the file, in file order, described without decoding them. */
  entries: ArrayEntry[];
  /** Tolerated oddities worth showing (skipped members, gaps, lossy int64, ...). */
  warnings: string[];
  /** safetensors `__metadata__`, when present. */
  metadata?: Record<string, string>;
  /** Column names from a CSV/TSV header row. */
  columnNames?: string[];
  /** Decodes one array by entry name. Throws FormatError for bad data or an unknown name. */
  load(name: string): NdArray;
}

/** Options of readArrays: element bounds, and NaN/Inf handling for text. */
export type ReadArraysOptions = ReadOptions & MatrixTextOptions;

/** The file name without folders and extension, used to name the single array of .npy/CSV. */
function stem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const ext = fileExtension(base);
  return (ext ? base.slice(0, -ext.length - 1) : base) || 'array';
}

/** Wraps a single already-decoded or lazily decoded array as a one-entry file. */
function single(format: ArrayFile['format'], name: string, decode: () => NdArray, entry: ArrayEntry): ArrayFile {
  return {
    format,
    entries: [entry],
    warnings: [],
    load(wanted: string): NdArray {
      if (wanted !== name) throw new FormatError(format, `no array named '${wanted}' (the file has '${name}')`);
      return decode();
    },
  };
}

/**
 * Opens a file of any supported format.
 * @example
 *   const file = readArrays('gpt2.safetensors', bytes);
 *   file.entries; // [{ name: 'wte', shape: [50257, 768], dtype: 'float32', byteLength: ... }, ...]
 *   const wte = file.load('wte');
 */
export function readArrays(fileName: string, bytes: Uint8Array, options: ReadArraysOptions = {}): ArrayFile {
  const format = sniffFormat(fileName, bytes.subarray(0, SNIFF_BYTES));
  const name = stem(fileName);
  switch (format) {
    case 'npy': {
      const array = readNpy(bytes, options);
      // One array: decoding at once also validates the data length before the app lists it.
      const byteLength = array.data.length * DTYPE_SIZE[array.dtype];
      const file = single('npy', name, () => array, { name, shape: array.shape, dtype: array.dtype, byteLength });
      file.warnings = array.warnings ?? [];
      return file;
    }
    case 'npz': {
      const archive = readNpz(bytes, options);
      return { format, entries: archive.entries, warnings: archive.warnings, load: archive.load };
    }
    case 'safetensors': {
      const file = readSafetensors(bytes, options);
      return { format, entries: file.entries, warnings: file.warnings, metadata: file.metadata, load: file.load };
    }
    case 'csv':
    case 'tsv':
    case 'text': {
      const text = utf8Decode(bytes, format).replace(/^\uFEFF/, ''); // a BOM from Excel
      const matrix = parseMatrixText(text, options);
      const array: NdArray = { shape: [matrix.rows, matrix.cols], dtype: 'float64', data: matrix.data };
      const file = single(format, name, () => array, { name, shape: array.shape, dtype: 'float64', byteLength: matrix.data.byteLength });
      if (matrix.columnNames) file.columnNames = matrix.columnNames;
      return file;
    }
    case 'unknown':
      throw new FormatError('file', `'${fileName}' is not a format this app reads (.npy, .npz, .safetensors, .csv, .tsv or a text matrix)`);
  }
}
