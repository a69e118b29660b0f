import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SpectrumPlot, type SpectrumPlotProps } from './SpectrumPlot';
import { positiveExtent, spectrumPaths } from './spectrumGeometry';
import { linearScale, logScale } from './scale';

const render = (props: SpectrumPlotProps) => renderToStaticMarkup(createElement(SpectrumPlot, props));

/** Font sizes used anywhere in the markup. */
const fontSizes = (html: string) => [...html.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('SpectrumPlot', () => {
  const values = [10, 5, 2, 1, 0.5, 0.1, 0, 0];

  it('labels the cut, the break-even rank and the zeros', () => {
    const html = render({ values, rank: 3, breakEvenRank: 4 });
    expect(html).toContain('k = 3');
    expect(html).toContain('break-even 4');
    expect(html).toContain('2 values are zero');
    expect(html).toContain('index i');
    expect(html).toContain('(log scale)');
  });

  it('is an accessible image with a name, a title and a description', () => {
    const html = render({ values, rank: 3, title: 'Spectrum of W_q' });
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Spectrum of W_q"');
    expect(html).toContain('<title>Spectrum of W_q</title>');
    expect(html).toMatch(/<desc>8 singular values, from 10 down to 0.1/);
  });

  it('has export buttons with exact names and a tooltip naming the plot', () => {
    const html = render({ values, rank: 3 });
    expect(html).toMatch(/<button[^>]*title="Export the spectrum as SVG"[^>]*>Export SVG<\/button>/);
    expect(html).toMatch(/<button[^>]*title="Export the spectrum as PNG"[^>]*>Export PNG<\/button>/);
  });

  it('omits the break-even line when it is out of range or not given', () => {
    const beyond = render({ values, rank: 3, breakEvenRank: 384 });
    expect(beyond).not.toContain('break-even 384');
    expect(beyond).not.toContain('stroke-dasharray');
    expect(beyond).toContain('The break-even rank is 384, beyond the 8 values shown.');
    expect(render({ values, rank: 3 })).not.toContain('break-even');
    expect(render({ values, rank: 3, breakEvenRank: 2.4 })).toContain('break-even 2.4');
  });

  it('writes no note when no value is zero, and keeps all text at 13 px or more', () => {
    const html = render({ values: [3, 2, 1], rank: 1 });
    expect(html).not.toContain('zero');
    expect(Math.min(...fontSizes(html))).toBeGreaterThanOrEqual(13);
  });

  it('draws 3,000 values as single paths without per-point markers', () => {
    const many = Float64Array.from({ length: 3000 }, (_, i) => (i < 2900 ? Math.exp(-i / 100) : 0));
    const html = render({ values: many, rank: 12, breakEvenRank: 614.4 });
    expect(html).not.toContain('<circle');
    expect(html).toContain('100 values are zero');
    expect(html).toContain('break-even 614.4');
    expect(html.length).toBeLessThan(200_000);
  });

  it('survives empty, all-zero and extreme spectra', () => {
    expect(render({ values: [], rank: 0 })).toContain('No singular values yet');
    const zeros = render({ values: [0, 0, 0], rank: 1 });
    expect(zeros).toContain('3 values are zero');
    expect(zeros).not.toContain('NaN');
    const extreme = render({ values: [1e300, 1, 1e-300], rank: 2 });
    expect(extreme).toContain('10³⁰⁰');
    expect(extreme).not.toContain('NaN');
  });
});

describe('spectrumPaths', () => {
  const x = linearScale([0.5, 4.5], [0, 40]);
  const y = logScale([0.1, 10], [20, 0]);

  it('splits the line at the cut and breaks it at zeros', () => {
    const paths = spectrumPaths([10, 1, 0.1, 0], 2, x, y, 30);
    expect(paths.kept).toBe('M5 0L15 10');
    expect(paths.discarded).toBe('M15 10L25 20');
    expect(paths.zeroCount).toBe(1);
    expect(paths.zeros).toBe('M31 26l8 8m0 -8l-8 8');
  });

  it('clamps the rank to 0..p', () => {
    expect(spectrumPaths([10, 1], 5, x, y, 30).discarded).toBe('M15 10');
    expect(spectrumPaths([10, 1], -1, x, y, 30).kept).toBe('');
  });

  it('finds the positive extent, or NaN without positive values', () => {
    expect(positiveExtent([4, 0, 0.5, Number.NaN])).toEqual([0.5, 4]);
    expect(positiveExtent([0, 0])).toEqual([Number.NaN, Number.NaN]);
  });
});
