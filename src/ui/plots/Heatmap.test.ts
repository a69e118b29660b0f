import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fileNameOf, Heatmap, heatmapRange } from './Heatmap';
import { entryReadout } from './HeatmapPanel';
import { HeatmapTriptych, residualOf } from './HeatmapTriptych';

/** The first PNG data URL in the markup, decoded to bytes. */
function firstPng(html: string): Uint8Array {
  const match = /href="data:image\/png;base64,([^"]+)"/.exec(html);
  expect(match).not.toBeNull();
  return Uint8Array.from(atob(match![1]), (c) => c.charCodeAt(0));
}

describe('Heatmap', () => {
  it('embeds the raster as a PNG <image>, with a colour bar labelled by the range', () => {
    const html = renderToStaticMarkup(createElement(Heatmap, { rows: 2, cols: 3, data: [1, -2, 0, 0.5, 0, 2], title: 'W' }));
    const png = firstPng(html);
    expect(Array.from(png.subarray(1, 4))).toEqual([80, 78, 71]); // "PNG"
    expect(new DataView(png.buffer).getUint32(16)).toBe(3);
    expect(new DataView(png.buffer).getUint32(20)).toBe(2);
    expect(html).toContain('<linearGradient');
    expect(html).toMatch(/>2<\/text>/);
    expect(html).toMatch(/>-2<\/text>/);
    expect(html).toContain('2 × 3');
    expect(html).toContain('aria-label="W"');
    expect(html).toContain('title="Export the heatmap W as SVG"');
    expect(html).toContain('Point at the heatmap to read an entry.');
  });

  it('uses a shared symmetric range when given', () => {
    const html = renderToStaticMarkup(createElement(Heatmap, { rows: 1, cols: 2, data: [1, -1], title: 'R', symmetricRange: 10 }));
    expect(html).toMatch(/>10<\/text>/);
    expect(html).toMatch(/>-10<\/text>/);
    expect(heatmapRange([0, 0])).toBe(1);
    expect(heatmapRange([3, -4], 0)).toBe(4);
  });

  it('reads out entries 0-based and names files after the title', () => {
    expect(entryReadout('A', { i: 2, j: 5 }, 0.125)).toBe('A[2, 5] = 0.125');
    expect(fileNameOf('A_k (k = 12)')).toBe('heatmap-a_k-k-12');
    expect(fileNameOf('−')).toBe('heatmap');
  });

  it('keeps a 768 x 3072 matrix to a raster of at most 256 x 256', () => {
    const rows = 768;
    const cols = 3072;
    // Mostly zeros keeps the test quick; the size of the raster is what is checked.
    const data = new Float32Array(rows * cols);
    data[rows * cols - 1] = 1;
    const html = renderToStaticMarkup(createElement(Heatmap, { rows, cols, data, title: 'big' }));
    const png = firstPng(html);
    expect(new DataView(png.buffer).getUint32(16)).toBe(256);
    expect(new DataView(png.buffer).getUint32(20)).toBe(256);
    expect(html).toContain('768 × 3072');
  });
});

describe('HeatmapTriptych', () => {
  const original = [4, 0, 0, 1];
  const reconstruction = [4, 0, 0, 0];

  it('shows A, A_k and A − A_k on one scale with titles naming k', () => {
    const html = renderToStaticMarkup(createElement(HeatmapTriptych, { rows: 2, cols: 2, original, reconstruction, rank: 1 }));
    expect(html.match(/<image /g)).toHaveLength(3);
    expect(html.match(/<linearGradient/g)).toHaveLength(1);
    expect(html).toMatch(/>A<\/text>/);
    expect(html).toContain('(k = 1)');
    expect(html).toContain('A − A<tspan');
    expect(html).toContain('aria-label="A, A_k (k = 1) and A − A_k"');
    expect(html).toContain('largest entry in magnitude is 1.');
    expect(html).toMatch(/>4<\/text>/);
    expect(html).toMatch(/>-4<\/text>/);
  });

  it('computes the residual entry by entry', () => {
    expect(Array.from(residualOf(original, reconstruction))).toEqual([0, 0, 0, 1]);
  });
});
