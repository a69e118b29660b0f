/**
 * The linear map shown at animation step t in [0, 3]:
 *   0 -> identity, 1 -> V^T, 2 -> S V^T, 3 -> U S V^T,
 * interpolating each stage geometrically: rotations by quaternion slerp (a rotation turns, it does
 * not shear), scalings linearly per axis, and an unavoidable reflection as a squash through a plane.
 * Maps of 2 x 2 matrices are embedded in 3D with z left alone.
 */
import { Matrix3, Matrix4, Quaternion } from 'three';

export interface SvdFactors {
  /** n x n (n = 2 or 3), row-major. */
  n: number;
  u: ArrayLike<number>;
  s: ArrayLike<number>;
  v: ArrayLike<number>;
  /** True when det(U) = -1 is unavoidable (det A < 0); V is then a rotation. */
  reflection: boolean;
}

interface Rotation {
  quaternion: Quaternion;
  /** Axis flipped after rotating back (for a reflection), or -1. */
  flipAxis: number;
}

/** A 3x3 column-major three.js matrix from an n x n row-major array (embedding 2D in 3D). */
function embed(n: number, data: ArrayLike<number>, transpose = false): Matrix3 {
  const m = new Matrix3().identity();
  const e = m.elements; // column-major
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) e[j * 3 + i] = transpose ? data[j * n + i] : data[i * n + j];
  }
  return m;
}

/** Splits an orthogonal Q into a rotation R and, if det Q = -1, a flip F of one axis: Q = R F. */
function toRotation(q: Matrix3, n: number): Rotation {
  const flipAxis = q.determinant() < 0 ? n - 1 : -1;
  const r = q.clone();
  if (flipAxis >= 0) {
    const e = r.elements;
    for (let i = 0; i < 3; i++) e[flipAxis * 3 + i] = -e[flipAxis * 3 + i];
  }
  const quaternion = new Quaternion().setFromRotationMatrix(new Matrix4().setFromMatrix3(r));
  return { quaternion, flipAxis };
}

export interface StepMap {
  /** Writes the map at step t into `out` and returns it. Allocation-free per call. */
  at(t: number, out: Matrix4): Matrix4;
}

export function createStepMap(f: SvdFactors): StepMap {
  const vt = toRotation(embed(f.n, f.v, true), f.n);
  const u = toRotation(embed(f.n, f.u), f.n);
  const sigma = [1, 1, 1].map((one, i) => (i < f.n ? f.s[i] : one));
  const identity = new Quaternion();
  const q = new Quaternion();
  const rotation = new Matrix4();
  const scratch = new Matrix4();

  function rotationPart(r: Rotation, tau: number, target: Matrix4): Matrix4 {
    q.slerpQuaternions(identity, r.quaternion, tau);
    target.makeRotationFromQuaternion(q);
    if (r.flipAxis >= 0) {
      // Q = R F: squash the flipped axis through zero as tau goes 0 -> 1.
      const flip = [1, 1, 1];
      flip[r.flipAxis] = 1 - 2 * tau;
      target.multiply(scratch.makeScale(flip[0], flip[1], flip[2]));
    }
    return target;
  }

  return {
    at(t, out) {
      const t1 = Math.min(1, Math.max(0, t));
      const t2 = Math.min(1, Math.max(0, t - 1));
      const t3 = Math.min(1, Math.max(0, t - 2));
      // out = U(t3) * S(t2) * V^T(t1)
      rotationPart(u, t3, out);
      out.multiply(scratch.makeScale(1 + t2 * (sigma[0] - 1), 1 + t2 * (sigma[1] - 1), 1 + t2 * (sigma[2] - 1)));
      out.multiply(rotationPart(vt, t1, rotation));
      return out;
    },
  };
}
