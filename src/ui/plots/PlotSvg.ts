/**
 * The root <svg> every plot draws into: a fixed drawing size as viewBox (it scales down with CSS
 * max-width), role="img" with an accessible name, and <title>/<desc> for screen readers and for
 * exported files. The font is an attribute so exported files keep it.
 */
import { createElement as h, type ReactNode } from 'react';
import { fontFamily, plotColors } from './plotStyle';

/** Props of {@link PlotSvg}. */
export interface PlotSvgProps {
  width: number;
  height: number;
  /** The accessible name and <title>, e.g. "Singular value spectrum". */
  label: string;
  /** A sentence or two that says what the plot shows in numbers, for screen readers. */
  description: string;
  children?: ReactNode;
}

/** An accessible, self-contained plot root. */
export function PlotSvg({ width, height, label, description, children }: PlotSvgProps) {
  return h(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': label,
      fontFamily,
      fill: plotColors.text,
      style: { maxWidth: '100%', height: 'auto', background: plotColors.background },
    },
    h('title', null, label),
    h('desc', null, description),
    children,
  );
}
