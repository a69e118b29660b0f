/**
 * The 3D view of a matrix up to 3 x 3 as a linear map: the unit circle or sphere of the input space
 * with its basis vectors and right singular vectors, its image under the map at the current
 * animation step (of the rank-k truncation A_k), the singular directions carried along, and the four
 * fundamental subspaces of A_k. Non-square maps are shown embedded in 3D: a 3 x 2 map takes the
 * circle of the xy-plane into space, a 2 x 3 map flattens the sphere onto the xy-plane.
 */
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import type { LabelRegistry, LabelSpec } from './labels';
import { CameraFit, rememberCamera } from './CameraFit';
import { Group, Matrix4, Vector3 } from 'three';
import { appStore, useAppState } from '../state/store';
import { effectiveRank, latestSvd } from '../state/selectors';
import type { SquareMap } from '../state/svdSlice';
import { palette } from '../theme/palette';
import { createStepMap } from './stepMap';
import { Arrow, type ArrowHandle } from './Arrow';
import { UnitShape } from './UnitShape';
import { SubspaceShape } from './SubspaceShape';
import { fundamentalBases } from './subspaceBases';
import { AxisLines } from './AxisLines';

const STAGE_LABELS: Array<(i: number) => ReactNode> = [
  (i) => <>v<sub>{i}</sub></>,
  (i) => <>e<sub>{i}</sub></>,
  (i) => <>σ<sub>{i}</sub>e<sub>{i}</sub></>,
  (i) => <>σ<sub>{i}</sub>u<sub>{i}</sub></>,
];

function column(data: Float64Array, n: number, j: number): Vector3 {
  return new Vector3(data[j], data[n + j], n > 2 ? data[2 * n + j] : 0);
}

function unit(j: number): Vector3 {
  return new Vector3(j === 0 ? 1 : 0, j === 1 ? 1 : 0, j === 2 ? 1 : 0);
}

interface MapProps {
  map: SquareMap;
  /** The map's true shape (the SVD is of the matrix padded to n x n). */
  rows: number;
  cols: number;
  /** Singular values of the truncation shown (zero beyond the rank). */
  sigmas: Float64Array;
}

/** Everything that moves with the step: the image shape and the carried arrows. */
function MovingMap({ map, cols, sigmas, labels }: MapProps & { labels: LabelRegistry }) {
  const n = map.n;
  const p = Math.min(cols, n);
  const stepMap = useMemo(() => createStepMap({ n, u: map.u, s: sigmas, v: map.v, reflection: map.reflection }), [n, map, sigmas]);
  const image = useRef<Group>(null);
  const carried = useRef<Array<ArrowHandle | null>>([]);
  const basisImages = useRef<Array<ArrowHandle | null>>([]);
  const directions = useMemo(() => Array.from({ length: p }, (_, j) => column(map.v, n, j)), [n, p, map]);
  const basis = useMemo(() => Array.from({ length: cols }, (_, j) => unit(j)), [cols]);
  const scratch = useMemo(() => ({ m: new Matrix4(), p: new Vector3() }), []);
  const invalidate = useThree((state) => state.invalidate);

  // Redraw when the step changes, without re-rendering React.
  useEffect(() => appStore.subscribe((state, previous) => {
    if (state.step !== previous.step) invalidate();
  }), [invalidate]);
  useEffect(() => invalidate(), [stepMap, invalidate]);

  useFrame(() => {
    const m = stepMap.at(appStore.getState().step, scratch.m);
    if (image.current) {
      image.current.matrix.copy(m);
      image.current.matrixWorldNeedsUpdate = true;
    }
    directions.forEach((d, i) => {
      scratch.p.copy(d).applyMatrix4(m);
      carried.current[i]?.update(scratch.p.x, scratch.p.y, scratch.p.z);
    });
    basis.forEach((e, i) => {
      scratch.p.copy(e).applyMatrix4(m);
      basisImages.current[i]?.update(scratch.p.x, scratch.p.y, scratch.p.z);
    });
  });

  return (
    <>
      <group ref={image} matrixAutoUpdate={false}>
        <UnitShape dimensions={cols} color={palette.imageFill} fillOpacity={0.28} lineOpacity={0.9} />
      </group>
      {basis.map((_, i) => (
        <Arrow key={`b${i}`} ref={(h) => { basisImages.current[i] = h; }} color={palette.basis} width={0.012} />
      ))}
      {directions.map((_, i) => (
        <CarriedArrow key={`c${i}`} index={i} labels={labels} handles={carried} />
      ))}
    </>
  );
}

/** A singular direction carried by the map; its colour follows the stage it has reached. */
function CarriedArrow({ index, labels, handles }: { index: number; labels: LabelRegistry; handles: { current: Array<ArrowHandle | null> } }) {
  const stage = useAppState((state) => Math.round(state.step));
  return (
    <Arrow
      ref={(h) => { handles.current[index] = h; }}
      color={stageColor(stage)}
      width={0.03}
      labels={labels}
      labelId={`carried-${index}`}
    />
  );
}

function stageColor(stage: number): string {
  return stage >= 3 ? palette.output : stage >= 2 ? palette.scale : palette.input;
}

/** The static input side: the unit shape, the standard basis and the right singular vectors v_i. */
function InputSide({ map, cols, labels }: { map: SquareMap; cols: number; labels: LabelRegistry }) {
  const n = map.n;
  const handles = useRef<Array<ArrowHandle | null>>([]);
  useEffect(() => {
    for (let j = 0; j < cols; j++) {
      const d = column(map.v, n, j);
      handles.current[j]?.update(d.x, d.y, d.z);
      const e = unit(j);
      handles.current[cols + j]?.update(e.x, e.y, e.z);
    }
  }, [n, cols, map]);
  return (
    <>
      <UnitShape dimensions={cols} color={palette.input} fillOpacity={0} lineOpacity={0.45} />
      {Array.from({ length: cols }, (_, j) => (
        <Arrow key={`v${j}`} ref={(h) => { handles.current[j] = h; }} color={palette.input} width={0.016} labels={labels} labelId={`v-${j}`} />
      ))}
      {Array.from({ length: cols }, (_, j) => (
        <Arrow key={`e${j}`} ref={(h) => { handles.current[cols + j] = h; }} color={palette.basis} width={0.01} labels={labels} labelId={`e-${j}`} />
      ))}
    </>
  );
}

/** The four fundamental subspaces of the truncation, sized to the input and output shapes. */
function Subspaces({ map, rows, cols, sigmas, radius, labels }: MapProps & { radius: number; labels: LabelRegistry }) {
  const bases = useMemo(() => fundamentalBases(map, rows, cols, sigmas), [map, rows, cols, sigmas]);
  const common = { labels };
  return (
    <>
      <SubspaceShape {...common} labelId="row-space" basis={bases.rowSpace} ambient={cols} color={palette.input} size={1.35} />
      <SubspaceShape {...common} labelId="null-space" basis={bases.nullSpace} ambient={cols} color={palette.nullSpace} size={1.35} />
      <SubspaceShape {...common} labelId="column-space" basis={bases.columnSpace} ambient={rows} color={palette.output} size={radius * 0.8} />
      <SubspaceShape {...common} labelId="left-null-space" basis={bases.leftNullSpace} ambient={rows} color={palette.nullSpace} size={radius * 0.8} dashed />
    </>
  );
}

const SUBSPACE_LABELS: LabelSpec[] = [
  { id: 'row-space', content: 'row space', color: palette.input, className: 'scene-label scene-label-subspace' },
  { id: 'null-space', content: 'null space', color: palette.nullSpace, className: 'scene-label scene-label-subspace' },
  { id: 'column-space', content: 'column space', color: palette.output, className: 'scene-label scene-label-subspace' },
  { id: 'left-null-space', content: 'left null space', color: palette.nullSpace, className: 'scene-label scene-label-subspace' },
];

/**
 * The comparison's second subspace (of B, at the same rank) drawn with A's, and the largest principal
 * angle between them, when the comparison is on and the space is at most 3-dimensional.
 */
function ComparedSubspace({ labels, radius }: { labels: LabelRegistry; radius: number }) {
  const compare = useAppState((s) => s.compare);
  const basisB = compare.settings.enabled && compare.status === 'done' ? compare.result?.basisB ?? null : null;
  const side = compare.settings.side;
  const k = compare.k;
  const vectors = useMemo(() => {
    if (!basisB) return [];
    const dim = basisB.length / k;
    return Array.from({ length: k }, (_, j) => new Vector3(basisB[j], dim > 1 ? basisB[k + j] : 0, dim > 2 ? basisB[2 * k + j] : 0));
  }, [basisB, k]);
  if (!basisB) return null;
  const ambient = basisB.length / k;
  return (
    <SubspaceShape labels={labels} labelId="compared" basis={vectors} ambient={ambient} color={palette.scale} size={side === 'row' ? 1.35 : radius * 0.8} dashed />
  );
}

/** The labels of the map view, as data for the overlay. */
function mapLabels(cols: number, p: number, stage: number, showSubspaces: boolean, inputLabels: boolean): LabelSpec[] {
  const labels: LabelSpec[] = [];
  // When the image dwarfs the unit sphere, its labels would pile up at the origin: leave them out.
  for (let j = 0; j < (inputLabels ? cols : 0); j++) {
    labels.push({ id: `v-${j}`, content: <>v<sub>{j + 1}</sub></>, color: palette.input, className: 'scene-label scene-label-faint' });
    labels.push({ id: `e-${j}`, content: <>e<sub>{j + 1}</sub></>, color: palette.basis, className: 'scene-label scene-label-faint' });
  }
  for (let i = 0; i < p; i++) labels.push({ id: `carried-${i}`, content: STAGE_LABELS[stage](i + 1), color: stageColor(stage) });
  return showSubspaces ? labels.concat(SUBSPACE_LABELS) : labels;
}

/** The map view's labels, as data for the overlay. */
export function useMapLabels(): LabelSpec[] {
  const result = useAppState(latestSvd);
  const showSubspaces = useAppState((s) => s.showSubspaces);
  const stage = useAppState((state) => Math.round(state.step));
  const compared = useAppState((s) => (s.compare.settings.enabled && s.compare.status === 'done' && s.compare.result?.basisB ? s.compare.result : null));
  const map = result?.map;
  return useMemo(() => {
    if (!result || !map) return [];
    const labels = mapLabels(result.cols, Math.min(result.cols, map.n), stage, showSubspaces, (map.s[0] ?? 0) <= 8);
    if (compared) {
      const largest = (compared.angles[compared.angles.length - 1] * 180) / Math.PI;
      labels.push({ id: 'compared', content: `B's subspace (θ max = ${largest.toFixed(1)}°)`, color: palette.scale, className: 'scene-label scene-label-subspace' });
    }
    return labels;
  }, [result, map, stage, showSubspaces, compared]);
}

/** The contents of the canvas for the linear-map view. */
export function LinearMapContent({ labels }: { labels: LabelRegistry }) {
  const result = useAppState(latestSvd);
  const rank = useAppState(effectiveRank);
  const showSubspaces = useAppState((s) => s.showSubspaces);
  const map = result?.map ?? null;
  const sigmas = useMemo(() => (map ? map.s.map((x, j) => (j < rank ? x : 0)) : new Float64Array(0)), [map, rank]);
  if (!result || !map) return null;
  const radius = Math.max(1, map.s[0] ?? 1) * 1.1;
  const flat = map.n === 2;
  const props = { map, rows: result.rows, cols: result.cols, sigmas, labels };
  const distance = radius * 3.1;
  return (
    <>
      <ambientLight intensity={1.6} />
      <directionalLight position={[3, 5, 4]} intensity={1.4} />
      <CameraFit position={flat ? [0, 0, distance] : [distance * 0.55, distance * 0.45, distance * 0.7]} remembered />
      <AxisLines length={radius * 1.15} dimensions={flat ? 2 : 3} />
      {flat && <gridHelper args={[Math.ceil(radius) * 2 + 2, Math.ceil(radius) * 2 + 2, '#c9c9d3', '#e3e3ea']} rotation={[Math.PI / 2, 0, 0]} />}
      <InputSide map={map} cols={result.cols} labels={labels} />
      <MovingMap {...props} />
      {showSubspaces && <Subspaces {...props} radius={radius} />}
      <ComparedSubspace labels={labels} radius={radius} />
      <OrbitControls makeDefault enableDamping={false} enableRotate={!flat} onEnd={rememberCamera} />
    </>
  );
}
