/**
 * Named selectors: values derived from the store that several components show.
 */
import type { AppState } from './store';
import type { SvdJobOutput } from '../worker/svdJob';

/** The SVD result, if it belongs to the matrix now in the document. */
export function currentSvd(state: AppState): SvdJobOutput | null {
  return state.svd.result && state.svd.revision === state.revision ? state.svd.result : null;
}

/** The latest SVD result available, even if a newer one is being computed. */
export function latestSvd(state: AppState): SvdJobOutput | null {
  return state.svd.result;
}

export function formatValue(x: number, digits = 5): string {
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e6 || magnitude < 1e-4) return x.toExponential(digits);
  return x.toFixed(digits);
}

/**
 * A plain-language description of the scene for screen readers: size, singular values and whether
 * the map rotates or reflects.
 */
export function describeScene(result: SvdJobOutput | null): string {
  if (!result) return 'The singular value decomposition is being computed.';
  const { rows, cols, s, reflection } = result;
  const shape = rows === 2 ? 'unit circle' : 'unit sphere';
  const image = rows === 2 ? 'ellipse' : 'ellipsoid';
  const sigmas = Array.from(s, (x, i) => `sigma ${i + 1} = ${formatValue(x)}`).join(', ');
  const rank = Array.from(s).filter((x) => x > Math.max(rows, cols) * (s[0] || 0) * Number.EPSILON).length;
  const collapse = rank < s.length ? ` The map has rank ${rank}, so the ${image} is flattened into ${rank === 0 ? 'a point' : rank === 1 ? 'a line segment' : 'a plane'}.` : '';
  const orientation = reflection
    ? 'The map reverses orientation: one of its rotations must be a reflection.'
    : 'The map keeps orientation: V transpose and U are both rotations.';
  return `A ${rows} by ${cols} matrix maps the ${shape} to an ${image} with semi-axes ${sigmas}.${collapse} ${orientation}`;
}
