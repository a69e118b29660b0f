/**
 * How an array of more than two dimensions becomes the matrix, in the link's terms and the
 * worker's: a link's reference says `unfold` (a 0-based mode) or `reshape` (rows); the worker takes
 * an `AsMatrix`. Absent both, the array is read as one 2-D slice (or is a matrix already).
 */
import type { LinkRef } from '../permalink/humanForm';
import type { AsMatrix } from '../worker/fileJobs';

export function asMatrixOfLink(ref: Pick<LinkRef, 'unfold' | 'reshape'>): AsMatrix | undefined {
  if (ref.unfold !== undefined) return { kind: 'unfold', mode: ref.unfold };
  if (ref.reshape !== undefined) return { kind: 'reshape', rows: ref.reshape };
  return undefined;
}

export function linkFieldsOf(asMatrix: AsMatrix | undefined): Pick<LinkRef, 'unfold' | 'reshape'> {
  if (!asMatrix) return {};
  return asMatrix.kind === 'unfold' ? { unfold: asMatrix.mode } : { reshape: asMatrix.rows };
}
