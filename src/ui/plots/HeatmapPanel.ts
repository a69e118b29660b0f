/**
 * One matrix drawn as a heatmap inside an SVG: a title, the raster as an embedded PNG <image> (so an
 * exported SVG keeps the picture), a frame, and the size underneath. Reports the entry under the
 * pointer; the parent decides how to show it.
 */
import { createElement as h, useMemo, type PointerEvent, type ReactNode } from 'react';
import { formatNumber } from './format';
import { cellAt, fitMatrix } from './heatmapGeometry';
import { encodePng, toDataUrl } from './png';
import { fontSize, plotColors } from './plotStyle';
import { rasterize } from './rasterize';

/** At most this many raster cells along each side: 256 x 256 RGBA is 256 KiB before compression. */
export const MAX_CELLS = 256;

/** An entry of the matrix, 0-based as in numpy. */
export interface Cell {
  i: number;
  j: number;
}

/** Props of {@link HeatmapPanel}. */
export interface HeatmapPanelProps {
  rows: number;
  cols: number;
  /** Row-major entries. */
  data: ArrayLike<number>;
  /** The colour scale is [-range, range]. */
  range: number;
  /** Title above the image; may hold <tspan> subscripts. */
  title: ReactNode;
  /** The line under the image; the size ("768 × 3072") by default. */
  caption?: string;
  /** The area the panel may use, title and size label included. */
  x: number;
  y: number;
  width: number;
  height: number;
  onHover?: (cell: Cell | null) => void;
  /** Called with the entry pressed, and again for each entry the pointer drags over (a brush). */
  onPress?: (cell: Cell) => void;
}

const TITLE_SPACE = 30;
const SIZE_SPACE = 26;
/** Padding around the panels inside the <svg>. */
const PAD = 4;
/** The colour bar needs this much length for its three labels, however flat the matrix. */
const MIN_BAR_LENGTH = 120;

/** Where the panels and the colour bar go in a heatmap <svg>. */
export interface HeatmapLayout {
  /** The <svg> height: at most the height asked for, less when a wide matrix leaves space unused. */
  svgHeight: number;
  /** Top of the images and the colour bar. */
  imageTop: number;
  barLength: number;
}

/**
 * Fits panels of width `panelWidth` into at most `maxHeight`: a 768 x 3072 matrix drawn 300 px wide
 * is 75 px tall, so the <svg> shrinks instead of leaving a blank band under it.
 */
export function heatmapLayout(rows: number, cols: number, panelWidth: number, maxHeight: number): HeatmapLayout {
  const fit = fitMatrix(rows, cols, panelWidth, maxHeight - 2 * PAD - TITLE_SPACE - SIZE_SPACE);
  const barLength = Math.max(fit.height, MIN_BAR_LENGTH);
  return { svgHeight: Math.min(maxHeight, 2 * PAD + TITLE_SPACE + barLength + SIZE_SPACE), imageTop: PAD + TITLE_SPACE, barLength };
}

/** The heatmap raster as a PNG data URL, or null for an empty matrix. */
export function heatmapDataUrl(rows: number, cols: number, data: ArrayLike<number>, range: number): string | null {
  const raster = rasterize(rows, cols, data, MAX_CELLS, range);
  if (raster.width === 0 || raster.height === 0) return null;
  // Stored, not deflated: the A_k and A - A_k panels are re-encoded at every step of the rank
  // slider, and deflate took about 13 ms per panel in the browser on the bench machine (a 256 x 256
  // raster: 1.2 ms stored against 5.6 ms at level 6 in node). The data URL is a few hundred KB.
  return toDataUrl(encodePng(raster.width, raster.height, raster.rgba, 0));
}

/** A titled heatmap image of one matrix, for use inside an <svg>. */
export function HeatmapPanel({ rows, cols, data, range, title, caption, x, y, width, height, onHover, onPress }: HeatmapPanelProps) {
  // The raster and its PNG are the expensive part (one pass over up to millions of entries):
  // recompute only when the matrix or the scale changes, not on pointer moves.
  const href = useMemo(() => heatmapDataUrl(rows, cols, data, range), [rows, cols, data, range]);
  const fit = fitMatrix(rows, cols, width, height - TITLE_SPACE - SIZE_SPACE);
  const imageX = x + (width - fit.width) / 2;
  const imageY = y + TITLE_SPACE;

  const cellOf = (event: PointerEvent<SVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return cellAt(rows, cols, event.clientX - box.left, event.clientY - box.top, box.width, box.height);
  };
  const report = (event: PointerEvent<SVGElement>) => {
    const cell = onHover || onPress ? cellOf(event) : null;
    onHover?.(cell);
    // A drag with the button held paints every entry it crosses.
    if (onPress && cell && event.buttons === 1) onPress(cell);
  };
  const press = (event: PointerEvent<SVGElement>) => {
    if (!onPress) return;
    event.preventDefault();
    const cell = cellOf(event);
    if (cell) onPress(cell);
  };

  return h(
    'g',
    null,
    h('text', { x: x + width / 2, y: y + 20, textAnchor: 'middle', fontSize: fontSize.title, fontWeight: 600 }, title),
    href &&
      h('image', {
        href,
        x: imageX,
        y: imageY,
        width: fit.width,
        height: fit.height,
        // The raster may have fewer cells than the matrix has entries along one side only, so it is
        // stretched to the matrix's shape; pixelated keeps cell edges sharp when enlarged.
        preserveAspectRatio: 'none',
        onPointerMove: report,
        onPointerDown: onPress ? press : undefined,
        style: { imageRendering: 'pixelated', cursor: onPress ? 'crosshair' : undefined, touchAction: onPress ? 'none' : undefined },
        onPointerLeave: () => onHover?.(null),
      }),
    h('rect', { x: imageX, y: imageY, width: fit.width, height: fit.height, fill: 'none', stroke: plotColors.axis, pointerEvents: 'none' }),
    h(
      'text',
      { x: x + width / 2, y: imageY + fit.height + 20, textAnchor: 'middle', fontSize: fontSize.tick, fill: plotColors.axis },
      caption ?? `${rows} × ${cols}`,
    ),
  );
}

/** "A[3, 7] = 0.125": an entry for the readout under a heatmap. */
export function entryReadout(symbol: string, cell: Cell, value: number): string {
  return `${symbol}[${cell.i}, ${cell.j}] = ${formatNumber(value)}`;
}
