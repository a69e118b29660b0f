/**
 * Shared look of the SVG plots. Everything is set as SVG attributes (no CSS classes), so an exported
 * file looks like the screen. Sizes are for a lecture projector: no text below 13 px.
 */
import { palette } from '../../theme/palette';

/** Font sizes in px. */
export const fontSize = { tick: 14, label: 15, title: 16, note: 14 } as const;

/** The font stack, set on every plot's root <svg> so exported files keep it. */
export const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

/** Colours beyond the palette: de-emphasised data, grid lines, axes. */
export const plotColors = {
  text: palette.text,
  axis: '#55556a',
  grid: '#e3e3ea',
  /** Discarded singular values: grey, so the kept ones carry the colour. */
  faded: '#9a9aa8',
  background: '#ffffff',
} as const;

/** Space around the plotting area for tick labels and axis titles. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The default margins of the line plots (spectrum, energy). */
export const lineMargins: Margins = { top: 40, right: 24, bottom: 56, left: 72 };

/** Rounds a pixel coordinate to 0.1 px: enough for the eye, and short path strings. */
export function px(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Where to put a label beside a point or line at x: to its right, or to its left (anchored at the
 * end) when it would run past `right`, the edge of the plotting area.
 */
export function besideX(x: number, right: number, room = 140): { x: number; textAnchor: 'start' | 'end' } {
  return x + room > right ? { x: x - 6, textAnchor: 'end' } : { x: x + 6, textAnchor: 'start' };
}
