/**
 * The part of the rank-k subspace visible in the three displayed directions: the whole space
 * (nothing drawn), a plane (a translucent square with its outline), a line, or the origin.
 */
import { useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute, Line, LineBasicMaterial } from 'three';

interface SubspaceFrameProps {
  /** For each displayed axis, whether its direction is kept at rank k. */
  keptAxes: boolean[];
  color: string;
  size?: number;
}

export function SubspaceFrame({ keptAxes, color, size = 1.1 }: SubspaceFrameProps) {
  const keptCount = keptAxes.filter(Boolean).length;
  const outline = useMemo(() => {
    if (keptCount !== 2 && keptCount !== 1) return null;
    const corner = (a: number, b: number) => keptAxes.map((k, axis) => (!k ? 0 : axis === keptAxes.indexOf(true) ? a : b));
    const points = keptCount === 2
      ? [corner(-size, -size), corner(size, -size), corner(size, size), corner(-size, size), corner(-size, -size)]
      : [keptAxes.map((k) => (k ? -size : 0)), keptAxes.map((k) => (k ? size : 0))];
    const geometry = new BufferGeometry().setAttribute('position', new Float32BufferAttribute(points.flat(), 3));
    return new Line(geometry, new LineBasicMaterial({ color, linewidth: 2 }));
  }, [keptAxes, keptCount, color, size]);

  if (keptCount !== 2) return outline ? <primitive object={outline} /> : null;
  // The plane spanned by the two kept axes; its normal is the dropped one.
  const dropped = keptAxes.indexOf(false);
  const rotation: [number, number, number] = dropped === 0 ? [0, Math.PI / 2, 0] : dropped === 1 ? [Math.PI / 2, 0, 0] : [0, 0, 0];
  return (
    <>
      <mesh rotation={rotation}>
        <planeGeometry args={[2 * size, 2 * size]} />
        <meshBasicMaterial color={color} transparent opacity={0.1} depthWrite={false} side={2} />
      </mesh>
      {outline && <primitive object={outline} />}
    </>
  );
}
