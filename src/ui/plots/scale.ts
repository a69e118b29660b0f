/**
 * Pure scales and tick generators for the SVG plots. Every function guards NaN, infinities and
 * empty or degenerate domains, because plots are fed live data (all-zero matrices, one singular
 * value, spectra spanning hundreds of decades) and must draw something sensible for all of it.
 */

/** A map from data values to pixels, with its inverse. */
export interface Scale {
  (value: number): number;
  invert(pixel: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/** The smallest and largest exponents of ten that are normal or subnormal doubles (10^-323 > 0). */
const MIN_DECADE = -323;
const MAX_DECADE = 308;

/** 10^e exactly as the literal would parse (Math.pow(10, -5) can be off in the last bit). */
export function decade(exponent: number): number {
  return Number(`1e${exponent}`);
}

/**
 * A linear scale from `domain` to `range`. A zero-width domain maps everything to the middle of the
 * range, so a single point or a constant series is drawn centred instead of at NaN.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const flat = !(Math.abs(span) > 0) || !Number.isFinite(span);
  const forward = (value: number) => (flat ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
  const invert = (pixel: number) => (flat || r1 === r0 ? d0 : d0 + ((pixel - r0) / (r1 - r0)) * span);
  return Object.assign(forward, { invert, domain, range });
}

/**
 * A base-10 log scale. Non-positive values map to NaN: the caller decides where zeros go
 * (the spectrum plot draws them in a strip below the axis).
 */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const inner = linearScale([Math.log10(domain[0]), Math.log10(domain[1])], range);
  const forward = (value: number) => (value > 0 ? inner(Math.log10(value)) : Number.NaN);
  const invert = (pixel: number) => 10 ** inner.invert(pixel);
  return Object.assign(forward, { invert, domain, range });
}

/** The step among 1, 2, 5 times a power of ten that gives about `count` intervals over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = Math.floor(Math.log10(raw));
  const base = decade(power);
  const fraction = raw / base;
  const factor = fraction >= 7.5 ? 10 : fraction >= 3.5 ? 5 : fraction >= 1.5 ? 2 : 1;
  return factor * base;
}

/**
 * About `count` round tick values (multiples of 1, 2 or 5 times a power of ten) inside [min, max].
 * Swapped bounds are accepted; a zero-width interval gives its one value; NaN or infinite bounds
 * give no ticks.
 * @example niceTicks(0, 1, 5) // [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  if (lo === hi) return [lo];
  const step = niceStep(hi - lo, count);
  if (!(step > 0) || !Number.isFinite(step)) return [lo, hi];
  // Dividing by the inverse of a small step keeps 0.1-steps exact (0.3, not 0.30000000000000004).
  const inverse = step < 1 ? Math.round(1 / step) : 0;
  const first = inverse ? Math.ceil(lo * inverse) : Math.ceil(lo / step);
  const last = inverse ? Math.floor(hi * inverse) : Math.floor(hi / step);
  const ticks: number[] = [];
  for (let i = first; i <= last && ticks.length <= 4 * count + 10; i++) {
    ticks.push(inverse ? i / inverse : i * step);
  }
  return ticks;
}

/**
 * The decades enclosing [min, max] for a log axis: [10^floor(log10 min), 10^ceil(log10 max)],
 * at least one decade wide, clamped to what a double can hold. Non-positive or NaN bounds fall back
 * to the other bound, or to [0.1, 1] when neither is usable.
 */
export function niceLogDomain(min: number, max: number): [number, number] {
  const usable = [min, max].filter((x) => x > 0 && Number.isFinite(x));
  if (usable.length === 0) return [0.1, 1];
  const lo = Math.min(...usable);
  const hi = Math.max(...usable);
  let e0 = Math.max(MIN_DECADE, Math.floor(Math.log10(lo)));
  let e1 = Math.min(MAX_DECADE, Math.ceil(Math.log10(hi)));
  if (e1 <= e0) {
    if (e0 > MIN_DECADE) e0 = e1 - 1;
    else e1 = e0 + 1;
  }
  return [decade(e0), decade(e1)];
}

/**
 * Powers of ten to label a log axis over [min, max] (both positive). When the range spans many
 * decades only every 2nd, 5th, 10th, ... decade is kept, so there are at most about `maxTicks`.
 * @example logTicks(1e-3, 10) // [0.001, 0.01, 0.1, 1, 10]
 */
export function logTicks(min: number, max: number, maxTicks = 8): number[] {
  if (!(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return [];
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  const e0 = Math.max(MIN_DECADE, Math.ceil(Math.log10(lo) - 1e-9));
  const e1 = Math.min(MAX_DECADE, Math.floor(Math.log10(hi) + 1e-9));
  if (e1 < e0) return [];
  const decades = e1 - e0;
  const step = decades <= maxTicks - 1 ? 1 : Math.ceil(niceStep(decades, maxTicks - 1));
  const ticks: number[] = [];
  for (let e = Math.ceil(e0 / step) * step; e <= e1; e += step) ticks.push(decade(e));
  return ticks;
}
