/**
 * The colour bar of the heatmaps: a vertical gradient from -range (bottom, blue) through 0 (white)
 * to +range (top, vermillion), labelled at both ends and in the middle. SVG gradients interpolate
 * in sRGB, as the raster does, so the bar matches the cells.
 */
import { createElement as h, useId } from 'react';
import { NEGATIVE_COLOR, POSITIVE_COLOR, ZERO_COLOR } from './colorMap';
import { formatNumber } from './format';
import { fontSize, plotColors } from './plotStyle';

/** Props of {@link ColorBar}. */
export interface ColorBarProps {
  /** Top-left corner of the bar. */
  x: number;
  y: number;
  /** Length of the bar, top to bottom. */
  length: number;
  /** The scale is [-range, range]. */
  range: number;
  /** Width of the bar in px. */
  thickness?: number;
}

/** A labelled vertical colour bar for the diverging scale. */
export function ColorBar({ x, y, length, range, thickness = 16 }: ColorBarProps) {
  // Gradient ids must be unique in the page, which may show several heatmaps.
  const gradientId = `colorbar-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const labelX = x + thickness + 6;
  return h(
    'g',
    { fontSize: fontSize.tick },
    h(
      'defs',
      null,
      h(
        'linearGradient',
        { id: gradientId, x1: 0, y1: 1, x2: 0, y2: 0 },
        h('stop', { offset: 0, stopColor: NEGATIVE_COLOR }),
        h('stop', { offset: 0.5, stopColor: ZERO_COLOR }),
        h('stop', { offset: 1, stopColor: POSITIVE_COLOR }),
      ),
    ),
    h('rect', { x, y, width: thickness, height: length, fill: `url(#${gradientId})`, stroke: plotColors.axis }),
    h('text', { x: labelX, y: y + 5, dominantBaseline: 'middle' }, formatNumber(range)),
    h('text', { x: labelX, y: y + length / 2, dominantBaseline: 'middle' }, '0'),
    h('text', { x: labelX, y: y + length - 5, dominantBaseline: 'middle' }, formatNumber(-range)),
  );
}
