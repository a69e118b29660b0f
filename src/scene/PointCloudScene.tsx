/**
 * The rows (or columns) of a matrix as a point cloud in the coordinates of three singular
 * directions. Moving the rank glides every point to its projection onto the rank-k subspace and
 * recolours it by the share of its length that projection loses. The point under the pointer shows
 * its label (a word for embeddings, the row index otherwise).
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { setAnchor, type LabelRegistry, type LabelSpec } from './labels';
import { CameraFit, rememberCamera } from './CameraFit';
import { BufferAttribute, BufferGeometry, Color, Sphere, Vector3 } from 'three';
import { useAppState } from '../state/store';
import { effectiveRank, latestSvd } from '../state/selectors';
import type { SvdResult } from '../state/svdSlice';
import { palette } from '../theme/palette';
import { cloudCoordinates, cloudExtent, createKeptEnergy, pointCount, residualShareOf, residualShares, type CloudOf } from './cloudMath';
import { SubspaceFrame } from './SubspaceFrame';
import { AxisLines } from './AxisLines';

const GLIDE_SECONDS = 0.45;
/**
 * From this many points the colours are computed in a task after the one that lays the points out:
 * a new result's first colouring sums k terms per point (50257 x 100 for GPT-2's embeddings with
 * the randomized SVD), and together the two made a 55-70 ms task.
 */
const DEFERRED_COLOURS_FROM = 20_000;
const kept = new Color(palette.input);
const lost = new Color(palette.output);

interface CloudProps {
  labelRegistry: LabelRegistry;
  /** Reports the point under the pointer (index) or null. */
  onHover(index: number | null): void;
  result: SvdResult;
  of: CloudOf;
  axes: [number, number, number];
  rank: number;
  labels?: string[];
}

function Cloud({ result, of, axes, rank, labelRegistry, onHover }: CloudProps) {
  const count = pointCount(result, of);
  const extent = useMemo(() => cloudExtent(result, of, axes), [result, of, axes]);
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(count * 3), 3));
    g.setAttribute('color', new BufferAttribute(new Float32Array(count * 3), 3));
    // Coordinates are divided by the cloud's extent, so every point (and every point of a glide
    // between two ranks) lies in [-1, 1]^3: a fixed sphere spares a pass over all points per frame.
    g.boundingSphere = new Sphere(new Vector3(), Math.sqrt(3));
    return g;
  }, [count]);
  useEffect(() => () => geometry.dispose(), [geometry]);

  // Where each point is going (the rank-k projection) and where it came from, for the glide.
  const buffers = useMemo(() => ({ from: new Float32Array(count * 3), to: new Float32Array(count * 3), shares: new Float32Array(count) }), [count]);
  const keptEnergy = useMemo(() => createKeptEnergy(), []);
  const glide = useRef({ start: 0, active: false });
  const invalidate = useThree((state) => state.invalidate);
  const hovered = useRef<number | null>(null);

  useEffect(() => {
    const position = geometry.getAttribute('position') as BufferAttribute;
    buffers.from.set(position.array as Float32Array);
    cloudCoordinates(result, of, axes, rank, extent, buffers.to);
    glide.current = { start: performance.now(), active: true };
    invalidate();
    const recolour = () => {
      residualShares(result, of, rank, buffers.shares, keptEnergy);
      const colors = geometry.getAttribute('color') as BufferAttribute;
      // Color.lerp written out: per-point method calls cost milliseconds at 50,000 points.
      const rgb = colors.array as Float32Array;
      for (let i = 0; i < count; i++) {
        const t = Math.min(1, buffers.shares[i]);
        rgb[3 * i] = kept.r + (lost.r - kept.r) * t;
        rgb[3 * i + 1] = kept.g + (lost.g - kept.g) * t;
        rgb[3 * i + 2] = kept.b + (lost.b - kept.b) * t;
      }
      colors.needsUpdate = true;
      invalidate();
    };
    if (count < DEFERRED_COLOURS_FROM) {
      recolour();
      return;
    }
    const timer = setTimeout(recolour, 0);
    return () => clearTimeout(timer);
  }, [result, of, axes, rank, extent, geometry, buffers, keptEnergy, count, invalidate]);

  useFrame(() => {
    if (!glide.current.active) return;
    const position = geometry.getAttribute('position') as BufferAttribute;
    const array = position.array as Float32Array;
    const t = Math.min(1, (performance.now() - glide.current.start) / (GLIDE_SECONDS * 1000));
    const ease = t * t * (3 - 2 * t);
    for (let k = 0; k < array.length; k++) array[k] = buffers.from[k] + (buffers.to[k] - buffers.from[k]) * ease;
    position.needsUpdate = true;
    placeHoverLabel();
    if (t < 1) invalidate();
    else glide.current.active = false;
  });

  const pointSize = count > 5000 ? 0.022 : count > 500 ? 0.035 : 0.06;
  function placeHoverLabel() {
    const i = hovered.current;
    if (i === null || i >= count) setAnchor(labelRegistry, 'hover', 0, 0, 0, false);
    else setAnchor(labelRegistry, 'hover', buffers.to[3 * i], buffers.to[3 * i + 1], buffers.to[3 * i + 2]);
  }
  const hover = (index: number | null) => {
    if (hovered.current === index) return;
    hovered.current = index;
    placeHoverLabel();
    onHover(index);
    invalidate();
  };
  const onMove = (event: ThreeEvent<PointerEvent>) => {
    event.stopPropagation();
    hover(event.index ?? null);
  };

  return (
    <>
      <points
        geometry={geometry}
        onPointerMove={onMove}
        onPointerOut={() => hover(null)}
      >
        <pointsMaterial size={pointSize} vertexColors sizeAttenuation />
      </points>
    </>
  );
}

/** The three axis labels, as data for the overlay; their anchors sit just past the axes' ends. */
function axisLabels(axes: readonly number[], of: CloudOf, rank: number): LabelSpec[] {
  const name = of === 'rows' ? 'v' : 'u';
  const color = of === 'rows' ? palette.input : palette.output;
  return axes.map((j, a) => ({
    id: `axis-${a}`,
    color: j < rank ? color : palette.basis,
    content: <>{name}<sub>{j + 1}</sub>{j >= rank && <small> (dropped)</small>}</>,
  }));
}

function placeAxisAnchors(registry: LabelRegistry): void {
  setAnchor(registry, 'axis-0', 1.3, 0, 0);
  setAnchor(registry, 'axis-1', 0, 1.3, 0);
  setAnchor(registry, 'axis-2', 0, 0, 1.3);
}

/** The cloud view's labels: the three axes and the point under the pointer. */
export function useCloudLabels(hovered: number | null): LabelSpec[] {
  const result = useAppState(latestSvd);
  const of = useAppState((s) => s.cloudOf);
  const axes = useAppState((s) => s.cloudAxes);
  const rank = useAppState(effectiveRank);
  const pointLabels = useAppState((s) => (s.cloudOf === 'rows' ? s.source.rowLabels : undefined));
  return useMemo(() => {
    const labels = axisLabels(axes, of, rank);
    if (!result || hovered === null || hovered >= pointCount(result, of)) return labels;
    const share = residualShareOf(result, of, rank, hovered);
    const name = pointLabels?.[hovered] ?? `${of === 'rows' ? 'row' : 'column'} ${hovered + 1}`;
    labels.push({
      id: 'hover',
      color: palette.text,
      className: 'cloud-label',
      content: <>{name}{share > 0.005 && <small> · {(100 * share).toFixed(1)} % lost</small>}</>,
    });
    return labels;
  }, [result, of, axes, rank, pointLabels, hovered]);
}

/**
 * Whether the scene's shader programs are compiled. The first time the cloud appears its programs
 * are new, and drawing them at once made the page's thread wait for the compiler: 90-280 ms under
 * headless Chromium's software renderer, on opening a file. `compileAsync` compiles them in the
 * background (KHR_parallel_shader_compile where available; it includes invisible objects), and
 * the cloud is shown once they are ready: a few frames later, without the freeze.
 */
function useCompiledScene(): boolean {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera);
  const invalidate = useThree((state) => state.invalidate);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    const show = () => {
      if (!live) return;
      setReady(true);
      invalidate();
    };
    gl.compileAsync(scene, camera).then(show, show);
    return () => {
      live = false;
    };
  }, [gl, scene, camera, invalidate]);
  return ready;
}

/** The contents of the canvas for the point-cloud view. */
export function PointCloudContent({ labels, onHover }: { labels: LabelRegistry; onHover(index: number | null): void }) {
  const result = useAppState(latestSvd);
  const of = useAppState((s) => s.cloudOf);
  const axes = useAppState((s) => s.cloudAxes);
  const rank = useAppState(effectiveRank);
  useEffect(() => placeAxisAnchors(labels), [labels]);
  if (!result) return null;
  return (
    <>
      <ambientLight intensity={1.5} />
      <CameraFit position={[2.6, 2.0, 3.2]} remembered />
      <CompiledGroup>
        <AxisLines length={1.2} />
        <SubspaceFrame keptAxes={axes.map((j) => j < rank)} color={of === 'rows' ? palette.input : palette.output} />
        <Cloud result={result} of={of} axes={axes} rank={rank} labelRegistry={labels} onHover={onHover} />
      </CompiledGroup>
      <OrbitControls makeDefault enableDamping={false} onEnd={rememberCamera} />
    </>
  );
}

/** Its children, hidden until the scene's programs are compiled (see useCompiledScene). */
function CompiledGroup({ children }: { children: ReactNode }) {
  const ready = useCompiledScene();
  return <group visible={ready}>{children}</group>;
}
