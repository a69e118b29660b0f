/**
 * Shared types of the file-format layer. io/ defines its own types instead of importing core/,
 * so the two layers can be written and changed independently; the shapes are compatible with a
 * row-major Float64Array/Float32Array matrix.
 */

/** Element types the readers understand (names follow NumPy). */
export type DType =
  | 'float16'
  | 'bfloat16'
  | 'float32'
  | 'float64'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'bool';

/**
 * A decoded n-d array: values converted to numbers, always row-major (C order).
 *
 * Storage: `Float32Array` for dtypes whose every value a float32 holds exactly (float16, bfloat16,
 * float32, int8, uint8, int16, uint16, bool) to halve memory; `Float64Array` for the rest
 * (float64, int32, uint32, int64, uint64). `dtype` is the dtype found in the file.
 */
export interface NdArray {
  shape: number[];
  dtype: DType;
  data: Float64Array | Float32Array;
  /** Readable notes about lossy conversion, e.g. int64 values beyond 2^53. Absent when none. */
  warnings?: string[];
}

/** One array in a file, described without decoding its data. */
export interface ArrayEntry {
  name: string;
  shape: number[];
  dtype: DType;
  /** Bytes of the stored data (product(shape) * bytes per element). */
  byteLength: number;
}

/** Options shared by every reader. */
export interface ReadOptions {
  /** Refuse arrays with more elements than this before allocating. Default 2^28. */
  maxElements?: number;
  /**
   * Refuse to inflate a compressed array (an .npz member) whose data exceed this many bytes, from
   * the sizes in its headers, before allocating anything: a 522 KB member can inflate to 512 MiB.
   * Default: no bound beyond maxElements.
   */
  maxBytes?: number;
}

/** Default bound on elements per array: 2^28 (2 GiB as float64), far above what a browser can show. */
export const DEFAULT_MAX_ELEMENTS = 2 ** 28;

/**
 * The one error type io/ throws for bad input. The message names the format, the problem and the
 * offending value, so the app can show it as is.
 */
export class FormatError extends Error {
  /** The format being read when the problem was found, e.g. 'npy'. */
  readonly format: string;

  constructor(format: string, message: string) {
    super(`${format}: ${message}`);
    this.name = 'FormatError';
    this.format = format;
  }
}

/** Bytes per element of each dtype. */
export const DTYPE_SIZE: Readonly<Record<DType, number>> = {
  float16: 2,
  bfloat16: 2,
  float32: 4,
  float64: 8,
  int8: 1,
  int16: 2,
  int32: 4,
  int64: 8,
  uint8: 1,
  uint16: 2,
  uint32: 4,
  uint64: 8,
  bool: 1,
};

/** Formats thousands for messages: 1200 -> "1,200". Locale-independent so messages are stable. */
export function fmtInt(n: number): string {
  return Number.isFinite(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n);
}

/** Formats a shape for messages: [3, 4] -> "[3, 4]". */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
