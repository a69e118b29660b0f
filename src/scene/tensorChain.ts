/**
 * The geometry of a Tensor-Train chain for the 3D scene, as plain numbers (no three.js), so it can
 * be tested. TT cores follow TensorLy's convention: G_k has shape (r_{k-1}, n_k, r_k) with
 * r_0 = r_d = 1.
 *
 * Each core is a box read as a stack of n_k slices G_k[:, i, :], each an r_{k-1} x r_k matrix:
 * - x (along the chain) grows with n_k,
 * - y (height) with r_{k-1}, the rank of the bond on its left,
 * - z (depth) with r_k, the rank of the bond on its right.
 * Edge lengths grow with log2 of the dimension (`edgeLength`: 0.35 + 0.15 log2 v before scaling), so
 * rank 1 is still a visible block, rank 64 is 3.6 times as tall, and a 1024-wide mode is 5.3 times as
 * wide as a 1-wide one rather than 1024 times.
 *
 * Bonds are tubes along x between neighbouring cores, their radius growing with log2 r_k, never
 * wider than the faces they join. Each core's open "physical" leg is a tube pointing down, all legs
 * ending on one line so their labels n_k sit in a row (two staggered rows for long chains).
 *
 * The chain is centred on the origin, bonds on the x axis. Its length depends on the shape only
 * (ranks change heights and depths, not widths), so dragging a rank slider never moves the cores
 * sideways or the camera: a uniform scale fits the chain to `length` (6 units) for any d, capped so
 * short chains do not get huge blocks; what is left over lengthens the bonds (up to 3 units each, so
 * a chain of two small cores is a little shorter).
 */

export type Vec3 = [number, number, number];

/** One core G_k. */
export interface ChainCore {
  /** k, from 1. */
  index: number;
  /** [r_{k-1}, n_k, r_k]. */
  dims: [number, number, number];
  /** r_{k-1} n_k r_k. */
  parameters: number;
  center: Vec3;
  /** Edge lengths: x along the chain (n_k), y (r_{k-1}), z (r_k). */
  size: Vec3;
  /** Where the core's label goes: above it (staggered in two rows for long chains). */
  labelAnchor: Vec3;
}

/** The bond of rank r_k between G_k and G_{k+1}. */
export interface ChainBond {
  /** k, from 1: the bond joins G_k and G_{k+1}. */
  index: number;
  rank: number;
  /** The centres of the two faces it joins. */
  from: Vec3;
  to: Vec3;
  radius: number;
  labelAnchor: Vec3;
}

/** The open leg of G_k, of dimension n_k. */
export interface ChainLeg {
  index: number;
  size: number;
  /** From the bottom of the core down to the common end line. */
  from: Vec3;
  to: Vec3;
  radius: number;
  labelAnchor: Vec3;
}

export interface ChainLayout {
  cores: ChainCore[];
  bonds: ChainBond[];
  legs: ChainLeg[];
  /** r_0..r_d, d + 1 of them. */
  ranks: number[];
  /** Σ r_{k-1} n_k r_k. */
  parameters: number;
  /** From the left face of G_1 to the right face of G_d. */
  length: number;
  /** The uniform scale applied to the unscaled sizes. */
  scale: number;
  /** A camera position looking at the origin that frames the chain (depends on the shape only). */
  camera: Vec3;
}

export interface ChainLayoutOptions {
  /** The chain's length in world units, left face of G_1 to right face of G_d. Default 6. */
  length?: number;
  /** The largest uniform scale, so short chains keep moderate blocks. Default 2. */
  maxScale?: number;
}

/** Unscaled sizes. */
const EDGE_BASE = 0.35;
const EDGE_PER_OCTAVE = 0.15;
const GAP = 0.9;
/** Long chains have shorter bonds (before scaling), so their cores stay bigger. */
const GAP_LONG = 0.6;
const BOND_BASE = 0.03;
const BOND_PER_OCTAVE = 0.018;
const LEG_BASE = 0.025;
const LEG_PER_OCTAVE = 0.008;
const LEG_LENGTH = 0.45;
/** In world units: bonds and legs never thinner than this (long chains scale down), nor bonds longer. */
const MIN_BOND_RADIUS = 0.022;
const MIN_LEG_RADIUS = 0.015;
const MAX_GAP = 3;
/** Label offsets, in world units after scaling (the chain is about 6 long, whatever d). */
const CORE_LABEL_GAP = 0.5;
const CORE_LABEL_STAGGER = 0.75;
const BOND_LABEL_GAP = 0.32;
const LEG_LABEL_GAP = 0.3;
/** Two rows of labels are this far apart. */
const ROW = 0.38;
/** The shortest leg, in world units. */
const MIN_LEG = 0.6;
/**
 * Chains longer than this put their labels in two staggered rows (odd and even k): the core
 * labels above the cores, the bond labels under the cores, between the legs, and the leg labels.
 */
export const STAGGER_ABOVE = 5;

/** The unscaled edge length for a dimension v >= 1: 0.35 + 0.15 log2 v. */
export function edgeLength(v: number): number {
  return EDGE_BASE + EDGE_PER_OCTAVE * Math.log2(Math.max(1, v));
}

/** The unscaled bond radius for rank r (before it is fitted inside the faces it joins). */
export function bondRadius(r: number): number {
  return BOND_BASE + BOND_PER_OCTAVE * Math.log2(Math.max(1, r));
}

/** A dimension as drawn: a finite number rounded to an integer, at least 1. */
function dimension(v: number): number {
  return Number.isFinite(v) ? Math.max(1, Math.round(v)) : 1;
}

/**
 * The d + 1 ranks r_0..r_d from `ranks` given either in full (d + 1 values, as TT-SVD returns
 * them) or as the d - 1 inner bonds (r_0 = r_d = 1 added); null when the count fits neither.
 * @example chainRanks([8, 8, 8], [4, 4]) // [1, 4, 4, 1]
 */
export function chainRanks(shape: readonly number[], ranks: readonly number[]): number[] | null {
  const d = shape.length;
  if (d === 0) return ranks.length <= 1 ? [1] : null;
  if (ranks.length === d + 1) return ranks.map(dimension);
  if (ranks.length === d - 1) return [1, ...ranks.map(dimension), 1];
  return null;
}

/**
 * Positions and sizes of the cores, bonds and legs of a tensor train of `shape` and `ranks`
 * (d + 1 full ranks or d - 1 inner ones). Throws when the ranks do not fit the shape.
 * @example chainLayout([8, 8, 8], [1, 4, 4, 1]).cores[1].dims // [4, 8, 4]
 */
export function chainLayout(shape: readonly number[], ranks: readonly number[], options: ChainLayoutOptions = {}): ChainLayout {
  const full = chainRanks(shape, ranks);
  const d = shape.length;
  if (!full) throw new Error(`chainLayout: a ${d}-way shape [${shape.join(', ')}] needs ${d + 1} ranks (or ${Math.max(0, d - 1)} inner ones), got ${ranks.length}: [${ranks.join(', ')}]`);
  const target = options.length ?? 6;
  const maxScale = options.maxScale ?? 2;
  const n = shape.map(dimension);

  if (d === 0) return { cores: [], bonds: [], legs: [], ranks: full, parameters: 0, length: 0, scale: 1, camera: cameraFor(target) };

  const stagger = d > STAGGER_ABOVE;
  const baseGap = stagger ? GAP_LONG : GAP;
  const widths = n.map(edgeLength);
  const unscaled = widths.reduce((a, w) => a + w, 0) + (d - 1) * baseGap;
  const scale = Math.min(target / unscaled, maxScale);
  const gap = d > 1 ? Math.min(MAX_GAP, baseGap * scale + Math.max(0, target - unscaled * scale) / (d - 1)) : 0;
  const length = widths.reduce((a, w) => a + w * scale, 0) + (d - 1) * gap;

  let tallest = 0;
  for (let k = 0; k < d; k++) tallest = Math.max(tallest, edgeLength(full[k]) * scale);
  // Long chains keep room under the cores for two rows of bond labels.
  const bondRows = -(tallest / 2 + BOND_LABEL_GAP * 0.8);
  const legEnd = -(tallest / 2 + (stagger ? BOND_LABEL_GAP + 2 * ROW : Math.max(MIN_LEG, LEG_LENGTH * scale)));

  const cores: ChainCore[] = [];
  const legs: ChainLeg[] = [];
  let x = -length / 2;
  for (let k = 0; k < d; k++) {
    const w = widths[k] * scale;
    const height = edgeLength(full[k]) * scale;
    const depth = edgeLength(full[k + 1]) * scale;
    const cx = x + w / 2;
    const dims: [number, number, number] = [full[k], n[k], full[k + 1]];
    const labelY = height / 2 + CORE_LABEL_GAP + (stagger && k % 2 === 1 ? CORE_LABEL_STAGGER : 0);
    cores.push({ index: k + 1, dims, parameters: dims[0] * dims[1] * dims[2], center: [cx, 0, 0], size: [w, height, depth], labelAnchor: [cx, labelY, 0] });
    const legRadius = Math.min(Math.max(MIN_LEG_RADIUS, (LEG_BASE + LEG_PER_OCTAVE * Math.log2(n[k])) * scale), 0.45 * Math.min(w, depth));
    const legLabelY = legEnd - LEG_LABEL_GAP - (stagger && k % 2 === 1 ? ROW : 0);
    legs.push({ index: k + 1, size: n[k], from: [cx, -height / 2, 0], to: [cx, legEnd, 0], radius: legRadius, labelAnchor: [cx, legLabelY, 0] });
    x += w + gap;
  }

  const bonds: ChainBond[] = [];
  for (let k = 0; k < d - 1; k++) {
    const left = cores[k];
    const right = cores[k + 1];
    const r = full[k + 1];
    // The faces it joins: the right face of G_k (y by z) and the left face of G_{k+1}.
    const room = 0.45 * Math.min(left.size[1], left.size[2], right.size[1], right.size[2]);
    const radius = Math.min(Math.max(MIN_BOND_RADIUS, bondRadius(r) * scale), room);
    const from: Vec3 = [left.center[0] + left.size[0] / 2, 0, 0];
    const to: Vec3 = [right.center[0] - right.size[0] / 2, 0, 0];
    const labelY = stagger ? bondRows - (k % 2 === 1 ? ROW : 0) : -(radius + BOND_LABEL_GAP);
    bonds.push({ index: k + 1, rank: r, from, to, radius, labelAnchor: [(from[0] + to[0]) / 2, labelY, 0] });
  }

  const parameters = cores.reduce((a, c) => a + c.parameters, 0);
  return { cores, bonds, legs, ranks: full, parameters, length, scale, camera: cameraFor(Math.max(length, target)) };
}

/**
 * A camera position that frames a chain of this length with its labels, for a 40° vertical field
 * of view and a canvas at least 1.3 times as wide as it is tall, looking down a little from the
 * front right so the blocks read as blocks.
 */
function cameraFor(length: number): Vec3 {
  const halfTan = Math.tan((20 * Math.PI) / 180);
  const halfWidth = length / 2 + 0.8;
  const halfHeight = 2.6;
  const distance = 1.05 * Math.max(halfWidth / (halfTan * 1.3), halfHeight / halfTan);
  const direction: Vec3 = [0.12, 0.3, 1];
  const norm = Math.hypot(...direction);
  return direction.map((c) => Math.round(((c / norm) * distance) * 1000) / 1000) as Vec3;
}

/** "1 × 8 × 4". */
export function coreShapeText(dims: readonly number[]): string {
  return dims.join(' × ');
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function parametersText(p: number): string {
  return `${p.toLocaleString('en')} parameter${p === 1 ? '' : 's'}`;
}

/**
 * A sentence describing the chain for screen readers. Never throws: ranks that do not fit the
 * shape (a result still on its way) are said to be so.
 * @example describeChain([8, 8, 8], [1, 4, 4, 1])
 * // 'A chain of 3 cores: G1 is 1 × 8 × 4 (32 parameters), G2 is 4 × 8 × 4 (128 parameters),
 * //  G3 is 4 × 8 × 1 (32 parameters); bonds of rank 4 and 4; 192 parameters in all, against 512
 * //  entries in the full tensor.'
 */
export function describeChain(shape: readonly number[], ranks: readonly number[]): string {
  const d = shape.length;
  if (d === 0) return 'There is no tensor train to show yet.';
  const full = chainRanks(shape, ranks);
  if (!full) return `The tensor train's ranks (${ranks.join(', ')}) do not fit its ${d}-way shape ${shape.join(' × ')}.`;
  const n = shape.map(dimension);
  const cores = n.map((nk, k) => {
    const dims = [full[k], nk, full[k + 1]];
    return `G${k + 1} is ${coreShapeText(dims)} (${parametersText(dims[0] * nk * dims[2])})`;
  });
  const total = n.reduce((a, nk, k) => a + full[k] * nk * full[k + 1], 0);
  const entries = n.reduce((a, nk) => a * nk, 1);
  const against = `, against ${entries.toLocaleString('en')} entr${entries === 1 ? 'y' : 'ies'} in the full tensor`;
  if (d === 1) return `A single core: ${cores[0]}${against}.`;
  const inner = full.slice(1, d).map(String);
  const bonds = d === 2 ? `a bond of rank ${inner[0]}` : `bonds of rank ${list(inner)}`;
  return `A chain of ${d} cores: ${cores.join(', ')}; ${bonds}; ${parametersText(total)} in all${against}.`;
}

/** A deep copy of a layout, for animating from it. */
export function cloneLayout(layout: ChainLayout): ChainLayout {
  const v = (p: Vec3): Vec3 => [p[0], p[1], p[2]];
  return {
    ...layout,
    ranks: layout.ranks.slice(),
    camera: v(layout.camera),
    cores: layout.cores.map((c) => ({ ...c, dims: [c.dims[0], c.dims[1], c.dims[2]], center: v(c.center), size: v(c.size), labelAnchor: v(c.labelAnchor) })),
    bonds: layout.bonds.map((b) => ({ ...b, from: v(b.from), to: v(b.to), labelAnchor: v(b.labelAnchor) })),
    legs: layout.legs.map((l) => ({ ...l, from: v(l.from), to: v(l.to), labelAnchor: v(l.labelAnchor) })),
  };
}

/** Whether `a` and `b` have the same cores, bonds and legs, so one can be interpolated into the other. */
export function sameStructure(a: ChainLayout, b: ChainLayout): boolean {
  return a.cores.length === b.cores.length && a.bonds.length === b.bonds.length && a.legs.length === b.legs.length;
}

function lerp3(out: Vec3, a: Vec3, b: Vec3, t: number): void {
  out[0] = a[0] + (b[0] - a[0]) * t;
  out[1] = a[1] + (b[1] - a[1]) * t;
  out[2] = a[2] + (b[2] - a[2]) * t;
}

/**
 * Writes the layout a fraction `t` (0..1) of the way from `from` to `to` into `out`, in place (no
 * allocation: it runs every frame of an animation). All three must have the same structure
 * (`sameStructure`); the discrete fields (dims, ranks, parameters) are taken from `to`.
 */
export function lerpLayoutInto(out: ChainLayout, from: ChainLayout, to: ChainLayout, t: number): void {
  for (let i = 0; i < out.cores.length; i++) {
    const [o, a, b] = [out.cores[i], from.cores[i], to.cores[i]];
    lerp3(o.center, a.center, b.center, t);
    lerp3(o.size, a.size, b.size, t);
    lerp3(o.labelAnchor, a.labelAnchor, b.labelAnchor, t);
    o.dims[0] = b.dims[0];
    o.dims[1] = b.dims[1];
    o.dims[2] = b.dims[2];
    o.parameters = b.parameters;
  }
  for (let i = 0; i < out.bonds.length; i++) {
    const [o, a, b] = [out.bonds[i], from.bonds[i], to.bonds[i]];
    lerp3(o.from, a.from, b.from, t);
    lerp3(o.to, a.to, b.to, t);
    lerp3(o.labelAnchor, a.labelAnchor, b.labelAnchor, t);
    o.radius = a.radius + (b.radius - a.radius) * t;
    o.rank = b.rank;
  }
  for (let i = 0; i < out.legs.length; i++) {
    const [o, a, b] = [out.legs[i], from.legs[i], to.legs[i]];
    lerp3(o.from, a.from, b.from, t);
    lerp3(o.to, a.to, b.to, t);
    lerp3(o.labelAnchor, a.labelAnchor, b.labelAnchor, t);
    o.radius = a.radius + (b.radius - a.radius) * t;
    o.size = b.size;
  }
  for (let i = 0; i < out.ranks.length; i++) out.ranks[i] = to.ranks[i];
  out.length = from.length + (to.length - from.length) * t;
  out.parameters = to.parameters;
}

/** Ease-out cubic: fast at first, settling gently, for the ~200 ms transitions between ranks. */
export function easeOut(t: number): number {
  const c = Math.max(0, Math.min(1, t));
  return 1 - (1 - c) ** 3;
}
