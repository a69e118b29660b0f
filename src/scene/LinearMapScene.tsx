/**
 * The 3D view of a 2x2 or 3x3 matrix as a linear map: the unit circle/sphere with its basis
 * vectors, its image under the map at the current animation step, and the singular directions
 * (v_i on the input side, sigma_i u_i on the output side).
 */
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { Group, Matrix4, Vector3 } from 'three';
import { appStore, useAppState } from '../state/store';
import { latestSvd } from '../state/selectors';
import type { SvdResult } from '../state/svdSlice';
import { palette } from '../theme/palette';
import { createStepMap } from './stepMap';
import { Arrow, type ArrowHandle } from './Arrow';
import { UnitShape } from './UnitShape';

const STAGE_LABELS: Array<(i: number) => ReactNode> = [
  (i) => <>v<sub>{i}</sub></>,
  (i) => <>e<sub>{i}</sub></>,
  (i) => <>σ<sub>{i}</sub>e<sub>{i}</sub></>,
  (i) => <>σ<sub>{i}</sub>u<sub>{i}</sub></>,
];

function column(data: Float64Array, n: number, j: number): Vector3 {
  return new Vector3(data[j], data[n + j], n > 2 ? data[2 * n + j] : 0);
}

/** Everything that moves with the step: the image shape and the carried arrows. */
function MovingMap({ result }: { result: SvdResult }) {
  const n = result.rows;
  const stepMap = useMemo(() => createStepMap({ n, u: result.u, s: result.s, v: result.v, reflection: result.reflection }), [n, result]);
  const image = useRef<Group>(null);
  const carried = useRef<Array<ArrowHandle | null>>([]);
  const basisImages = useRef<Array<ArrowHandle | null>>([]);
  const directions = useMemo(() => Array.from({ length: n }, (_, j) => column(result.v, n, j)), [n, result]);
  const basis = useMemo(() => Array.from({ length: n }, (_, j) => new Vector3(j === 0 ? 1 : 0, j === 1 ? 1 : 0, j === 2 ? 1 : 0)), [n]);
  const scratch = useMemo(() => ({ m: new Matrix4(), p: new Vector3() }), []);
  const invalidate = useThree((state) => state.invalidate);
  const stage = useAppState((state) => Math.round(state.step));

  // Redraw when the step changes, without re-rendering React.
  useEffect(() => appStore.subscribe((state, previous) => {
    if (state.step !== previous.step) invalidate();
  }), [invalidate]);
  useEffect(() => invalidate(), [result, invalidate]);

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
        <UnitShape dimensions={n} color={palette.imageFill} fillOpacity={0.28} lineOpacity={0.9} />
      </group>
      {basis.map((_, i) => (
        <Arrow key={`b${i}`} ref={(h) => { basisImages.current[i] = h; }} color={palette.basis} width={0.012} />
      ))}
      {directions.map((_, i) => (
        <Arrow
          key={`c${i}`}
          ref={(h) => { carried.current[i] = h; }}
          color={stage >= 3 ? palette.output : stage >= 2 ? palette.scale : palette.input}
          width={0.03}
          label={STAGE_LABELS[stage](i + 1)}
        />
      ))}
    </>
  );
}

/** The static input side: the unit shape, the standard basis and the right singular vectors v_i. */
function InputSide({ result }: { result: SvdResult }) {
  const n = result.rows;
  const handles = useRef<Array<ArrowHandle | null>>([]);
  useEffect(() => {
    for (let j = 0; j < n; j++) {
      const d = column(result.v, n, j);
      handles.current[j]?.update(d.x, d.y, d.z);
      handles.current[n + j]?.update(j === 0 ? 1 : 0, j === 1 ? 1 : 0, j === 2 ? 1 : 0);
    }
  }, [n, result]);
  return (
    <>
      <UnitShape dimensions={n} color={palette.input} fillOpacity={0} lineOpacity={0.45} />
      {Array.from({ length: n }, (_, j) => (
        <Arrow key={`v${j}`} ref={(h) => { handles.current[j] = h; }} color={palette.input} width={0.016}
          label={<>v<sub>{j + 1}</sub></>} labelClass="scene-label scene-label-faint" />
      ))}
      {Array.from({ length: n }, (_, j) => (
        <Arrow key={`e${j}`} ref={(h) => { handles.current[n + j] = h; }} color={palette.basis} width={0.01}
          label={<>e<sub>{j + 1}</sub></>} labelClass="scene-label scene-label-faint" />
      ))}
    </>
  );
}

/** Frames the camera so that the unit shape and the whole image fit. */
function CameraFit({ radius, flat }: { radius: number; flat: boolean }) {
  const camera = useThree((state) => state.camera);
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => {
    const distance = radius * 3.1;
    if (flat) camera.position.set(0, 0, distance);
    else camera.position.set(distance * 0.55, distance * 0.45, distance * 0.7);
    camera.lookAt(0, 0, 0);
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, radius, flat, invalidate]);
  return null;
}

export interface LinearMapSceneProps {
  describedBy: string;
}

export function LinearMapScene({ describedBy }: LinearMapSceneProps) {
  const result = useAppState(latestSvd);
  if (!result || result.rows !== result.cols || result.rows > 3) return null;
  const radius = Math.max(1, result.s[0] ?? 1) * 1.1;
  const flat = result.rows === 2;
  return (
    <Canvas
      frameloop="demand"
      dpr={[1, 2]}
      camera={{ fov: 40, near: 0.01, far: 1000 }}
      gl={{ preserveDrawingBuffer: true, antialias: true }}
      aria-describedby={describedBy}
      role="img"
      aria-label="Linear map scene"
    >
      <color attach="background" args={[palette.background]} />
      <ambientLight intensity={1.6} />
      <directionalLight position={[3, 5, 4]} intensity={1.4} />
      <CameraFit radius={radius} flat={flat} />
      <axesHelper args={[radius * 1.15]} />
      {flat && <gridHelper args={[Math.ceil(radius) * 2 + 2, Math.ceil(radius) * 2 + 2, '#c9c9d3', '#e3e3ea']} rotation={[Math.PI / 2, 0, 0]} />}
      <InputSide result={result} />
      <MovingMap result={result} />
      <OrbitControls makeDefault enableDamping={false} enableRotate={!flat} />
    </Canvas>
  );
}
