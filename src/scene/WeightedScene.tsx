/**
 * The weighted workspace's scene for matrices up to 3 x 3: the image of the unit circle or sphere
 * under A (faint), under its rank-k SVD truncation and under the weighted rank-k optimum (the
 * method furthest along), with the two column spaces drawn as lines or planes. Dragging a weight
 * tilts the weighted image and its subspace away from the SVD's.
 */
import { useEffect, useMemo } from 'react';
import { OrbitControls } from '@react-three/drei';
import { Matrix4, Vector3 } from 'three';
import { useAppState } from '../state/store';
import { palette } from '../theme/palette';
import { CameraFit } from './CameraFit';
import { AxisLines } from './AxisLines';
import { UnitShape } from './UnitShape';
import { SubspaceShape } from './SubspaceShape';
import { setAnchor, type LabelRegistry, type LabelSpec } from './labels';
import type { AppState } from '../state/store';

/** The weighted approximation shown: the first method's (they start alike; the table has the rest). */
function weightedCurve(state: AppState) {
  return state.weighted.curves.find((c) => c.approximation !== null) ?? null;
}

/** A row-major rows x cols map embedded in 3 x 3 (zero-padded), as a three.js matrix. */
function embedded(rows: number, cols: number, data: ArrayLike<number>): Matrix4 {
  const e = new Array<number>(16).fill(0);
  e[15] = 1;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) e[j * 4 + i] = data[i * cols + j];
  // A flat (2-column) input keeps its z so the circle stays a circle.
  if (cols < 3) e[2 * 4 + 2] = rows < 3 ? 1 : 0;
  return new Matrix4().fromArray(e);
}

function basisVectors(rows: number, k: number, data: ArrayLike<number> | null): Vector3[] {
  if (!data) return [];
  return Array.from({ length: k }, (_, j) => new Vector3(data[j], rows > 1 ? data[k + j] : 0, rows > 2 ? data[2 * k + j] : 0));
}

function Image({ rows, cols, data, color, fill }: { rows: number; cols: number; data: ArrayLike<number>; color: string; fill: number }) {
  const matrix = useMemo(() => embedded(rows, cols, data), [rows, cols, data]);
  return (
    <group matrix={matrix} matrixAutoUpdate={false}>
      <UnitShape dimensions={cols} color={color} fillOpacity={fill} lineOpacity={0.95} />
    </group>
  );
}

export function useWeightedLabels(): LabelSpec[] {
  const has = useAppState((s) => weightedCurve(s) !== null);
  return useMemo(
    () => (has ? [
      { id: 'svd-subspace', content: 'SVD column space', color: palette.output, className: 'scene-label scene-label-subspace' },
      { id: 'weighted-subspace', content: 'weighted column space', color: palette.scale, className: 'scene-label scene-label-subspace' },
    ] : []),
    [has],
  );
}

export function WeightedContent({ labels }: { labels: LabelRegistry }) {
  const matrix = useAppState((s) => s.matrix);
  const baseline = useAppState((s) => s.weighted.baseline);
  const curve = useAppState(weightedCurve);
  const k = baseline?.rank ?? 1;
  const svdImage = baseline?.svd.approximation ?? null;
  const svdBasis = useMemo(() => basisVectors(matrix.rows, k, baseline?.svd.basis ?? null), [matrix.rows, k, baseline]);
  const weightedBasis = useMemo(() => basisVectors(matrix.rows, k, curve?.basis ?? null), [matrix.rows, k, curve]);
  let radius = 1;
  for (const x of matrix.data) radius = Math.max(radius, Math.abs(x) * Math.sqrt(matrix.cols));
  radius *= 1.1;
  const flat = matrix.rows <= 2 && matrix.cols <= 2;
  const distance = radius * 3.1;
  useEffect(() => {
    if (svdBasis.length === 0) setAnchor(labels, 'svd-subspace', 0, 0, 0, false);
    if (weightedBasis.length === 0) setAnchor(labels, 'weighted-subspace', 0, 0, 0, false);
  }, [labels, svdBasis, weightedBasis]);
  if (!baseline || baseline.rows !== matrix.rows || baseline.cols !== matrix.cols) return null;
  const ambient = flat ? 2 : 3;
  return (
    <>
      <ambientLight intensity={1.6} />
      <directionalLight position={[3, 5, 4]} intensity={1.4} />
      <CameraFit position={flat ? [0, 0, distance] : [distance * 0.55, distance * 0.45, distance * 0.7]} />
      <AxisLines length={radius * 1.15} dimensions={ambient} />
      <UnitShape dimensions={matrix.cols} color={palette.input} fillOpacity={0} lineOpacity={0.35} />
      <Image rows={matrix.rows} cols={matrix.cols} data={matrix.data} color={palette.basis} fill={0.06} />
      {svdImage && <Image rows={matrix.rows} cols={matrix.cols} data={svdImage} color={palette.output} fill={0.18} />}
      {curve?.approximation && <Image rows={matrix.rows} cols={matrix.cols} data={curve.approximation} color={palette.scale} fill={0.18} />}
      <SubspaceShape basis={svdBasis} ambient={ambient} color={palette.output} labels={labels} labelId="svd-subspace" size={radius} />
      <SubspaceShape basis={weightedBasis} ambient={ambient} color={palette.scale} labels={labels} labelId="weighted-subspace" size={radius} dashed />
      <OrbitControls makeDefault enableDamping={false} enableRotate={!flat} />
    </>
  );
}
