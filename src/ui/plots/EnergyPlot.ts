/**
 * Cumulative energy against rank: the share of ‖A‖_F² that the rank-k truncation keeps,
 * sum_{i<=k} σ_i² / sum_i σ_i², with the current k marked and guides at 90 % and 99 %.
 */
import { createElement as h } from 'react';
import { palette } from '../../theme/palette';
import { BottomAxis, LeftAxis } from './axes';
import { cumulativeEnergy } from './energy';
import { formatPercent } from './format';
import { PlotFrame } from './PlotFrame';
import { PlotSvg } from './PlotSvg';
import { besideX, fontSize, lineMargins, plotColors, px } from './plotStyle';
import { linearScale, niceTicks } from './scale';

/** Props of {@link EnergyPlot}. */
export interface EnergyPlotProps {
  /** Singular values, descending. */
  values: ArrayLike<number>;
  /** The rank k of the truncation. */
  rank: number;
  /** ‖A‖_F², when `values` are only the leading singular values. */
  totalSquared?: number;
  title?: string;
  width?: number;
  height?: number;
}

/** The energy levels people quote when they choose a rank. */
export const ENERGY_GUIDES = [0.9, 0.99] as const;

/** The label at the marked rank: "k = 12: 93.4 %". */
export function energyLabel(k: number, fraction: number): string {
  return `k = ${k}: ${formatPercent(fraction)}`;
}

/**
 * The energy plot, framed with a heading and export buttons.
 * @example h(EnergyPlot, { values: svd.s, rank: 12 })
 */
export function EnergyPlot({ values, rank, totalSquared, title = 'Energy captured', width = 640, height = 320 }: EnergyPlotProps) {
  const p = values.length;
  const k = Math.max(0, Math.min(p, Math.floor(rank)));
  const energy = cumulativeEnergy(values, totalSquared);
  const hasEnergy = energy[p] > 0;
  const m = lineMargins;
  const left = m.left;
  const right = width - m.right;
  const top = m.top;
  const bottom = height - m.bottom;
  const x = linearScale([0, Math.max(1, p)], [left, right]);
  const y = linearScale([0, 1], [bottom, top]);

  const line = Array.from(energy, (e, i) => `${i === 0 ? 'M' : 'L'}${px(x(i))} ${px(y(e))}`).join('');
  const dotX = x(k);
  const dotY = y(energy[k]);
  const label = energyLabel(k, energy[k]);
  const description = hasEnergy
    ? `Share of the squared Frobenius norm kept by rank k, for k from 0 to ${p}. At k = ${k} it is ${formatPercent(energy[k])}.`
    : 'All singular values are zero: there is no energy to capture.';

  const svg = h(
    PlotSvg,
    { width, height, label: title, description },
    h(LeftAxis, { scale: y, ticks: niceTicks(0, 1, 5), format: (t: number) => `${Math.round(t * 100)} %`, label: 'energy kept', gridTo: right, at: left }),
    h(BottomAxis, { scale: x, ticks: niceTicks(0, Math.max(1, p), 6).filter(Number.isInteger), format: String, label: 'rank k', gridTo: top, at: bottom }),
    // The 99 % label goes above its line and the 90 % one below, so the two never collide.
    ENERGY_GUIDES.map((level) =>
      h(
        'g',
        { key: level },
        h('line', { x1: left, x2: right, y1: y(level), y2: y(level), stroke: plotColors.axis, strokeDasharray: '6 4' }),
        h('text', { x: right - 4, y: y(level) + (level > 0.95 ? -6 : 18), textAnchor: 'end', fontSize: fontSize.note, fill: plotColors.axis }, formatPercent(level).replace('.0 ', ' ')),
      ),
    ),
    hasEnergy
      ? [
          h('path', { key: 'line', d: line, fill: 'none', stroke: palette.scale, strokeWidth: 2.5 }),
          h('circle', { key: 'dot', cx: px(dotX), cy: px(dotY), r: 6, fill: palette.output, stroke: '#ffffff', strokeWidth: 1.5 }),
          h(
            'text',
            { key: 'label', ...besideX(dotX, right, 150), y: Math.min(bottom - 8, dotY + 30), fontSize: fontSize.label, fontWeight: 600, fill: palette.output },
            label,
          ),
        ]
      : h('text', { x: (left + right) / 2, y: (top + bottom) / 2, textAnchor: 'middle', fontSize: fontSize.note }, 'All values are zero: no energy to capture'),
  );
  return h(PlotFrame, { title, exportName: 'energy', subject: 'energy plot' }, svg);
}
