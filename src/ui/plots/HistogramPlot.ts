/**
 * A histogram of values, e.g. the relative error of every row of a compressed embedding table
 * (50,257 rows for GPT-2), with optional labelled vertical markers (the mean, the ε asked for).
 *
 * Bins (`histogramBins`) are equal-width from the smallest to the largest value (or over a given
 * range). Their number follows the Freedman-Diaconis rule, width 2 IQR / n^(1/3); when the IQR is
 * zero (more than half the values equal) it follows the square-root rule, √n bins. Either way it is
 * capped at `MAX_BINS` (60), so bars stay wide enough to see and to hover. NaN and infinite values
 * are skipped and counted; the description says how many.
 */
import { createElement as h, useMemo } from 'react';
import { palette } from '../../theme/palette';
import { BottomAxis, LeftAxis } from './axes';
import { formatNumber } from './format';
import { PlotFrame } from './PlotFrame';
import { PlotSvg } from './PlotSvg';
import { HALO } from './SeriesPlot';
import { fontSize, lineMargins, plotColors, px } from './plotStyle';
import { linearScale, niceTicks } from './scale';

/** The automatic rules never make more bins than this. */
export const MAX_BINS = 60;
/** An explicit `bins` is clamped to 1..this. */
export const MAX_EXPLICIT_BINS = 1000;

/** Options of {@link histogramBins}. */
export interface HistogramOptions {
  /** The number of bins; absent: Freedman-Diaconis, or √n when the IQR is zero, capped at 60. */
  bins?: number;
  /** The interval binned (swapped bounds are accepted); values outside it are counted apart. */
  range?: readonly [number, number];
}

/** The bins of a histogram. `count + nanCount + infiniteCount + outsideCount` is the input length. */
export interface HistogramBins {
  /** Bin edges, `counts.length + 1` of them; empty when there is nothing to bin. */
  edges: number[];
  /** Values per bin. Bins are [edge_i, edge_i+1), the last one closed. */
  counts: number[];
  /** Values counted in the bins (the sum of `counts`). */
  count: number;
  nanCount: number;
  /** ±Infinity, skipped. */
  infiniteCount: number;
  /** Finite values outside `range`, when one is given. */
  outsideCount: number;
  /** The smallest, largest and median binned value (NaN when none). */
  min: number;
  max: number;
  median: number;
  /** How the number of bins was chosen. */
  rule: 'given' | 'freedman-diaconis' | 'sqrt' | 'single' | 'none';
}

/** The q-quantile (0..1) of sorted values, interpolating linearly (numpy's default). */
function quantile(sorted: Float64Array, q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * Bins `values` for a histogram. All-equal values make one bin centred on the value; no finite
 * values make no bins.
 * @example histogramBins([1, 2, 2, 3, NaN], { bins: 2 }) // edges [1, 2, 3], counts [1, 3], nanCount 1
 */
export function histogramBins(values: ArrayLike<number>, options: HistogramOptions = {}): HistogramBins {
  const range = options.range && Number.isFinite(options.range[0]) && Number.isFinite(options.range[1])
    ? ([Math.min(options.range[0], options.range[1]), Math.max(options.range[0], options.range[1])] as const)
    : null;
  let nanCount = 0;
  let infiniteCount = 0;
  let outsideCount = 0;
  const kept = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) nanCount++;
    else if (!Number.isFinite(v)) infiniteCount++;
    else if (range && (v < range[0] || v > range[1])) outsideCount++;
    else kept[n++] = v;
  }
  const base = { nanCount, infiniteCount, outsideCount, count: n };
  if (n === 0) return { ...base, edges: [], counts: [], min: Number.NaN, max: Number.NaN, median: Number.NaN, rule: 'none' };
  const sorted = kept.subarray(0, n).sort();
  const min = sorted[0];
  const max = sorted[n - 1];
  const median = quantile(sorted, 0.5);
  const lo = range ? range[0] : min;
  const hi = range ? range[1] : max;

  if (!(hi > lo)) {
    // One value (or a zero-width range): one bin around it.
    const half = lo === 0 ? 0.5 : Math.abs(lo) * 0.05;
    return { ...base, edges: [lo - half, hi + half], counts: [n], min, max, median, rule: 'single' };
  }

  let bins: number;
  let rule: HistogramBins['rule'];
  if (options.bins !== undefined && Number.isFinite(options.bins)) {
    bins = Math.max(1, Math.min(MAX_EXPLICIT_BINS, Math.floor(options.bins)));
    rule = 'given';
  } else {
    const iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
    if (iqr > 0) {
      bins = Math.ceil((hi - lo) / ((2 * iqr) / Math.cbrt(n)));
      rule = 'freedman-diaconis';
    } else {
      bins = Math.ceil(Math.sqrt(n));
      rule = 'sqrt';
    }
    bins = Math.max(1, Math.min(MAX_BINS, bins));
  }

  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const v = sorted[i];
    let b = Math.max(0, Math.min(bins - 1, Math.floor((v - lo) / width)));
    // The division can land a value on an edge in the bin below (0.03 - 0.01 = 0.0199…): the
    // edges, which the plot labels, decide.
    if (b + 1 < bins && v >= edges[b + 1]) b++;
    else if (b > 0 && v < edges[b]) b--;
    counts[b]++;
  }
  return { ...base, edges, counts, min, max, median, rule };
}

/** A labelled vertical line. */
export interface HistogramMarker {
  x: number;
  /** Its label, e.g. "mean 0.012" or "ε = 0.05". */
  label: string;
}

/** Props of {@link HistogramPlot}. */
export interface HistogramPlotProps {
  values: ArrayLike<number>;
  xLabel: string;
  /** The heading, the accessible name and the `<title>`. */
  title: string;
  /** File name of the exports, without extension. */
  exportName: string;
  /** The y axis title; "count" unless given (e.g. "rows"). */
  yLabel?: string;
  /** What one value is, in the hover titles and the description: "value" unless given (e.g. "row"). */
  unit?: string;
  bins?: number;
  range?: readonly [number, number];
  markers?: readonly HistogramMarker[];
  width?: number;
  height?: number;
}

/** Colour and dash of the i-th marker (cycled): never colour alone. */
export const MARKER_STYLES: readonly { color: string; dash: string | undefined }[] = [
  { color: palette.output, dash: undefined },
  { color: plotColors.text, dash: '7 4' },
  { color: palette.nullSpace, dash: '2 3' },
];

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** The summary for screen readers. */
function describe(bins: HistogramBins, unit: string, markers: readonly HistogramMarker[]): string {
  const skipped: string[] = [];
  if (bins.nanCount > 0) skipped.push(`${plural(bins.nanCount, 'NaN value')}`);
  if (bins.infiniteCount > 0) skipped.push(`${plural(bins.infiniteCount, 'infinite value')}`);
  if (bins.outsideCount > 0) skipped.push(`${plural(bins.outsideCount, unit)} outside the range shown`);
  const skippedNote = skipped.length > 0 ? ` Left out: ${skipped.join(', ')}.` : '';
  if (bins.count === 0) return `There are no ${unit}s to show.${skippedNote}`;
  const k = bins.counts.length;
  let fullest = 0;
  for (let i = 1; i < k; i++) if (bins.counts[i] > bins.counts[fullest]) fullest = i;
  const spread = bins.min === bins.max ? `all equal to ${formatNumber(bins.min)}` : `from ${formatNumber(bins.min)} to ${formatNumber(bins.max)}, median ${formatNumber(bins.median)}`;
  const width = k > 0 ? ` of width ${formatNumber(bins.edges[1] - bins.edges[0])}` : '';
  const binsText = `${plural(k, 'bin')}${width}`;
  const peak = k > 1 ? ` The fullest bin, ${formatNumber(bins.edges[fullest])} to ${formatNumber(bins.edges[fullest + 1])}, holds ${plural(bins.counts[fullest], unit)}.` : '';
  const lo = bins.edges[0];
  const hi = bins.edges[k];
  const marks = markers
    .filter((m) => Number.isFinite(m.x))
    .map((m) => `${m.label} at ${formatNumber(m.x)}${m.x < lo ? ' (below every bin)' : m.x > hi ? ' (beyond every bin)' : ''}`);
  const marksText = marks.length > 0 ? ` Marked: ${marks.join('; ')}.` : '';
  return `${plural(bins.count, unit)}, ${spread}, in ${binsText}.${peak}${marksText}${skippedNote}`;
}

/**
 * The histogram plot, framed with a heading and export buttons.
 * @example
 * h(HistogramPlot, {
 *   values: rows.relativeErrors, xLabel: 'relative error of a row', yLabel: 'rows', unit: 'row',
 *   title: 'Error per row', exportName: 'row-errors',
 *   markers: [{ x: mean, label: `mean ${mean.toFixed(3)}` }, { x: eps, label: `ε = ${eps}` }],
 * })
 */
export function HistogramPlot({ values, xLabel, title, exportName, yLabel = 'count', unit = 'value', bins: binCount, range, markers = [], width = 640, height = 320 }: HistogramPlotProps) {
  const lo = range?.[0];
  const hi = range?.[1];
  const bins = useMemo(
    () => histogramBins(values, { bins: binCount, range: lo !== undefined && hi !== undefined ? [lo, hi] : undefined }),
    [values, binCount, lo, hi],
  );
  const m = lineMargins;
  const left = m.left;
  const right = width - m.right;
  const top = m.top;
  const bottom = height - m.bottom;
  const k = bins.counts.length;
  const description = describe(bins, unit, markers);

  if (k === 0) {
    const svg = h(
      PlotSvg,
      { width, height, label: title, description },
      h('text', { x: width / 2, y: height / 2, textAnchor: 'middle', fontSize: fontSize.note }, `No ${unit}s to show`),
    );
    return h(PlotFrame, { title, exportName }, svg);
  }

  const x0 = bins.edges[0];
  const x1 = bins.edges[k];
  const x = linearScale([x0, x1], [left, right]);
  let peak = 0;
  for (const c of bins.counts) peak = Math.max(peak, c);
  const yTicks0 = niceTicks(0, Math.max(1, peak), 5).filter(Number.isInteger);
  const step = yTicks0.length > 1 ? yTicks0[1] - yTicks0[0] : 1;
  const yMax = Math.max(1, Math.ceil(peak / step) * step);
  const y = linearScale([0, yMax], [bottom, top]);
  const yTicks = niceTicks(0, yMax, 5).filter(Number.isInteger);

  const bars = bins.counts.map((c, i) => {
    if (c === 0) return null;
    const bx0 = px(x(bins.edges[i]));
    const bx1 = px(x(bins.edges[i + 1]));
    const by = px(y(c));
    return h(
      'rect',
      { key: i, x: bx0, y: by, width: Math.max(0.5, px(bx1 - bx0)), height: px(bottom - by), fill: palette.input, fillOpacity: 0.8, stroke: plotColors.background, strokeWidth: k > 40 ? 0.5 : 1 },
      h('title', null, `${formatNumber(bins.edges[i])} to ${formatNumber(bins.edges[i + 1])}: ${plural(c, unit)}`),
    );
  });

  const markerLayers = markers
    .filter((mk) => Number.isFinite(mk.x))
    .map((mk, i) => {
      const style = MARKER_STYLES[i % MARKER_STYLES.length];
      const labelY = top + 14 + i * 20;
      if (mk.x < x0 || mk.x > x1) {
        // Off the scale: an arrow at the edge, pointing to where it is.
        const beyond = mk.x > x1;
        return h(
          'text',
          { key: i, x: beyond ? right - 4 : left + 4, y: labelY, textAnchor: beyond ? 'end' : 'start', fontSize: fontSize.label, fontWeight: 600, fill: style.color, ...HALO },
          beyond ? `${mk.label} →` : `← ${mk.label}`,
        );
      }
      const mx = px(x(mk.x));
      const onRight = mx + 10 + mk.label.length * fontSize.label * 0.56 <= right;
      return h(
        'g',
        { key: i },
        h('line', { x1: mx, x2: mx, y1: top, y2: bottom, stroke: style.color, strokeWidth: 2, strokeDasharray: style.dash }),
        h('text', { x: onRight ? mx + 6 : mx - 6, y: labelY, textAnchor: onRight ? 'start' : 'end', fontSize: fontSize.label, fontWeight: 600, fill: style.color, ...HALO }, mk.label),
      );
    });

  const xTicks = k === 1 && bins.rule === 'single' ? [bins.min] : niceTicks(x0, x1, 6);
  const svg = h(
    PlotSvg,
    { width, height, label: title, description },
    h(LeftAxis, { scale: y, ticks: yTicks, format: (t: number) => formatNumber(t), label: yLabel, gridTo: right, at: left }),
    h(BottomAxis, { scale: x, ticks: xTicks, format: (t: number) => formatNumber(t), label: xLabel, gridTo: top, at: bottom }),
    h('g', null, bars),
    h('g', null, markerLayers),
  );
  return h(PlotFrame, { title, exportName }, svg);
}
