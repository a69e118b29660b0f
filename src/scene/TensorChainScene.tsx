/**
 * A tensor train drawn as a chain: one block per core G_k (r_{k-1} × n_k × r_k), a tube per bond
 * whose thickness grows with its rank r_k, and an open leg per core pointing down, of dimension n_k.
 * The geometry is `chainLayout` (tensorChain.ts); this file only turns it into meshes and labels.
 *
 * Colours: cores in the output hue (TT-SVD's cores are left singular vectors, reshaped), bonds in the
 * Σ hue (a bond's rank is the number of singular values kept there), legs in the basis grey. The
 * highlighted bond (the one whose unfolding the page shows) is thicker-looking, with a halo, and its
 * label is underlined: never colour alone.
 *
 * When the ranks change, sizes move to the new layout over 200 ms in `useFrame` (refs, no React
 * state), so dragging a rank slider looks alive; a change of shape, or prefers-reduced-motion, jumps.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, type CSSProperties } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { BoxGeometry, CylinderGeometry, EdgesGeometry, LineBasicMaterial, MeshStandardMaterial, SphereGeometry, type Mesh } from 'three';
import { palette } from '../theme/palette';
import { CameraFit } from './CameraFit';
import { setAnchor, type LabelRegistry, type LabelSpec } from './labels';
import { STAGGER_ABOVE, chainLayout, chainRanks, cloneLayout, coreShapeText, easeOut, lerpLayoutInto, sameStructure, type ChainLayout } from './tensorChain';

/** How long a change of ranks takes to settle. */
export const RANK_TRANSITION_MS = 200;

// Shared unit geometries, scaled per object (as Arrow.tsx does).
const BOX = new BoxGeometry(1, 1, 1);
const BOX_EDGES = new EdgesGeometry(BOX);
/** A unit cylinder lying along x (three's cylinders stand along y). */
const BOND = new CylinderGeometry(1, 1, 1, 24).rotateZ(Math.PI / 2);
const LEG = new CylinderGeometry(1, 1, 1, 16);
const LEG_END = new SphereGeometry(1, 16, 12);

export interface TensorChainProps {
  /** n_1..n_d. */
  shape: readonly number[];
  /** r_0..r_d (as TT-SVD returns them) or the d - 1 inner ranks. */
  ranks: readonly number[];
  labels: LabelRegistry;
  /** The bond k (from 1, between G_k and G_{k+1}) to emphasise, or none. */
  highlightBond?: number | null;
}

/** Shape and ranks as one string, so equal values in new arrays do not restart anything. */
function chainKey(shape: readonly number[], ranks: readonly number[]): string {
  return `${shape.join(',')}|${ranks.join(',')}`;
}

function parseKey(key: string): [number[], number[]] {
  const [shape, ranks] = key.split('|').map((part) => (part === '' ? [] : part.split(',').map(Number)));
  return [shape, ranks];
}

/** The layout for these props, or null while the ranks do not fit the shape (a result on its way). */
function useLayout(shape: readonly number[], ranks: readonly number[]): ChainLayout | null {
  const key = chainKey(shape, ranks);
  return useMemo(() => {
    const [s, r] = parseKey(key);
    return chainRanks(s, r) ? chainLayout(s, r) : null;
  }, [key]);
}

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The materials of the chain, made once per mounted chain and disposed with it. */
function useChainMaterials() {
  const materials = useMemo(
    () => ({
      core: new MeshStandardMaterial({ color: palette.output, roughness: 0.55, metalness: 0.05 }),
      edges: new LineBasicMaterial({ color: palette.text, transparent: true, opacity: 0.45 }),
      bond: new MeshStandardMaterial({ color: palette.scale, roughness: 0.4 }),
      bondHighlight: new MeshStandardMaterial({ color: palette.scale, emissive: palette.scale, emissiveIntensity: 0.45, roughness: 0.3 }),
      halo: new MeshStandardMaterial({ color: palette.imageFill, transparent: true, opacity: 0.35, depthWrite: false }),
      leg: new MeshStandardMaterial({ color: palette.basis, roughness: 0.6 }),
    }),
    [],
  );
  useEffect(() => () => Object.values(materials).forEach((m) => m.dispose()), [materials]);
  return materials;
}

/** The three.js objects of the tensor-train view: the chain, lights, camera framing and controls. */
export function TensorChainContent({ shape, ranks, labels, highlightBond = null }: TensorChainProps) {
  const layout = useLayout(shape, ranks);
  if (!layout || layout.cores.length === 0) return null;
  return (
    <>
      <ambientLight intensity={1.5} />
      <directionalLight position={[3, 5, 4]} intensity={1.5} />
      <CameraFit position={layout.camera} />
      <Chain layout={layout} labels={labels} highlightBond={highlightBond} />
      <OrbitControls makeDefault enableDamping={false} />
    </>
  );
}

interface Animation {
  /** What is drawn: moved toward `to` each frame. */
  shown: ChainLayout;
  from: ChainLayout;
  to: ChainLayout;
  start: number;
  running: boolean;
  /** Frames still to draw after the last change, so the labels (projected later in the frame) catch up. */
  settle: number;
}

interface ChainObjects {
  cores: Array<Mesh | null>;
  bonds: Array<Mesh | null>;
  legs: Array<Mesh | null>;
  legEnds: Array<Mesh | null>;
  halo: Mesh | null;
}

/** Moves and sizes every object and label anchor to `shown` (no allocation: it runs per frame). */
function place(shown: ChainLayout, objects: ChainObjects, labels: LabelRegistry, highlight: number | null): void {
  shown.cores.forEach((c, i) => {
    const mesh = objects.cores[i];
    if (mesh) {
      mesh.position.set(c.center[0], c.center[1], c.center[2]);
      mesh.scale.set(c.size[0], c.size[1], c.size[2]);
    }
    setAnchor(labels, `tt-core-${c.index}`, c.labelAnchor[0], c.labelAnchor[1], c.labelAnchor[2]);
  });
  let haloShown = false;
  shown.bonds.forEach((b, i) => {
    const length = Math.max(1e-6, b.to[0] - b.from[0]);
    const mx = (b.from[0] + b.to[0]) / 2;
    const mesh = objects.bonds[i];
    if (mesh) {
      mesh.position.set(mx, b.from[1], b.from[2]);
      mesh.scale.set(length, b.radius, b.radius);
    }
    if (b.index === highlight && objects.halo) {
      objects.halo.position.set(mx, b.from[1], b.from[2]);
      objects.halo.scale.set(length * 0.96, b.radius * 1.8 + 0.03, b.radius * 1.8 + 0.03);
      haloShown = true;
    }
    setAnchor(labels, `tt-bond-${b.index}`, b.labelAnchor[0], b.labelAnchor[1], b.labelAnchor[2]);
  });
  if (objects.halo) objects.halo.visible = haloShown;
  shown.legs.forEach((l, i) => {
    const length = Math.max(1e-6, l.from[1] - l.to[1]);
    const mesh = objects.legs[i];
    if (mesh) {
      mesh.position.set(l.from[0], (l.from[1] + l.to[1]) / 2, l.from[2]);
      mesh.scale.set(l.radius, length, l.radius);
    }
    const end = objects.legEnds[i];
    if (end) {
      end.position.set(l.to[0], l.to[1], l.to[2]);
      end.scale.setScalar(l.radius * 1.9);
    }
    setAnchor(labels, `tt-leg-${l.index}`, l.labelAnchor[0], l.labelAnchor[1], l.labelAnchor[2]);
  });
}

function Chain({ layout, labels, highlightBond }: { layout: ChainLayout; labels: LabelRegistry; highlightBond: number | null }) {
  const materials = useChainMaterials();
  const invalidate = useThree((state) => state.invalidate);
  // Transforms are never React props: they belong to the frame loop, so a re-render cannot undo a
  // transition half-way.
  const objects = useRef<ChainObjects>({ cores: [], bonds: [], legs: [], legEnds: [], halo: null });
  const highlight = useRef<number | null>(highlightBond);
  const animation = useRef<Animation | null>(null);

  // A new target: animate to it from what is shown, or jump when the chain itself changed. A layout
  // effect runs in the commit, after the refs are set and before any frame can draw.
  useLayoutEffect(() => {
    const a = animation.current;
    if (a && sameStructure(a.shown, layout) && !prefersReducedMotion()) {
      animation.current = { shown: a.shown, from: cloneLayout(a.shown), to: layout, start: performance.now(), running: true, settle: 1 };
    } else {
      animation.current = { shown: cloneLayout(layout), from: layout, to: layout, start: 0, running: false, settle: 1 };
    }
    place(animation.current.shown, objects.current, labels, highlight.current);
    invalidate();
  }, [layout, labels, invalidate]);

  useLayoutEffect(() => {
    highlight.current = highlightBond;
    const a = animation.current;
    if (a) {
      place(a.shown, objects.current, labels, highlightBond);
      a.settle = 1;
    }
    invalidate();
  }, [highlightBond, labels, invalidate]);

  useFrame(() => {
    const a = animation.current;
    if (!a) return;
    if (a.running) {
      const t = (performance.now() - a.start) / RANK_TRANSITION_MS;
      lerpLayoutInto(a.shown, a.from, a.to, easeOut(t));
      if (t >= 1) {
        a.running = false;
        a.settle = 1;
      }
    } else if (a.settle > 0) {
      a.settle--;
    } else {
      return;
    }
    place(a.shown, objects.current, labels, highlight.current);
    invalidate();
  });

  const o = objects.current;
  return (
    <group>
      {layout.cores.map((c, i) => (
        <mesh key={`core-${c.index}`} ref={(m) => { o.cores[i] = m; }} geometry={BOX} material={materials.core}>
          <lineSegments geometry={BOX_EDGES} material={materials.edges} />
        </mesh>
      ))}
      {layout.bonds.map((b, i) => (
        <mesh
          key={`bond-${b.index}`}
          ref={(m) => { o.bonds[i] = m; }}
          geometry={BOND}
          material={b.index === highlightBond ? materials.bondHighlight : materials.bond}
        />
      ))}
      <mesh ref={(m) => { o.halo = m; }} geometry={BOND} material={materials.halo} visible={false} renderOrder={1} />
      {layout.legs.map((l, i) => (
        <group key={`leg-${l.index}`}>
          <mesh ref={(m) => { o.legs[i] = m; }} geometry={LEG} material={materials.leg} />
          <mesh ref={(m) => { o.legEnds[i] = m; }} geometry={LEG_END} material={materials.leg} />
        </group>
      ))}
    </group>
  );
}

/** Font sizes of the labels: large for a lecture hall, a little smaller when many cores share the width. */
function labelSizes(d: number) {
  const long = d > STAGGER_ABOVE;
  return { name: long ? '1.3rem' : '1.6rem', shape: long ? '0.9rem' : '1.05rem', count: long ? '0.8rem' : '0.9rem', bond: long ? '1rem' : '1.25rem', leg: long ? '0.95rem' : '1.15rem' };
}

const STACK: CSSProperties = { display: 'inline-flex', flexDirection: 'column', alignItems: 'center', lineHeight: 1.1 };

/**
 * The labels of the chain, as data for `LabelOverlay`: each core's name, shape and parameter count,
 * each bond's rank, each leg's dimension. Ids: `tt-core-k`, `tt-bond-k`, `tt-leg-k` (k from 1).
 */
export function useChainLabels(shape: readonly number[], ranks: readonly number[], highlightBond: number | null = null): LabelSpec[] {
  const key = chainKey(shape, ranks);
  return useMemo(() => {
    const [n, r] = parseKey(key);
    const full = chainRanks(n, r);
    const d = n.length;
    if (!full || d === 0) return [];
    const size = labelSizes(d);
    const labels: LabelSpec[] = [];
    for (let k = 1; k <= d; k++) {
      const dims = [full[k - 1], Math.max(1, Math.round(n[k - 1])), full[k]];
      const parameters = dims[0] * dims[1] * dims[2];
      labels.push({
        id: `tt-core-${k}`,
        color: palette.output,
        content: (
          <span style={STACK}>
            <span style={{ fontSize: size.name, fontWeight: 700 }}>G<sub>{k}</sub></span>
            <span style={{ fontSize: size.shape, fontWeight: 600 }}>{coreShapeText(dims)}</span>
            <span style={{ fontSize: size.count, fontWeight: 500 }}>{parameters.toLocaleString('en')} {parameters === 1 ? 'parameter' : 'parameters'}</span>
          </span>
        ),
      });
    }
    for (let k = 1; k < d; k++) {
      const chosen = k === highlightBond;
      labels.push({
        id: `tt-bond-${k}`,
        color: palette.scale,
        content: (
          <span style={{ fontSize: size.bond, fontWeight: chosen ? 800 : 650, textDecoration: chosen ? 'underline' : undefined }}>
            r<sub>{k}</sub> = {full[k]}
          </span>
        ),
      });
    }
    for (let k = 1; k <= d; k++) {
      labels.push({
        id: `tt-leg-${k}`,
        color: palette.basis,
        content: <span style={{ fontSize: size.leg }}>n<sub>{k}</sub> = {Math.max(1, Math.round(n[k - 1]))}</span>,
      });
    }
    return labels;
  }, [key, highlightBond]);
}
