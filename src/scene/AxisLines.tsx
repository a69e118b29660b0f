/** Thin grey coordinate axes through the origin: orientation without competing with the data. */
import { useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute, LineBasicMaterial, LineSegments } from 'three';

export function AxisLines({ length, dimensions = 3 }: { length: number; dimensions?: number }) {
  const lines = useMemo(() => {
    const points = [-length, 0, 0, length, 0, 0, 0, -length, 0, 0, length, 0];
    if (dimensions > 2) points.push(0, 0, -length, 0, 0, length);
    const geometry = new BufferGeometry().setAttribute('position', new Float32BufferAttribute(points, 3));
    return new LineSegments(geometry, new LineBasicMaterial({ color: '#9a9aab', transparent: true, opacity: 0.7 }));
  }, [length, dimensions]);
  return <primitive object={lines} />;
}
