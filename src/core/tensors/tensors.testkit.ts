/**
 * Shared helpers of the tensors tests: the numpy fixture, building tensors, comparing arrays.
 */
import { tensor, type Tensor } from './tensor';
import { reshapeToMatrix } from './tensorOps';
import stored from '../__fixtures__/tt_numpy.json';

export interface TtCase {
  name: string;
  shape: number[];
  data: number[];
  maxRank: number[] | null;
  eps: number | null;
  ranks: number[];
  cores: number[][];
  singularValues: number[][];
  relativeError: number;
  reconstructionError: number;
  parameters: number;
}
interface Flat { rows: number; cols: number; data: number[] }
export interface HosvdCase { shape: number[]; data: number[]; ranks: number[]; factors: Flat[]; core: number[]; singularValues: number[][]; relativeError: number }

export const fixtures = stored as unknown as {
  table: TtCase[];
  fixedRanks: TtCase[];
  eps: TtCase[];
  rows: { rows: number; cols: number; data: number[]; shape: number[]; maxRank: number; perRow: { ranks: number[]; cores: number[]; error: number }[] };
  hosvd: HosvdCase[];
  graded: (Flat & { s: number[] })[];
  cp: { shape: number[]; data: number[]; rank: number; fits: number[] };
  'tensors/video_lobby_90x128x160.npy'?: { eps: number; ranks: number[]; relativeError: number; leadingSingularValues: number[][] };
  'gpt2-small/wpe.npy'?: { shape: number[]; maxRank: number; relativeError: number; firstRowErrors: number[]; maxRowError: number };
};

/** The fixture case's tensor. */
export const caseTensor = (c: { shape: number[]; data: number[] }): Tensor => tensor(c.shape, Float64Array.from(c.data));

/** The entries of a tensor in C order (any strides). */
export const entries = (t: Tensor): Float64Array => reshapeToMatrix(t, 1).data;

/** max_i |a_i - b_i|, with a length check. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** ||a - b|| / ||a|| over two tensors' entries. */
export function relativeDifference(a: Tensor, b: Tensor): number {
  const x = entries(a);
  const y = entries(b);
  let num = 0;
  let den = 0;
  for (let i = 0; i < x.length; i++) {
    num += (x[i] - y[i]) ** 2;
    den += x[i] ** 2;
  }
  return den === 0 ? Math.sqrt(num) : Math.sqrt(num / den);
}

/** The C-order tensor of shape whose entry at (i, j, k, ...) is f(index). */
export function gridTensor(shape: number[], f: (index: number[]) => number): Tensor {
  const count = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(count);
  const index = shape.map(() => 0);
  for (let n = 0; n < count; n++) {
    data[n] = f(index);
    for (let k = shape.length - 1; k >= 0 && ++index[k] === shape[k]; k--) index[k] = 0;
  }
  return tensor(shape, data);
}
