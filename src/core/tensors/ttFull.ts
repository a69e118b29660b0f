/**
 * From a tensor train back to the full tensor, and the checks every function taking a TT makes.
 */
import { LinalgError } from '../errors';
import { checkTensor, elementCount, formatShape, tensor, type Tensor } from './tensor';
import { firstNonFinite, reshapeToMatrix } from './tensorOps';
import { TtContractor } from './contract';
import { checkRanks } from './ranks';
import type { TtTensor } from './types';

/**
 * Checks a TT (core k of shape [r_{k-1}, n_k, r_k], ranks consistent, finite entries) and returns
 * its cores as one flat C-order float64 array, core after core.
 */
export function flattenTt(fn: string, tt: TtTensor): Float64Array {
  if (tt === null || typeof tt !== 'object' || !Array.isArray(tt.cores) || !Array.isArray(tt.shape)) {
    throw new LinalgError(`${fn}: expected a tensor train { shape, ranks, cores }`);
  }
  const { shape, ranks, cores } = tt;
  elementCount(shape);
  checkRanks(fn, shape, ranks);
  const d = shape.length;
  if (cores.length !== d) throw new LinalgError(`${fn}: a TT of shape ${formatShape(shape)} needs ${d} cores, got ${cores.length}`);
  let total = 0;
  cores.forEach((core, k) => {
    checkTensor(fn, core);
    const want = [ranks[k], shape[k], ranks[k + 1]];
    if (core.shape.length !== 3 || core.shape.some((n, i) => n !== want[i])) {
      throw new LinalgError(`${fn}: core ${k} must have shape ${formatShape(want)}, got ${formatShape(core.shape)}`);
    }
    const bad = firstNonFinite(core);
    if (bad) throw new LinalgError(`${fn}: core ${k} has ${bad.value} at index ${formatShape(bad.index)}`);
    total += want[0] * want[1] * want[2];
  });
  const flat = new Float64Array(total);
  let off = 0;
  for (const core of cores) {
    const m = reshapeToMatrix(core, 1).data;
    flat.set(m, off);
    off += m.length;
  }
  return flat;
}

/**
 * The full tensor a TT represents (C-contiguous float64).
 *
 * @example
 * ttToFull(ttSvd(t)); // equal to t up to rounding (an exact TT-SVD)
 */
export function ttToFull(tt: TtTensor): Tensor {
  const flat = flattenTt('ttToFull', tt);
  const out = tensor(tt.shape);
  new TtContractor(tt.shape).contract(flat, 0, tt.ranks, 0, out.data as Float64Array, 0);
  return out;
}
