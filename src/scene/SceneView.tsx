/**
 * The one 3D canvas. What it shows comes from the open workspace (`sceneContent`) and the scene
 * registry (`contents.tsx`); switching between contents keeps the canvas and its WebGL context
 * (creating a context is a long task on the page's thread), and a workspace or view without a
 * scene only hides it.
 */
import { useMemo, useState } from 'react';
import { Canvas } from '@react-three/fiber';
import { useAppState } from '../state/store';
import { sceneContent } from '../state/selectors';
import { palette } from '../theme/palette';
import { createLabelRegistry, LabelProjector } from './labels';
import { SCENE_CONTENTS } from './contents';

const RAYCASTER = { params: { Points: { threshold: 0.03 }, Mesh: {}, Line: { threshold: 1 }, LOD: {}, Sprite: {} } };

export function SceneView({ describedBy }: { describedBy: string }) {
  const name = useAppState(sceneContent);
  const content = name === null ? undefined : SCENE_CONTENTS[name];
  const registry = useMemo(() => createLabelRegistry(), []);
  const [hovered, setHovered] = useState<number | null>(null);
  return (
    <div className="scene-canvas" hidden={!content}>
      <Canvas
        frameloop="demand"
        dpr={[1, 2]}
        camera={{ fov: 40, near: 0.01, far: 1000 }}
        gl={{ preserveDrawingBuffer: true, antialias: true }}
        raycaster={RAYCASTER}
        role="img"
        aria-label={content?.ariaLabel ?? 'Scene'}
        aria-describedby={describedBy}
      >
        <color attach="background" args={[palette.background]} />
        {content && <content.Content labels={registry} onHover={setHovered} />}
        <LabelProjector registry={registry} />
      </Canvas>
      {content && <content.Overlay labels={registry} hovered={hovered} />}
    </div>
  );
}
