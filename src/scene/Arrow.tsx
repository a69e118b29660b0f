/**
 * An arrow from the origin whose tip follows a transient direction, updated in place (no React
 * state per frame): the parent's frame loop calls `update(x, y, z)`. With a label registry, the
 * arrow also keeps its label's anchor just beyond its tip.
 */
import { forwardRef, useImperativeHandle, useMemo, useRef } from 'react';
import { ConeGeometry, CylinderGeometry, Group, Quaternion, Vector3 } from 'three';
import { setAnchor, type LabelRegistry } from './labels';

export interface ArrowHandle {
  update(x: number, y: number, z: number): void;
}

interface ArrowProps {
  color: string;
  /** Shaft thickness in world units. */
  width?: number;
  labels?: LabelRegistry;
  labelId?: string;
}

const UP = new Vector3(0, 1, 0);
// Shared geometry: every arrow is the same unit-length shape, scaled.
const shaftGeometry = new CylinderGeometry(1, 1, 1, 12).translate(0, 0.5, 0);
const headGeometry = new ConeGeometry(1, 1, 16).translate(0, -0.5, 0);

export const Arrow = forwardRef<ArrowHandle, ArrowProps>(function Arrow({ color, width = 0.025, labels, labelId }, ref) {
  const group = useRef<Group>(null);
  const shaft = useRef<Group>(null);
  const head = useRef<Group>(null);
  const scratch = useMemo(() => ({ dir: new Vector3(), q: new Quaternion() }), []);

  useImperativeHandle(ref, () => ({
    update(x, y, z) {
      const length = Math.hypot(x, y, z);
      const visible = length > 1e-9;
      if (labels && labelId) {
        const reach = visible ? (length * 1.08 + 0.08) / length : 0;
        setAnchor(labels, labelId, x * reach, y * reach, z * reach, visible);
      }
      if (!group.current || !shaft.current || !head.current) return;
      group.current.visible = visible;
      if (!visible) return;
      scratch.dir.set(x / length, y / length, z / length);
      scratch.q.setFromUnitVectors(UP, scratch.dir);
      group.current.quaternion.copy(scratch.q);
      const headLength = Math.min(length * 0.35, width * 7);
      const headWidth = width * 2.6;
      shaft.current.scale.set(width, Math.max(length - headLength, 1e-6), width);
      head.current.position.set(0, length, 0);
      head.current.scale.set(headWidth, headLength, headWidth);
    },
  }), [scratch, width, labels, labelId]);

  return (
    <group ref={group}>
      <group ref={shaft}>
        <mesh geometry={shaftGeometry}>
          <meshStandardMaterial color={color} />
        </mesh>
      </group>
      <group ref={head}>
        <mesh geometry={headGeometry}>
          <meshStandardMaterial color={color} />
        </mesh>
      </group>
    </group>
  );
});
