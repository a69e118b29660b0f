/**
 * The weighted and the SVD subspaces of a matrix too big to draw (more than 3 rows), drawn exactly
 * where it can be done: each pair of principal vectors (p_i of the SVD subspace, q_i of the weighted
 * one) spans a plane of its own, mutually orthogonal for different i, and in that plane p_i and q_i
 * are two unit vectors at the principal angle theta_i. The scene draws the largest few side by side.
 */

/** How many principal pairs are drawn: the largest angles, which say most about the tilt. */
export const MAX_WEDGES = 3;
/** Distance between the wedges' origins, and the length of each principal vector drawn. */
export const WEDGE_SPACING = 2.8;
export const VECTOR_LENGTH = 1.7;
const ARC_RADIUS = 0.55;
const ARC_SEGMENTS = 32;

export interface Wedge {
  /** Which principal angle, counted from 1 in ascending order (as the table lists them). */
  index: number;
  angle: number;
  origin: [number, number, number];
  /** The ends of p_i (along the wedge's x) and of q_i, from the origin, both VECTOR_LENGTH long. */
  svdEnd: [number, number, number];
  weightedEnd: [number, number, number];
  /** The arc between them, for the angle's mark. */
  arc: [number, number, number][];
  /** Where the angle's label goes: under the wedge, clear of both vectors. */
  label: [number, number, number];
}

/** The wedges of the largest `MAX_WEDGES` angles (radians, ascending as principalAngles gives them), largest first, centred on x = 0. */
// (A wedge's width is VECTOR_LENGTH; the row of them is centred.)
export function angleWedges(angles: ArrayLike<number>): Wedge[] {
  const order = Array.from(angles, (angle, i) => ({ angle, index: i + 1 }))
    .filter((a) => Number.isFinite(a.angle))
    .sort((a, b) => b.angle - a.angle)
    .slice(0, MAX_WEDGES);
  const start = -((order.length - 1) * WEDGE_SPACING + VECTOR_LENGTH) / 2;
  return order.map(({ angle, index }, slot) => {
    const x0 = start + slot * WEDGE_SPACING;
    const at = (r: number, t: number): [number, number, number] => [x0 + r * Math.cos(t), r * Math.sin(t), 0];
    const arc = Array.from({ length: ARC_SEGMENTS + 1 }, (_, s) => at(ARC_RADIUS, (angle * s) / ARC_SEGMENTS));
    const svdEnd: [number, number, number] = [VECTOR_LENGTH, 0, 0];
    const weightedEnd: [number, number, number] = [VECTOR_LENGTH * Math.cos(angle), VECTOR_LENGTH * Math.sin(angle), 0];
    return { index, angle, origin: [x0, 0, 0], svdEnd, weightedEnd, arc, label: [x0 + VECTOR_LENGTH / 2, -0.4, 0] };
  });
}

/** "θ₂ = 17.05°" */
export function wedgeLabel(wedge: Pick<Wedge, 'index' | 'angle'>): string {
  const subscript = String(wedge.index).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
  return `θ${subscript} = ${((wedge.angle * 180) / Math.PI).toFixed(2)}°`;
}
