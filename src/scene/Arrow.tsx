/**
 * An arrow from the origin whose tip follows a transient direction, updated in place (no React
 * state per frame). `update(x, y, z)` is called by the parent's frame loop.
 */
import { forwardRef, useImperativeHandle, useMemo, useRef } from 'react';
import { Html } from '@react-three/drei';
import { ConeGeometry, CylinderGeometry, Group, Quaternion, Vector3 } from 'three';
import type { ReactNode } from 'react';

export interface ArrowHandle {
  update(x: number, y: number, z: number): void;
}

interface ArrowProps {
  color: string;
  label?: ReactNode;
  /** Shaft thickness in world units. */
  width?: number;
  labelClass?: string;
}

const UP = new Vector3(0, 1, 0);
// Shared geometry: every arrow is the same unit-length shape, scaled.
const shaftGeometry = new CylinderGeometry(1, 1, 1, 12).translate(0, 0.5, 0);
const headGeometry = new ConeGeometry(1, 1, 16).translate(0, -0.5, 0);

export const Arrow = forwardRef<ArrowHandle, ArrowProps>(function Arrow({ color, label, width = 0.025, labelClass }, ref) {
  const group = useRef<Group>(null);
  const shaft = useRef<Group>(null);
  const head = useRef<Group>(null);
  const tip = useRef<Group>(null);
  const scratch = useMemo(() => ({ dir: new Vector3(), q: new Quaternion() }), []);

  useImperativeHandle(ref, () => ({
    update(x, y, z) {
      const length = Math.hypot(x, y, z);
      const visible = length > 1e-9;
      if (!group.current || !shaft.current || !head.current || !tip.current) return;
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
      tip.current.position.set(0, length * 1.08 + 0.06, 0);
    },
  }), [scratch, width]);

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
      <group ref={tip}>
        {label !== undefined && (
          <Html center className={labelClass ?? 'scene-label'} style={{ color, pointerEvents: 'none' }}>
            {label}
          </Html>
        )}
      </group>
    </group>
  );
});
