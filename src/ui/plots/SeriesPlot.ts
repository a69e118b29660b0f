/**
 * Several named series of (x, y) points as lines, markers or both, on linear or log axes, with a
 * legend, optional horizontal reference lines and an optional vertical marker. It draws the weighted
 * objective per iteration of methods racing each other (live: it re-renders many times a second)
 * and the Pareto front of compression factor against relative error (markers, one highlighted).
 *
 * Series are told apart by colour (Okabe-Ito, from the palette), by dash pattern and by marker
 * shape, so the legend can be read without colour.
 *
 * Cost: one `<path>` per series for the line. Beyond `DECIMATE_ABOVE` (600) finite points a series'
 * line is decimated: its points are cut into about 300 buckets by index and each bucket keeps its
 * lowest and its highest point (in index order), plus the first and last point of every unbroken
 * run. The line's envelope survives, spikes included, and 4 series of 500 points draw as 4 paths of
 * at most 500 points. Markers are separate elements with a `<title>` (the hover label) up to
 * `TITLED_MARKERS` (150) points per series; beyond that they are one path per series, thinned to at
 * most `MAX_MARKERS` (2,000) by stride.
 */
import { referenceLabelSpots, textWidth } from './referenceLabels';
import { createElement as h, type ReactNode } from 'react';
import { palette } from '../../theme/palette';
import { BottomAxis, LeftAxis } from './axes';
import { formatDecade, formatNumber } from './format';
import { PlotFrame } from './PlotFrame';
import { PlotSvg } from './PlotSvg';
import { besideX, fontSize, lineMargins, plotColors, px } from './plotStyle';
import { decade, linearScale, logScale, logTicks, niceLogDomain, niceTicks, type Scale } from './scale';

/** One named series. `x` and `y` are read up to the shorter length. */
export interface PlotSeries {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Index of a point drawn larger and labelled (e.g. the current setting on a Pareto front). */
  highlight?: number;
  /** Per-point labels, shown on hover (the marker's `<title>`) and beside the highlighted point. */
  labels?: ArrayLike<string>;
  /** Overrides the series' colour (default: the i-th of `SERIES_STYLES`); dash and marker stay. */
  color?: string;
}

export type AxisScale = 'linear' | 'log';
export type PointStyle = 'lines' | 'markers' | 'both';

/** Props of {@link SeriesPlot}. */
export interface SeriesPlotProps {
  series: readonly PlotSeries[];
  xLabel: string;
  yLabel: string;
  /** The heading, the accessible name and the `<title>`. */
  title: string;
  /** File name of the exports, without extension. */
  exportName: string;
  yScale?: AxisScale;
  xScale?: AxisScale;
  /** Horizontal dashed lines, e.g. the SVD's objective as the bound to beat. */
  references?: readonly { y: number; label: string }[];
  /** A vertical line, e.g. at the current rank. */
  markerX?: { x: number; label: string } | null;
  points?: PointStyle;
  width?: number;
  height?: number;
}

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'plus';

/** Colour, dash pattern and marker of the i-th series (cycled). Colours are Okabe-Ito. */
export const SERIES_STYLES: readonly { color: string; dash: string | undefined; marker: MarkerShape }[] = [
  { color: palette.input, dash: undefined, marker: 'circle' },
  { color: palette.output, dash: '9 4', marker: 'square' },
  { color: palette.scale, dash: '2 3', marker: 'triangle' },
  { color: palette.nullSpace, dash: '10 3 2 3', marker: 'diamond' },
  { color: palette.imageFill, dash: '5 5', marker: 'cross' },
  { color: palette.basis, dash: '1 4', marker: 'plus' },
];

/** Above this many finite points per series, the line is decimated (see the file comment). */
export const DECIMATE_ABOVE = 600;
/** Up to this many points per series, each marker is its own element with a hover `<title>`. */
export const TITLED_MARKERS = 150;
/** At most this many markers are drawn per series (thinned by stride beyond). */
export const MAX_MARKERS = 2000;

const MARKER_RADIUS = 4;
/** A white outline under a label, so it stays legible where it crosses a line or a bar. */
export const HALO = { stroke: plotColors.background, strokeWidth: 4, strokeLinejoin: 'round', paintOrder: 'stroke' } as const;
const LEGEND_ROW = 20;

/** The style of series `index`. */
export function seriesStyle(index: number): (typeof SERIES_STYLES)[number] {
  return SERIES_STYLES[((index % SERIES_STYLES.length) + SERIES_STYLES.length) % SERIES_STYLES.length];
}

/**
 * The indices of a line's points to draw, in order, with -1 where the pen lifts. A point whose
 * pixel x or y is NaN is a gap. Up to `maxPoints` finite points are all kept; beyond, every
 * unbroken run keeps its first and last point and the lowest and highest point of each of its
 * buckets, with about `maxPoints` points in all.
 * @example decimatedIndices([0, 1, 2], [5, NaN, 7]) // [0, -1, 2]
 */
export function decimatedIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints = DECIMATE_ABOVE): number[] {
  const n = Math.min(xs.length, ys.length);
  const runs: Array<[number, number]> = [];
  let finite = 0;
  for (let i = 0; i < n; ) {
    while (i < n && !(Number.isFinite(xs[i]) && Number.isFinite(ys[i]))) i++;
    const start = i;
    while (i < n && Number.isFinite(xs[i]) && Number.isFinite(ys[i])) i++;
    if (i > start) {
      runs.push([start, i]);
      finite += i - start;
    }
  }
  const out: number[] = [];
  for (const [start, end] of runs) {
    if (out.length > 0) out.push(-1);
    const length = end - start;
    const budget = finite <= maxPoints ? length : Math.max(2, Math.floor((maxPoints * length) / finite));
    if (length <= budget) {
      for (let i = start; i < end; i++) out.push(i);
      continue;
    }
    const buckets = Math.max(1, Math.floor((budget - 2) / 2));
    let last = start;
    out.push(start);
    for (let b = 0; b < buckets; b++) {
      const from = start + Math.floor((b * length) / buckets);
      const to = start + Math.floor(((b + 1) * length) / buckets);
      let lo = from;
      let hi = from;
      for (let i = from + 1; i < to; i++) {
        if (ys[i] < ys[lo]) lo = i;
        if (ys[i] > ys[hi]) hi = i;
      }
      const first = Math.min(lo, hi);
      const second = Math.max(lo, hi);
      if (first > last) out.push((last = first));
      if (second > last) out.push((last = second));
    }
    if (end - 1 > last) out.push(end - 1);
  }
  return out;
}

/** SVG path data through pixel coordinates `xs`, `ys` (NaN: a gap), decimated as `decimatedIndices` does. */
export function seriesPath(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints = DECIMATE_ABOVE): { d: string; drawn: number } {
  const parts: string[] = [];
  let pen = false;
  let drawn = 0;
  for (const i of decimatedIndices(xs, ys, maxPoints)) {
    if (i < 0) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${px(xs[i])} ${px(ys[i])}`);
    pen = true;
    drawn++;
  }
  return { d: parts.join(''), drawn };
}

/** Path data of one marker of `shape` centred at (x, y). */
export function markerPath(shape: MarkerShape, x: number, y: number, r = MARKER_RADIUS): string {
  const [cx, cy] = [px(x), px(y)];
  switch (shape) {
    case 'circle':
      return `M${px(cx - r)} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
    case 'square':
      return `M${px(cx - r)} ${px(cy - r)}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'triangle':
      return `M${cx} ${px(cy - r * 1.2)}L${px(cx + r * 1.1)} ${px(cy + r * 0.8)}H${px(cx - r * 1.1)}Z`;
    case 'diamond':
      return `M${cx} ${px(cy - r * 1.3)}L${px(cx + r * 1.1)} ${cy}L${cx} ${px(cy + r * 1.3)}L${px(cx - r * 1.1)} ${cy}Z`;
    case 'cross':
      return `M${px(cx - r)} ${px(cy - r)}l${2 * r} ${2 * r}m0 ${-2 * r}l${-2 * r} ${2 * r}`;
    case 'plus':
      return `M${px(cx - r * 1.2)} ${cy}h${2.4 * r}M${cx} ${px(cy - r * 1.2)}v${2.4 * r}`;
  }
}

/** A linear domain rounded out to the tick step; a single value gets some room around it. */
function niceLinearDomain(lo: number, hi: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const ticks = niceTicks(lo, hi, 5);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : hi - lo;
  if (!(step > 0)) return [lo, hi];
  return [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step];
}

interface AxisPlan {
  scale: Scale;
  ticks: number[];
  format: (t: number) => string;
}

/** Scale, ticks and tick labels of one axis over the data extent [lo, hi]. */
function axisPlan(kind: AxisScale, lo: number, hi: number, range: [number, number], tickCount: number): AxisPlan {
  if (kind === 'log') {
    const domain = niceLogDomain(lo, hi);
    const decades = Math.round(Math.log10(domain[1] / domain[0]));
    if (decades <= 2) {
      // Few decades: 1, 2 and 5 times each power of ten, written out.
      const ticks: number[] = [];
      const e0 = Math.round(Math.log10(domain[0]));
      for (let e = e0; e <= e0 + decades; e++) {
        for (const m of [1, 2, 5]) {
          const t = m * decade(e);
          if (t <= domain[1] * (1 + 1e-12)) ticks.push(Number(`${m}e${e}`));
        }
      }
      return { scale: logScale(domain, range), ticks, format: (t) => formatNumber(t) };
    }
    return { scale: logScale(domain, range), ticks: logTicks(domain[0], domain[1]), format: (t) => formatDecade(Math.round(Math.log10(t))) };
  }
  const domain = niceLinearDomain(lo, hi);
  return { scale: linearScale(domain, range), ticks: niceTicks(domain[0], domain[1], tickCount), format: (t) => formatNumber(t) };
}


/** Legend entries placed in rows that fit between `left` and `right`. */
function legendLayout(names: readonly string[], left: number, right: number): { x: number; row: number }[] {
  const spots: { x: number; row: number }[] = [];
  let x = left;
  let row = 0;
  for (const name of names) {
    const w = 34 + textWidth(name, fontSize.note) + 18;
    if (x > left && x + w > right) {
      x = left;
      row++;
    }
    spots.push({ x, row });
    x += w;
  }
  return spots;
}

/** "1 point" / "3 points"; "1 series" / "2 series". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 || noun.endsWith('s') ? '' : 's'}`;
}

interface Prepared {
  /** Pixel coordinates, NaN where the point is not drawn. */
  xs: Float64Array;
  ys: Float64Array;
  finite: number;
  /** Points left out because a log axis cannot show them (x or y not positive). */
  nonPositive: number;
  /** Points left out because x or y is NaN or infinite. */
  nonFinite: number;
  last: number;
}

/** Whether (x, y) can be drawn on the chosen scales, and why not. */
function pointKind(x: number, y: number, xLog: boolean, yLog: boolean): 'ok' | 'non-finite' | 'non-positive' {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return 'non-finite';
  if ((xLog && !(x > 0)) || (yLog && !(y > 0))) return 'non-positive';
  return 'ok';
}

/** The summary for screen readers. */
function describe(
  props: SeriesPlotProps,
  prepared: readonly Prepared[],
  extent: readonly [number, number, number, number] | null,
  xScale: AxisScale,
  yScale: AxisScale,
): string {
  const { series, xLabel, yLabel, references = [], markerX } = props;
  if (series.length === 0) return `${props.title}: there is nothing to show yet.`;
  const each = series.map((s, i) => {
    const p = prepared[i];
    if (p.finite === 0) return `${s.name}: no points shown`;
    return `${s.name}: ${count(p.finite, 'point')}, the last at ${xLabel} = ${formatNumber(s.x[p.last])}, ${yLabel} = ${formatNumber(s.y[p.last])}`;
  });
  const sentences = [`${props.title}. ${count(series.length, 'series')}: ${each.join('; ')}.`];
  if (extent) {
    const [x0, x1, y0, y1] = extent;
    const scale = (kind: AxisScale) => (kind === 'log' ? ' (log scale)' : '');
    sentences.push(`${xLabel} runs from ${formatNumber(x0)} to ${formatNumber(x1)}${scale(xScale)}; ${yLabel} from ${formatNumber(y0)} to ${formatNumber(y1)}${scale(yScale)}.`);
  }
  const nonPositive = prepared.reduce((a, p) => a + p.nonPositive, 0);
  const nonFinite = prepared.reduce((a, p) => a + p.nonFinite, 0);
  if (nonPositive > 0) {
    sentences.push(`${count(nonPositive, 'point')} with a value that is not positive ${nonPositive === 1 ? 'is' : 'are'} left out of the log scale.`);
  }
  if (nonFinite > 0) sentences.push(`${count(nonFinite, 'point')} that ${nonFinite === 1 ? 'is' : 'are'} not a finite number ${nonFinite === 1 ? 'is' : 'are'} left out.`);
  if (references.length > 0) sentences.push(`Reference ${references.length === 1 ? 'line' : 'lines'}: ${references.map((r) => `${r.label} at ${formatNumber(r.y)}`).join('; ')}.`);
  if (markerX) sentences.push(`Marked: ${markerX.label} at ${xLabel} = ${formatNumber(markerX.x)}.`);
  series.forEach((s, i) => {
    const k = s.highlight;
    if (k === undefined || !(k >= 0 && k < Math.min(s.x.length, s.y.length)) || Number.isNaN(prepared[i].xs[k])) return;
    const what = s.labels?.[k] ? `${s.labels[k]}, ` : '';
    sentences.push(`Highlighted in ${s.name}: ${what}${xLabel} = ${formatNumber(s.x[k])}, ${yLabel} = ${formatNumber(s.y[k])}.`);
  });
  return sentences.join(' ');
}

/**
 * The series plot, framed with a heading and export buttons.
 * @example
 * h(SeriesPlot, {
 *   series: curves.map((c) => ({ name: c.method, x: c.iterations, y: c.objective })),
 *   xLabel: 'iteration', yLabel: 'weighted error', yScale: 'log', title: 'Objective per iteration',
 *   exportName: 'weighted-objective', references: [{ y: svdObjective, label: 'SVD' }],
 * })
 */
export function SeriesPlot(props: SeriesPlotProps) {
  const { series, xLabel, yLabel, title, exportName, yScale = 'linear', xScale = 'linear', references = [], markerX = null, points = 'lines', width = 640, height = 360 } = props;
  const xLog = xScale === 'log';
  const yLog = yScale === 'log';
  const m = lineMargins;
  const left = m.left;
  const right = width - m.right;
  const legendSpots = legendLayout(series.map((s) => s.name), left, right);
  const legendRows = legendSpots.length > 0 ? legendSpots[legendSpots.length - 1].row + 1 : 1;
  const top = m.top + (legendRows - 1) * LEGEND_ROW;
  const bottom = height - m.bottom;

  // The extent over every drawable point, the reference lines and the marker.
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of series) {
    const n = Math.min(s.x.length, s.y.length);
    for (let i = 0; i < n; i++) {
      const x = s.x[i];
      const y = s.y[i];
      if (pointKind(x, y, xLog, yLog) !== 'ok') continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  const hasData = x0 <= x1;
  const dataExtent = hasData ? ([x0, x1, y0, y1] as const) : null;
  const shownReferences = references.filter((r) => Number.isFinite(r.y) && (!yLog || r.y > 0));
  for (const r of shownReferences) {
    y0 = Math.min(y0, r.y);
    y1 = Math.max(y1, r.y);
  }
  const showMarkerX = markerX !== null && Number.isFinite(markerX.x) && (!xLog || markerX.x > 0);
  if (showMarkerX) {
    x0 = Math.min(x0, markerX.x);
    x1 = Math.max(x1, markerX.x);
  }
  const xPlan = axisPlan(xScale, x0, x1, [left, right], 6);
  const yPlan = axisPlan(yScale, y0, y1, [bottom, top], 5);
  const x = xPlan.scale;
  const y = yPlan.scale;

  const prepared: Prepared[] = series.map((s) => {
    const n = Math.min(s.x.length, s.y.length);
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    let finite = 0;
    let nonPositive = 0;
    let nonFinite = 0;
    let last = -1;
    for (let i = 0; i < n; i++) {
      const kind = pointKind(s.x[i], s.y[i], xLog, yLog);
      if (kind === 'ok') {
        xs[i] = x(s.x[i]);
        ys[i] = y(s.y[i]);
        finite++;
        last = i;
      } else {
        xs[i] = Number.NaN;
        ys[i] = Number.NaN;
        if (kind === 'non-positive') nonPositive++;
        else nonFinite++;
      }
    }
    return { xs, ys, finite, nonPositive, nonFinite, last };
  });

  const drawLines = points !== 'markers';
  const drawMarkers = points !== 'lines';
  const layers: ReactNode[] = [];
  series.forEach((s, i) => {
    const style = seriesStyle(i);
    const color = s.color ?? style.color;
    const p = prepared[i];
    if (drawLines) {
      const { d } = seriesPath(p.xs, p.ys);
      layers.push(h('path', { key: `line-${i}`, d, fill: 'none', stroke: color, strokeWidth: 2.5, strokeDasharray: style.dash, strokeLinejoin: 'round' }));
    }
    if (drawMarkers && p.finite > 0) layers.push(h(SeriesMarkers, { key: `markers-${i}`, series: s, prepared: p, shape: style.marker, color, xLabel, yLabel }));
  });
  // Highlights go on top of every series.
  series.forEach((s, i) => {
    const k = s.highlight;
    const p = prepared[i];
    if (k === undefined || !(k >= 0 && k < p.xs.length) || Number.isNaN(p.xs[k])) return;
    const color = s.color ?? seriesStyle(i).color;
    const hx = p.xs[k];
    const hy = p.ys[k];
    const text = s.labels?.[k] ?? `${formatNumber(s.x[k])}, ${formatNumber(s.y[k])}`;
    layers.push(
      h(
        'g',
        { key: `highlight-${i}` },
        h('circle', { cx: px(hx), cy: px(hy), r: 10, fill: 'none', stroke: plotColors.text, strokeWidth: 1.5 }),
        h('path', { d: markerPath(seriesStyle(i).marker, hx, hy, 6.5), fill: color, stroke: color, strokeWidth: 2 }),
        h('text', { ...besideX(hx + 8, right, textWidth(text, fontSize.label) + 16), y: Math.max(top + 14, hy - 14), fontSize: fontSize.label, fontWeight: 600, fill: plotColors.text, ...HALO }, text),
      ),
    );
  });

  const emptyNote = series.length === 0 || prepared.every((p) => p.finite + p.nonPositive === 0) ? 'No data yet' : 'No positive values to show on a log scale';

  const svg = h(
    PlotSvg,
    { width, height, label: title, description: describe(props, prepared, dataExtent, xScale, yScale) },
    !hasData
      ? h('text', { x: width / 2, y: height / 2, textAnchor: 'middle', fontSize: fontSize.note }, emptyNote)
      : [
          h(LeftAxis, { key: 'y', scale: y, ticks: yPlan.ticks, format: yPlan.format, label: yLog ? `${yLabel} (log scale)` : yLabel, gridTo: right, at: left }),
          h(BottomAxis, { key: 'x', scale: x, ticks: xPlan.ticks, format: xPlan.format, label: xLog ? `${xLabel} (log scale)` : xLabel, gridTo: top, at: bottom }),
          shownReferences.length > 0 &&
            h(
              'g',
              { key: 'references' },
              (() => {
                const lines = shownReferences.map((r) => ({ y: px(y(r.y)), label: r.label }));
                const spots = referenceLabelSpots(lines, right, top, fontSize.note);
                return lines.map((line, i) =>
                  h(
                    'g',
                    { key: i },
                    h('line', { x1: left, x2: right, y1: line.y, y2: line.y, stroke: plotColors.axis, strokeWidth: 1.5, strokeDasharray: '3 3' }),
                    h('text', { x: spots[i].x, y: spots[i].y, textAnchor: 'end', fontSize: fontSize.note, fill: plotColors.axis, ...HALO }, line.label),
                  ),
                );
              })(),
            ),
          showMarkerX &&
            h(
              'g',
              { key: 'marker-x' },
              h('line', { x1: px(x(markerX.x)), x2: px(x(markerX.x)), y1: top, y2: bottom, stroke: plotColors.text, strokeWidth: 1.5 }),
              h('text', { ...besideX(x(markerX.x), right, textWidth(markerX.label, fontSize.label) + 12), y: top + 14, fontSize: fontSize.label, fontWeight: 600, ...HALO }, markerX.label),
            ),
          ...layers,
        ],
    series.length > 0 &&
      h(
        'g',
        { key: 'legend', fontSize: fontSize.note },
        series.map((s, i) => {
          const style = seriesStyle(i);
          const color = s.color ?? style.color;
          const { x: lx, row } = legendSpots[i];
          const ly = 22 + row * LEGEND_ROW;
          return h(
            'g',
            { key: i },
            drawLines && h('line', { x1: lx, x2: lx + 28, y1: ly - 5, y2: ly - 5, stroke: color, strokeWidth: 2.5, strokeDasharray: style.dash }),
            drawMarkers && h('path', { d: markerPath(style.marker, lx + 14, ly - 5), fill: color, stroke: color, strokeWidth: 1.5 }),
            h('text', { x: lx + 34, y: ly }, s.name),
          );
        }),
      ),
  );
  return h(PlotFrame, { title, exportName }, svg);
}

/** A series' markers: one element with a hover title per point when few, one path when many. */
function SeriesMarkers({ series, prepared, shape, color, xLabel, yLabel }: { series: PlotSeries; prepared: Prepared; shape: MarkerShape; color: string; xLabel: string; yLabel: string }) {
  const { xs, ys, finite } = prepared;
  const n = xs.length;
  const paint = { fill: color, stroke: color, strokeWidth: 1.5 };
  if (finite <= TITLED_MARKERS) {
    const items: ReactNode[] = [];
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(xs[i])) continue;
      const coordinates = `${xLabel} = ${formatNumber(series.x[i])}, ${yLabel} = ${formatNumber(series.y[i])}`;
      const label = series.labels?.[i];
      items.push(h('path', { key: i, d: markerPath(shape, xs[i], ys[i]), ...paint }, h('title', null, `${series.name}: ${label ? `${label} (${coordinates})` : coordinates}`)));
    }
    return h('g', null, items);
  }
  const stride = Math.max(1, Math.ceil(finite / MAX_MARKERS));
  const parts: string[] = [];
  for (let i = 0, seen = 0; i < n; i++) {
    if (Number.isNaN(xs[i])) continue;
    if (seen++ % stride === 0) parts.push(markerPath(shape, xs[i], ys[i]));
  }
  return h('path', { d: parts.join(''), ...paint });
}
