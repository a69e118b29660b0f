/**
 * One subspace through the origin, drawn in its colour with its name: a line for a 1-dimensional
 * subspace, a translucent disc for a plane in 3D. The zero subspace and the whole space draw nothing
 * (the scene description names them).
 */
import { useMemo } from 'react';
import { Html } from '@react-three/drei';
import { BufferGeometry, Float32BufferAttribute, Line, LineBasicMaterial, LineDashedMaterial, Matrix4, Vector3 } from 'three';

interface SubspaceShapeProps {
  /** Orthonormal basis vectors (embedded in 3D). */
  basis: Vector3[];
  /** Dimension of the space it lives in (1, 2 or 3). */
  ambient: number;
  color: string;
  label: string;
  /** Half-length of a line, radius of a disc. */
  size: number;
  dashed?: boolean;
}

export function SubspaceShape({ basis, ambient, color, label, size, dashed = false }: SubspaceShapeProps) {
  const dimension = basis.length;
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

  if (dimension === 0 || dimension >= ambient) return null;
  const anchor = basis[0].clone().multiplyScalar(size * 1.05);
  if (basis.length === 2) anchor.add(basis[1].clone().multiplyScalar(size * 0.35));
  return (
    <>
      {line && <primitive object={line} />}
      {disc && (
        <group matrixAutoUpdate={false} matrix={disc}>
          <mesh>
            <circleGeometry args={[size, 64]} />
            <meshBasicMaterial color={color} transparent opacity={0.16} depthWrite={false} side={2} />
          </mesh>
        </group>
      )}
      <Html position={anchor} center className="scene-label scene-label-subspace" style={{ color, pointerEvents: 'none' }}>
        {label}
      </Html>
    </>
  );
}
