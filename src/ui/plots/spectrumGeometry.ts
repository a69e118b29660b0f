/**
 * The path data of the spectrum plot, kept apart from the component so it can be tested and so the
 * component only arranges elements. One <path> per series keeps 3,000 points cheap to draw.
 */
import type { Scale } from './scale';
import { px } from './plotStyle';

/** Path strings (SVG `d`) of the spectrum's series. */
export interface SpectrumPaths {
  /** The line through the kept values σ_1..σ_k. */
  kept: string;
  /** The line through the discarded values σ_k..σ_p (starting at σ_k so the line is unbroken). */
  discarded: string;
  /** Markers for exact zeros on the zero strip: crosses when few, one bar per run of zeros when many. */
  zeros: string;
  /** How many values are exactly zero. */
  zeroCount: number;
}

/** Above this many values the plot draws lines without per-point markers. */
export const MARKER_LIMIT = 64;

/** A polyline through the positive values with indices first..last (1-based), broken at zeros. */
function linePath(values: ArrayLike<number>, first: number, last: number, x: Scale, y: Scale): string {
  const parts: string[] = [];
  let pen = false;
  for (let i = first; i <= last; i++) {
    const v = values[i - 1];
    if (!(v > 0) || !Number.isFinite(v)) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${px(x(i))} ${px(y(v))}`);
    pen = true;
  }
  return parts.join('');
}

/**
 * The series of a spectrum for scales `x` (index) and `y` (log value), with zeros drawn at
 * height `zeroY`. `rank` is clamped to 0..p.
 */
export function spectrumPaths(values: ArrayLike<number>, rank: number, x: Scale, y: Scale, zeroY: number): SpectrumPaths {
  const p = values.length;
  const k = Math.max(0, Math.min(p, Math.floor(rank)));
  const zeroIndices: number[] = [];
  for (let i = 1; i <= p; i++) if (values[i - 1] === 0) zeroIndices.push(i);
  let zeros: string;
  if (p <= MARKER_LIMIT) {
    zeros = zeroIndices.map((i) => `M${px(x(i) - 4)} ${px(zeroY - 4)}l8 8m0 -8l-8 8`).join('');
  } else {
    // Runs of consecutive zeros (usually one trailing run) become one bar each.
    const runs: string[] = [];
    for (let r = 0; r < zeroIndices.length; ) {
      let end = r;
      while (end + 1 < zeroIndices.length && zeroIndices[end + 1] === zeroIndices[end] + 1) end++;
      runs.push(`M${px(x(zeroIndices[r]))} ${zeroY}H${px(x(zeroIndices[end]))}`);
      r = end + 1;
    }
    zeros = runs.join('');
  }
  return {
    kept: linePath(values, 1, k, x, y),
    discarded: linePath(values, Math.max(1, k), p, x, y),
    zeros,
    zeroCount: zeroIndices.length,
  };
}

/** The smallest positive and the largest finite value, or NaN when there is no positive value. */
export function positiveExtent(values: ArrayLike<number>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > 0 && Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return hi > 0 ? [lo, hi] : [Number.NaN, Number.NaN];
}
