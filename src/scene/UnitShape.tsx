/**
 * The unit circle (2D) or unit sphere (3D), drawn as a translucent fill plus outline rings, so the
 * shape reads both when flat and when stretched into an ellipse/ellipsoid by a parent matrix.
 */
import { useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute, Line, LineBasicMaterial } from 'three';

function ring(axis: 'xy' | 'yz' | 'xz', segments = 96): BufferGeometry {
  const points: number[] = [];
  for (let k = 0; k <= segments; k++) {
    const a = (2 * Math.PI * k) / segments;
    const c = Math.cos(a);
    const s = Math.sin(a);
    if (axis === 'xy') points.push(c, s, 0);
    else if (axis === 'yz') points.push(0, c, s);
    else points.push(c, 0, s);
  }
  return new BufferGeometry().setAttribute('position', new Float32BufferAttribute(points, 3));
}

const rings = { xy: ring('xy'), yz: ring('yz'), xz: ring('xz') };

interface UnitShapeProps {
  dimensions: number;
  color: string;
  fillOpacity: number;
  lineOpacity: number;
}

export function UnitShape({ dimensions, color, fillOpacity, lineOpacity }: UnitShapeProps) {
  const outlines = useMemo(() => {
    const material = new LineBasicMaterial({ color, transparent: true, opacity: lineOpacity });
    return (dimensions === 2 ? [rings.xy] : [rings.xy, rings.yz, rings.xz]).map((geometry) => new Line(geometry, material));
  }, [dimensions, color, lineOpacity]);
  return (
    <>
      {fillOpacity > 0 && (
        <mesh>
          {dimensions === 2 ? <circleGeometry args={[1, 96]} /> : <sphereGeometry args={[1, 48, 32]} />}
          <meshStandardMaterial color={color} transparent opacity={fillOpacity} depthWrite={false} side={2} />
        </mesh>
      )}
      {outlines.map((outline, i) => <primitive key={i} object={outline} />)}
    </>
  );
}
