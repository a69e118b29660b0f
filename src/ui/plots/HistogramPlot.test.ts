import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HistogramPlot, MAX_BINS, MARKER_STYLES, histogramBins, type HistogramPlotProps } from './HistogramPlot';

const base = { xLabel: 'relative error of a row', title: 'Error per row', exportName: 'row-errors' };
const render = (props: Partial<HistogramPlotProps> & Pick<HistogramPlotProps, 'values'>) => renderToStaticMarkup(createElement(HistogramPlot, { ...base, ...props }));
const description = (html: string) => /<desc>([^<]*)<\/desc>/.exec(html)?.[1] ?? '';
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** mulberry32: a small seeded generator, so the samples are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('histogramBins', () => {
  it('bins with a given number of bins, the last bin closed', () => {
    const b = histogramBins([1, 2, 2, 3, Number.NaN], { bins: 2 });
    expect(b.edges).toEqual([1, 2, 3]);
    expect(b.counts).toEqual([1, 3]);
    expect(b.count).toBe(4);
    expect(b.nanCount).toBe(1);
    expect(b.rule).toBe('given');
    expect(b.min).toBe(1);
    expect(b.max).toBe(3);
    expect(b.median).toBe(2);
  });

  it('uses Freedman-Diaconis, capped at 60 bins, and the counts add up', () => {
    const uniform = seeded(7);
    // |N(0, 1)| * 0.01 by Box-Muller: the shape of per-row errors.
    const values = Float64Array.from({ length: 50257 }, () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.abs(Math.cos(2 * Math.PI * uniform())) * 0.01);
    const b = histogramBins(values);
    expect(b.rule).toBe('freedman-diaconis');
    expect(b.counts.length).toBeGreaterThan(10);
    expect(b.counts.length).toBeLessThanOrEqual(MAX_BINS);
    expect(b.edges).toHaveLength(b.counts.length + 1);
    expect(sum(b.counts)).toBe(50257);
    expect(b.edges[0]).toBe(b.min);
    expect(b.edges[b.edges.length - 1]).toBe(b.max);
  });

  it('follows Freedman-Diaconis exactly on a small sample', () => {
    // 0..99: IQR = 74.25 - 24.75 = 49.5, width 2 * 49.5 / 100^(1/3) = 21.33, so ceil(99 / 21.33) = 5 bins.
    const b = histogramBins(Array.from({ length: 100 }, (_, i) => i));
    expect(b.counts).toHaveLength(5);
    expect(sum(b.counts)).toBe(100);
  });

  it('falls back to the square-root rule when the IQR is zero', () => {
    const values = [...new Array<number>(90).fill(1), 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const b = histogramBins(values);
    expect(b.rule).toBe('sqrt');
    expect(b.counts).toHaveLength(10);
    expect(sum(b.counts)).toBe(100);
    expect(b.counts[0]).toBe(90);
  });

  it('makes one bin for all-equal values and none for empty input', () => {
    const same = histogramBins([0.5, 0.5, 0.5]);
    expect(same.rule).toBe('single');
    expect(same.counts).toEqual([3]);
    expect(same.edges[0]).toBeLessThan(0.5);
    expect(same.edges[1]).toBeGreaterThan(0.5);
    expect(histogramBins([0, 0]).edges).toEqual([-0.5, 0.5]);
    const empty = histogramBins([]);
    expect(empty).toMatchObject({ edges: [], counts: [], count: 0, rule: 'none' });
    expect(histogramBins([Number.NaN, Number.NaN])).toMatchObject({ count: 0, nanCount: 2, counts: [] });
  });

  it('skips infinities, and values outside a given (even swapped) range, and counts them', () => {
    const b = histogramBins([-1, 0, 0.25, 0.5, 1, 2, Number.POSITIVE_INFINITY, Number.NaN], { range: [1, 0], bins: 4 });
    expect(b.edges).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(b.counts).toEqual([1, 1, 1, 1]);
    expect(b.outsideCount).toBe(2);
    expect(b.infiniteCount).toBe(1);
    expect(b.nanCount).toBe(1);
    expect(b.count + b.outsideCount + b.infiniteCount + b.nanCount).toBe(8);
  });

  it('clamps an explicit bin count', () => {
    expect(histogramBins([0, 1], { bins: 0 }).counts).toHaveLength(1);
    expect(histogramBins([0, 1], { bins: 2.7 }).counts).toHaveLength(2);
    expect(histogramBins([0, 1], { bins: 1e9 }).counts).toHaveLength(1000);
  });
});

describe('HistogramPlot', () => {
  const values = [0.01, 0.02, 0.02, 0.03, 0.03, 0.03, 0.04, 0.08, Number.NaN];

  it('draws one bar per non-empty bin with a hover count, and labels the axes', () => {
    const html = render({ values, bins: 7, yLabel: 'rows', unit: 'row' });
    const bars = html.match(/<rect /g) ?? [];
    const bins = histogramBins(values, { bins: 7 });
    expect(bars).toHaveLength(bins.counts.filter((c) => c > 0).length);
    expect(html).toContain('>relative error of a row</text>');
    expect(html).toContain('>rows</text>');
    expect(html).toMatch(/<title>0.03 to 0.04: 3 rows<\/title>/);
    expect(html).not.toContain('>NaN<');
  });

  it('is an accessible image whose description gives the count, the range, the NaNs and the markers', () => {
    const html = render({ values, bins: 7, unit: 'row', markers: [{ x: 0.03, label: 'mean 0.03' }, { x: 0.5, label: 'ε = 0.5' }] });
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Error per row"');
    expect(description(html)).toBe(
      '8 rows, from 0.01 to 0.08, median 0.03, in 7 bins of width 0.01. The fullest bin, 0.03 to 0.04, holds 3 rows. Marked: mean 0.03 at 0.03; ε = 0.5 at 0.5 (beyond every bin). Left out: 1 NaN value.',
    );
    expect(html).toMatch(/<button[^>]*>Export SVG<\/button>/);
  });

  it('draws markers as labelled lines, and off-scale markers as an arrow at the edge', () => {
    const html = render({ values, markers: [{ x: 0.03, label: 'mean' }, { x: 0.5, label: 'ε = 0.5' }, { x: -1, label: 'low' }] });
    expect(html).toContain('>mean</text>');
    expect(html).toContain(`stroke="${MARKER_STYLES[0].color}"`);
    expect(html).toContain('>ε = 0.5 →</text>');
    expect(html).toContain('>← low</text>');
    // Only the in-range marker is a line.
    expect((html.match(/<line x1="[\d.]+" x2="[\d.]+" y1="40"/g) ?? []).length).toBeGreaterThanOrEqual(1);
  });

  it('handles 50,257 values quickly enough to render and keeps the markup small', () => {
    const uniform = seeded(3);
    const many = Float64Array.from({ length: 50257 }, () => uniform() ** 3);
    const html = render({ values: many });
    expect((html.match(/<rect /g) ?? []).length).toBeLessThanOrEqual(MAX_BINS);
    expect(description(html)).toMatch(/^50,257 values, from /);
    expect(html.length).toBeLessThan(40_000);
  });

  it('survives empty input, all-NaN input and all-equal values', () => {
    expect(render({ values: [] })).toContain('No values to show');
    expect(description(render({ values: [] }))).toBe('There are no values to show.');
    expect(description(render({ values: [Number.NaN, Number.NaN] }))).toBe('There are no values to show. Left out: 2 NaN values.');
    const same = render({ values: [0.2, 0.2, 0.2] });
    expect(description(same)).toBe('3 values, all equal to 0.2, in 1 bin of width 0.02.');
    expect(same).not.toContain('NaN');
    expect((same.match(/<rect /g) ?? []).length).toBe(1);
  });
});
