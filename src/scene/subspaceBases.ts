/**
 * Orthonormal bases of the four fundamental subspaces of a small map, read from its padded square
 * SVD: with numerical rank r, the column space is span(u_1..u_r) and the left null space
 * span(u_{r+1}..u_m) in the output space R^m; the row space is span(v_1..v_r) and the null space
 * span(v_{r+1}..v_n) in the input space R^n.
 */
import { Vector3 } from 'three';
import type { SquareMap } from '../state/svdSlice';

export interface FundamentalBases {
  rank: number;
  columnSpace: Vector3[];
  leftNullSpace: Vector3[];
  rowSpace: Vector3[];
  nullSpace: Vector3[];
}

function column(data: Float64Array, n: number, j: number): Vector3 {
  return new Vector3(data[j], data[n + j], n > 2 ? data[2 * n + j] : 0);
}

/** The numerical rank by the usual tolerance max(m, n) * sigma_1 * eps. */
export function numericalRankOf(sigmas: ArrayLike<number>, rows: number, cols: number): number {
  const tolerance = Math.max(rows, cols) * (sigmas[0] ?? 0) * Number.EPSILON;
  let rank = 0;
  for (let i = 0; i < sigmas.length; i++) if (sigmas[i] > tolerance) rank++;
  return rank;
}

/**
 * Bases of the subspaces. The worker builds the padded SVD so that the first m columns of U span
 * R^m and the first n columns of V span R^n (the rest are the padding's own axes), so the subspaces
 * of the rank-r truncation are read off by column ranges.
 */
export function fundamentalBases(map: SquareMap, rows: number, cols: number, sigmas: ArrayLike<number>): FundamentalBases {
  const rank = Math.min(numericalRankOf(sigmas, rows, cols), rows, cols);
  const columnsOf = (q: Float64Array, from: number, to: number) =>
    Array.from({ length: Math.max(0, to - from) }, (_, k) => column(q, map.n, from + k));
  return {
    rank,
    columnSpace: columnsOf(map.u, 0, rank),
    leftNullSpace: columnsOf(map.u, rank, rows),
    rowSpace: columnsOf(map.v, 0, rank),
    nullSpace: columnsOf(map.v, rank, cols),
  };
}
