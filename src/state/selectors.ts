/**
 * Named selectors: values derived from the store that several components show.
 */
import type { AppState } from './store';
import type { SvdFactors as SvdJobOutput } from '../worker/svdJob';
import { MAP_MAX, type ViewMode } from './viewSlice';
import { breakEvenRank, compressionFactor, DEFAULT_FLOP_RATE, svdCost, suggestedRank, truncationError, type SvdCost } from '../core';
import { methodFor, RANDOMIZED_DEFAULTS, type SvdMethod } from './svdSlice';
import { openWorkspaceOf } from './workspaces';

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
export function describeMap(result: SvdJobOutput | null, rank = Infinity): string {
  if (!result) return 'The singular value decomposition is being computed.';
  const { rows, cols, s } = result;
  const reflection = result.map?.reflection ?? false;
  const input = ['unit interval', 'unit circle', 'unit sphere'][Math.min(cols, 3) - 1];
  const imageOf = (r: number) => ['a single point', 'a line segment', 'an ellipse', 'an ellipsoid'][Math.min(r, 3)];
  const shown = Array.from(s.subarray(0, 6), (x, i) => `sigma ${i + 1} = ${formatValue(x)}`).join(', ');
  const sigmas = s.length > 6 ? `${shown}, and ${s.length - 6} more` : shown;
  const tolerance = Math.max(rows, cols) * (s[0] || 0) * Number.EPSILON;
  const numerical = Array.from(s).filter((x) => x > tolerance).length;
  const where = rows === 3 && numerical === 2 && cols < 3 ? ' lying in a plane of 3D space' : '';
  let text = `A ${rows} by ${cols} matrix of rank ${numerical} maps the ${input} to ${imageOf(numerical)}${where}, with semi-axes ${sigmas}.`;
  if (rank < numerical) text += ` Truncated to rank ${rank}, A_${rank} flattens it further, to ${imageOf(rank)}.`;
  if (rows === cols) {
    text += reflection
      ? ' The map reverses orientation: one of its rotations must be a reflection.'
      : ' The map keeps orientation: V transpose and U are both rotations.';
  }
  return text;
}

/**
 * What the SVD of the current matrix by `method` (default: the chosen one) should cost here: the
 * core's estimate at this device's GEMM speed once the worker has measured it (an SVD has come
 * back), at a conservative default before. The worker's own estimate decides whether to start.
 */
/** The device's measured GEMM rate (from the worker's calibration), or a typical laptop's until it is known. */
export function deviceFlopRate(state: AppState): number {
  return state.svd.flopRate ?? DEFAULT_FLOP_RATE;
}

export function svdEstimate(state: AppState, method: SvdMethod = state.svd.method): SvdCost {
  const { rows, cols } = state.matrix;
  return svdCost(rows, cols, methodFor(method, rows, cols), deviceFlopRate(state));
}

/** The randomized SVD the panels offer for the current matrix: k = min(100, p / 4), smaller if that would still be slow. */
export function suggestedRandomized(state: AppState): Extract<SvdMethod, { kind: 'randomized' }> {
  const { rows, cols } = state.matrix;
  const k = state.svd.offer?.randomized?.k ?? suggestedRank(rows, cols, deviceFlopRate(state));
  return { kind: 'randomized', ...RANDOMIZED_DEFAULTS, k };
}

/** The largest rank the chosen method provides: min(m, n), or k for the randomized SVD. */
export function availableRank(state: AppState): number {
  const { rows, cols } = state.matrix;
  const method = methodFor(state.svd.method, rows, cols);
  return method.kind === 'randomized' ? method.k : Math.min(rows, cols);
}

/** The rank k in use: the chosen one clamped to 1..(the available rank), or the available rank. */
export function effectiveRank(state: AppState): number {
  const p = availableRank(state);
  return state.rank === null ? p : Math.min(p, Math.max(1, state.rank));
}

/** The view shown: the map only fits matrices up to 3 x 3. */
export function effectiveView(state: AppState): ViewMode {
  const fitsMap = state.matrix.rows <= MAP_MAX && state.matrix.cols <= MAP_MAX;
  if (state.viewMode === 'map' && !fitsMap) return 'cloud';
  return state.viewMode;
}

export interface TruncationReadout {
  frobenius: number;
  spectral: number;
  relativeFrobenius: number;
  relativeSpectral: number;
  energyCaptured: number;
  compression: number;
  breakEven: number;
}

/** Caches the last answer: selectors must return the same object for the same inputs. */
function memoize2<A, B, R>(compute: (a: A, b: B) => R): (a: A, b: B) => R {
  let lastA: A | undefined;
  let lastB: B | undefined;
  let last: R | undefined;
  return (a, b) => {
    if (last === undefined || a !== lastA || b !== lastB) {
      lastA = a;
      lastB = b;
      last = compute(a, b);
    }
    return last;
  };
}

const readoutFor = memoize2((result: SvdJobOutput, rank: number): TruncationReadout => {
  // A complete spectrum is its own total (exact zeros at full rank); a partial one needs ||A||_F^2.
  const errors = truncationError({ s: result.s }, rank, result.complete ? {} : { frobeniusSquared: result.frobeniusSquared });
  return {
    ...errors,
    compression: compressionFactor(result.rows, result.cols, rank),
    breakEven: breakEvenRank(result.rows, result.cols),
  };
});

/** Errors, energy and storage of the rank-k truncation, from the singular values alone. */
export function truncationReadout(state: AppState): TruncationReadout | null {
  const result = latestSvd(state);
  return result ? readoutFor(result, Math.min(result.p, effectiveRank(state))) : null;
}

/** The point cloud in words: what the points are, the axes, and what the rank does to them. */
export function describeCloud(result: SvdJobOutput | null, of: 'rows' | 'columns', axes: readonly number[], rank: number): string {
  if (!result) return 'The singular value decomposition is being computed.';
  const count = of === 'rows' ? result.rows : result.cols;
  const name = of === 'rows' ? 'v' : 'u';
  const axisNames = axes.map((j) => `${name}${j + 1}`).join(', ');
  const dropped = axes.filter((j) => j >= rank).map((j) => `${name}${j + 1}`);
  const effect = dropped.length === 0
    ? `At rank ${rank} all three shown directions are kept; colour shows how much of each point the rank-${rank} projection loses (blue: nothing, orange: everything).`
    : `At rank ${rank} the directions ${dropped.join(', ')} are dropped, so every point is projected flat along them.`;
  return `The ${count} ${of} of the ${result.rows} by ${result.cols} matrix, as points in the coordinates of the singular directions ${axisNames}. ${effect}`;
}

/** The heatmaps in words. */
export function describeHeatmaps(result: SvdJobOutput | null, rank: number): string {
  if (!result) return 'The singular value decomposition is being computed.';
  return `Heatmaps of the ${result.rows} by ${result.cols} matrix A, its rank-${rank} approximation A_k and the residual A − A_k, on one colour scale: blue negative, white zero, orange positive.`;
}

/** The description of whatever the open workspace shows. */
export function describeScene(state: AppState): string {
  return openWorkspaceOf(state)?.describe(state) ?? 'The start page: choose a workspace.';
}

/** Which content the one 3D canvas shows (a key of the scene registry), or null when it is hidden. */
export function sceneContent(state: AppState): string | null {
  return openWorkspaceOf(state)?.sceneContent(state) ?? null;
}

export { describeAttention } from './workspaces/attentionWorkspace';
