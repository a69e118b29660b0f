/**
 * The weighted workspace's scene for matrices of more than 3 rows or columns: the SVD subspace and
 * the weighted one drawn together through their principal pairs (see angleWedges.ts). Each wedge
 * is the plane of one pair: the SVD's principal vector p_i (solid) and the weighted subspace's q_i
 * (dashed) at the principal angle theta_i, largest first.
 */
import { useEffect, useMemo } from 'react';
import { Line, OrbitControls } from '@react-three/drei';
import { useAppState, type AppState } from '../state/store';
import { palette } from '../theme/palette';
import { angleWedges, wedgeLabel, MAX_WEDGES, VECTOR_LENGTH, WEDGE_SPACING } from './angleWedges';
import { CameraFit } from './CameraFit';
import { setAnchor, type LabelRegistry, type LabelSpec } from './labels';

/** The angles of the method furthest along (as the weighted scene of small matrices shows). */
function shownAngles(state: AppState): Float64Array | null {
  return state.weighted.curves.find((c) => c.angles.length > 0)?.angles ?? null;
}

export function useAngleLabels(): LabelSpec[] {
  const angles = useAppState(shownAngles);
  return useMemo(() => {
    const wedges = angleWedges(angles ?? []);
    return [
      ...wedges.map((w, i) => ({ id: `wedge-${i}`, content: wedgeLabel(w), color: palette.text, className: 'scene-label' })),
      ...(wedges.length > 0
        ? [
            { id: 'wedge-svd', content: 'p (SVD)', color: palette.output, className: 'scene-label scene-label-subspace' },
            { id: 'wedge-weighted', content: 'q (weighted)', color: palette.scale, className: 'scene-label scene-label-subspace' },
          ]
        : []),
    ];
  }, [angles]);
}

export function WeightedAnglesContent({ labels }: { labels: LabelRegistry }) {
  const angles = useAppState(shownAngles);
  const wedges = useMemo(() => angleWedges(angles ?? []), [angles]);
  useEffect(() => {
    for (let i = 0; i < MAX_WEDGES; i++) {
      const w = wedges[i];
      if (w) setAnchor(labels, `wedge-${i}`, w.label[0], w.label[1], 0);
      else setAnchor(labels, `wedge-${i}`, 0, 0, 0, false);
    }
    const first = wedges[0];
    if (first) {
      setAnchor(labels, 'wedge-svd', first.origin[0] + first.svdEnd[0], 0.22, 0);
      setAnchor(labels, 'wedge-weighted', first.origin[0] + first.weightedEnd[0], first.weightedEnd[1] + 0.22, 0);
    }
  }, [labels, wedges]);
  // Framed to the row of wedges: the 40 degree field of view sees about 0.75 of the distance across.
  const width = (Math.max(1, wedges.length) - 1) * WEDGE_SPACING + VECTOR_LENGTH;
  return (
    <>
      <CameraFit position={[0, 0.55, 1.35 * width + 1.2]} />
      {wedges.map((w) => {
        const end = (v: [number, number, number]): [number, number, number] => [w.origin[0] + v[0], w.origin[1] + v[1], 0];
        return (
          <group key={w.index}>
            <Line points={[w.origin, end(w.svdEnd)]} color={palette.output} lineWidth={4} />
            <Line points={[w.origin, end(w.weightedEnd)]} color={palette.scale} lineWidth={4} dashed dashSize={0.08} gapSize={0.05} />
            <Line points={w.arc} color={palette.text} lineWidth={2} />
          </group>
        );
      })}
      <OrbitControls makeDefault enableDamping={false} enableRotate={false} />
    </>
  );
}
