/**
 * One subspace through the origin, drawn in its colour: a line for a 1-dimensional subspace, a
 * translucent disc for a plane in 3D, with its label's anchor beside it. The zero subspace and the
 * whole space draw nothing (the scene description names them).
 */
import { useEffect, useMemo } from 'react';
import { setAnchor, type LabelRegistry } from './labels';
import { BufferGeometry, Float32BufferAttribute, Line, LineBasicMaterial, LineDashedMaterial, Matrix4, Vector3 } from 'three';

interface SubspaceShapeProps {
  /** Orthonormal basis vectors (embedded in 3D). */
  basis: Vector3[];
  /** Dimension of the space it lives in (1, 2 or 3). */
  ambient: number;
  color: string;
  labels: LabelRegistry;
  labelId: string;
  /** Half-length of a line, radius of a disc. */
  size: number;
  dashed?: boolean;
}

export function SubspaceShape({ basis, ambient, color, labels, labelId, size, dashed = false }: SubspaceShapeProps) {
  const dimension = basis.length;
  const drawn = dimension > 0 && dimension < ambient;
  useEffect(() => {
    if (!drawn) {
      setAnchor(labels, labelId, 0, 0, 0, false);
      return;
    }
    const anchor = basis[0].clone().multiplyScalar(size * 1.05);
    if (basis.length === 2) anchor.add(basis[1].clone().multiplyScalar(size * 0.35));
    setAnchor(labels, labelId, anchor.x, anchor.y, anchor.z);
  }, [basis, size, drawn, labels, labelId]);
  const line = useMemo(() => {
    if (dimension !== 1) return null;
    const d = basis[0];
    const geometry = new BufferGeometry().setAttribute('position', new Float32BufferAttribute([-d.x * size, -d.y * size, -d.z * size, d.x * size, d.y * size, d.z * size], 3));
    const material = dashed ? new LineDashedMaterial({ color, dashSize: 0.12, gapSize: 0.08 }) : new LineBasicMaterial({ color });
    const object = new Line(geometry, material);
    if (dashed) object.computeLineDistances();
    return object;
  }, [basis, dimension, size, color, dashed]);

  const disc = useMemo(() => {
    if (dimension !== 2 || ambient !== 3) return null;
    const [a, b] = basis;
    const normal = new Vector3().crossVectors(a, b).normalize();
    // A circle geometry lies in the xy-plane: map x -> a, y -> b, z -> normal.
    return new Matrix4().makeBasis(a, b, normal);
  }, [basis, dimension, ambient]);

  if (!drawn) return null;
  return (
    <>
      {line && <primitive object={line} />}
      {disc && (
        <group matrixAutoUpdate={false} matrix={disc}>
          <mesh>
            <circleGeometry args={[size, 64]} />
            <meshBasicMaterial color={color} transparent opacity={0.1} depthWrite={false} side={2} />
          </mesh>
        </group>
      )}
    </>
  );
}
