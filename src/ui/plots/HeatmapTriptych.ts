/**
 * The original A, its rank-k reconstruction A_k and the residual A − A_k side by side, on one
 * shared symmetric colour scale: the same colour means the same number in all three, so a pale
 * residual really is small. One <svg>, so one exported file holds the comparison.
 */
import { createElement as h, useMemo, useState } from 'react';
import { ColorBar } from './ColorBar';
import { COLOR_BAR_SPACE, Readout } from './Heatmap';
import { HeatmapPanel, entryReadout, heatmapLayout, type Cell } from './HeatmapPanel';
import { formatNumber } from './format';
import { PlotFrame } from './PlotFrame';
import { PlotSvg } from './PlotSvg';
import { maxAbs } from './rasterize';

/** Props of {@link HeatmapTriptych}. */
export interface HeatmapTriptychProps {
  rows: number;
  cols: number;
  /** A, row-major. */
  original: ArrayLike<number>;
  /** A_k, row-major, same shape. */
  reconstruction: ArrayLike<number>;
  /** k, for the title of A_k. */
  rank: number;
  width?: number;
  height?: number;
}

/** A − A_k, entry by entry. */
export function residualOf(original: ArrayLike<number>, reconstruction: ArrayLike<number>): Float64Array {
  const residual = new Float64Array(original.length);
  for (let i = 0; i < original.length; i++) residual[i] = original[i] - reconstruction[i];
  return residual;
}

/** A subscript inside an SVG title ("A" + "k" gives A_k); 13 px so it stays readable. */
function sub(text: string) {
  return h('tspan', { baselineShift: 'sub', fontSize: 13 }, text);
}

/**
 * A, A_k and A − A_k, framed with export buttons, with a readout of all three entries under the pointer.
 * @example h(HeatmapTriptych, { rows, cols, original: a, reconstruction: ak, rank: 12 })
 */
export function HeatmapTriptych({ rows, cols, original, reconstruction, rank, width = 960, height = 340 }: HeatmapTriptychProps) {
  const [cell, setCell] = useState<Cell | null>(null);
  const residual = useMemo(() => residualOf(original, reconstruction), [original, reconstruction]);
  const range = useMemo(() => maxAbs(original, reconstruction, residual) || 1, [original, reconstruction, residual]);
  const largestResidual = maxAbs(residual);

  const panelWidth = (width - COLOR_BAR_SPACE) / 3;
  const layout = heatmapLayout(rows, cols, panelWidth - 16, height);
  const panels = [
    { key: 'a', data: original, title: 'A' },
    { key: 'ak', data: reconstruction, title: h('tspan', null, 'A', sub('k'), ` (k = ${rank})`) },
    // On the shared scale a good approximation leaves a nearly white residual: say how big it is.
    { key: 'residual', data: residual, title: h('tspan', null, 'A − A', sub('k')), caption: `largest |entry| ${formatNumber(largestResidual)}` },
  ];

  const description =
    `Three ${rows} by ${cols} heatmaps on one colour scale from ${formatNumber(-range)} to ${formatNumber(range)}: ` +
    `the matrix A, its rank ${rank} approximation A_k, and the residual A − A_k, whose largest entry in magnitude is ${formatNumber(largestResidual)}.`;

  const svg = h(
    PlotSvg,
    { width, height: layout.svgHeight, label: `A, A_k (k = ${rank}) and A − A_k`, description },
    panels.map((panel, n) =>
      h(HeatmapPanel, {
        key: panel.key,
        rows,
        cols,
        data: panel.data,
        range,
        title: panel.title,
        caption: panel.caption,
        x: n * panelWidth + 8,
        y: 4,
        width: panelWidth - 16,
        height: layout.svgHeight - 8,
        onHover: setCell,
      }),
    ),
    h(ColorBar, { x: 3 * panelWidth + 8, y: layout.imageTop, length: layout.barLength, range }),
  );

  const readout = cell
    ? [
        entryReadout('A', cell, original[cell.i * cols + cell.j]),
        entryReadout('A_k', cell, reconstruction[cell.i * cols + cell.j]),
        entryReadout('(A − A_k)', cell, residual[cell.i * cols + cell.j]),
      ].join(',  ')
    : null;

  return h(
    PlotFrame,
    { title: `A, A_k (k = ${rank}) and A − A_k`, exportName: `heatmaps-rank-${rank}`, subject: 'heatmaps' },
    svg,
    h(Readout, { text: readout }),
  );
}
