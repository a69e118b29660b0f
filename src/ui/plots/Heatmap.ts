/**
 * One matrix as a heatmap with a colour bar, framed with export buttons, and a readout of the
 * entry under the pointer. For big matrices the picture is a max-abs downsampled raster (see
 * rasterize.ts); the readout always shows the exact entry.
 */
import { createElement as h, useState } from 'react';
import { ColorBar } from './ColorBar';
import { entryReadout, HeatmapPanel, heatmapLayout, type Cell } from './HeatmapPanel';
import { PlotFrame } from './PlotFrame';
import { PlotSvg } from './PlotSvg';
import { maxAbs } from './rasterize';
import { formatNumber } from './format';

/** Props of {@link Heatmap}. */
export interface HeatmapProps {
  rows: number;
  cols: number;
  /** Row-major entries. */
  data: ArrayLike<number>;
  title: string;
  /** If given, the colour scale is [-r, r]: pass the same r to heatmaps that should compare honestly. */
  symmetricRange?: number;
  width?: number;
  height?: number;
  /** The matrix's name in the readout, "A" by default: "A[i, j] = value". */
  symbol?: string;
}

/** Space at the right for the colour bar and its labels. */
export const COLOR_BAR_SPACE = 96;

/** The readout line under a heatmap: a fixed height so the page does not jump as the pointer moves. */
export function Readout({ text }: { text: string | null }) {
  return h('p', { style: { margin: 0, minHeight: '1.5em', fontVariantNumeric: 'tabular-nums' } }, text ?? 'Point at the heatmap to read an entry.');
}

/** The scale a heatmap uses: the given symmetric range, else the largest |entry|, else 1. */
export function heatmapRange(data: ArrayLike<number>, symmetricRange?: number): number {
  if (symmetricRange !== undefined && symmetricRange > 0 && Number.isFinite(symmetricRange)) return symmetricRange;
  return maxAbs(data) || 1;
}

/**
 * A framed heatmap of one matrix.
 * @example h(Heatmap, { rows: 768, cols: 3072, data: weights, title: 'W_q' })
 */
export function Heatmap({ rows, cols, data, title, symmetricRange, width = 480, height = 360, symbol = 'A' }: HeatmapProps) {
  const [cell, setCell] = useState<Cell | null>(null);
  const range = heatmapRange(data, symmetricRange);
  const description =
    `Heatmap of a ${rows} by ${cols} matrix, blue for negative, white for zero, vermillion for positive, ` +
    `on a scale from ${formatNumber(-range)} to ${formatNumber(range)}.`;
  const panelWidth = width - COLOR_BAR_SPACE;
  const layout = heatmapLayout(rows, cols, panelWidth - 16, height);
  const svg = h(
    PlotSvg,
    { width, height: layout.svgHeight, label: title, description },
    h(HeatmapPanel, { rows, cols, data, range, title, x: 8, y: 4, width: panelWidth - 16, height: layout.svgHeight - 8, onHover: setCell }),
    h(ColorBar, { x: panelWidth + 8, y: layout.imageTop, length: layout.barLength, range }),
  );
  const readout = cell ? entryReadout(symbol, cell, data[cell.i * cols + cell.j]) : null;
  return h(PlotFrame, { title, exportName: fileNameOf(title), subject: `heatmap ${title}` }, svg, h(Readout, { text: readout }));
}

/** A file name from a title: "A_k (k = 12)" -> "heatmap-a_k-k-12". */
export function fileNameOf(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? `heatmap-${slug}` : 'heatmap';
}
