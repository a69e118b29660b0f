/**
 * The part of the rank-k subspace visible in the three displayed directions: the whole space
 * (nothing drawn), a plane (a translucent square with its outline), a line, or the origin.
 *
 * The plane and the outline are always in the scene and only turn transparent when not needed: a
 * material first drawn in the middle of a slider drag would be compiled then, a long task.
 */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { BufferGeometry, Float32BufferAttribute, Line, LineBasicMaterial, Mesh, MeshBasicMaterial, PlaneGeometry } from 'three';

interface SubspaceFrameProps {
  /** For each displayed axis, whether its direction is kept at rank k. */
  keptAxes: boolean[];
  color: string;
  size?: number;
}

/** Corner points of the outline: a square in the plane of two kept axes, or a segment along one. */
function outlinePoints(kept: boolean[], size: number): number[] {
  const axes = kept.flatMap((k, axis) => (k ? [axis] : []));
  const point = (values: Array<[number, number]>) => {
    const p = [0, 0, 0];
    for (const [axis, value] of values) p[axis] = value;
    return p;
  };
  if (axes.length === 2) {
    const [a, b] = axes;
    const corners: Array<[number, number]> = [[-size, -size], [size, -size], [size, size], [-size, size], [-size, -size]];
    return corners.flatMap(([x, y]) => point([[a, x], [b, y]]));
  }
  if (axes.length === 1) return [...point([[axes[0], -size]]), ...point([[axes[0], size]])];
  return [0, 0, 0, 0, 0, 0];
}

export function SubspaceFrame({ keptAxes, color, size = 1.1 }: SubspaceFrameProps) {
  const invalidate = useThree((state) => state.invalidate);
  const key = keptAxes.map(Number).join('');
  const objects = useMemo(() => {
    const plane = new Mesh(new PlaneGeometry(2 * size, 2 * size), new MeshBasicMaterial({ transparent: true, opacity: 0, depthWrite: false, side: 2 }));
    const outline = new Line(new BufferGeometry(), new LineBasicMaterial({ transparent: true, opacity: 0 }));
    return { plane, outline };
  }, [size]);
  useEffect(() => () => {
    objects.plane.geometry.dispose();
    objects.outline.geometry.dispose();
  }, [objects]);

  useEffect(() => {
    const kept = key.split('').map((c) => c === '1');
    const count = kept.filter(Boolean).length;
    const { plane, outline } = objects;
    (plane.material as MeshBasicMaterial).color.set(color);
    (outline.material as LineBasicMaterial).color.set(color);
    (plane.material as MeshBasicMaterial).opacity = count === 2 ? 0.1 : 0;
    (outline.material as LineBasicMaterial).opacity = count === 1 || count === 2 ? 1 : 0;
    outline.geometry.setAttribute('position', new Float32BufferAttribute(outlinePoints(kept, size), 3));
    // The plane spanned by the two kept axes; its normal is the dropped one.
    const dropped = kept.indexOf(false);
    plane.rotation.set(dropped === 0 ? 0 : dropped === 1 ? Math.PI / 2 : 0, dropped === 0 ? Math.PI / 2 : 0, 0);
    invalidate();
  }, [key, color, size, objects, invalidate]);

  return (
    <>
      <primitive object={objects.plane} />
      <primitive object={objects.outline} />
    </>
  );
}
