/**
 * Axis components for the line plots: ticks, tick labels, faint grid lines and an axis title.
 * Written with createElement rather than JSX so that component tests can stay `.test.ts` files,
 * which is what vitest and tsconfig.node.json pick up in this repository.
 */
import { createElement as h, type ReactNode } from 'react';
import type { Scale } from './scale';
import { fontSize, plotColors } from './plotStyle';

/** Props shared by both axes. */
export interface AxisProps {
  scale: Scale;
  ticks: readonly number[];
  format: (tick: number) => string;
  /** The axis title, e.g. "index i". */
  label: ReactNode;
  /** The far end of the plotting area on the other axis, for grid lines. */
  gridTo: number;
}

/** A horizontal axis along y = `at`, with grid lines up to y = `gridTo`. */
export function BottomAxis({ scale, ticks, format, label, gridTo, at }: AxisProps & { at: number }) {
  const [x0, x1] = scale.range;
  return h(
    'g',
    { fill: plotColors.text, fontSize: fontSize.tick },
    ticks.map((tick) => {
      const x = scale(tick);
      return h(
        'g',
        { key: tick },
        h('line', { x1: x, x2: x, y1: gridTo, y2: at, stroke: plotColors.grid }),
        h('line', { x1: x, x2: x, y1: at, y2: at + 5, stroke: plotColors.axis }),
        h('text', { x, y: at + 20, textAnchor: 'middle' }, format(tick)),
      );
    }),
    h('line', { x1: x0, x2: x1, y1: at, y2: at, stroke: plotColors.axis }),
    h('text', { x: (x0 + x1) / 2, y: at + 44, textAnchor: 'middle', fontSize: fontSize.label }, label),
  );
}

/** A vertical axis along x = `at`, with grid lines across to x = `gridTo`. */
export function LeftAxis({ scale, ticks, format, label, gridTo, at }: AxisProps & { at: number }) {
  const [y0, y1] = scale.range;
  const middle = (y0 + y1) / 2;
  return h(
    'g',
    { fill: plotColors.text, fontSize: fontSize.tick },
    ticks.map((tick) => {
      const y = scale(tick);
      return h(
        'g',
        { key: tick },
        h('line', { x1: at, x2: gridTo, y1: y, y2: y, stroke: plotColors.grid }),
        h('line', { x1: at - 5, x2: at, y1: y, y2: y, stroke: plotColors.axis }),
        h('text', { x: at - 8, y, textAnchor: 'end', dominantBaseline: 'middle' }, format(tick)),
      );
    }),
    h('line', { x1: at, x2: at, y1: y0, y2: y1, stroke: plotColors.axis }),
    h(
      'text',
      { x: 0, y: 0, transform: `translate(${at - 56} ${middle}) rotate(-90)`, textAnchor: 'middle', fontSize: fontSize.label },
      label,
    ),
  );
}
