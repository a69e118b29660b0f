/**
 * Text labels for the 3D scenes, drawn as ordinary DOM over the canvas (crisp at any size, readable
 * by the page's own fonts) without a React root per label. The scene component lists the labels as
 * data; objects in the canvas set each label's anchor in world space; `LabelProjector`, the last
 * thing in the frame loop, projects the anchors to the screen and moves the elements.
 */
import { useCallback, useMemo, type CSSProperties, type ReactNode } from 'react';
import { declutter, type LabelBox } from './declutter';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3 } from 'three';

export interface LabelRegistry {
  anchors: Map<string, { position: Vector3; visible: boolean }>;
  elements: Map<string, HTMLElement>;
}

export interface LabelSpec {
  id: string;
  content: ReactNode;
  color: string;
  className?: string;
}

export function createLabelRegistry(): LabelRegistry {
  return { anchors: new Map(), elements: new Map() };
}

/** Places label `id` at (x, y, z) in world space, or hides it. */
export function setAnchor(registry: LabelRegistry, id: string, x: number, y: number, z: number, visible = true): void {
  const anchor = registry.anchors.get(id);
  if (anchor) {
    anchor.position.set(x, y, z);
    anchor.visible = visible;
  } else {
    registry.anchors.set(id, { position: new Vector3(x, y, z), visible });
  }
}

/** The DOM layer over the canvas: one absolutely positioned element per label. */
export function LabelOverlay({ registry, labels }: { registry: LabelRegistry; labels: LabelSpec[] }) {
  const bind = useCallback(
    (id: string) => (element: HTMLElement | null) => {
      if (element) registry.elements.set(id, element);
      else registry.elements.delete(id);
    },
    [registry],
  );
  return (
    <div className="label-layer" aria-hidden="true">
      {labels.map((label) => (
        <span key={label.id} ref={bind(label.id)} className={label.className ?? 'scene-label'} style={{ color: label.color, visibility: 'hidden' } as CSSProperties}>
          {label.content}
        </span>
      ))}
    </div>
  );
}

/** Projects every anchor to the screen each frame, moving overlapping labels apart; must be the last child of the canvas. */
export function LabelProjector({ registry }: { registry: LabelRegistry }) {
  const camera = useThree((state) => state.camera);
  const size = useThree((state) => state.size);
  const scratch = useMemo(() => new Vector3(), []);
  useFrame(() => {
    const shown: HTMLElement[] = [];
    const boxes: LabelBox[] = [];
    for (const [id, element] of registry.elements) {
      const anchor = registry.anchors.get(id);
      if (!anchor || !anchor.visible) {
        element.style.visibility = 'hidden';
        continue;
      }
      scratch.copy(anchor.position).project(camera);
      const behind = scratch.z > 1 || scratch.z < -1;
      element.style.visibility = behind ? 'hidden' : 'visible';
      if (behind) continue;
      shown.push(element);
      // Sizes are read before any transform of this frame is written, so no layout is forced.
      boxes.push({ x: ((scratch.x + 1) / 2) * size.width, y: ((1 - scratch.y) / 2) * size.height, width: element.offsetWidth, height: element.offsetHeight });
    }
    const spots = declutter(boxes);
    shown.forEach((element, i) => {
      element.style.transform = `translate(${spots[i].x.toFixed(1)}px, ${spots[i].y.toFixed(1)}px) translate(-50%, -50%)`;
    });
  });
  return null;
}
