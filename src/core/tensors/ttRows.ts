/**
 * TensorGPT-style compression of a table (Xu, Xu, Mandic 2023): every row (a token embedding)
 * reshaped to a small tensor and TT-SVD'd on its own. One TtSweeper and one TtContractor serve
 * all rows, so the loop allocates nothing per row; cores go straight into one flat array.
 */
import { assertFinite, LinalgError, shapeText } from '../errors';
import type { Matrix } from '../dense/matrix';
import { checkCancel } from '../progress';
import { checkShape, formatShape, tensor } from './tensor';
import { TtContractor } from './contract';
import { checkEps, checkOrder, resolveCaps, ttRankBounds } from './ranks';
import { TtSweeper } from './ttSweep';
import type { TtRowsResult, TtSvdOptions, TtTensor } from './types';

/** shouldCancel is polled every this many rows (about 10 ms of the (8, 8, 12) case). */
const CANCEL_EVERY = 256;
/** Up to this many entries the core array is allocated at its upper bound at once; beyond, it grows. */
const PREALLOCATE_LIMIT = 2 ** 27;

/**
 * Compresses each row of `e` (rows x prod(shape)) as the TT of the row reshaped to `shape`
 * (C order), with the options of ttSvd applied to every row (eps is relative to each row's norm).
 * onProgress(fraction, 'TT-SVD of rows') about every 1% of rows; shouldCancel every 256 rows
 * (throws LinalgError('ttCompressRows: cancelled')).
 *
 * @example
 * const r = ttCompressRows(wte, [8, 8, 12], { maxRank: 4 }); // GPT-2's 50257 x 768 token table
 * r.parameters / r.rows; // 208 numbers per token (ranks 1, 4, 4, 1): compression factor 3.6923
 */
export function ttCompressRows(e: Matrix, shape: readonly number[], options: TtSvdOptions = {}): TtRowsResult {
  const fn = 'ttCompressRows';
  const columns = checkShape(fn, shape);
  checkOrder(fn, shape);
  if (e === null || typeof e !== 'object' || !(e.data instanceof Float64Array) || e.data.length !== e.rows * e.cols || e.rows < 1) {
    throw new LinalgError(`${fn}: expected a non-empty matrix { rows, cols, data: Float64Array }`);
  }
  if (e.cols !== columns) {
    throw new LinalgError(`${fn}: the row shape ${formatShape(shape)} has ${columns} entries but the table is ${shapeText(e.rows, e.cols)} (${e.cols} columns)`);
  }
  checkEps(fn, options.eps);
  const caps = resolveCaps(fn, options.maxRank, ttRankBounds(shape));
  assertFinite(fn, e.data, e.cols, `a ${shapeText(e.rows, e.cols)} table`);

  const { rows, data } = e;
  const d = shape.length;
  const sweeper = new TtSweeper(shape, caps, options.eps);
  const contractor = new TtContractor(shape);
  const perRow = sweeper.maxCoreLength();
  let coreData: Float64Array = new Float64Array(Math.min(rows * perRow, Math.max(PREALLOCATE_LIMIT, perRow)));
  const offsets = new Float64Array(rows + 1);
  const ranks = new Int32Array(rows * (d + 1));
  const rowErrors = new Float64Array(rows);
  const reconstruction = new Float64Array(rows * columns);
  let used = 0;
  let tailTotal = 0;
  let normTotal = 0;
  const progressEvery = Math.max(1, Math.floor(rows / 100));
  options.onProgress?.(0, 'TT-SVD of rows');
  for (let i = 0; i < rows; i++) {
    if (i % CANCEL_EVERY === 0) checkCancel(fn, options);
    if (used + perRow > coreData.length) coreData = grow(coreData, Math.min(rows * perRow, 2 * coreData.length));
    const rowOff = i * columns;
    used += sweeper.run(data, rowOff, coreData, used, null);
    offsets[i + 1] = used;
    ranks.set(sweeper.ranks, i * (d + 1));
    contractor.contract(coreData, offsets[i], sweeper.ranks, 0, reconstruction, rowOff);
    let tail = 0;
    for (let k = 0; k < d - 1; k++) tail += sweeper.tails[k];
    rowErrors[i] = sweeper.normSquared === 0 ? 0 : Math.sqrt(tail / sweeper.normSquared);
    const s2 = sweeper.scale * sweeper.scale;
    tailTotal += tail * s2;
    normTotal += sweeper.normSquared * s2;
    if ((i + 1) % progressEvery === 0) options.onProgress?.((i + 1) / rows, 'TT-SVD of rows');
  }
  if (used < coreData.length) coreData = coreData.slice(0, used);
  return {
    shape: shape.slice(),
    rows,
    columns,
    ranks,
    coreData,
    coreOffsets: used < 2 ** 31 ? Int32Array.from(offsets) : offsets,
    parameters: used,
    compressionFactor: (rows * columns) / used,
    relativeError: normTotal === 0 ? 0 : Math.sqrt(tailTotal / normTotal),
    rowErrors,
    reconstruction: { rows, cols: columns, data: reconstruction },
  };
}

/**
 * Row `row`'s cores as a TtTensor (copies).
 *
 * @example
 * ttToFull(ttRowCores(r, 42)); // row 42 of r.reconstruction, as a tensor of r.shape
 */
export function ttRowCores(r: TtRowsResult, row: number): TtTensor {
  if (!Number.isInteger(row) || row < 0 || row >= r.rows) {
    throw new LinalgError(`ttRowCores: row must be an integer in [0, ${r.rows - 1}], got ${row}`);
  }
  const d = r.shape.length;
  const ranks = Array.from(r.ranks.subarray(row * (d + 1), (row + 1) * (d + 1)));
  const cores = [];
  let off = r.coreOffsets[row];
  for (let k = 0; k < d; k++) {
    const size = ranks[k] * r.shape[k] * ranks[k + 1];
    cores.push(tensor([ranks[k], r.shape[k], ranks[k + 1]], r.coreData.slice(off, off + size)));
    off += size;
  }
  return { shape: r.shape.slice(), ranks, cores };
}

function grow(a: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size);
  out.set(a);
  return out;
}
