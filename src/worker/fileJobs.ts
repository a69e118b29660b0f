/**
 * Opening files in the worker: 'openFile' reads a file's table of arrays and keeps the file here
 * (the page never holds the bytes twice); 'loadArray' turns one array, or one 2-D slice of a
 * higher-dimensional array, into a matrix. A restarted worker has forgotten its files, and says so.
 */
import { readArrays } from '../io/read-arrays';
import { openRemote, type LazyArrayFile } from './remoteFile';
import { holdMatrix, makeRoom } from './heldMatrices';
import type { ArrayEntry } from '../io/types';
import { fmtInt, fmtShape } from '../io/types';
import { sniffFormat, SNIFF_BYTES } from '../io/sniff';
import { formatBytes, WORKER_MEMORY_BUDGET } from './memoryBudget';
import { assertFiniteTensor, reshapeToMatrix, tensor, unfold, type Matrix, type Tensor } from '../core';
import { CodedJobError, type HandlerResult, type JobContext } from './protocol';
import type { MatrixJobOutput } from './randomSpectrumJob';
import { sha256 as sha256Bytes } from '@noble/hashes/sha2.js';

/**
 * A file whose header lists an array of more than this many entries (2^27: 1 GiB as float64) is
 * refused as a whole while it is listed. Whether an array that is listed can be opened is decided
 * by the memory budget (`loadCost`), which is stricter: opening takes several copies of it.
 */
export const MAX_MATRIX_ENTRIES = 2 ** 27;
/** Files kept open at once; older ones are forgotten. */
export const KEEP_FILES = 4;
/** An open file; `ranged`: a URL read piecewise, whose arrays are fetched when loaded. */
const openFiles = new Map<number, { name: string; file: LazyArrayFile; ranged: boolean }>();

function keep(fileId: number, name: string, file: LazyArrayFile, ranged = false): void {
  openFiles.set(fileId, { name, file, ranged });
  while (openFiles.size > KEEP_FILES) openFiles.delete(openFiles.keys().next().value!);
}

/** Dtypes the readers decode into a Float64Array (the rest into a Float32Array, io/decode-elements.ts). */
const FLOAT64_STORAGE = new Set(['float64', 'int32', 'uint32', 'int64', 'uint64']);

/** What opening one array of a file as a matrix allocates, from the file's headers alone. */
export interface LoadCost {
  /** Peak bytes: the inflated or fetched data, the decoded array, the float64 matrix and, with `held`, the worker's copy. */
  bytes: number;
  /** Bytes per entry of the matrix, all of it counted: what a smaller part of the array would need per entry. */
  bytesPerEntry: number;
  rows: number;
  cols: number;
}

/**
 * The memory opening `entry` takes: for an .npz the member inflated (its header size; a zip bomb
 * is refused here, before inflating) and decoded, for a .safetensors the tensor decoded (and
 * fetched, for a URL read piecewise), for .npy and text files nothing more (they were decoded when
 * opened); then the float64 matrix and, for the document's matrix (`held`), the copy the worker
 * keeps for the SVD.
 *
 * @example
 * // An .npz holding an 8192 x 8192 float64 array: 512 MiB inflated + 512 decoded + 512 + 512.
 * loadCost('npz', { name: 'a', shape: [8192, 8192], dtype: 'float64', byteLength: 2 ** 29 }, undefined, true).bytes; // 2 GiB
 */
export function loadCost(format: string, entry: ArrayEntry, asMatrix: AsMatrix | undefined, held: boolean, ranged = false): LoadCost {
  const shape = entry.shape.length === 0 ? [1, 1] : entry.shape.length === 1 ? [1, entry.shape[0]] : entry.shape;
  const count = shape.reduce((a, b) => a * b, 1);
  const decoded = count * (FLOAT64_STORAGE.has(entry.dtype) ? 8 : 4);
  const raw = format === 'npz' || (format === 'safetensors' && ranged) ? entry.byteLength : 0;
  const source = format === 'npz' || format === 'safetensors' ? raw + decoded : 0;
  let rows = shape[shape.length - 2];
  let cols = shape[shape.length - 1];
  if (asMatrix) {
    rows = asMatrix.kind === 'unfold' ? (shape[asMatrix.mode] ?? 1) : asMatrix.rows;
    cols = Math.max(1, Math.round(count / Math.max(1, rows)));
  }
  const perMatrixEntry = held ? 16 : 8;
  const entries = rows * cols;
  return { bytes: source + perMatrixEntry * entries, bytesPerEntry: (count > 0 ? source / count : 0) + perMatrixEntry, rows, cols };
}

/**
 * Refuses to open `entry` when it would take more than the worker's memory budget, naming the
 * size and the way around it: a part of it saved as its own array (how many rows fit), or float32.
 */
function checkLoadBudget(format: string, entry: ArrayEntry, asMatrix: AsMatrix | undefined, held: boolean, ranged: boolean): void {
  const cost = loadCost(format, entry, asMatrix, held, ranged);
  if (held) makeRoom(cost.bytes);
  if (cost.bytes <= WORKER_MEMORY_BUDGET) return;
  const what = `'${entry.name}' (${entry.shape.join(' × ')} ${entry.dtype}, ${formatBytes(entry.byteLength)}${format === 'npz' ? ' once inflated' : ''})`;
  const parts = format === 'npz' ? 'the inflated data, the decoded array, the matrix and the copy the worker keeps for the SVD'
    : format === 'safetensors' ? 'the decoded tensor, the matrix and the copy the worker keeps for the SVD'
      : 'the matrix and the copy the worker keeps for the SVD';
  const fitRows = Math.floor(WORKER_MEMORY_BUDGET / (cost.bytesPerEntry * cost.cols));
  const twoD = entry.shape.length <= 2 && !asMatrix;
  const part = twoD && fitRows >= 1
    ? `Save a part of it as its own array and open that: up to ${fmtInt(fitRows)} of its ${fmtInt(cost.rows)} rows fit (in NumPy, np.save('part.npy', a[:${fitRows}])).`
    : 'Save the slice or a smaller block of it as its own array and open that.';
  let smaller = '';
  if (entry.dtype === 'float64' && source32Fits(format, entry, asMatrix, held, ranged)) {
    smaller = ' Stored as float32 instead, it would fit.';
  } else if (format === 'npz' || format === 'safetensors') {
    smaller = ' A smaller dtype (float32, float16) saves only the decoding: the matrix itself is float64.';
  }
  throw new Error(
    `${what} would need about ${formatBytes(cost.bytes)} of memory to open here (${parts}), over the worker's budget of ${formatBytes(WORKER_MEMORY_BUDGET)}, so it was not opened. ${part}${smaller}`,
  );
}

function source32Fits(format: string, entry: ArrayEntry, asMatrix: AsMatrix | undefined, held: boolean, ranged: boolean): boolean {
  const as32: ArrayEntry = { ...entry, dtype: 'float32', byteLength: entry.byteLength / 2 };
  return loadCost(format, as32, asMatrix, held, ranged).bytes <= WORKER_MEMORY_BUDGET;
}

/**
 * Refuses a file the worker cannot read within its budget, before reading it: reading takes its
 * size, and an .npy is decoded at once (another copy of its data).
 */
async function checkFileBudget(blob: Blob, name: string): Promise<void> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const copies = sniffFormat(name, head) === 'npy' ? 2 : 1;
  if (copies * blob.size <= WORKER_MEMORY_BUDGET) return;
  throw new Error(
    `${name} is ${formatBytes(blob.size)}; reading ${copies === 2 ? 'and decoding it needs about ' + formatBytes(copies * blob.size) : 'it needs as much'} of memory, over the worker's budget of ${formatBytes(WORKER_MEMORY_BUDGET)}, so it was not opened. Save the part you need (a slice, fewer rows, or float32) as its own file and open that.`,
  );
}

export interface OpenFileJobInput {
  fileId: number;
  name: string;
  /**
   * The person's file itself: posting a File copies only a handle, and reading it here keeps the
   * page's thread free (allocating and filling 155 MB there took a 240 ms task).
   */
  file: Blob;
}

export interface OpenFileJobOutput {
  format: string;
  entries: ArrayEntry[];
  warnings: string[];
  /** The file's name (from the URL, for files opened from one). */
  name?: string;
  /** Whether a URL is read piecewise with Range requests (only the chosen tensor is fetched). */
  ranged?: boolean;
}

/** Reads a Blob in chunks, reporting progress, so a big file shows how far along it is. */
async function readWithProgress(blob: Blob, name: string, context: JobContext): Promise<Uint8Array> {
  if (blob.size < 8 * 1024 * 1024 || typeof blob.stream !== 'function') return new Uint8Array(await blob.arrayBuffer());
  const bytes = new Uint8Array(blob.size);
  const reader = blob.stream().getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > bytes.length) throw new Error(`${name} grew while it was read; please open it again.`);
    bytes.set(value, offset);
    offset += value.length;
    context.progress(offset / blob.size, `reading ${Math.round(offset / 1e6)} of ${Math.round(blob.size / 1e6)} MB`);
  }
  return offset === bytes.length ? bytes : bytes.subarray(0, offset);
}

export async function runOpenFileJob(input: OpenFileJobInput, context: JobContext): Promise<HandlerResult<OpenFileJobOutput>> {
  context.progress(0, `reading ${input.name}`);
  await checkFileBudget(input.file, input.name);
  const bytes = await readWithProgress(input.file, input.name, context);
  context.progress(1, `checking ${input.name}`);
  const file = readArrays(input.name, bytes, { maxElements: MAX_MATRIX_ENTRIES, maxBytes: WORKER_MEMORY_BUDGET });
  keep(input.fileId, input.name, file);
  return { output: { format: file.format, entries: file.entries, warnings: file.warnings }, transfer: [] };
}

export interface OpenUrlJobInput {
  fileId: number;
  url: string;
}

export async function runOpenUrlJob(input: OpenUrlJobInput, context: JobContext): Promise<HandlerResult<OpenFileJobOutput>> {
  const { name, file, ranged } = await openRemote(input.url, context.progress, MAX_MATRIX_ENTRIES);
  keep(input.fileId, name, file, ranged);
  return { output: { format: file.format, entries: file.entries, warnings: file.warnings, name, ranged }, transfer: [] };
}

/** Which array to load (see WeightRefLike), with the SHA-256 a link expects of it, if any. */
export type LoadArrayJobInput = WeightRefLike;

/** Offset of the 2-D slice at `slice` in a C-order array of `shape`, checking every index. */
function sliceOffset(shape: number[], slice: number[], name: string): number {
  const lead = shape.length - 2;
  if (slice.length !== lead) throw new Error(`'${name}' has shape ${fmtShape(shape)}: choose ${lead} leading index${lead === 1 ? '' : 'es'}, got ${slice.length}.`);
  let offset = 0;
  for (let d = 0; d < lead; d++) {
    const i = slice[d];
    if (!Number.isInteger(i) || i < 0 || i >= shape[d]) throw new Error(`Index ${i} is outside dimension ${d} of '${name}' (size ${shape[d]}).`);
    offset = offset * shape[d] + i;
  }
  return offset * shape[lead] * shape[lead + 1];
}

export interface LoadArrayJobOutput extends MatrixJobOutput {
  /** The key under which the worker keeps a copy, for the SVD job. */
  heldKey: string;
  /** SHA-256 (hex) of the matrix as float64 little-endian, row-major: what a link refers to. */
  sha256: string;
  /** How many entries were NaN (missing) and read as 0; 0 unless the request allowed them. */
  missingCount: number;
}

/**
 * SHA-256 of the entries, so a link can name the exact data it needs. Web Crypto exists only in
 * secure contexts (https, localhost); a page served over plain http, such as the app on a lecture
 * hall's network, hashes with @noble/hashes instead (pure JavaScript, about a second for 300 MB),
 * so its links still name and check their data. `subtle` is a parameter for the tests (null: none).
 */
export async function sha256Hex(data: Float64Array, subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null): Promise<string> {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const digest = subtle ? new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)) : sha256Bytes(bytes);
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function runLoadArrayJob(input: LoadArrayJobInput, context: JobContext): Promise<HandlerResult<LoadArrayJobOutput>> {
  context.progress(0, `decoding ${input.entry}`);
  // The document's matrix: the worker keeps a copy for the SVD, which the budget counts.
  const { matrix: loaded, sha256 } = await checkedWeight(input, 'array', true);
  const { rows, cols, data, missingCount } = loaded;
  // Entry names come from files and may hold any character: JSON keeps each part of the key apart.
  const heldKey = holdMatrix(`file:${JSON.stringify([input.fileId, input.entry, input.slice, asMatrixKey(input.asMatrix), input.missingAsZero === true])}`, { rows, cols, data });
  return { output: { rows, cols, data, sha256, heldKey, missingCount }, transfer: [data.buffer as ArrayBuffer] };
}

/**
 * How an array of more than two dimensions becomes a matrix, when not by a 2-D slice: its mode-n
 * unfolding (TensorLy's convention: mode n's fibres are the columns, `n_mode x prod(others)`), or a
 * C-order reshape into `rows x (count / rows)`.
 */
export type AsMatrix = { kind: 'unfold'; mode: number } | { kind: 'reshape'; rows: number };

function asMatrixKey(asMatrix: AsMatrix | undefined): string {
  return !asMatrix ? 'slice' : asMatrix.kind === 'unfold' ? `unfold${asMatrix.mode}` : `reshape${asMatrix.rows}`;
}

/** Which array of which open file, and which 2-D slice of it; `sha256` is the hash a link expects. */
export interface WeightRefLike {
  fileId: number;
  entry: string;
  /** For arrays of more than two dimensions: an index for each leading dimension. */
  slice: number[];
  /** Instead of a slice: the array unfolded or reshaped as a whole (then `slice` is empty). */
  asMatrix?: AsMatrix;
  /** Read NaN entries (missing values) as 0 instead of refusing the array. */
  missingAsZero?: boolean;
  sha256?: string;
}

/**
 * A weight array and the SHA-256 of its entries (what a link refers to). When the reference carries
 * the hash a link expects and the data differs, it says so instead of showing other numbers.
 */
export async function checkedWeight(ref: WeightRefLike, role: string, held = false, missing: MissingEntries = ref.missingAsZero ? 'zero' : 'refuse'): Promise<{ matrix: Matrix & { missingCount: number }; sha256: string }> {
  const matrix = await weightMatrix(ref.fileId, ref.entry, ref.slice, ref.asMatrix, held, missing);
  const sha256 = await sha256Hex(matrix.data);
  if (ref.sha256 && sha256 !== ref.sha256) {
    throw new Error(`The ${role} "${ref.entry}" is not the data the link was made from (its SHA-256 differs): the file has changed.`);
  }
  return { matrix, sha256 };
}

/**
 * What to do with NaN entries, the usual mark of a missing value: refuse them (the SVD needs every
 * entry; the default), read them as 0 (the document of a matrix with missing values: plain SVD then
 * sees zeros, the weighted methods give them weight 0), or keep them (to build the mask of the
 * missing entries). Infinities are refused whatever the choice.
 */
export type MissingEntries = 'refuse' | 'zero' | 'keep';

/** Applies `missing` to the entries in place; returns how many were NaN. */
function checkEntries(matrix: Matrix, entry: string, missing: MissingEntries): number {
  const { cols, data } = matrix;
  let count = 0;
  let first = -1;
  for (let k = 0; k < data.length; k++) {
    const x = data[k];
    if (Number.isFinite(x)) continue;
    if (!Number.isNaN(x)) throw new Error(`'${entry}' has an infinite value at row ${Math.floor(k / cols) + 1}, column ${(k % cols) + 1}; the SVD needs finite numbers.`);
    if (first < 0) first = k;
    count++;
    if (missing === 'zero') data[k] = 0;
  }
  if (count > 0 && missing === 'refuse') {
    throw new CodedJobError(
      'has-missing',
      `'${entry}' has ${count.toLocaleString('en')} missing (NaN) ${count === 1 ? 'entry' : 'entries'}, the first at row ${Math.floor(first / cols) + 1}, column ${(first % cols) + 1}; the SVD needs every entry.`,
    );
  }
  return count;
}

/**
 * One array (or 2-D slice, unfolding or reshape) of an open file as a float64 matrix, its NaN
 * entries handled as `missing` says (refused by default) and infinities refused, refusing before it
 * decodes anything an array that would not fit the memory budget (`held`: the worker will keep a
 * copy too). `missingCount`: how many entries were NaN.
 */
export async function weightMatrix(fileId: number, entry: string, slice: number[], asMatrix?: AsMatrix, held = false, missing: MissingEntries = 'refuse'): Promise<Matrix & { missingCount: number }> {
  const open = openFiles.get(fileId);
  if (!open) throw new CodedJobError('file-not-open', 'The file is no longer open in the worker (it was restarted or the file was replaced); please open it again.');
  const listed = open.file.entries.find((e) => e.name === entry);
  if (listed) checkLoadBudget(open.file.format, listed, asMatrix, held, open.ranged);
  const array = await open.file.load(entry);
  let matrix: Matrix;
  if (asMatrix) matrix = wholeArrayAsMatrix(array.shape, array.data, entry, asMatrix);
  else {
    const shape = array.shape.length === 0 ? [1, 1] : array.shape.length === 1 ? [1, array.shape[0]] : array.shape;
    const rows = shape[shape.length - 2];
    const cols = shape[shape.length - 1];
    if (rows === 0 || cols === 0) throw new Error(`'${entry}' is empty (shape ${fmtShape(array.shape)}).`);
    const offset = shape.length > 2 ? sliceOffset(shape, slice, entry) : 0;
    const data = new Float64Array(rows * cols);
    const source = array.data;
    for (let k = 0; k < data.length; k++) data[k] = source[offset + k];
    matrix = { rows, cols, data };
  }
  const missingCount = checkEntries(matrix, entry, missing);
  return { ...matrix, missingCount };
}

/**
 * A whole array of an open file as a tensor of its own shape (the tensor workspace), refusing NaN
 * and infinities and arrays over the memory budget, with the SHA-256 a link expects of it.
 */
export async function fileTensor(ref: { fileId: number; entry: string; sha256?: string }): Promise<{ tensor: Tensor; sha256: string }> {
  const open = openFiles.get(ref.fileId);
  if (!open) throw new CodedJobError('file-not-open', 'The file is no longer open in the worker (it was restarted or the file was replaced); please open it again.');
  const listed = open.file.entries.find((e) => e.name === ref.entry);
  if (listed) checkLoadBudget(open.file.format, listed, { kind: 'reshape', rows: 1 }, false, open.ranged);
  const array = await open.file.load(ref.entry);
  const shape = array.shape.length === 0 ? [1] : array.shape;
  if (shape.some((n) => n === 0)) throw new Error(`'${ref.entry}' is empty (shape ${fmtShape(array.shape)}).`);
  const t = tensor(shape, Float64Array.from(array.data));
  assertFiniteTensor(t, ref.entry);
  const sha256 = await sha256Hex(t.data as Float64Array);
  if (ref.sha256 && sha256 !== ref.sha256) throw new Error(`The tensor "${ref.entry}" is not the data the link was made from (its SHA-256 differs): the file has changed.`);
  return { tensor: t, sha256 };
}

/** The whole array as a matrix by an unfolding or a reshape (the core checks the mode and the rows). */
function wholeArrayAsMatrix(shape: number[], data: Float64Array | Float32Array, entry: string, asMatrix: AsMatrix): Matrix {
  if (shape.length < 2) throw new Error(`'${entry}' has shape ${fmtShape(shape)}: only arrays of two or more dimensions are unfolded or reshaped.`);
  if (shape.some((n) => n === 0)) throw new Error(`'${entry}' is empty (shape ${fmtShape(shape)}).`);
  // NaN and infinities are checked on the matrix (checkEntries), where the missing ones may be allowed.
  const t = tensor(shape, data);
  if (asMatrix.kind === 'unfold') {
    if (!Number.isInteger(asMatrix.mode) || asMatrix.mode < 0 || asMatrix.mode >= shape.length) {
      throw new Error(`'${entry}' has ${shape.length} modes (shape ${fmtShape(shape)}); there is no mode ${asMatrix.mode + 1} to unfold along.`);
    }
    return unfold(t, asMatrix.mode);
  }
  return reshapeToMatrix(t, asMatrix.rows);
}
