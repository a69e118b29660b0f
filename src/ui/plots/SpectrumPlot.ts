/**
 * The singular value spectrum on a log scale, with the rank cut k and the break-even rank.
 * Kept values (i <= k) are in the output colour, discarded ones grey; exact zeros, which a log axis
 * cannot show, sit in a strip below the axis with their own marker and a count.
 */
import { createElement as h } from 'react';
import { palette } from '../../theme/palette';
import { BottomAxis, LeftAxis } from './axes';
import { formatDecade, formatNumber, formatRank } from './format';
import { PlotFrame } from './PlotFrame';
import { PlotSvg } from './PlotSvg';
import { besideX, fontSize, lineMargins, plotColors, px } from './plotStyle';
import { linearScale, logScale, logTicks, niceLogDomain, niceTicks } from './scale';
import { MARKER_LIMIT, positiveExtent, spectrumPaths } from './spectrumGeometry';

/** Props of {@link SpectrumPlot}. */
export interface SpectrumPlotProps {
  /** Singular values, descending; may contain exact zeros. */
  values: ArrayLike<number>;
  /** The rank k of the truncation: values 1..k are kept. */
  rank: number;
  /** mn / (m + n): beyond this rank the factors take more storage than the matrix. May be fractional. */
  breakEvenRank?: number;
  title?: string;
  width?: number;
  height?: number;
}

/** Height of the strip under the log axis where exact zeros are drawn. */
const ZERO_STRIP = 26;

/** "1 value is zero" / "3 values are zero". */
export function zeroNote(count: number): string {
  return count === 1 ? '1 value is zero' : `${count} values are zero`;
}

/** The screen-reader summary of a spectrum. */
function describe(values: ArrayLike<number>, k: number, zeroCount: number, breakEven: number | undefined): string {
  const p = values.length;
  if (p === 0) return 'There are no singular values to show yet.';
  const [lo, hi] = positiveExtent(values);
  const range = hi > 0 ? `from ${formatNumber(hi)} down to ${formatNumber(lo)}` : 'all zero';
  const zeros = zeroCount > 0 && zeroCount < p ? ` ${zeroNote(zeroCount)}.` : '';
  const beyond = breakEven !== undefined && breakEven > p ? `, beyond the ${p} values shown` : '';
  const even = breakEven === undefined ? '' : ` The break-even rank is ${formatRank(breakEven)}${beyond}.`;
  return `${p} singular values, ${range}, on a log scale. Rank k = ${k} keeps the first ${k}.${zeros}${even}`;
}

/**
 * The spectrum plot, framed with a heading and export buttons.
 * @example h(SpectrumPlot, { values: svd.s, rank: 12, breakEvenRank: (m * n) / (m + n) })
 */
export function SpectrumPlot({ values, rank, breakEvenRank, title = 'Singular value spectrum', width = 640, height = 360 }: SpectrumPlotProps) {
  const p = values.length;
  const k = Math.max(0, Math.min(p, Math.floor(rank)));
  const m = lineMargins;
  const left = m.left;
  const right = width - m.right;
  const top = m.top;
  const axisY = height - m.bottom;
  const logBottom = axisY - ZERO_STRIP;
  const zeroY = logBottom + ZERO_STRIP / 2;

  const [lo, hi] = positiveExtent(values);
  const yDomain = niceLogDomain(lo, hi);
  const x = linearScale([0.5, Math.max(1, p) + 0.5], [left, right]);
  const y = logScale(yDomain, [logBottom, top]);
  const paths = spectrumPaths(values, k, x, y, zeroY);
  // A line at rank r sits half a step after index r: between what rank r keeps and drops.
  const boundary = (r: number) => x(r + 0.5);
  const showBreakEven = breakEvenRank !== undefined && Number.isFinite(breakEvenRank) && breakEvenRank >= 0 && breakEvenRank <= p;
  const xTicks = niceTicks(1, Math.max(1, p), 6).filter((t) => Number.isInteger(t) && t >= 1);

  const markers =
    p <= MARKER_LIMIT
      ? Array.from({ length: p }, (_, n) => {
          const v = values[n];
          if (!(v > 0) || !Number.isFinite(v)) return null;
          const kept = n + 1 <= k;
          return h('circle', { key: n, cx: px(x(n + 1)), cy: px(y(v)), r: 3.5, fill: kept ? palette.output : plotColors.faded });
        })
      : null;

  const cutX = boundary(k);
  const breakEvenX = showBreakEven ? boundary(breakEvenRank) : 0;

  const svg = h(
    PlotSvg,
    { width, height, label: title, description: describe(values, k, paths.zeroCount, breakEvenRank) },
    p === 0
      ? h('text', { x: width / 2, y: height / 2, textAnchor: 'middle', fontSize: fontSize.note }, 'No singular values yet')
      : [
          h(LeftAxis, {
            key: 'y',
            scale: y,
            ticks: logTicks(yDomain[0], yDomain[1]),
            format: (t: number) => formatDecade(Math.round(Math.log10(t))),
            label: [h('tspan', { key: 's' }, 'σ'), h('tspan', { key: 'i', baselineShift: 'sub', fontSize: 13 }, 'i'), ' (log scale)'],
            gridTo: right,
            at: left,
          }),
          h(BottomAxis, { key: 'x', scale: x, ticks: xTicks, format: String, label: 'index i', gridTo: top, at: axisY }),
          paths.zeroCount > 0 &&
            h(
              'g',
              { key: 'zeros' },
              h('text', { x: left - 8, y: zeroY, textAnchor: 'end', dominantBaseline: 'middle', fontSize: fontSize.tick }, '0'),
              h('path', {
                d: paths.zeros,
                fill: 'none',
                stroke: palette.nullSpace,
                strokeWidth: p <= MARKER_LIMIT ? 2 : 5,
                strokeLinecap: 'round',
              }),
            ),
          h('path', { key: 'discarded', d: paths.discarded, fill: 'none', stroke: plotColors.faded, strokeWidth: 2, strokeOpacity: 0.8 }),
          h('path', { key: 'kept', d: paths.kept, fill: 'none', stroke: palette.output, strokeWidth: 2.5 }),
          markers && h('g', { key: 'markers' }, markers),
          h(
            'g',
            { key: 'cut' },
            h('line', { x1: cutX, x2: cutX, y1: top, y2: axisY, stroke: palette.output, strokeWidth: 2 }),
            h('text', { ...besideX(cutX, right, 80), y: top + 14, fontSize: fontSize.label, fontWeight: 600, fill: palette.output }, `k = ${k}`),
          ),
          showBreakEven &&
            h(
              'g',
              { key: 'break-even' },
              h('line', { x1: breakEvenX, x2: breakEvenX, y1: top, y2: axisY, stroke: plotColors.axis, strokeWidth: 1.5, strokeDasharray: '6 4' }),
              h(
                'text',
                { ...besideX(breakEvenX, right, 150), y: top + 34, fontSize: fontSize.note, fill: plotColors.axis },
                `break-even ${formatRank(breakEvenRank)}`,
              ),
            ),
          h(SpectrumLegend, { key: 'legend', left, y: 22, zeroCount: paths.zeroCount }),
        ],
  );
  return h(PlotFrame, { title, exportName: 'spectrum', subject: 'spectrum' }, svg);
}

/** The key above the plot: kept, discarded and, if any, the zero count. Colour is never the only cue. */
function SpectrumLegend({ left, y, zeroCount }: { left: number; y: number; zeroCount: number }) {
  return h(
    'g',
    { fontSize: fontSize.note },
    h('line', { x1: left, x2: left + 22, y1: y - 5, y2: y - 5, stroke: palette.output, strokeWidth: 2.5 }),
    h('text', { x: left + 28, y }, 'kept (i ≤ k)'),
    h('line', { x1: left + 130, x2: left + 152, y1: y - 5, y2: y - 5, stroke: plotColors.faded, strokeWidth: 2 }),
    h('text', { x: left + 158, y }, 'discarded'),
    zeroCount > 0 &&
      h(
        'g',
        null,
        h('path', { d: `M${left + 254} ${y - 9}l8 8m0 -8l-8 8`, stroke: palette.nullSpace, strokeWidth: 2 }),
        h('text', { x: left + 268, y }, zeroNote(zeroCount)),
      ),
  );
}
