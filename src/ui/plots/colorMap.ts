/**
 * The diverging colour scale of the heatmaps: blue for negative, white for zero, vermillion for
 * positive. Both ends are Okabe-Ito hues (the palette's input and output colours), a blue-orange
 * pair that stays distinct for the common colour-vision deficiencies; white in the middle makes
 * the sign readable from lightness alone. Interpolation is linear in sRGB, as SVG gradients do, so
 * the colour bar matches the pixels.
 */
import { palette } from '../../theme/palette';

type Rgb = readonly [number, number, number];

function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour of the most negative value, -range. */
export const NEGATIVE_COLOR = palette.input;
/** The colour of zero. */
export const ZERO_COLOR = '#ffffff';
/** The colour of the most positive value, +range. */
export const POSITIVE_COLOR = palette.output;
/** The colour of NaN cells: a mid grey no value can take. */
export const MISSING_COLOR = '#8c8c8c';

const NEGATIVE = parseHex(NEGATIVE_COLOR);
const POSITIVE = parseHex(POSITIVE_COLOR);
const MISSING = parseHex(MISSING_COLOR);

/**
 * Writes the RGBA colour of `value` on the scale [-range, range] into `out` at `offset`.
 * Values beyond the range are clamped; NaN gets {@link MISSING_COLOR}. Writes into a buffer rather
 * than returning an array because it runs once per raster cell.
 */
export function writeDivergingColor(value: number, range: number, out: Uint8ClampedArray, offset: number): void {
  out[offset + 3] = 255;
  if (Number.isNaN(value)) {
    out[offset] = MISSING[0];
    out[offset + 1] = MISSING[1];
    out[offset + 2] = MISSING[2];
    return;
  }
  const t = Math.max(-1, Math.min(1, range > 0 ? value / range : 0));
  const end = t < 0 ? NEGATIVE : POSITIVE;
  const a = Math.abs(t);
  // From white (255) towards the end colour.
  out[offset] = 255 + (end[0] - 255) * a;
  out[offset + 1] = 255 + (end[1] - 255) * a;
  out[offset + 2] = 255 + (end[2] - 255) * a;
}
