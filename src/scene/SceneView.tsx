/**
 * The one 3D canvas of the workspace. The map and the point cloud are its two contents; switching
 * views swaps the contents but keeps the canvas and its WebGL context (creating a context is a long
 * task on the page's thread), and the heatmap and attention views only hide it.
 */
import { useMemo, useState } from 'react';
import { Canvas } from '@react-three/fiber';
import { useAppState } from '../state/store';
import { effectiveView } from '../state/selectors';
import { palette } from '../theme/palette';
import { createLabelRegistry, LabelOverlay, LabelProjector } from './labels';
import { LinearMapContent, useMapLabels } from './LinearMapScene';
import { PointCloudContent, useCloudLabels } from './PointCloudScene';

const RAYCASTER = { params: { Points: { threshold: 0.03 }, Mesh: {}, Line: { threshold: 1 }, LOD: {}, Sprite: {} } };

export function SceneView({ describedBy }: { describedBy: string }) {
  const view = useAppState(effectiveView);
  const registry = useMemo(() => createLabelRegistry(), []);
  const [hovered, setHovered] = useState<number | null>(null);
  const mapLabels = useMapLabels();
  const cloudLabels = useCloudLabels(hovered);
  const labels = view === 'map' ? mapLabels : view === 'cloud' ? cloudLabels : [];
  return (
    <div className="scene-canvas" hidden={view !== 'map' && view !== 'cloud'}>
      <Canvas
        frameloop="demand"
        dpr={[1, 2]}
        camera={{ fov: 40, near: 0.01, far: 1000 }}
        gl={{ preserveDrawingBuffer: true, antialias: true }}
        raycaster={RAYCASTER}
        role="img"
        aria-label={view === 'cloud' ? 'Point cloud scene' : 'Linear map scene'}
        aria-describedby={describedBy}
      >
        <color attach="background" args={[palette.background]} />
        {view === 'map' && <LinearMapContent labels={registry} />}
        {view === 'cloud' && <PointCloudContent labels={registry} onHover={setHovered} />}
        <LabelProjector registry={registry} />
      </Canvas>
      <LabelOverlay registry={registry} labels={labels} />
    </div>
  );
}
